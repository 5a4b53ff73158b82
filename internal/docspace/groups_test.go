package docspace_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// groupsNamed returns the ids of the fake's groups named name.
func groupsNamed(portal *fakeportal.Portal, name string) []string {
	var ids []string
	for id, n := range portal.GroupNames() {
		if n == name {
			ids = append(ids, id)
		}
	}
	return ids
}

// TestCreateGroupAfterLostAnswer: the portal creates the group and the answer is lost or damaged. The
// POST is not repeated; the group is found by its creation marker and renamed, and it is the only group
// of its name.
func TestCreateGroupAfterLostAnswer(t *testing.T) {
	for name, f := range map[string]fakeportal.Fault{
		"502":         {Status: 502, AfterProcessing: true},
		"dropped":     {Drop: true, AfterProcessing: true},
		"empty":       {Reply: fakeportal.ReplyEmpty},
		"truncated":   {Reply: fakeportal.ReplyTruncated},
		"null":        {Reply: fakeportal.ReplyNull},
		"undecodable": {Reply: fakeportal.ReplyUndecodable},
	} {
		t.Run(name, func(t *testing.T) {
			portal, c := newPortal(t, fakeportal.Options{})
			member := portal.AddUser("Ann Able", "ann@portal.example", fakeportal.TypeUser)
			f.Method, f.PathPrefix, f.Count = "POST", "/api/2.0/group", 1
			portal.InjectFault(f)
			g, err := c.CreateGroup(context.Background(), docspace.CreateGroupRequest{Name: "Team", Members: []string{member}})
			if err != nil || g.Name != "Team" || len(g.Members) != 1 {
				t.Fatalf("got %+v, %v; want the group Team with its member", g, err)
			}
			if ids := groupsNamed(portal, "Team"); len(ids) != 1 || ids[0] != g.ID {
				t.Errorf("groups named Team: %v; want only %s", ids, g.ID)
			}
			if n := portal.Counts()["POST /api/2.0/group"]; n != 1 {
				t.Errorf("%d POSTs; a creation whose answer was lost must not be repeated", n)
			}
		})
	}
}

// TestCreateGroupNothingMade: a proxy refuses the POST before the portal sees it, or the portal refuses
// the request. Nothing is made, and the error says so.
func TestCreateGroupNothingMade(t *testing.T) {
	portal, c := newPortal(t, fakeportal.Options{})
	portal.InjectFault(fakeportal.Fault{Status: 502, Method: "POST", PathPrefix: "/api/2.0/group", Count: 1})
	_, err := c.CreateGroup(context.Background(), docspace.CreateGroupRequest{Name: "Team"})
	if docspace.StatusCode(err) != 502 || !strings.Contains(err.Error(), "so the portal created nothing") {
		t.Errorf("got %v; want the 502, and that no group carrying the marker appeared", err)
	}
	guest := portal.AddUser("Gus Guest", "gus@portal.example", fakeportal.TypeGuest)
	_, err = c.CreateGroup(context.Background(), docspace.CreateGroupRequest{Name: "Team", Members: []string{guest}})
	if docspace.StatusCode(err) != 400 || docspace.CreatedID(err) != "" {
		t.Errorf("got %v; want the portal's 400 as it is", err)
	}
	if len(portal.GroupNames()) != 0 {
		t.Errorf("the portal holds %v; want no group", portal.GroupNames())
	}
}

// TestCreateGroupRenameFails: the group exists, but the rename that finishes its creation fails. The
// error carries the group's id, so the caller records it.
func TestCreateGroupRenameFails(t *testing.T) {
	portal, c := newPortal(t, fakeportal.Options{})
	portal.InjectFault(fakeportal.Fault{Status: 500, Method: "PUT", PathPrefix: "/api/2.0/group/", Count: 1})
	g, err := c.CreateGroup(context.Background(), docspace.CreateGroupRequest{Name: "Team"})
	names := portal.GroupNames()
	id := docspace.CreatedID(err)
	if g != nil || id == "" || len(names) != 1 || !strings.HasPrefix(names[id], "Team [tf-pending-g-") {
		t.Errorf("got %+v, %v; the portal holds %v; want an incomplete creation naming the marked group", g, err, names)
	}
}

// TestCreateGroupStopsAtAbandonedOne: a group of the same name still carries the marker of a creation
// whose process died. A second group is not made; the error names the abandoned one.
func TestCreateGroupStopsAtAbandonedOne(t *testing.T) {
	portal, c := newPortal(t, fakeportal.Options{})
	abandoned := portal.AddGroup("Team [tf-pending-g-0123456789ab]", "")
	portal.AddGroup("Other [tf-pending-g-0123456789ab]", "")
	_, err := c.CreateGroup(context.Background(), docspace.CreateGroupRequest{Name: "Team"})
	var e *docspace.AbandonedError
	if !errors.As(err, &e) || e.ID != abandoned || e.Noun != "group" {
		t.Fatalf("got %v; want group %s named as abandoned", err, abandoned)
	}
	if g, err := c.CreateGroup(context.Background(), docspace.CreateGroupRequest{Name: "Other team"}); err != nil || g.Name != "Other team" {
		t.Errorf("another name: got %+v, %v; want it created", g, err)
	}
}
