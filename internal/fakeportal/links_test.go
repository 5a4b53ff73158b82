package fakeportal

import (
	"strings"
	"testing"
)

// Room links where the fake once was more lenient than the server (api-notes.md §22).

func TestRemovingAnUnknownLinkInAFullRoomIs403(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	room := owner.id(owner.call("POST", "files/rooms", `{"title":"r","roomType":5}`))
	const unknown = "6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"
	remove := func(linkType string) answer {
		return owner.call("PUT", "files/rooms/"+room+"/links", `{"linkId":"`+unknown+`","access":0,"linkType":`+linkType+`}`)
	}
	// Below the limit: 200 without a response, nothing made.
	if a := remove("1"); a.status != 200 || a.env["response"] != nil {
		t.Errorf("below the limit: %d %s", a.status, a.raw)
	}
	for range 5 {
		if a := owner.call("PUT", "files/rooms/"+room+"/links", `{"access":2,"linkType":1}`); a.status != 200 {
			t.Fatalf("external link: %d %s", a.status, a.raw)
		}
	}
	// At the limit an unknown id is a create, refused before anything else.
	a := remove("1")
	if a.status != 403 || !strings.HasPrefix(a.message(), "The maximum number of links may not exceed 5") {
		t.Errorf("external, at the limit: %d %s", a.status, a.raw)
	}
	if a := owner.call("PUT", "files/rooms/"+room+"/links", `{"access":2,"linkType":0}`); a.status != 200 {
		t.Fatalf("invitation link: %d %s", a.status, a.raw)
	}
	if a := remove("0"); a.status != 403 || a.message() != "The maximum number of links may not exceed 1" {
		t.Errorf("invitation, at the limit: %d %s", a.status, a.raw)
	}
	var id int64
	for _, n := range p.RoomIDs() {
		id = n
	}
	if n := p.LinkCount(id); n != 6 {
		t.Errorf("links: %d, want 6", n)
	}
	// An existing link is still removed in a full room.
	existing := owner.call("GET", "files/rooms/"+room+"/links?type=1", "").list()[0].(map[string]any)["sharedLink"].(map[string]any)["id"].(string)
	if a := owner.call("PUT", "files/rooms/"+room+"/links", `{"linkId":"`+existing+`","access":0,"linkType":1}`); a.status != 200 || a.env["response"] != nil {
		t.Errorf("removing an existing link in a full room: %d %s", a.status, a.raw)
	}
}
