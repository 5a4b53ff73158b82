package fakeportal

import (
	"strings"
	"testing"
)

// The people endpoints where the fake once was more lenient than the server (api-notes.md §30).

func TestUsersAndGuestsSeeOnlyThemselves(t *testing.T) {
	for name, kind := range map[string]int{"user": TypeUser, "guest": TypeGuest} {
		t.Run(name, func(t *testing.T) {
			p, _, caller := newFake(t, Options{})
			self := p.UserID("sk-user")
			p.SetUserType(self, kind)
			other := p.AddUser("Ann Able", "ann@portal.example", TypeUser)
			for _, path := range []string{"people/" + other, "people/email?email=ann@portal.example", "people/" + p.UserID("sk-owner")} {
				if res := caller.call("GET", path, ""); res.status != 403 || res.message() != "Access denied" {
					t.Errorf("GET %s: %d %s", path, res.status, res.raw)
				}
			}
			if res := caller.call("GET", "people/"+self, ""); res.status != 200 {
				t.Errorf("themselves by id: %d %s", res.status, res.raw)
			}
			if res := caller.call("GET", "people/email?email=user2@portal.example", ""); res.status != 200 {
				t.Errorf("themselves by e-mail: %d %s", res.status, res.raw)
			}
			// An unknown address is still 404.
			if res := caller.call("GET", "people/email?email=nobody@portal.example", ""); res.status != 404 {
				t.Errorf("unknown address: %d", res.status)
			}
			g := p.AddGroup("Team", "", self)
			for _, path := range []string{"group", "group/" + g} {
				if res := caller.call("GET", path, ""); res.status != 403 {
					t.Errorf("GET %s: %d %s", path, res.status, res.raw)
				}
			}
		})
	}
}

func TestGuestSelfAndCovers(t *testing.T) {
	p, owner, guest := newFake(t, Options{})
	if d := owner.call("GET", "people/@self", "").response(); d["hasPersonalFolder"] != true {
		t.Errorf("the owner has a personal folder: %v", d["hasPersonalFolder"])
	}
	if res := guest.call("GET", "files/rooms/covers", ""); res.status != 200 || len(res.list()) == 0 {
		t.Errorf("a room admin reads the covers: %d", res.status)
	}
	p.SetUserType(p.UserID("sk-user"), TypeGuest)
	if d := guest.call("GET", "people/@self", "").response(); d["hasPersonalFolder"] != false || d["isVisitor"] != true {
		t.Errorf("a guest has no personal folder: %v", d)
	}
	if res := guest.call("GET", "files/rooms/covers", ""); res.status != 403 {
		t.Errorf("a guest reads the covers: %d %s", res.status, res.raw)
	}
}

func TestPeopleFilterForRoomAdmins(t *testing.T) {
	p, owner, roomAdmin := newFake(t, Options{})
	p.AddUser("Anna Berg", "anna@portal.example", TypeUser)
	p.AddUser("Berg Anders", "berg@portal.example", TypeUser)
	term := p.AddUser("Terry Gone", "terry@portal.example", TypeUser)
	p.TerminateUser(term)
	total := func(c client, query string) any {
		t.Helper()
		res := c.call("GET", "people/filter?"+query, "")
		if res.status != 200 {
			t.Fatalf("%s: %d %s", query, res.status, res.raw)
		}
		return res.env["total"]
	}
	// Terminated users: an admin sees them; a room admin never does.
	if n := total(owner, "employeeType=4"); n != 3.0 {
		t.Errorf("admin, users: %v", n)
	}
	if n := total(owner, "employeeStatus=2"); n != 1.0 {
		t.Errorf("admin, terminated: %v", n)
	}
	if n := total(roomAdmin, "employeeType=4"); n != 2.0 {
		t.Errorf("room admin, users: %v; terminated users are hidden", n)
	}
	if n := total(roomAdmin, "employeeStatus=2"); n != 0.0 {
		t.Errorf("room admin, terminated: %v; want nobody", n)
	}
	if n := total(roomAdmin, "employeeStatus=1&employeeType=4"); n != 2.0 {
		t.Errorf("room admin, active users: %v", n)
	}
	// Every word must occur in the first name, the last name or the e-mail, in any order.
	for text, n := range map[string]float64{"berg anna": 1, "berg": 2, "anna%20berg": 1, "owner portal": 1, "anna terry": 0} {
		if got := total(owner, "filterValue="+strings.ReplaceAll(text, " ", "%20")); got != n {
			t.Errorf("filterValue %q: %v, want %v", text, got, n)
		}
	}
	// An unknown group: nobody, with total 0.
	res := owner.call("GET", "people/filter?groupId="+emptyGUID, "")
	if res.status != 200 || len(res.list()) != 0 || res.env["total"] != 0.0 {
		t.Errorf("unknown group: %d %s", res.status, res.raw)
	}
}

func TestUserNotFoundText(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	for _, path := range []string{"people/email?email=nobody@portal.example", "people/" + emptyGUID} {
		if res := owner.call("GET", path, ""); res.status != 404 || res.message() != "The user could not be found" {
			t.Errorf("GET %s: %d %s", path, res.status, res.raw)
		}
	}
}

// A key made without the accounts scopes is refused on every people and group route, before the endpoint
// runs, and keeps its rooms (api-notes.md §2).
func TestKeyWithoutAccountsScope(t *testing.T) {
	p, owner, limited := newFake(t, Options{KeysWithoutAccountsScope: []string{"sk-user"}})
	g := p.AddGroup("Team", "", p.UserID("sk-owner"))
	for _, path := range []string{"people/@self", "people/" + p.UserID("sk-owner"), "people/email?email=owner@portal.example", "people/filter", "group", "group/" + g} {
		if res := limited.call("GET", path, ""); res.status != 403 || len(res.raw) != 0 {
			t.Errorf("GET %s without the accounts scope: %d %s", path, res.status, res.raw)
		}
		if res := owner.call("GET", path, ""); res.status != 200 {
			t.Errorf("GET %s with full access: %d %s", path, res.status, res.raw)
		}
	}
	if res := limited.call("PUT", "group/"+g, `{"groupName":"Renamed"}`); res.status != 403 {
		t.Errorf("PUT group without the accounts scope: %d %s", res.status, res.raw)
	}
	if res := limited.call("GET", "files/rooms", ""); res.status != 200 {
		t.Errorf("rooms without the accounts scope: %d %s", res.status, res.raw)
	}
}
