package fakeportal

import "testing"

// Room endpoints where the fake once was more lenient than the server (api-notes.md §9).

func TestGuestWithoutAccessUpdatingARoom(t *testing.T) {
	p, owner, guest := newFake(t, Options{})
	room, roomID := newRoom(t, owner, typeCustom)
	p.SetUserType(p.UserID("sk-user"), TypeGuest)
	if a := guest.call("PUT", "files/rooms/"+room, `{"title":"x"}`); a.status != 403 || a.message() != "You don't have permission to edit the room" {
		t.Errorf("a guest who is not a member: %d %s", a.status, a.raw)
	}
	p.SetShare(roomID, p.UserID("sk-user"), accessRead)
	if a := guest.call("PUT", "files/rooms/"+room, `{"title":"x"}`); a.status != 403 || a.message() != "You don't have permission to edit the room" {
		t.Errorf("a guest who reads the room: %d %s", a.status, a.raw)
	}
	if a := owner.call("GET", "files/rooms/"+room, ""); a.response()["title"] != "r" {
		t.Errorf("nothing may change: %s", a.raw)
	}
}
