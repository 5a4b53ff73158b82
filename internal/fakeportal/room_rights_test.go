package fakeportal

import "testing"

// Who may manage a room and who may create one (api-notes.md §34, §35), and the first grant of a group
// in an AI room (api-notes.md §29).

func TestAdminsReadButDoNotManageOthersRooms(t *testing.T) {
	p, owner, roomAdmin := newFake(t, Options{})
	room, _ := newRoom(t, roomAdmin, typeCustom)
	// The portal owner, a DocSpace admin, neither created the room nor manages it.
	got := owner.call("GET", "files/rooms/"+room, "")
	if got.status != 200 {
		t.Fatalf("an admin reads every room: %d %s", got.status, got.raw)
	}
	security, _ := got.response()["security"].(map[string]any)
	if security["Read"] != true || security["EditRoom"] != false || security["EditAccess"] != false || got.response()["canShare"] != false {
		t.Errorf("security flags of an admin in another's room: %v, canShare %v", security, got.response()["canShare"])
	}
	for _, c := range []struct{ method, path, body, message string }{
		{"PUT", "files/rooms/" + room, `{"title":"x"}`, "You don't have permission to edit the room"},
		{"PUT", "files/rooms/" + room + "/tags", `{"names":["x"]}`, "You don't have permission to edit the room"},
		{"PUT", "files/rooms/" + room + "/share", invite(grant(p.UserID("sk-owner"), accessRead)), "Access denied"},
		{"PUT", "files/rooms/" + room + "/links", `{"access":2,"linkType":1}`, "Access denied"},
		{"DELETE", "files/rooms/" + room, `{"deleteAfter":false}`, "Access denied"},
	} {
		if a := owner.call(c.method, c.path, c.body); a.status != 403 || a.message() != c.message {
			t.Errorf("%s %s by an admin who does not manage the room: %d %s; want 403 %q", c.method, c.path, a.status, a.raw, c.message)
		}
	}
	roomAdmin.call("PUT", "files/rooms/"+room+"/links", `{"access":2,"linkType":1}`)
	if links := owner.call("GET", "files/rooms/"+room+"/links", ""); links.status != 200 || len(links.list()) != 0 {
		t.Errorf("links are hidden from an admin who does not manage the room: %d %s", links.status, links.raw)
	}
	// Archiving stays allowed, and an archived room can be deleted by the admin.
	p.FinishFileOperationsAtOnce(true)
	if a := owner.call("PUT", "files/rooms/"+room+"/archive", `{"deleteAfter":false}`); a.status != 200 {
		t.Fatalf("an admin archives any room: %d %s", a.status, a.raw)
	}
	if a := owner.call("DELETE", "files/rooms/"+room, `{"deleteAfter":false}`); a.status != 200 {
		t.Errorf("an admin deletes an archived room: %d %s", a.status, a.raw)
	}
	// Made room manager, the admin manages the room.
	other, otherID := newRoom(t, roomAdmin, typeCustom)
	p.SetShare(otherID, p.UserID("sk-owner"), accessRoomManager)
	if a := owner.call("PUT", "files/rooms/"+other, `{"title":"managed"}`); a.status != 200 {
		t.Errorf("a room manager edits the room: %d %s", a.status, a.raw)
	}
}

func TestUsersAndGuestsCannotCreateRooms(t *testing.T) {
	p, _, roomAdmin := newFake(t, Options{})
	for _, kind := range []int{TypeUser, TypeGuest} {
		p.SetUserType(p.UserID("sk-user"), kind)
		before := len(p.RoomIDs())
		a := roomAdmin.call("POST", "files/rooms", `{"title":"r","roomType":5}`)
		if a.status != 403 || a.message() != "You don't have enough permission to create" {
			t.Errorf("type %d creates a room: %d %s", kind, a.status, a.raw)
		}
		if len(p.RoomIDs()) != before {
			t.Errorf("type %d: a refused creation must create nothing", kind)
		}
	}
	p.SetUserType(p.UserID("sk-user"), TypeRoomAdmin)
	if a := roomAdmin.call("POST", "files/rooms", `{"title":"r","roomType":5}`); a.status != 200 {
		t.Errorf("a room admin creates rooms: %d %s", a.status, a.raw)
	}
}

func TestGroupFirstGrantInAIRoomIsCheckedAsAGuest(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	room, roomID := newRoom(t, owner, typeAI)
	group := p.AddGroup("g", "")
	a := owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(group, accessContentCreator)))
	if a.status != 403 || a.message() != "The role is not available for this user type" {
		t.Errorf("a group's first grant as content creator in an AI room: %d %s", a.status, a.raw)
	}
	if _, ok := p.ShareOf(roomID, group); ok {
		t.Error("the refused grant must store nothing")
	}
	// Viewer first, then content creator: a change of an existing record passes.
	memberIDs(t, owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(group, accessRead))))
	memberIDs(t, owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(group, accessContentCreator))))
	if got, _ := p.ShareOf(roomID, group); got != accessContentCreator {
		t.Errorf("the group's role after the change: %d", got)
	}
	// Other room types are not affected.
	custom, _ := newRoom(t, owner, typeCustom)
	memberIDs(t, owner.call("PUT", "files/rooms/"+custom+"/share", invite(grant(group, accessContentCreator))))
}
