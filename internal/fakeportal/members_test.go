package fakeportal

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Room members, people and groups (api-notes.md §29-§31).

func grant(id string, access int) string { return fmt.Sprintf(`{"id":%q,"access":%d}`, id, access) }

func invite(entries ...string) string {
	return `{"invitations":[` + strings.Join(entries, ",") + `],"notify":false}`
}

func memberIDs(t *testing.T, a answer) []string {
	t.Helper()
	if a.status != 200 {
		t.Fatalf("PUT /share: %d %s", a.status, a.raw)
	}
	var ids []string
	members, _ := a.response()["members"].([]any)
	for _, m := range members {
		e := m.(map[string]any)
		subject, _ := e["sharedToUser"].(map[string]any)
		if subject == nil {
			subject = e["sharedToGroup"].(map[string]any)
		}
		ids = append(ids, subject["id"].(string))
	}
	return ids
}

func newRoom(t *testing.T, c client, roomType int) (string, int64) {
	t.Helper()
	id := c.id(c.call("POST", "files/rooms", fmt.Sprintf(`{"title":"r","roomType":%d}`, roomType)))
	n, _ := strconv.ParseInt(id, 10, 64)
	return id, n
}

func TestShareEntriesApplyInOrderAndStopAtAForbiddenRole(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	room, roomID := newRoom(t, owner, typeFillingForms)
	a := p.AddUser("Ann Able", "ann@portal.example", TypeUser)
	b := p.AddUser("Bob Best", "bob@portal.example", TypeUser)
	c := p.AddUser("Cid Cole", "cid@portal.example", TypeUser)
	// Read is not a role of form-filling rooms: the second entry fails after the first was saved.
	res := owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(a, accessFillForms), grant(b, accessRead), grant(c, accessFillForms)))
	if res.status != 403 || res.message() != "The role is not available for this user type" {
		t.Fatalf("forbidden role: %d %s", res.status, res.raw)
	}
	if got, ok := p.ShareOf(roomID, a); !ok || got != accessFillForms {
		t.Errorf("the entry before the forbidden one must be saved: %d %t", got, ok)
	}
	for _, id := range []string{b, c} {
		if _, ok := p.ShareOf(roomID, id); ok {
			t.Errorf("%s: entries from the forbidden one on must not be saved", id)
		}
	}
}

func TestShareMatrixPerRoomTypeSubjectAndUserType(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	kinds := map[string]int{"docspace admin": TypeDocSpaceAdmin, "room admin": TypeRoomAdmin, "user": TypeUser, "guest": TypeGuest}
	all := []int{accessRead, accessReview, accessComment, accessFillForms, accessRoomManager, accessEditing, accessContentCreator}
	for _, roomType := range []int{typeCustom, typePublic, typeFillingForms, typeEditing, typeVirtualData, typeAI} {
		room, roomID := newRoom(t, owner, roomType)
		group := p.AddGroup("g", "")
		for _, access := range all {
			res := owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(group, access)))
			want := slices.Contains(memberRules[roomType].group, access) && access != accessRoomManager
			if (res.status == 200) != want {
				t.Errorf("room type %d, group, access %d: %d %s", roomType, access, res.status, res.raw)
			}
			for name, kind := range kinds {
				u := p.AddUser(name, name+strconv.Itoa(access)+"@portal.example", kind)
				res := owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(u, access)))
				managerForbidden := access == accessRoomManager && (kind == TypeUser || kind == TypeGuest)
				aiGuestCreator := roomType == typeAI && kind == TypeGuest && access == accessContentCreator
				want := slices.Contains(memberRules[roomType].user, access) && !managerForbidden && !aiGuestCreator
				if (res.status == 200) != want {
					t.Errorf("room type %d, %s, access %d: %d %s", roomType, name, access, res.status, res.raw)
				}
				if got, ok := p.ShareOf(roomID, u); ok != want || (ok && got != access) {
					t.Errorf("room type %d, %s, access %d: stored %d %t", roomType, name, access, got, ok)
				}
			}
		}
	}
}

func TestShareSilentSkips(t *testing.T) {
	p, owner, roomAdmin := newFake(t, Options{})
	room, roomID := newRoom(t, owner, typeCustom)
	terminated := p.AddUser("Tess Term", "tess@portal.example", TypeUser)
	p.TerminateUser(terminated)
	removed := p.AddUser("Rem Oved", "rem@portal.example", TypeUser)
	p.RemoveUser(removed)
	group := p.AddGroup("Gone", "")
	p.DeleteGroupNow(group)
	ok := p.AddUser("Olga Ok", "olga@portal.example", TypeUser)
	res := owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(terminated, accessRead), grant(removed, accessRead),
		grant(group, accessRead), grant(ok, accessRead)))
	if ids := memberIDs(t, res); len(ids) != 1 || ids[0] != ok {
		t.Errorf("only the valid subject is in members: %v (%s)", ids, res.raw)
	}
	if n := p.ShareCount(roomID); n != 1 {
		t.Errorf("records: %d, want 1", n)
	}
	// A room admin does not see a guest unrelated to them: the grant is skipped with 200.
	guest := p.AddUser("Gus Guest", "gus@portal.example", TypeGuest)
	room2 := roomAdmin.id(roomAdmin.call("POST", "files/rooms", `{"title":"mine","roomType":5}`))
	res = roomAdmin.call("PUT", "files/rooms/"+room2+"/share", invite(grant(guest, accessRead)))
	if ids := memberIDs(t, res); len(ids) != 0 {
		t.Errorf("an invisible guest must be skipped: %v", ids)
	}
}

func TestShareRevokeSameAccessAndEmptyRequest(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	room, roomID := newRoom(t, owner, typeCustom)
	u := p.AddUser("Ann Able", "ann@portal.example", TypeRoomAdmin)
	memberIDs(t, owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(u, accessEditing))))
	if ids := memberIDs(t, owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(u, accessEditing)))); len(ids) != 1 {
		t.Errorf("the same access again answers the record: %v", ids)
	}
	res := owner.call("PUT", "files/rooms/"+room+"/share", invite())
	if _, has := res.response()["members"]; res.status != 200 || has || res.response()["error"] != 0.0 {
		t.Errorf("empty invitations: %d %s", res.status, res.raw)
	}
	if ids := memberIDs(t, owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(u, accessNone)))); len(ids) != 0 {
		t.Errorf("a revoked subject is absent from members: %v", ids)
	}
	if _, ok := p.ShareOf(roomID, u); ok {
		t.Error("access 0 must remove the record")
	}
}

func TestShareListOwnerFirstTotalAndPaging(t *testing.T) {
	p, owner, other := newFake(t, Options{})
	room, _ := newRoom(t, owner, typeCustom)
	var ids []string
	for i := range 5 {
		ids = append(ids, p.AddUser(fmt.Sprintf("Member %d", i), fmt.Sprintf("m%d@portal.example", i), TypeUser))
	}
	g := p.AddGroup("Team", "")
	var entries []string
	for _, id := range append(ids, g) {
		entries = append(entries, grant(id, accessRead))
	}
	memberIDs(t, owner.call("PUT", "files/rooms/"+room+"/share", invite(entries...)))
	res := owner.call("GET", "files/rooms/"+room+"/share?count=4", "")
	list := res.list()
	if res.status != 200 || len(list) != 4 || res.env["total"] != 7.0 || res.env["count"] != 4.0 {
		t.Fatalf("first page: %d count %v total %v (%d items)", res.status, res.env["count"], res.env["total"], len(list))
	}
	first := list[0].(map[string]any)
	if first["isOwner"] != true || first["access"] != 1.0 || first["canEditAccess"] != false {
		t.Errorf("the owner's synthetic entry comes first: %v", first)
	}
	// Groups come before users who are not room managers (api-notes.md §29).
	if second := list[1].(map[string]any); second["subjectType"] != 2.0 || second["sharedToGroup"].(map[string]any)["id"] != g {
		t.Errorf("the group record: %v", second)
	}
	res = owner.call("GET", "files/rooms/"+room+"/share?count=4&startIndex=4", "")
	if len(res.list()) != 3 || res.env["total"] != 7.0 {
		t.Errorf("second page: %d items, total %v", len(res.list()), res.env["total"])
	}
	if res := owner.call("GET", "files/rooms/"+room+"/share?filterType=Group", ""); len(res.list()) != 1 || res.env["total"] != 1.0 {
		t.Errorf("filterType=Group: %s", res.raw)
	}
	if res := owner.call("GET", "files/rooms/"+room+"/share?count=101", ""); res.status != 400 {
		t.Errorf("count 101: %d", res.status)
	}
	if res := other.call("GET", "files/rooms/"+room+"/share", ""); res.status != 200 || len(res.list()) != 0 {
		t.Errorf("a caller without read access gets 200 []: %d %s", res.status, res.raw)
	}
	if res := owner.call("GET", "files/rooms/999999/share", ""); res.status != 404 {
		t.Errorf("missing room: %d", res.status)
	}
}

func TestShareByEmail(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	room, roomID := newRoom(t, owner, typeCustom)
	known := p.AddUser("Kim Known", "kim@portal.example", TypeRoomAdmin)
	res := owner.call("PUT", "files/rooms/"+room+"/share", invite(`{"email":"kim@portal.example","access":10}`, `{"email":"new@else.example","access":2}`))
	if ids := memberIDs(t, res); len(ids) != 0 {
		t.Errorf("e-mail entries are not in members: %v", ids)
	}
	if got, _ := p.ShareOf(roomID, known); got != accessEditing {
		t.Errorf("an existing e-mail is that user: %d", got)
	}
	guest := owner.call("GET", "people/email?email=new@else.example", "")
	if guest.status != 200 || guest.response()["isVisitor"] != true {
		t.Fatalf("an unknown e-mail creates a guest: %s", guest.raw)
	}
	// RoomManager through an e-mail is checked against a guest: refused even for an admin's address.
	res = owner.call("PUT", "files/rooms/"+room+"/share", invite(`{"email":"kim@portal.example","access":9}`))
	if res.status != 403 {
		t.Errorf("e-mail + RoomManager: %d", res.status)
	}
	_, owner2, _ := newFake(t, Options{NoGuestInvitations: true})
	room2, _ := newRoom(t, owner2, typeCustom)
	if res := owner2.call("PUT", "files/rooms/"+room2+"/share", invite(`{"email":"x@else.example","access":2}`)); res.status != 403 {
		t.Errorf("guest invitations disabled: %d", res.status)
	}
	if res := owner.call("PUT", "files/rooms/"+room+"/share", invite(`{"email":"not-an-address","access":2}`)); res.status != 400 || res.response()["errors"] == nil {
		t.Errorf("a bad e-mail is a validation error: %d %s", res.status, res.raw)
	}
}

func TestShareVirtualDataRoomFormRoles(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	room, roomID := newRoom(t, owner, typeVirtualData)
	u := p.AddUser("Fay Form", "fay@portal.example", TypeUser)
	memberIDs(t, owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(u, accessFillForms))))
	p.SetFormRoles(roomID, u, true)
	res := owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(u, accessNone)))
	if res.status != 200 || res.response()["error"] != 1.0 {
		t.Errorf("removing a member with form roles: %d %s", res.status, res.raw)
	}
	if _, ok := p.ShareOf(roomID, u); !ok {
		t.Error("nothing may change without force")
	}
	memberIDs(t, owner.call("PUT", "files/rooms/"+room+"/share", `{"invitations":[`+grant(u, accessNone)+`],"force":true}`))
	if _, ok := p.ShareOf(roomID, u); ok {
		t.Error("force removes the member")
	}
}

func TestShareArchivedMissingAndCallers(t *testing.T) {
	p, owner, roomAdmin := newFake(t, Options{FileOpDuration: 1})
	room, roomID := newRoom(t, owner, typeCustom)
	u := p.AddUser("Ann Able", "ann@portal.example", TypeUser)
	if res := roomAdmin.call("PUT", "files/rooms/"+room+"/share", invite(grant(u, accessRead))); res.status != 403 || res.message() != "You don't have enough permission to view the folder content" {
		t.Errorf("a caller who cannot read the room: %d %s", res.status, res.raw)
	}
	p.SetShare(roomID, p.UserID("sk-user"), accessEditing)
	if res := roomAdmin.call("PUT", "files/rooms/"+room+"/share", invite(grant(u, accessRead))); res.status != 403 || res.message() != "Access denied" {
		t.Errorf("a caller who reads the room but cannot manage it: %d %s", res.status, res.raw)
	}
	if res := owner.call("PUT", "files/rooms/999999/share", invite(grant(u, accessRead))); res.status != 404 {
		t.Errorf("missing room: %d", res.status)
	}
	p.SetShare(roomID, p.UserID("sk-user"), accessRoomManager)
	if res := roomAdmin.call("PUT", "files/rooms/"+room+"/share", invite(grant(u, accessRead))); res.status != 200 {
		t.Errorf("a room manager may manage members: %d %s", res.status, res.raw)
	}
	owner.call("PUT", "files/rooms/"+room+"/archive", `{}`)
	waitArchived(t, owner, room)
	if res := owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(u, accessEditing))); res.status != 403 {
		t.Errorf("archived room: %d", res.status)
	}
}

func waitArchived(t *testing.T, c client, room string) {
	t.Helper()
	for range 200 {
		if c.call("GET", "files/rooms/"+room, "").response()["rootFolderType"] == float64(folderArchive) {
			return
		}
		c.call("GET", "files/fileops", "")
	}
	t.Fatal("the room was not archived")
}

func TestShareTemplatesTakeOnlyReadForAdmins(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	tpl := strconv.FormatInt(p.AddTemplate("t", typeCustom, nil, false), 10)
	admin := p.AddUser("Ada Admin", "ada@portal.example", TypeRoomAdmin)
	member := p.AddUser("Uma User", "uma@portal.example", TypeUser)
	if res := owner.call("PUT", "files/rooms/"+tpl+"/share", invite(grant(admin, accessRead))); res.status != 200 {
		t.Errorf("Read for a room admin: %d", res.status)
	}
	if res := owner.call("PUT", "files/rooms/"+tpl+"/share", invite(grant(admin, accessEditing))); res.status != 403 {
		t.Errorf("Editing on a template: %d", res.status)
	}
	if res := owner.call("PUT", "files/rooms/"+tpl+"/share", invite(grant(member, accessRead))); res.status != 403 {
		t.Errorf("a User-type member on a template: %d", res.status)
	}
}

// TestShareTemplatesCheckTheWholeRequestFirst: unlike rooms, a template's sharing refuses the whole
// request, with nothing applied, when any entry is not allowed (api-notes.md §29).
func TestShareTemplatesCheckTheWholeRequestFirst(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	id := p.AddTemplate("t", typeCustom, nil, false)
	tpl := strconv.FormatInt(id, 10)
	ada := p.AddUser("Ada Admin", "ada@portal.example", TypeRoomAdmin)
	dan := p.AddUser("Dan Admin", "dan@portal.example", TypeDocSpaceAdmin)
	uma := p.AddUser("Uma User", "uma@portal.example", TypeUser)
	group := p.AddGroup("Team", "")
	for name, bad := range map[string]string{
		"a user of type user":  grant(uma, accessRead),
		"another role":         grant(dan, accessEditing),
		"an e-mail entry":      `{"email":"dan@portal.example","access":2}`,
		"an unknown e-mail":    `{"email":"nobody@portal.example","access":2}`,
		"a group as an editor": grant(group, accessEditing),
	} {
		res := owner.call("PUT", "files/rooms/"+tpl+"/share", invite(grant(ada, accessRead), bad, grant(group, accessRead)))
		if res.status != 403 || res.message() != "The role is not available for this user type" {
			t.Errorf("%s: %d %s", name, res.status, res.raw)
		}
		if n := p.ShareCount(id); n != 0 {
			t.Errorf("%s: %d records saved, want none", name, n)
		}
	}
	if ids := memberIDs(t, owner.call("PUT", "files/rooms/"+tpl+"/share", invite(grant(ada, accessRead), grant(group, accessRead), grant(uma, accessNone)))); len(ids) != 2 {
		t.Errorf("read for an admin and a group, none for a user: %v", ids)
	}
	// Any public toggle revokes every other record.
	if res := owner.call("PUT", "files/roomtemplate/public", `{"id":`+tpl+`,"public":false}`); res.status != 200 {
		t.Fatalf("toggle: %d %s", res.status, res.raw)
	}
	if n := p.ShareCount(id); n != 0 {
		t.Errorf("records after a public toggle: %d", n)
	}
}

// TestTemplateSharesGivenAtCreationAreRecords: the e-mails and groups of a new template become records
// that GET /share lists and PUT /share revokes; an address of nobody and a user who may not use
// templates get nothing.
func TestTemplateSharesGivenAtCreationAreRecords(t *testing.T) {
	p, owner, _ := newFake(t, Options{JobDuration: 10 * time.Millisecond})
	ada := p.AddUser("Ada Admin", "ada@portal.example", TypeRoomAdmin)
	p.AddUser("Uma User", "uma@portal.example", TypeUser)
	group := p.AddGroup("Team", "")
	src := owner.id(owner.call("POST", "files/rooms", `{"title":"src","roomType":5}`))
	owner.call("POST", "files/roomtemplate", `{"roomId":`+src+`,"title":"t","share":["ada@portal.example","uma@portal.example","x@nowhere.example"],"groups":["`+group+`"]}`)
	time.Sleep(60 * time.Millisecond)
	tpl := jsonNumber(owner.call("GET", "files/roomtemplate/status", "").response()["templateId"].(float64))
	list := owner.call("GET", "files/rooms/"+tpl+"/share", "").list()
	if len(list) != 3 { // the owner's entry, Ada, the group
		t.Fatalf("GET /share of the new template: %v", list)
	}
	if ids := memberIDs(t, owner.call("PUT", "files/rooms/"+tpl+"/share", invite(grant(ada, accessNone)))); len(ids) != 0 {
		t.Errorf("a creation share is revoked like any record: %v", ids)
	}
}

func TestGroupMembersInheritTheGroupsRole(t *testing.T) {
	p, owner, roomAdmin := newFake(t, Options{})
	room, _ := newRoom(t, owner, typeCustom)
	g := p.AddGroup("Team", "", p.UserID("sk-user"))
	if res := roomAdmin.call("GET", "files/rooms/"+room, ""); res.status != 403 {
		t.Fatalf("before the grant: %d", res.status)
	}
	memberIDs(t, owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(g, accessEditing))))
	if res := roomAdmin.call("GET", "files/rooms/"+room, ""); res.status != 200 || res.response()["access"] != float64(accessEditing) {
		t.Errorf("a group member reads the room with the group's role: %d %s", res.status, res.raw)
	}
}

func TestDeletingAGroupRemovesItsShares(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	room, roomID := newRoom(t, owner, typeCustom)
	g := owner.call("POST", "group", `{"groupName":"Team"}`).response()["id"].(string)
	memberIDs(t, owner.call("PUT", "files/rooms/"+room+"/share", invite(grant(g, accessRead))))
	if res := owner.call("DELETE", "group/"+g, ""); res.status != 204 || res.raw != "" {
		t.Fatalf("delete: %d %q; want 204 without a body", res.status, res.raw)
	}
	if _, ok := p.ShareOf(roomID, g); ok {
		t.Error("the group's record must go with it")
	}
	if res := owner.call("DELETE", "group/"+g, ""); res.status != 404 {
		t.Errorf("second delete: %d", res.status)
	}
}

func TestPeopleLookups(t *testing.T) {
	p, owner, roomAdmin := newFake(t, Options{})
	self := owner.call("GET", "people/@self", "").response()
	if self["isOwner"] != true || self["isAdmin"] != false {
		t.Errorf("the owner has isOwner and isAdmin false: %v", self)
	}
	if _, ok := self["firstName"]; !ok {
		t.Errorf("@self is an EmployeeFullDto: %v", self)
	}
	admin := p.AddUser("Dee Admin", "dee@portal.example", TypeDocSpaceAdmin)
	if d := owner.call("GET", "people/"+admin, "").response(); d["isAdmin"] != true || d["email"] != "dee@portal.example" {
		t.Errorf("a DocSpace admin: %v", d)
	}
	if res := owner.call("GET", "people/email?email=", ""); res.status != 400 {
		t.Errorf("empty e-mail: %d", res.status)
	}
	if res := owner.call("GET", "people/email?email=nobody@portal.example", ""); res.status != 404 {
		t.Errorf("unknown e-mail: %d", res.status)
	}
	if res := owner.call("GET", "people/email?email=DEE@portal.example", ""); res.status != 404 {
		t.Errorf("the address is compared exactly: %d", res.status)
	}
	if res := owner.call("GET", "people/"+emptyGUID, ""); res.status != 404 {
		t.Errorf("unknown id: %d", res.status)
	}
	guest := p.AddUser("Gus Guest", "gus@portal.example", TypeGuest)
	if res := roomAdmin.call("GET", "people/"+guest, ""); res.status != 403 {
		t.Errorf("a room admin may not see an unrelated guest: %d", res.status)
	}
	if res := roomAdmin.call("GET", "people/email?email=gus@portal.example", ""); res.status != 403 {
		t.Errorf("nor find them by e-mail: %d", res.status)
	}
	removed := p.AddUser("Rem Oved", "rem@portal.example", TypeUser)
	p.RemoveUser(removed)
	if res := owner.call("GET", "people/email?email=rem@portal.example", ""); res.status != 404 {
		t.Errorf("a removed user: %d", res.status)
	}
}

func TestPeopleFilter(t *testing.T) {
	p, owner, roomAdmin := newFake(t, Options{})
	for i := range 5 {
		p.AddUser(fmt.Sprintf("Plain %d", i), fmt.Sprintf("plain%d@portal.example", i), TypeUser)
	}
	term := p.AddUser("Terry Gone", "terry@portal.example", TypeUser)
	p.TerminateUser(term)
	p.AddUser("Gus Guest", "gus@portal.example", TypeGuest)
	res := owner.call("GET", "people/filter?employeeType=User&count=2", "")
	if res.status != 200 || len(res.list()) != 2 || res.env["total"] != 6.0 {
		t.Errorf("type filter with paging: %d %v items, total %v", res.status, len(res.list()), res.env["total"])
	}
	if res := owner.call("GET", "people/filter?employeeType=4&employeeStatus=2", ""); res.env["total"] != 1.0 {
		t.Errorf("terminated users: %s", res.raw)
	}
	if res := owner.call("GET", "people/filter?filterValue=plain%203", ""); res.env["total"] != 1.0 {
		t.Errorf("text filter: %s", res.raw)
	}
	if res := owner.call("GET", "people/filter?area=2", ""); res.env["total"] != 1.0 {
		t.Errorf("guests area: %s", res.raw)
	}
	if res := roomAdmin.call("GET", "people/filter?area=2", ""); res.env["total"] != 0.0 {
		t.Errorf("a room admin sees no unrelated guest: %s", res.raw)
	}
	if res := owner.call("GET", "people/filter?count=101", ""); res.status != 400 {
		t.Errorf("count 101: %d", res.status)
	}
	p.SetUserType(p.UserID("sk-user"), TypeUser)
	if res := roomAdmin.call("GET", "people/filter", ""); res.status != 403 {
		t.Errorf("a User-type caller: %d", res.status)
	}
}

func TestGroupLifecycle(t *testing.T) {
	p, owner, roomAdmin := newFake(t, Options{})
	a := p.AddUser("Ann Able", "ann@portal.example", TypeUser)
	b := p.AddUser("Bob Best", "bob@portal.example", TypeRoomAdmin)
	guest := p.AddUser("Gus Guest", "gus@portal.example", TypeGuest)
	if res := owner.call("POST", "group", `{"groupName":"Team","members":["`+guest+`"]}`); res.status != 400 || res.message() != "The user could not be found" {
		t.Errorf("a guest member fails the create: %d %s", res.status, res.raw)
	}
	if res := owner.call("GET", "group", ""); res.env["total"] != 0.0 {
		t.Errorf("nothing is created: %s", res.raw)
	}
	if res := owner.call("POST", "group", `{"groupName":"  "}`); res.status != 400 {
		t.Errorf("blank name: %d", res.status)
	}
	if res := owner.call("POST", "group", `{"groupName":"`+strings.Repeat("n", 129)+`"}`); res.status != 400 {
		t.Errorf("long name: %d", res.status)
	}
	if res := roomAdmin.call("POST", "group", `{"groupName":"Team"}`); res.status != 403 {
		t.Errorf("only DocSpace admins edit groups: %d", res.status)
	}
	res := owner.call("POST", "group", `{"groupName":"Team","groupManager":"`+b+`","members":["`+a+`"]}`)
	g := res.response()
	if res.status != 200 || g["membersCount"] != 2.0 || g["manager"].(map[string]any)["id"] != b {
		t.Fatalf("create: %d %s", res.status, res.raw)
	}
	id := g["id"].(string)
	// Update skips invalid members without an error.
	res = owner.call("PUT", "group/"+id, `{"groupName":"Team 2","membersToAdd":["`+guest+`"],"membersToRemove":["`+a+`"]}`)
	if g := res.response(); g["name"] != "Team 2" || g["membersCount"] != 1.0 {
		t.Errorf("update: %s", res.raw)
	}
	res = owner.call("PUT", "group/"+id+"/manager", `{"userId":"`+a+`"}`)
	if g := res.response(); g["manager"].(map[string]any)["id"] != a || g["membersCount"] != 2.0 {
		t.Errorf("manager: %s", res.raw)
	}
	if res := owner.call("PUT", "group/"+id+"/manager", `{"userId":"`+emptyGUID+`"}`); res.status != 404 {
		t.Errorf("unknown manager: %d", res.status)
	}
	if res := owner.call("POST", "group/"+id+"/members", `{"members":["`+guest+`"]}`); res.status != 400 || res.message() != "Members" {
		t.Errorf("replace with no valid member: %d %s", res.status, res.raw)
	}
	if g := owner.call("GET", "group/"+id, "").response(); g["membersCount"] != 2.0 {
		t.Errorf("replace checks the new members before it removes anyone: %v", g)
	}
	owner.call("PUT", "group/"+id+"/members", `{"members":["`+a+`","`+b+`"]}`)
	owner.call("DELETE", "group/"+id+"/members", `{"members":["`+a+`"]}`)
	if g := owner.call("GET", "group/"+id+"?includeMembers=false", "").response(); g["membersCount"] != 1.0 || g["members"] != nil {
		t.Errorf("add, remove, and a read without members: %v", g)
	}
	owner.call("POST", "group", `{"groupName":"Team 2"}`) // names are not unique
	if res := owner.call("GET", "group?filterValue=team", ""); res.env["total"] != 2.0 || res.list()[0].(map[string]any)["members"] != nil {
		t.Errorf("listing: %s", res.raw)
	}
	if res := owner.call("GET", "group/"+emptyGUID, ""); res.status != 404 || res.message() != "The group could not be found" {
		t.Errorf("missing group: %d %s", res.status, res.raw)
	}
}

// TestGroupHidesBlockedMembers: a blocked member stays in the group but is left out of its members and
// membersCount, is skipped when added again, and stays through a replacement of the members; the manager
// is shown even when blocked; the member's own record still lists the group (api-notes.md §32).
func TestGroupHidesBlockedMembers(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	a := p.AddUser("Ann Able", "ann@portal.example", TypeRoomAdmin)
	b := p.AddUser("Bob Best", "bob@portal.example", TypeUser)
	c := p.AddUser("Cid Cole", "cid@portal.example", TypeUser)
	id := p.AddGroup("Team", a, b, c)
	p.TerminateUser(b)
	p.TerminateUser(a)
	memberIDs := func(g map[string]any) []string {
		var ids []string
		for _, m := range g["members"].([]any) {
			ids = append(ids, m.(map[string]any)["id"].(string))
		}
		return ids
	}
	g := owner.call("GET", "group/"+id, "").response()
	if ids := memberIDs(g); len(ids) != 1 || ids[0] != c || g["membersCount"] != 1.0 || g["manager"].(map[string]any)["id"] != a {
		t.Errorf("blocked members hidden, the manager shown: %v", g)
	}
	if list := owner.call("GET", "group", "").list(); list[0].(map[string]any)["membersCount"] != 1.0 {
		t.Errorf("listing: %v", list)
	}
	groups := owner.call("GET", "people/"+b, "").response()["groups"].([]any)
	if len(groups) != 1 || groups[0].(map[string]any)["id"] != id {
		t.Errorf("the blocked member's record lists the group: %v", groups)
	}
	if g := owner.call("PUT", "group/"+id+"/members", `{"members":["`+b+`"]}`).response(); len(memberIDs(g)) != 1 {
		t.Errorf("adding a blocked member again is skipped: %v", g)
	}
	d := p.AddUser("Dee Dow", "dee@portal.example", TypeUser)
	owner.call("POST", "group/"+id+"/members", `{"members":["`+d+`"]}`)
	if groups := owner.call("GET", "people/"+b, "").response()["groups"].([]any); len(groups) != 1 {
		t.Errorf("a replacement leaves blocked members in the group: %v", groups)
	}
	owner.call("PUT", "group/"+id, `{"membersToRemove":["`+b+`"]}`)
	if groups := owner.call("GET", "people/"+b, "").response()["groups"].([]any); len(groups) != 0 {
		t.Errorf("a blocked member can be removed: %v", groups)
	}
}

// TestGroupNamesAndSearch: a name is stored as sent, and the listing finds the names that contain the
// trimmed filter text, ignoring case (api-notes.md §28, §31).
func TestGroupNamesAndSearch(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	for _, name := range []string{" Team [tf-pending-g-0123456789ab]", "Other", "TEAM"} {
		if res := owner.call("POST", "group", `{"groupName":"`+name+`"}`); res.status != 200 || res.response()["name"] != name {
			t.Fatalf("create %q: %d %s", name, res.status, res.raw)
		}
	}
	for filter, want := range map[string]int{"team": 2, "  TF-PENDING-  ": 1, "0123456789ab": 1, "tf-pending-r": 0} {
		res := owner.call("GET", "group?filterValue="+url.QueryEscape(filter), "")
		if res.status != 200 || len(res.list()) != want || res.env["total"] != float64(want) {
			t.Errorf("filterValue %q: %d %s; want %d groups", filter, res.status, res.raw, want)
		}
	}
}
