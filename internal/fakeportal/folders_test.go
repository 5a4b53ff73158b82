package fakeportal

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestFolderRules(t *testing.T) {
	p, owner, other := newFake(t, Options{})
	room := owner.id(owner.call("POST", "files/rooms", `{"title":"R","roomType":"CustomRoom"}`))

	long := make([]byte, 166)
	for i := range long {
		long[i] = 'a'
	}
	for _, tc := range []struct {
		key, path, body, message string
		status                   int
	}{
		{"sk-owner", "files/folder/" + room, `{"title":"` + string(long) + `"}`, "", http.StatusBadRequest},
		{"sk-owner", "files/folder/" + room, `{"title":"  "}`, "", http.StatusBadRequest},
		{"sk-owner", "files/folder/999999", `{"title":"x"}`, folderNotFound, http.StatusForbidden},
		{"sk-owner", "files/folder/3", `{"title":"x"}`, folderNotFound, http.StatusForbidden},
		{"sk-user", "files/folder/" + room, `{"title":"x"}`, cannotCreate, http.StatusForbidden},
	} {
		a := client{t, owner.srv, tc.key}.call("POST", tc.path, tc.body)
		if a.status != tc.status || (tc.message != "" && a.message() != tc.message) {
			t.Errorf("POST %s %s as %s: %d %s", tc.path, tc.body, tc.key, a.status, a.raw)
		}
	}

	// Titles are trimmed and normalised, and not unique.
	a := owner.call("POST", "files/folder/"+room, `{"title":"  a:b  "}`)
	first := owner.id(a)
	if a.response()["title"] != "a_b" || a.response()["parentId"] != mustFloat(room) || a.response()["rootFolderType"] != float64(folderRooms) {
		t.Fatalf("create answered %s", a.raw)
	}
	second := owner.id(owner.call("POST", "files/folder/"+room, `{"title":"a:b"}`))
	if second == first {
		t.Fatal("a second folder of the same title got the same id")
	}
	sub := owner.id(owner.call("POST", "files/folder/"+first, `{"title":"sub"}`))

	// Rename: 404 for a missing folder, a raw title as stored is a no-op, others are normalised.
	if a := owner.call("PUT", "files/folder/999999", `{"title":"x"}`); a.status != http.StatusNotFound {
		t.Errorf("rename of a missing folder: %d", a.status)
	}
	if a := other.call("PUT", "files/folder/"+first, `{"title":"x"}`); a.status != http.StatusForbidden || a.message() != cannotRename {
		t.Errorf("rename by a stranger: %s", a.raw)
	}
	if a := owner.call("PUT", "files/folder/"+first, `{"title":" c|d "}`); a.response()["title"] != "c_d" {
		t.Errorf("rename answered %s", a.raw)
	}

	// Contents, by a piece of the title, with files put there by a person.
	fileID := p.AddFile(mustInt(first), "report.docx")
	a = owner.call("GET", "files/"+room+"?filterType=2&filterValue=C_", "")
	if folders := a.response()["folders"].([]any); len(folders) != 1 || a.response()["total"] != float64(1) {
		t.Errorf("room content by text: %s", a.raw)
	}
	a = owner.call("GET", "files/"+first, "")
	if len(a.response()["files"].([]any)) != 1 || len(a.response()["folders"].([]any)) != 1 {
		t.Errorf("folder content: %s", a.raw)
	}
	if a := other.call("GET", "files/"+first, ""); a.status != http.StatusForbidden {
		t.Errorf("content for a stranger: %d", a.status)
	}

	// Delete: body required, 404 for a missing folder, 403 without the right; the start answer is the
	// caller's delete queue; by default the folder moves into the caller's Trash with its content.
	if a := owner.call("DELETE", "files/folder/"+first, ""); a.status != http.StatusBadRequest {
		t.Errorf("delete without a body: %d", a.status)
	}
	if a := owner.call("DELETE", "files/folder/999999", `{}`); a.status != http.StatusNotFound {
		t.Errorf("delete of a missing folder: %d", a.status)
	}
	if a := other.call("DELETE", "files/folder/"+first, `{}`); a.status != http.StatusForbidden {
		t.Errorf("delete by a stranger: %d", a.status)
	}
	a = owner.call("DELETE", "files/folder/"+first, `{"deleteAfter":false,"immediately":false}`)
	if ops := a.list(); a.status != http.StatusOK || len(ops) != 1 || ops[0].(map[string]any)["Operation"] != float64(opDelete) {
		t.Fatalf("delete answered %s", a.raw)
	}
	time.Sleep(60 * time.Millisecond)
	a = owner.call("GET", "files/folder/"+first, "")
	if a.status != http.StatusOK || a.response()["rootFolderType"] != float64(folderTrash) || a.response()["originId"] != mustFloat(room) {
		t.Errorf("a trashed folder for its deleter: %s", a.raw)
	}
	if a := other.call("GET", "files/folder/"+first, ""); a.status != http.StatusForbidden || a.message() != cannotViewFolder {
		t.Errorf("a trashed folder for someone else: %s", a.raw)
	}
	if a := owner.call("GET", "files/folder/"+sub, ""); a.response()["rootFolderType"] != float64(folderTrash) {
		t.Errorf("a subfolder of a trashed folder: %s", a.raw)
	}
	a = owner.call("GET", "files/@trash", "")
	trash := strconv.FormatInt(int64(a.response()["current"].(map[string]any)["id"].(float64)), 10)
	if folders := a.response()["folders"].([]any); len(folders) != 1 {
		t.Errorf("the caller's Trash: %s", a.raw)
	}
	if a := other.call("GET", "files/"+trash, ""); a.status != http.StatusForbidden {
		t.Errorf("someone else's Trash: %d", a.status)
	}
	if !p.FileExists(fileID) {
		t.Error("the file did not move into the Trash with its folder")
	}

	// immediately deletes for good, subfolders and files with it.
	owner.call("DELETE", "files/folder/"+second, `{"immediately":true}`)
	owner.call("DELETE", "files/folder/"+first, `{"immediately":true}`)
	time.Sleep(60 * time.Millisecond)
	for _, id := range []string{first, second, sub} {
		if a := owner.call("GET", "files/folder/"+id, ""); a.status != http.StatusNotFound || a.message() != folderNotFound {
			t.Errorf("folder %s after a permanent delete: %s", id, a.raw)
		}
	}
	if p.FileExists(fileID) {
		t.Error("the file outlived its folder")
	}
}

func TestFolderControls(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	room := owner.id(owner.call("POST", "files/rooms", `{"title":"R","roomType":"CustomRoom"}`))
	a := owner.id(owner.call("POST", "files/folder/"+room, `{"title":"a"}`))
	b := owner.id(owner.call("POST", "files/folder/"+room, `{"title":"b"}`))
	p.MoveFolder(mustInt(b), mustInt(a))
	if got := owner.call("GET", "files/folder/"+b, ""); got.response()["parentId"] != mustFloat(a) {
		t.Errorf("after a move: %s", got.raw)
	}
	path := owner.call("GET", "files/folder/"+b+"/path", "").list()
	if len(path) != 4 || path[1].(map[string]any)["id"] != mustFloat(room) || path[3].(map[string]any)["id"] != mustFloat(b) {
		t.Errorf("path: %v", path)
	}
	p.TrashFolderNow(mustInt(a), "sk-user")
	if got := owner.call("GET", "files/folder/"+b, ""); got.status != http.StatusForbidden {
		t.Errorf("in someone else's Trash: %s", got.raw)
	}
	p.DeleteFolderNow(mustInt(a))
	if p.FolderExists(mustInt(b)) {
		t.Error("a subfolder outlived its deleted parent")
	}
	c := owner.id(owner.call("POST", "files/folder/"+room, `{"title":"c"}`))
	p.DeleteRoomNow(mustInt(room))
	if got := owner.call("GET", "files/folder/"+c, ""); got.status != http.StatusNotFound {
		t.Errorf("a folder of a deleted room: %s", got.raw)
	}
}

func mustInt(s string) int64     { n, _ := strconv.ParseInt(s, 10, 64); return n }
func mustFloat(s string) float64 { return float64(mustInt(s)) }
