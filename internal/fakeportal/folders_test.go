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

// TestTemplateJobsCopyFolders: a template snapshots its source room's folders and files, a room made
// from the template gets a copy of the template's, Trash is left out, and the copies are independent.
func TestTemplateJobsCopyFolders(t *testing.T) {
	p, owner, _ := newFake(t, Options{JobDuration: 10 * time.Millisecond})
	src := owner.id(owner.call("POST", "files/rooms", `{"title":"src","roomType":"CustomRoom"}`))
	contracts := owner.id(owner.call("POST", "files/folder/"+src, `{"title":"01 Contracts"}`))
	owner.call("POST", "files/folder/"+contracts, `{"title":"signed"}`)
	p.AddFile(mustInt(contracts), "model.docx")
	gone := owner.id(owner.call("POST", "files/folder/"+src, `{"title":"gone"}`))
	p.TrashFolderNow(mustInt(gone), "sk-owner")

	finish := func(status string) int64 {
		t.Helper()
		for range 100 {
			time.Sleep(5 * time.Millisecond)
			r := owner.call("GET", status, "").response()
			if r["isCompleted"] == true {
				if r["error"] != nil && r["error"] != "" {
					t.Fatalf("job failed: %v", r)
				}
				for _, k := range []string{"templateId", "roomId"} {
					if id, ok := r[k].(float64); ok && id > 0 {
						return int64(id)
					}
				}
				t.Fatalf("no id in %v", r)
			}
		}
		t.Fatal("job did not finish")
		return 0
	}
	tree := func(id int64) map[string]int64 {
		out := map[string]int64{}
		var walk func(id int64, prefix string)
		walk = func(id int64, prefix string) {
			for fid, title := range p.FolderTitles(id) {
				out[prefix+title] = fid
				walk(fid, prefix+title+"/")
			}
		}
		walk(id, "")
		return out
	}

	owner.call("POST", "files/roomtemplate", `{"roomId":`+src+`,"title":"tpl"}`)
	tpl := finish("files/roomtemplate/status")
	got := tree(tpl)
	if len(got) != 2 || got["01 Contracts"] == 0 || got["01 Contracts/signed"] == 0 || got["01 Contracts"] == mustInt(contracts) {
		t.Fatalf("template tree: %v", got)
	}
	a := owner.call("GET", "files/folder/"+strconv.FormatInt(got["01 Contracts"], 10), "")
	if a.response()["rootFolderType"] != float64(folderTemplates) || a.response()["filesCount"] != 1.0 {
		t.Errorf("copied folder in a template: %s", a.raw)
	}

	// A later change of the source room does not reach the template.
	owner.call("POST", "files/folder/"+src, `{"title":"later"}`)
	owner.call("POST", "files/rooms/fromtemplate", `{"templateId":`+strconv.FormatInt(tpl, 10)+`,"title":"made"}`)
	room := finish("files/rooms/fromtemplate/status")
	got = tree(room)
	if len(got) != 2 || got["01 Contracts/signed"] == 0 {
		t.Fatalf("room tree: %v", got)
	}
	a = owner.call("GET", "files/folder/"+strconv.FormatInt(got["01 Contracts"], 10), "")
	if a.response()["rootFolderType"] != float64(folderRooms) || a.response()["filesCount"] != 1.0 {
		t.Errorf("copied folder in a room: %s", a.raw)
	}
	// The copies are the caller's own, so a content creator could change them; renaming one leaves the others.
	owner.call("PUT", "files/folder/"+strconv.FormatInt(got["01 Contracts"], 10), `{"title":"renamed"}`)
	if tree(tpl)["01 Contracts"] == 0 || p.FolderTitles(mustInt(src))[mustInt(contracts)] != "01 Contracts" {
		t.Error("renaming a copy changed another tree")
	}
}

// TestFolderSecurityFlags: the security flags of rooms and folders tell each caller what the create,
// rename and delete calls will allow, and those calls refuse with the server's answers.
func TestFolderSecurityFlags(t *testing.T) {
	p, owner, member := newFake(t, Options{})
	room := owner.id(owner.call("POST", "files/rooms", `{"title":"R","roomType":"CustomRoom"}`))
	theirs := owner.id(owner.call("POST", "files/folder/"+room, `{"title":"owner's"}`))
	flags := func(c client, path string) map[string]any {
		t.Helper()
		return c.call("GET", path, "").response()["security"].(map[string]any)
	}

	p.AddMember(mustInt(room), "sk-user", accessRead)
	if f := flags(member, "files/rooms/"+room); f["Create"] != false {
		t.Errorf("a reader's room flags: %v", f)
	}
	if a := member.call("POST", "files/folder/"+room, `{"title":"x"}`); a.status != http.StatusForbidden || a.message() != cannotCreate {
		t.Errorf("a reader's create: %s", a.raw)
	}
	if f := flags(owner, "files/rooms/"+room); f["Create"] != true {
		t.Errorf("the owner's room flags: %v", f)
	}

	p.AddMember(mustInt(room), "sk-user", accessContentCreator)
	if f := flags(member, "files/rooms/"+room); f["Create"] != true {
		t.Errorf("a content creator's room flags: %v", f)
	}
	own := member.id(member.call("POST", "files/folder/"+room, `{"title":"mine"}`))
	if f := flags(member, "files/folder/"+own); f["Rename"] != true || f["Delete"] != true || f["Create"] != true {
		t.Errorf("a content creator's flags on its own folder: %v", f)
	}
	if f := flags(member, "files/folder/"+theirs); f["Rename"] != false || f["Delete"] != false || f["Create"] != true {
		t.Errorf("a content creator's flags on another's folder: %v", f)
	}
	if f := flags(owner, "files/folder/"+own); f["Rename"] != true || f["Delete"] != true {
		t.Errorf("the owner's flags on a member's folder: %v", f)
	}
	if a := member.call("PUT", "files/folder/"+theirs, `{"title":"x"}`); a.status != http.StatusForbidden || a.message() != cannotRename {
		t.Errorf("a content creator renaming another's folder: %s", a.raw)
	}
	if a := member.call("DELETE", "files/folder/"+theirs, `{"immediately":true}`); a.status != http.StatusForbidden {
		t.Errorf("a content creator deleting another's folder: %s", a.raw)
	}
	if a := member.call("PUT", "files/folder/"+own, `{"title":"mine 2"}`); a.status != http.StatusOK {
		t.Errorf("a content creator renaming its own folder: %s", a.raw)
	}
}
