package docspace_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

func folderRoom(t *testing.T, c *docspace.Client) int64 {
	t.Helper()
	room, err := c.CreateRoom(context.Background(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: "folders"}, RoomType: docspace.RoomTypeCustom})
	if err != nil {
		t.Fatal(err)
	}
	return room.ID
}

// TestFolderLifecycle: create in a room and in a folder, read, rename, list, delete to the Trash and for
// good.
func TestFolderLifecycle(t *testing.T) {
	ctx := context.Background()
	portal, c := newPortal(t, fakeportal.Options{})
	room := folderRoom(t, c)
	f, err := c.CreateFolder(ctx, room, "Contracts")
	if err != nil || f.Title != "Contracts" || f.ParentID != room || f.RootFolderType != docspace.SectionRooms {
		t.Fatalf("got %+v, %v", f, err)
	}
	sub, err := c.CreateFolder(ctx, f.ID, "2026")
	if err != nil || sub.ParentID != f.ID {
		t.Fatalf("got %+v, %v", sub, err)
	}
	if got, err := c.FolderRoom(ctx, sub.ID); err != nil || got != room {
		t.Errorf("room of the subfolder: %d, %v; want %d", got, err, room)
	}
	if f, err = c.RenameFolder(ctx, f.ID, "Agreements"); err != nil || f.Title != "Agreements" {
		t.Fatalf("rename: %+v, %v", f, err)
	}
	folders, err := c.ListFolders(ctx, room, "agree")
	if err != nil || len(folders) != 1 || folders[0].ID != f.ID {
		t.Fatalf("listing: %+v, %v", folders, err)
	}
	portal.AddFile(f.ID, "a.docx")
	content, err := c.ListFolderContent(ctx, f.ID, docspace.FolderContentOptions{Count: 1})
	if err != nil || content.Total != 2 {
		t.Fatalf("content: %+v, %v", content, err)
	}

	if err := c.DeleteFolder(ctx, sub.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetFolder(ctx, sub.ID); !docspace.IsNotFound(err) {
		t.Errorf("after a permanent delete: %v; want 404", err)
	}
	if err := c.DeleteFolder(ctx, f.ID, false); err != nil {
		t.Fatal(err)
	}
	if got, err := c.GetFolder(ctx, f.ID); err != nil || !got.InTrash() || got.OriginID != room {
		t.Errorf("after a delete to the Trash: %+v, %v", got, err)
	}
	if err := c.DeleteFolder(ctx, 999999, false); err != nil {
		t.Errorf("deleting a folder that is gone: %v", err)
	}
}

// TestDeleteFolderLeavesOtherOperations: the start answer lists the caller's other delete operations;
// the wait watches its own folder and returns without waiting for them.
func TestDeleteFolderLeavesOtherOperations(t *testing.T) {
	ctx := context.Background()
	portal, c := newPortal(t, fakeportal.Options{})
	room := folderRoom(t, c)
	a, _ := c.CreateFolder(ctx, room, "a")
	b, _ := c.CreateFolder(ctx, room, "b")
	done := make(chan error, 1)
	go func() { done <- c.DeleteFolder(ctx, a.ID, false) }()
	if err := c.DeleteFolder(ctx, b.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if portal.FolderExists(b.ID) || !portal.FolderExists(a.ID) {
		t.Error("each delete must have had its own effect")
	}
}

// TestDeleteFolderFailure: the portal's operation fails; the error says so.
func TestDeleteFolderFailure(t *testing.T) {
	ctx := context.Background()
	portal, c := newPortal(t, fakeportal.Options{})
	room := folderRoom(t, c)
	f, _ := c.CreateFolder(ctx, room, "a")
	portal.FailNextFileOperation("the file is being edited")
	if err := c.DeleteFolder(ctx, f.ID, false); err == nil || !strings.Contains(err.Error(), "being edited") {
		t.Errorf("got %v; want the operation's error", err)
	}
}

// TestCreateFolderAfterLostAnswer: the portal makes the folder and the answer is lost or damaged. The
// POST is not repeated, the folder is found by its marker in its parent and renamed, and it is the only
// folder of its title there.
func TestCreateFolderAfterLostAnswer(t *testing.T) {
	for name, f := range map[string]fakeportal.Fault{
		"502":       {Status: 502, AfterProcessing: true},
		"dropped":   {Drop: true, AfterProcessing: true},
		"truncated": {Reply: fakeportal.ReplyTruncated},
		"null":      {Reply: fakeportal.ReplyNull},
	} {
		t.Run(name, func(t *testing.T) {
			portal, c := newPortal(t, fakeportal.Options{})
			room := folderRoom(t, c)
			f.Method, f.PathPrefix, f.Count = "POST", "/api/2.0/files/folder/", 1
			portal.InjectFault(f)
			got, err := c.CreateFolder(context.Background(), room, "Contracts")
			if err != nil || got.Title != "Contracts" {
				t.Fatalf("got %+v, %v", got, err)
			}
			if titles := portal.FolderTitles(room); len(titles) != 1 || titles[got.ID] != "Contracts" {
				t.Errorf("folders in the room: %v; want only %d", titles, got.ID)
			}
			if n := portal.Counts()["POST /api/2.0/files/folder/{id}"]; n != 1 {
				t.Errorf("%d POSTs; a creation whose answer was lost must not be repeated", n)
			}
		})
	}
}

// TestCreateFolderRefused: a missing parent fails the look for unfinished creations in it (404) before
// anything is sent; a parent the caller may not create in is the POST's 403. Nothing is made.
func TestCreateFolderRefused(t *testing.T) {
	portal, c := newPortal(t, fakeportal.Options{})
	_, err := c.CreateFolder(context.Background(), 999999, "x")
	if !docspace.IsNotFound(err) || docspace.CreatedID(err) != "" {
		t.Errorf("got %v; want a 404", err)
	}
	_, err = c.CreateFolder(context.Background(), 3, "x") // the rooms section itself
	if docspace.CreatedID(err) != "" || (!docspace.IsForbidden(err) && !docspace.IsNotFound(err)) {
		t.Errorf("got %v; want a refusal", err)
	}
	if n := portal.Counts()["POST /api/2.0/files/folder/{id}"]; n > 1 {
		t.Errorf("%d POSTs", n)
	}
}

// TestFolderTree lists a nested tree level by level, every page of each level, and lists no folder that
// holds no folders.
func TestFolderTree(t *testing.T) {
	ctx := context.Background()
	portal, c := newPortal(t, fakeportal.Options{})
	room := folderRoom(t, c)
	mk := func(parent int64, title string) int64 {
		f, err := c.CreateFolder(ctx, parent, title)
		if err != nil {
			t.Fatal(err)
		}
		return f.ID
	}
	a := mk(room, "A")
	b := mk(a, "B")
	mk(b, "C")
	for i := range 101 {
		mk(a, fmt.Sprintf("leaf %03d", i))
	}
	portal.ResetCounts()
	tree, crumbs, err := c.FolderTree(ctx, room)
	if err != nil {
		t.Fatal(err)
	}
	listings := portal.Counts()["GET /api/2.0/files/{id}"]
	if len(crumbs) != 2 || crumbs[1].ID != room {
		t.Errorf("breadcrumbs of the room: %+v", crumbs)
	}
	if _, crumbs, err := c.FolderChildren(ctx, b); err != nil || len(crumbs) != 4 || crumbs[1].ID != room || crumbs[2].ID != a || crumbs[3].Title != "B" {
		t.Errorf("breadcrumbs of B: %+v, %v", crumbs, err)
	}
	if len(tree) != 104 {
		t.Fatalf("got %d folders, want 104", len(tree))
	}
	paths := map[string]int64{}
	for _, f := range tree {
		paths[f.Path] = f.ParentID
	}
	for path, parent := range map[string]int64{"A": room, "A/B": a, "A/B/C": b, "A/leaf 100": a} {
		if got, ok := paths[path]; !ok || got != parent {
			t.Errorf("%s: in %d (listed: %t), want %d", path, got, ok, parent)
		}
	}
	// The room, A (two pages) and B: C and the leaves hold no folders.
	if listings != 4 {
		t.Errorf("listed content %d times, want 4", listings)
	}
}
