package fakeportal

import (
	"testing"
)

// The group endpoints where the fake once was more lenient or more helpful than the server
// (api-notes.md §31).

func createGroup(t *testing.T, c client, body string) string {
	t.Helper()
	res := c.call("POST", "group", body)
	if res.status != 200 {
		t.Fatalf("POST /group %s: %d %s", body, res.status, res.raw)
	}
	return res.response()["id"].(string)
}

func TestGroupNameIsStoredAsSent(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	id := createGroup(t, owner, `{"groupName":"  Team  "}`)
	if g := owner.call("GET", "group/"+id, "").response(); g["name"] != "  Team  " {
		t.Errorf("the name is not trimmed: %q", g["name"])
	}
	if g := owner.call("PUT", "group/"+id, `{"groupName":null}`).response(); g["name"] != "  Team  " {
		t.Errorf("a null name keeps the name: %q", g["name"])
	}
	if g := owner.call("PUT", "group/"+id, `{"groupName":""}`).response(); g["name"] != "" {
		t.Errorf(`"" empties the name: %q`, g["name"])
	}
	if g := owner.call("PUT", "group/"+id, `{"groupName":"   "}`).response(); g["name"] != "   " {
		t.Errorf("an update takes a blank name as sent: %q", g["name"])
	}
	// Create: a blank name is an error envelope, an empty one a validation problem.
	if res := owner.call("POST", "group", `{"groupName":"  "}`); res.status != 400 || res.message() == "" || res.env["response"] != nil {
		t.Errorf("blank name: %d %s; want a 400 error envelope", res.status, res.raw)
	}
	if res := owner.call("POST", "group", `{"groupName":""}`); res.status != 400 || res.response()["errors"] == nil {
		t.Errorf("empty name: %d %s; want a validation 400", res.status, res.raw)
	}
}

func TestRemovingTheManagerFromTheMembersClearsIt(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	a := p.AddUser("Ann Able", "ann@portal.example", TypeUser)
	b := p.AddUser("Bob Best", "bob@portal.example", TypeUser)
	for name, remove := range map[string]func(id string) answer{
		"membersToRemove": func(id string) answer {
			return owner.call("PUT", "group/"+id, `{"membersToRemove":["`+a+`"]}`)
		},
		"DELETE members": func(id string) answer {
			return owner.call("DELETE", "group/"+id+"/members", `{"members":["`+a+`"]}`)
		},
	} {
		id := createGroup(t, owner, `{"groupName":"Team","groupManager":"`+a+`","members":["`+b+`"]}`)
		g := remove(id).response()
		if _, has := g["manager"]; has || g["membersCount"] != 1.0 {
			t.Errorf("%s: the manager must be cleared: %v", name, g)
		}
		// Adding them back makes them a plain member.
		g = owner.call("PUT", "group/"+id+"/members", `{"members":["`+a+`"]}`).response()
		if _, has := g["manager"]; has || g["membersCount"] != 2.0 {
			t.Errorf("%s: added back as a plain member: %v", name, g)
		}
	}
	// Changing the manager and removing the old one in one update keeps the new manager.
	id := createGroup(t, owner, `{"groupName":"Team","groupManager":"`+a+`"}`)
	g := owner.call("PUT", "group/"+id, `{"groupManager":"`+b+`","membersToRemove":["`+a+`"]}`).response()
	if m, _ := g["manager"].(map[string]any); m["id"] != b || g["membersCount"] != 1.0 {
		t.Errorf("new manager, old one removed: %v", g)
	}
}

func TestReplacingGroupMembersValidatesFirst(t *testing.T) {
	p, owner, roomAdmin := newFake(t, Options{})
	a := p.AddUser("Ann Able", "ann@portal.example", TypeUser)
	b := p.AddUser("Bob Best", "bob@portal.example", TypeUser)
	c := p.AddUser("Cid Cole", "cid@portal.example", TypeUser)
	guest := p.AddUser("Gus Guest", "gus@portal.example", TypeGuest)
	id := createGroup(t, owner, `{"groupName":"Team","groupManager":"`+a+`","members":["`+b+`"]}`)
	res := owner.call("POST", "group/"+id+"/members", `{"members":["`+guest+`","`+emptyGUID+`"]}`)
	if res.status != 400 || res.message() != "Members" {
		t.Errorf("no valid member: %d %s", res.status, res.raw)
	}
	if g := owner.call("GET", "group/"+id, "").response(); g["membersCount"] != 2.0 || g["manager"] == nil {
		t.Errorf("nothing may be removed: %v", g)
	}
	// The members are checked before the group is looked up, and before the permission check.
	if res := owner.call("POST", "group/"+emptyGUID+"/members", `{"members":["`+guest+`"]}`); res.status != 400 {
		t.Errorf("a missing group with no valid member: %d", res.status)
	}
	if res := owner.call("POST", "group/"+emptyGUID+"/members", `{"members":["`+c+`"]}`); res.status != 404 || res.message() != "The group could not be found" {
		t.Errorf("a missing group: %d %s", res.status, res.raw)
	}
	if res := roomAdmin.call("POST", "group/"+id+"/members", `{"members":["`+c+`"]}`); res.status != 403 {
		t.Errorf("a room admin: %d", res.status)
	}
	// Otherwise everyone goes, the manager included, and the valid new members come in as plain members.
	g := owner.call("POST", "group/"+id+"/members", `{"members":["`+c+`","`+guest+`","`+a+`"]}`).response()
	if _, has := g["manager"]; has || g["membersCount"] != 2.0 {
		t.Errorf("replaced: %v", g)
	}
}

func TestGuestOrBlockedManagerIsIgnored(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	a := p.AddUser("Ann Able", "ann@portal.example", TypeUser)
	guest := p.AddUser("Gus Guest", "gus@portal.example", TypeGuest)
	blocked := p.AddUser("Bo Blocked", "bo@portal.example", TypeUser)
	p.TerminateUser(blocked)
	id := createGroup(t, owner, `{"groupName":"Team","groupManager":"`+a+`"}`)
	for name, who := range map[string]string{"guest": guest, "blocked": blocked} {
		res := owner.call("PUT", "group/"+id+"/manager", `{"userId":"`+who+`"}`)
		if m, _ := res.response()["manager"].(map[string]any); res.status != 200 || m["id"] != a || res.response()["membersCount"] != 1.0 {
			t.Errorf("PUT manager, %s: %d %s", name, res.status, res.raw)
		}
		res = owner.call("PUT", "group/"+id, `{"groupManager":"`+who+`"}`)
		if m, _ := res.response()["manager"].(map[string]any); res.status != 200 || m["id"] != a {
			t.Errorf("PUT group, %s manager: %d %s", name, res.status, res.raw)
		}
	}
	if res := owner.call("PUT", "group/"+id+"/manager", `{"userId":"`+emptyGUID+`"}`); res.status != 404 || res.message() != "The user could not be found" {
		t.Errorf("unknown manager: %d %s", res.status, res.raw)
	}
}

func TestDeletedGroupAnswers204(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	id := createGroup(t, owner, `{"groupName":"Team"}`)
	res := owner.call("DELETE", "group/"+id, "")
	if res.status != 204 || res.raw != "" {
		t.Errorf("delete: %d %q; want 204 without a body", res.status, res.raw)
	}
	res = owner.call("DELETE", "group/"+id, "")
	if res.status != 404 || res.message() != "The group could not be found" {
		t.Errorf("second delete: %d %s", res.status, res.raw)
	}
}

func TestGroupDtoParentAndIsSystem(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	id := createGroup(t, owner, `{"groupName":"Team"}`)
	for _, g := range []map[string]any{
		owner.call("GET", "group/"+id, "").response(),
		owner.call("GET", "group", "").list()[0].(map[string]any),
		owner.call("PUT", "group/"+id, `{}`).response(),
	} {
		if g["parent"] != emptyGUID {
			t.Errorf("parent is always there, the empty GUID: %v", g)
		}
		if _, has := g["isSystem"]; has {
			t.Errorf("isSystem is omitted unless true: %v", g)
		}
	}
}
