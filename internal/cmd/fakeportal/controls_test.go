package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// startCast serves a portal with the owner's key, one -user-key of each type and the controls.
func startCast(t *testing.T) (*httptest.Server, *cast) {
	t.Helper()
	var keys userKeyList
	for _, v := range []string{"docspaceadmin=sk-da", "room_admin=sk-ra", "user=sk-u", "guest=sk-g"} {
		if err := keys.Set(v); err != nil {
			t.Fatal(err)
		}
	}
	portal := fakeportal.New(fakeportal.Options{APIKeys: []string{"sk-owner"}})
	c := newCast(portal, []string{"sk-owner"})
	if err := c.addCallers(keys); err != nil {
		t.Fatal(err)
	}
	c.addSamples()
	srv := httptest.NewServer(withControls(portal, portal))
	t.Cleanup(srv.Close)
	return srv, c
}

// get sends GET path with key and returns the status and the response object.
func get(t *testing.T, srv *httptest.Server, key, path string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("GET", srv.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var env struct {
		Response map[string]any `json:"response"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&env)
	return resp.StatusCode, env.Response
}

func post(t *testing.T, srv *httptest.Server, path string) int {
	t.Helper()
	resp, err := http.Post(srv.URL+path, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestUserKeysActAsUsersOfTheirType(t *testing.T) {
	srv, _ := startCast(t)
	for key, flag := range map[string]string{"sk-owner": "isOwner", "sk-da": "isAdmin", "sk-ra": "isRoomAdmin", "sk-u": "isCollaborator", "sk-g": "isVisitor"} {
		status, self := get(t, srv, key, "/api/2.0/people/@self")
		if status != http.StatusOK || self[flag] != true {
			t.Errorf("%s: GET /people/@self = %d %v, want a user with %s", key, status, self, flag)
		}
	}
	// The key's type decides: users and guests may not list people.
	for key, want := range map[string]int{"sk-ra": http.StatusOK, "sk-u": http.StatusForbidden, "sk-g": http.StatusForbidden} {
		if status, _ := get(t, srv, key, "/api/2.0/people/filter"); status != want {
			t.Errorf("%s: GET /people/filter = %d, want %d", key, status, want)
		}
	}
}

func TestUserKeyFlag(t *testing.T) {
	var keys userKeyList
	for _, bad := range []string{"admin=sk-x", "user", "user=", "=sk-x"} {
		if err := keys.Set(bad); err == nil {
			t.Errorf("-user-key %q was accepted", bad)
		}
	}
	if err := keys.Set("RoomAdmin=sk-ra"); err != nil || keys.String() != "room_admin=sk-ra" {
		t.Fatalf("-user-key RoomAdmin=sk-ra: %v, %q", err, keys.String())
	}
	// A key the owner already holds is refused.
	portal := fakeportal.New(fakeportal.Options{APIKeys: []string{"sk-ra"}})
	if err := newCast(portal, []string{"sk-ra"}).addCallers(keys); err == nil {
		t.Fatal("a -user-key with the owner's key was accepted")
	}
}

func TestControlsBlockAndRemoveUsers(t *testing.T) {
	srv, c := startCast(t)
	id := func(key string) string { return c.portal.UserID(key) }
	if status := post(t, srv, usersPath+id("sk-u")+"/block"); status != http.StatusNoContent {
		t.Fatalf("block answered %d", status)
	}
	// A blocked user's key is refused like an unknown one; the others still work.
	if status, _ := get(t, srv, "sk-u", "/api/2.0/people/@self"); status != http.StatusUnauthorized {
		t.Errorf("the blocked user's key: %d, want 401", status)
	}
	status, blocked := get(t, srv, "sk-owner", "/api/2.0/people/"+id("sk-u"))
	if status != http.StatusOK || blocked["status"] != float64(fakeportal.StatusTerminated) {
		t.Errorf("the owner reads the blocked user as %d %v, want status 2", status, blocked)
	}
	if status := post(t, srv, usersPath+id("sk-g")+"/remove"); status != http.StatusNoContent {
		t.Fatalf("remove answered %d", status)
	}
	if status, _ := get(t, srv, "sk-g", "/api/2.0/people/@self"); status != http.StatusUnauthorized {
		t.Errorf("the removed user's key: %d, want 401", status)
	}
	if status, _ := get(t, srv, "sk-owner", "/api/2.0/people/"+id("sk-g")); status != http.StatusNotFound {
		t.Errorf("the owner reads the removed user: %d, want 404", status)
	}
	if status, _ := get(t, srv, "sk-ra", "/api/2.0/people/@self"); status != http.StatusOK {
		t.Errorf("an untouched key: %d, want 200", status)
	}

	for path, want := range map[string]int{
		usersPath + id("sk-g") + "/remove":     http.StatusNotFound, // removed already
		usersPath + "no-such-user/block":       http.StatusNotFound,
		usersPath + id("sk-owner") + "/block":  http.StatusConflict,
		usersPath + id("sk-owner") + "/remove": http.StatusConflict,
		usersPath + id("sk-ra") + "/unblock":   http.StatusNotFound,
	} {
		if status := post(t, srv, path); status != want {
			t.Errorf("POST %s = %d, want %d", path, status, want)
		}
	}
	resp, err := http.Get(srv.URL + usersPath + id("sk-ra") + "/block")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET of a control = %d, want 405", resp.StatusCode)
	}
	if status, _ := get(t, srv, "sk-ra", "/api/2.0/people/@self"); status != http.StatusOK {
		t.Errorf("a GET of a control blocked the user: %d", status)
	}
}

func TestStartupLinesListKeysPeopleAndGroup(t *testing.T) {
	_, c := startCast(t)
	var b strings.Builder
	c.print(&b, true)
	out := b.String()
	for _, want := range []string{
		"sk-owner", "Portal Owner <owner@portal.example>", "docspace_admin, portal owner", "id " + c.portal.UserID("sk-owner"),
		"sk-ra", "Roomadmin Caller <roomadmin.caller@portal.example>", "id " + c.portal.UserID("sk-ra"),
		"sk-u", "User Caller <user.caller@portal.example>", "sk-g", "Guest Caller", "sk-da", "Admin Caller",
		"Casey Colleague <colleague@portal.example>", "Uma User <uma@portal.example>", "Gil Guest <gil@portal.example>",
		"Project team", "managed by Casey Colleague", "id " + c.group.id,
		"POST " + usersPath + "{id}/block",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the start-up lines lack %q:\n%s", want, out)
		}
	}
	b.Reset()
	c.print(&b, false)
	if strings.Contains(b.String(), usersPath) {
		t.Errorf("without -controls the start-up lines mention them:\n%s", b.String())
	}
}
