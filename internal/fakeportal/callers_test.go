package fakeportal

import (
	"net/http"
	"testing"
)

func TestAPIKeysOfEveryUserType(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	keys := map[string]int{"sk-da": TypeDocSpaceAdmin, "sk-ra": TypeRoomAdmin, "sk-u": TypeUser, "sk-g": TypeGuest}
	ids := map[string]string{}
	for key, kind := range keys {
		ids[key] = p.AddUser("Caller "+key, key+"@portal.example", kind)
		if !p.GiveAPIKey(ids[key], key) {
			t.Fatalf("GiveAPIKey(%s) refused", key)
		}
	}
	if p.GiveAPIKey(ids["sk-u"], "sk-owner") || p.GiveAPIKey("no-such-user", "sk-new") || p.GiveAPIKey(ids["sk-u"], "") {
		t.Fatal("GiveAPIKey accepted another user's key, an unknown user or an empty key")
	}
	for key, kind := range keys {
		c := client{t, owner.srv, key}
		self := c.call("GET", "people/@self", "").response()
		if self["id"] != ids[key] {
			t.Errorf("%s acts as %v, want %s", key, self["id"], ids[key])
		}
		// The caller's type decides what it may do: users and guests may not list people.
		want := http.StatusOK
		if kind == TypeUser || kind == TypeGuest {
			want = http.StatusForbidden
		}
		if a := c.call("GET", "people/filter", ""); a.status != want {
			t.Errorf("%s: GET people/filter = %d, want %d", key, a.status, want)
		}
		if person, ok := p.PersonByID(ids[key]); !ok || person.APIKey != key || person.Type != kind {
			t.Errorf("PersonByID(%s) = %+v, %t", ids[key], person, ok)
		}
	}
}

// A blocked or removed account's keys are refused like unknown keys (api-notes.md §2).
func TestKeysOfBlockedAndRemovedUsersAreRefused(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	blocked := p.AddUser("Bo Blocked", "bo@portal.example", TypeRoomAdmin)
	removed := p.AddUser("Rem Oved", "rem@portal.example", TypeUser)
	p.GiveAPIKey(blocked, "sk-blocked")
	p.GiveAPIKey(removed, "sk-removed")
	p.TerminateUser(blocked)
	p.RemoveUser(removed)
	for _, key := range []string{"sk-blocked", "sk-removed"} {
		c := client{t, owner.srv, key}
		if a := c.call("GET", "people/@self", ""); a.status != http.StatusUnauthorized || a.raw != "" {
			t.Errorf("%s: GET people/@self = %d %q, want 401 with an empty body", key, a.status, a.raw)
		}
		if a := c.call("GET", "files/rooms/1", ""); a.status != http.StatusUnauthorized || a.env["statusCode"] != 401.0 {
			t.Errorf("%s: GET files/rooms/1 = %d %q, want the JSON 401 of anonymous endpoints", key, a.status, a.raw)
		}
	}
	if a := owner.call("GET", "people/@self", ""); a.status != http.StatusOK {
		t.Errorf("the owner's key: %d", a.status)
	}
}
