package fakeportal

import (
	"fmt"
	"strings"
	"testing"
)

// PUT and GET /files/rooms/{id}/share where the fake once was more lenient than the server
// (api-notes.md §29).

func TestShareTemplateRefusesTheWholeRequestFirst(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	tplID := p.AddTemplate("t", typeCustom, nil, false)
	tpl := fmt.Sprint(tplID)
	admin := p.AddUser("Ada Admin", "ada@portal.example", TypeRoomAdmin)
	other := p.AddUser("Oda Other", "oda@portal.example", TypeRoomAdmin)
	member := p.AddUser("Uma User", "uma@portal.example", TypeUser)
	group := p.AddGroup("Team", "")
	refused := map[string]string{
		"a role other than Read": invite(grant(admin, accessRead), grant(other, accessEditing)),
		"a User-type user":       invite(grant(admin, accessRead), grant(member, accessRead)),
		"an e-mail entry":        invite(grant(admin, accessRead), `{"email":"x@else.example","access":2}`),
	}
	for what, body := range refused {
		res := owner.call("PUT", "files/rooms/"+tpl+"/share", body)
		if res.status != 403 || res.message() != roleNotAvailable {
			t.Errorf("%s: %d %s", what, res.status, res.raw)
		}
		if _, ok := p.ShareOf(tplID, admin); ok {
			t.Errorf("%s: the entry before the refused one was applied; the template check refuses the whole request first", what)
		}
	}
	if guest := owner.call("GET", "people/email?email=x@else.example", ""); guest.status != 404 {
		t.Errorf("no account may be made for the refused e-mail entry: %d", guest.status)
	}
	// Read for admins and groups, and removals of anyone, pass.
	res := owner.call("PUT", "files/rooms/"+tpl+"/share", invite(grant(admin, accessRead), grant(group, accessRead), grant(member, accessNone)))
	if ids := memberIDs(t, res); len(ids) != 2 {
		t.Errorf("Read for a room admin and a group: %v", ids)
	}
}

func TestShareOwnerRemovesAndChangesMembersTheyCannotSee(t *testing.T) {
	p, owner, roomAdmin := newFake(t, Options{})
	// The room admin creates the room; a guest unrelated to them is a member through the portal owner.
	room := roomAdmin.id(roomAdmin.call("POST", "files/rooms", `{"title":"mine","roomType":5}`))
	var roomID int64
	fmt.Sscan(room, &roomID)
	guest := p.AddUser("Gus Guest", "gus@portal.example", TypeGuest)
	other := p.AddUser("Gil Guest", "gil@portal.example", TypeGuest)
	p.SetShare(roomID, guest, accessRead)
	if res := roomAdmin.call("GET", "people/"+guest, ""); res.status != 403 {
		t.Fatalf("the room admin must not see the guest: %d", res.status)
	}
	// A change of a current member passes the visibility filter for the room's creator.
	if ids := memberIDs(t, roomAdmin.call("PUT", "files/rooms/"+room+"/share", invite(grant(guest, accessEditing)))); len(ids) != 1 {
		t.Errorf("the creator changes an unseen member: %v", ids)
	}
	if got, _ := p.ShareOf(roomID, guest); got != accessEditing {
		t.Errorf("the change must be applied: %d", got)
	}
	// A new grant to an unseen user is still dropped.
	if ids := memberIDs(t, roomAdmin.call("PUT", "files/rooms/"+room+"/share", invite(grant(other, accessRead)))); len(ids) != 0 {
		t.Errorf("a new unseen member: %v", ids)
	}
	// A removal passes.
	memberIDs(t, roomAdmin.call("PUT", "files/rooms/"+room+"/share", invite(grant(guest, accessNone))))
	if _, ok := p.ShareOf(roomID, guest); ok {
		t.Error("the creator removes an unseen member")
	}
	// A room manager who is not the creator has no such exemption.
	room2, room2ID := newRoom(t, owner, typeCustom)
	p.SetShare(room2ID, guest, accessRead)
	p.SetShare(room2ID, p.UserID("sk-user"), accessRoomManager)
	memberIDs(t, roomAdmin.call("PUT", "files/rooms/"+room2+"/share", invite(grant(guest, accessNone))))
	if _, ok := p.ShareOf(room2ID, guest); !ok {
		t.Error("a room manager who did not create the room may not remove a member they cannot see")
	}
}

func TestShareOwnersIDSavesARealRecord(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	room, roomID := newRoom(t, owner, typeCustom)
	self := p.UserID("sk-owner")
	res := owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(self, accessEditing)))
	members, _ := res.response()["members"].([]any)
	if res.status != 200 || len(members) != 1 || members[0].(map[string]any)["isOwner"] != true || members[0].(map[string]any)["access"] != float64(accessEditing) {
		t.Fatalf("the owner's record is in members with isOwner: %d %s", res.status, res.raw)
	}
	if got, ok := p.ShareOf(roomID, self); !ok || got != accessEditing {
		t.Errorf("stored: %d %t", got, ok)
	}
	list := owner.call("GET", "files/rooms/"+room+"/share", "")
	if list.env["total"] != 2.0 || len(list.list()) != 2 {
		t.Fatalf("the owner is listed twice, total counting both: %s", list.raw)
	}
	first, second := list.list()[0].(map[string]any), list.list()[1].(map[string]any)
	if first["isOwner"] != true || first["access"] != 1.0 || second["isOwner"] != true || second["access"] != float64(accessEditing) {
		t.Errorf("the synthetic entry, then the record: %v / %v", first, second)
	}
	memberIDs(t, owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(self, accessNone))))
	if _, ok := p.ShareOf(roomID, self); ok {
		t.Error("access 0 removes the owner's record")
	}
	if res := owner.call("GET", "files/rooms/"+room, ""); res.status != 200 || res.response()["security"].(map[string]any)["EditRoom"] != true {
		t.Errorf("the owner keeps full access: %s", res.raw)
	}
}

func TestShareAMemberMayLeave(t *testing.T) {
	p, owner, member := newFake(t, Options{})
	room, roomID := newRoom(t, owner, typeCustom)
	self := p.UserID("sk-user")
	other := p.AddUser("Ann Able", "ann@portal.example", TypeUser)
	p.SetShare(roomID, self, accessRead)
	p.SetShare(roomID, other, accessRead)
	// Removing someone else needs the right to manage access.
	if res := member.call("PUT", "files/rooms/"+room+"/share", invite(grant(other, accessNone))); res.status != 403 || res.message() != "Access denied" {
		t.Errorf("a reader removes another member: %d %s", res.status, res.raw)
	}
	// So does leaving together with another change.
	if res := member.call("PUT", "files/rooms/"+room+"/share", invite(grant(self, accessNone), grant(other, accessNone))); res.status != 403 {
		t.Errorf("leaving plus another removal: %d %s", res.status, res.raw)
	}
	if res := member.call("PUT", "files/rooms/"+room+"/share", invite(grant(self, accessNone))); res.status != 200 {
		t.Fatalf("a member leaves: %d %s", res.status, res.raw)
	}
	if _, ok := p.ShareOf(roomID, self); ok {
		t.Error("the leaving member's record must be gone")
	}
	// A guest member leaves too.
	p.SetUserType(self, TypeGuest)
	p.SetShare(roomID, self, accessRead)
	if res := member.call("PUT", "files/rooms/"+room+"/share", invite(grant(self, accessNone))); res.status != 200 {
		t.Errorf("a guest leaves: %d %s", res.status, res.raw)
	}
	if _, ok := p.ShareOf(roomID, self); ok {
		t.Error("the guest's record must be gone")
	}
}

func TestShareCallerWhoCannotReadTheRoom(t *testing.T) {
	p, owner, guest := newFake(t, Options{})
	room, _ := newRoom(t, owner, typeCustom)
	p.SetUserType(p.UserID("sk-user"), TypeGuest)
	res := guest.call("PUT", "files/rooms/"+room+"/share", invite(grant(p.UserID("sk-user"), accessRead)))
	if res.status != 403 || res.message() != "You don't have enough permission to view the folder content" {
		t.Errorf("a guest who is not a member: %d %s", res.status, res.raw)
	}
}

func TestShareNotFoundTexts(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	u := p.AddUser("Ann Able", "ann@portal.example", TypeUser)
	if res := owner.call("PUT", "files/rooms/999999/share", invite(grant(u, accessRead))); res.status != 404 || res.message() != "The required folder was not found" {
		t.Errorf("PUT on a missing room: %d %s", res.status, res.raw)
	}
	if res := owner.call("GET", "files/rooms/999999/share", ""); res.status != 404 || res.message() != "Item not found" {
		t.Errorf("GET on a missing room: %d %s", res.status, res.raw)
	}
}

func TestShareEmptyInvitationsAnswerBeforeTheRoomLookup(t *testing.T) {
	_, owner, _ := newFake(t, Options{NoGuestInvitations: true})
	for _, body := range []string{invite(), `{"notify":false}`} {
		res := owner.call("PUT", "files/rooms/999999/share", body)
		if _, has := res.response()["members"]; res.status != 200 || has || res.response()["error"] != 0.0 {
			t.Errorf("%s on a missing room: %d %s; want 200 {\"error\": 0} without members", body, res.status, res.raw)
		}
	}
	// With guest invitations off, an e-mail entry with access is refused before the lookup as well.
	if res := owner.call("PUT", "files/rooms/999999/share", invite(`{"email":"x@else.example","access":2}`)); res.status != 403 || res.message() != "Access denied" {
		t.Errorf("an e-mail invitation with guest invitations off: %d %s", res.status, res.raw)
	}
}

func TestShareEmailEntryWithAccessZeroDoesNothing(t *testing.T) {
	p, owner, _ := newFake(t, Options{NoGuestInvitations: true})
	room, roomID := newRoom(t, owner, typeCustom)
	known := p.AddUser("Kim Known", "kim@portal.example", TypeRoomAdmin)
	p.SetShare(roomID, known, accessEditing)
	// Not refused although guest invitations are off, and nothing happens.
	res := owner.call("PUT", "files/rooms/"+room+"/share", invite(`{"email":"kim@portal.example","access":0}`, `{"email":"new@else.example","access":0}`))
	if res.status != 200 {
		t.Fatalf("e-mail entries with access 0: %d %s", res.status, res.raw)
	}
	if got, ok := p.ShareOf(roomID, known); !ok || got != accessEditing {
		t.Errorf("the address's user keeps the record: %d %t", got, ok)
	}
	if res := owner.call("GET", "people/email?email=new@else.example", ""); res.status != 404 {
		t.Errorf("no account for an unknown address: %d", res.status)
	}
}

func TestShareListOrderFilterAndCount(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	room, roomID := newRoom(t, owner, typeCustom)
	zed := p.AddUser("Zed Manager", "zed@portal.example", TypeRoomAdmin)
	amy := p.AddUser("Amy Manager", "amy@portal.example", TypeRoomAdmin)
	reader := p.AddUser("Rita Reader", "rita@portal.example", TypeUser)
	editor := p.AddUser("Yves Editor", "yves@portal.example", TypeUser)
	guest := p.AddUser("Gus Guest", "gus@portal.example", TypeGuest)
	group := p.AddGroup("Zeta Team", "")
	for id, access := range map[string]int{zed: accessRoomManager, amy: accessRoomManager, reader: accessRead, editor: accessEditing, guest: accessRead, group: accessRead} {
		p.SetShare(roomID, id, access)
	}
	// An e-mail invitation makes a pending guest, who comes last.
	memberIDs(t, owner.call("PUT", "files/rooms/"+room+"/share", invite(`{"email":"aaron@else.example","access":2}`)))
	res := owner.call("GET", "files/rooms/"+room+"/share", "")
	var got []string
	for _, e := range res.list() {
		m := e.(map[string]any)
		if g, ok := m["sharedToGroup"].(map[string]any); ok {
			got = append(got, g["name"].(string))
		} else {
			got = append(got, m["sharedToUser"].(map[string]any)["email"].(string))
		}
	}
	want := []string{"owner@portal.example", // the synthetic entry
		"amy@portal.example", "zed@portal.example", // room managers, by first name
		"Zeta Team",                                  // groups
		"yves@portal.example", "rita@portal.example", // other users, by role (editor before viewer)
		"gus@portal.example", // guests
		"aaron@else.example"} // pending users
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("order:\n got %v\nwant %v", got, want)
	}
	// The text filter matches one field at a time: first name, last name, e-mail, group name.
	for text, n := range map[string]float64{"manager": 2, "AMY": 1, "yves@": 1, "zeta": 1, "amy manager": 0, "portal.example": 6} {
		res := owner.call("GET", "files/rooms/"+room+"/share?filterValue="+strings.ReplaceAll(text, " ", "%20"), "")
		if res.env["total"] != n {
			t.Errorf("filterValue %q: total %v, want %v", text, res.env["total"], n)
		}
	}
	// count is min(total - startIndex, count): negative past the end.
	res = owner.call("GET", "files/rooms/"+room+"/share?startIndex=6&count=5", "")
	if res.env["count"] != 2.0 || len(res.list()) != 2 || res.env["total"] != 8.0 {
		t.Errorf("last page: count %v, %d items, total %v", res.env["count"], len(res.list()), res.env["total"])
	}
	res = owner.call("GET", "files/rooms/"+room+"/share?startIndex=10&count=5", "")
	if res.status != 200 || res.env["count"] != -2.0 || len(res.list()) != 0 {
		t.Errorf("past the end: %d count %v, %d items", res.status, res.env["count"], len(res.list()))
	}
}
