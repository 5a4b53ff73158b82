package docspace

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

func fakeClient(t *testing.T) (*fakeportal.Portal, *Client) {
	t.Helper()
	p := fakeportal.New(fakeportal.Options{APIKeys: []string{"sk-owner"}})
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	c, err := New(Config{Host: srv.URL, APIKey: "sk-owner"})
	if err != nil {
		t.Fatal(err)
	}
	return p, c
}

func TestSetRoomMemberChecksTheAnswerAgainstTheRequest(t *testing.T) {
	p, c := fakeClient(t)
	room, err := c.CreateRoom(t.Context(), CreateRoomRequest{RoomSettings: RoomSettings{Title: "r"}, RoomType: RoomTypeCustom})
	if err != nil {
		t.Fatal(err)
	}
	u := p.AddUser("Ann Able", "ann@portal.example", fakeportal.TypeUser)
	m, err := c.SetRoomMember(t.Context(), room.ID, u, FileShareEditing, false)
	if err != nil || m.Access != FileShareEditing || m.User.ID != u {
		t.Fatalf("grant: %v %+v", err, m)
	}
	gone := p.AddUser("Ted Term", "ted@portal.example", fakeportal.TypeUser)
	p.TerminateUser(gone)
	_, err = c.SetRoomMember(t.Context(), room.ID, gone, FileShareRead, false)
	var skipped *SkippedError
	if !errors.As(err, &skipped) || skipped.SubjectID != gone {
		t.Errorf("a silent skip must be an error: %v", err)
	}
	if m, err := c.SetRoomMember(t.Context(), room.ID, u, FileShareNone, false); err != nil || m != nil {
		t.Errorf("revoke: %v %+v", err, m)
	}
	// A terminated user keeps the record: the portal skips the removal too.
	_, _ = c.SetRoomMember(t.Context(), room.ID, u, FileShareRead, false)
	p.TerminateUser(u)
	if _, err := c.SetRoomMember(t.Context(), room.ID, u, FileShareNone, false); !errors.As(err, &skipped) || !skipped.Removal {
		t.Errorf("a skipped removal must be an error: %v", err)
	}
	vdr, _ := c.CreateRoom(t.Context(), CreateRoomRequest{RoomSettings: RoomSettings{Title: "v"}, RoomType: RoomTypeVirtualData})
	f := p.AddUser("Fay Form", "fay@portal.example", fakeportal.TypeUser)
	if _, err := c.SetRoomMember(t.Context(), vdr.ID, f, FileShareFillForms, false); err != nil {
		t.Fatal(err)
	}
	p.SetFormRoles(vdr.ID, f, true)
	if _, err := c.SetRoomMember(t.Context(), vdr.ID, f, FileShareNone, false); !errors.Is(err, ErrFormRoles) {
		t.Errorf("form roles: %v", err)
	}
}

func TestListRoomMembersReadsEveryPage(t *testing.T) {
	p, c := fakeClient(t)
	room, _ := c.CreateRoom(t.Context(), CreateRoomRequest{RoomSettings: RoomSettings{Title: "r"}, RoomType: RoomTypeCustom})
	for i := range 150 {
		p.SetShare(room.ID, p.AddUser(fmt.Sprintf("M %d", i), fmt.Sprintf("m%d@portal.example", i), fakeportal.TypeUser), 2)
	}
	members, err := c.ListRoomMembers(t.Context(), room.ID)
	if err != nil || len(members) != 151 || !members[0].IsOwner {
		t.Fatalf("%v: %d members, owner first %t", err, len(members), len(members) > 0 && members[0].IsOwner)
	}
}

func TestPeopleAndGroupCalls(t *testing.T) {
	p, c := fakeClient(t)
	if _, err := c.UserByEmail(t.Context(), "nobody@portal.example"); !IsNotFound(err) {
		t.Errorf("unknown e-mail: %v", err)
	}
	me, err := c.CurrentUser(t.Context())
	if err != nil || !me.IsOwner || me.IsAdmin || me.Type() != EmployeeTypeDocSpaceAdmin {
		t.Errorf("the owner is a DocSpace admin though isAdmin is false: %v %+v", err, me)
	}
	for i := range 120 {
		p.AddUser(fmt.Sprintf("U %d", i), fmt.Sprintf("u%d@portal.example", i), fakeportal.TypeUser)
	}
	users, err := c.ListUsers(t.Context(), UserFilter{Type: EmployeeTypeUser})
	if err != nil || len(users) != 120 {
		t.Errorf("all pages: %v %d", err, len(users))
	}
	g, err := c.CreateGroup(t.Context(), CreateGroupRequest{Name: "Team", Manager: users[0].ID})
	if err != nil || len(g.Members) != 1 {
		t.Fatalf("create: %v %+v", err, g)
	}
	if err := c.DeleteGroup(t.Context(), g.ID); err != nil {
		t.Errorf("delete: %v", err)
	}
	if err := c.DeleteGroup(t.Context(), g.ID); !IsNotFound(err) {
		t.Errorf("second delete: %v", err)
	}
}

func TestAnswersWithoutTheObjectAreErrors(t *testing.T) {
	for name, tc := range map[string]struct {
		body string
		call func(*Client) error
	}{
		"share without response": {`{"count":0,"status":0,"statusCode":200}`, func(c *Client) error {
			_, err := c.SetRoomMember(t.Context(), 1, "x", FileShareRead, false)
			return err
		}},
		"list without total": {`{"response":[],"count":0,"status":0,"statusCode":200}`, func(c *Client) error {
			_, err := c.ListRoomMembers(t.Context(), 1)
			return err
		}},
		"user without id": {`{"response":{"displayName":"x"},"count":1,"status":0,"statusCode":200}`, func(c *Client) error {
			_, err := c.UserByEmail(t.Context(), "a@b.example")
			return err
		}},
		"group without id": {`{"response":{"name":"x"},"count":1,"status":0,"statusCode":200}`, func(c *Client) error {
			_, err := c.GetGroup(t.Context(), "g")
			return err
		}},
	} {
		srv := serve(t, func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, tc.body) })
		c, _ := testClient(t, srv, 0)
		if err := tc.call(c); !errors.Is(err, ErrMissingObject) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestDeleteGroupAccepts204(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	c, _ := testClient(t, srv, 0)
	if err := c.DeleteGroup(t.Context(), "g"); err != nil {
		t.Error(err)
	}
}
