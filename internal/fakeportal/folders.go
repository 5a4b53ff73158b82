package fakeportal

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Folders inside rooms (api-notes.md §36). A folder lives in a room or in another folder of a room; ids
// come from the rooms' sequence. A folder whose room is gone is gone with it.

// folderTrash is the rootFolderType of a Trash section; folderRooms, folderArchive and folderTemplates
// are the other sections a folder can be in.
const folderTrash = 3

// folder is an ordinary folder. trashedBy is the user into whose Trash a delete moved it; its content
// (files and subfolders) moved with it.
type folder struct {
	id                   int64
	title                string
	parent               int64 // a room or a folder
	created, updated     time.Time
	createdBy, updatedBy *user
	trashedBy            *user
	origin               int64 // the parent it was trashed from
	// system is the FolderType of a form-filling room's system folder: 25 "Complete", 26 "In process";
	// 0 for an ordinary folder (api-notes.md §37).
	system int
}

// Server texts of the folder calls (api-notes.md §36).
const (
	folderNotFound   = "The required folder was not found"
	cannotViewFolder = "You don't have enough permission to view the folder content"
	cannotRename     = "You don't have enough permission to rename the folder"
	trashPreview     = "You are not allowed to preview the elements in the Trash"
)

// roomOf returns the room f is in, following its parents; nil when a parent is gone.
func (p *Portal) roomOf(f *folder) *room {
	for range 1000 {
		if r := p.rooms[f.parent]; r != nil {
			return r
		}
		if f = p.folders[f.parent]; f == nil {
			return nil
		}
	}
	return nil
}

// trashOf returns the user whose Trash holds f or one of its ancestors, or nil.
func (p *Portal) trashOf(f *folder) *user {
	for f != nil {
		if f.trashedBy != nil {
			return f.trashedBy
		}
		f = p.folders[f.parent]
	}
	return nil
}

// trashID is the id of u's Trash folder, made when first needed.
func (p *Portal) trashID(u *user) int64 {
	if id, ok := p.trashIDs[u]; ok {
		return id
	}
	id := p.newID()
	p.trashIDs[u] = id
	return id
}

// container resolves the id of a room or a folder that may hold folders; nil f and r when there is none
// (or its room is gone).
func (p *Portal) container(id int64) (r *room, f *folder) {
	if r = p.rooms[id]; r != nil {
		return r, nil
	}
	if f = p.folders[id]; f != nil {
		if r = p.roomOf(f); r != nil {
			return r, f
		}
	}
	return nil, nil
}

// mayCreateIn is the create right in a room: its owner, room managers and content creators, while the
// room is active (api-notes.md §36).
func (r *room) mayCreateIn(u *user) bool {
	return r.folder == folderRooms && (r.canEdit(u) || r.roleOf(u) == accessContentCreator)
}

// mayChange is the rename and delete right on a folder or file in r made by createdBy: the room's
// managers, and content creators on what they made themselves; nothing in an archived room or a template
// (api-notes.md §36, §37).
func (r *room) mayChange(u, createdBy *user) bool {
	return r.folder == folderRooms && (r.canEdit(u) || (r.roleOf(u) == accessContentCreator && createdBy == u))
}

// folderDTO is f in r as viewer sees it; security holds viewer's rights on it (api-notes.md §36).
func (p *Portal) folderDTO(f *folder, r *room, viewer *user) map[string]any {
	section, root, parent := r.folder, int64(r.parentID()), f.parent
	trash := p.trashOf(f)
	if trash != nil {
		section, root = folderTrash, p.trashID(trash)
		if f.trashedBy != nil {
			parent = root
		}
	}
	folders := 0
	for _, g := range p.folders {
		if g.parent == f.id && g.trashedBy == nil {
			folders++
		}
	}
	files := 0
	for _, g := range p.files {
		if g.parent == f.id && g.trashedBy == nil {
			files++
		}
	}
	ordinary := f.system == 0
	d := map[string]any{
		"id": f.id, "title": f.title, "parentId": parent, "rootFolderId": root, "rootFolderType": section,
		"fileEntryType": 1, "filesCount": files, "foldersCount": folders,
		"created": p.apiTime(f.created), "updated": p.apiTime(f.updated),
		"createdBy": f.createdBy.dto(), "updatedBy": f.updatedBy.dto(),
		"security": map[string]bool{"Read": true, "Create": r.mayCreateIn(viewer) && trash == nil && ordinary,
			"Rename": r.mayChange(viewer, f.createdBy) && trash == nil && ordinary, "Delete": r.mayChange(viewer, f.createdBy) && ordinary},
	}
	if !ordinary {
		d["type"] = f.system
	}
	if f.trashedBy != nil {
		p.addOrigin(d, f.origin, r)
	}
	return d
}

// addOrigin adds to the DTO d of an entry in a Trash where it came from: its folder (or room) origin in room
// r.
func (p *Portal) addOrigin(d map[string]any, origin int64, r *room) {
	d["originId"] = origin
	if o, ok := p.folders[origin]; ok {
		d["originTitle"] = o.title
	} else {
		d["originTitle"] = r.title
	}
	d["originRoomId"], d["originRoomTitle"] = r.id, r.title
}

// existingFolder is the folder id (ok: the path held a number) and its room, or nil after answering 404.
func (p *Portal) existingFolder(c *call, id int64, ok bool) (*folder, *room) {
	f := p.folders[id]
	if !ok || f == nil {
		c.fail(http.StatusNotFound, folderNotFound)
		return nil, nil
	}
	r := p.roomOf(f)
	if r == nil {
		c.fail(http.StatusNotFound, folderNotFound)
		return nil, nil
	}
	return f, r
}

// readableFolder resolves {id} for a read: missing 404; in someone else's Trash, or in a room the caller
// may not read, 403 (api-notes.md §36).
func (p *Portal) readableFolder(c *call) (*folder, *room) {
	id, ok := c.pathID()
	f, r := p.existingFolder(c, id, ok)
	if f == nil {
		return nil, nil
	}
	if u := p.trashOf(f); (u != nil && u != c.user) || (u == nil && !r.canRead(c.user)) {
		c.fail(http.StatusForbidden, cannotViewFolder)
		return nil, nil
	}
	return f, r
}

func (p *Portal) getFolder(c *call) {
	if f, r := p.readableFolder(c); f != nil {
		c.ok(p.folderDTO(f, r, c.user))
	}
}

// folderPath is GET /files/folder/{id}/path: the breadcrumbs from the section's root through the room to
// the folder (api-notes.md §36).
func (p *Portal) folderPath(c *call) {
	if f, r := p.readableFolder(c); f != nil {
		c.list(p.breadcrumbs(f, r))
	}
}

// breadcrumbs are the entries from the section's root (or the Trash) through the room r down to f; with f
// nil, to the room.
func (p *Portal) breadcrumbs(f *folder, r *room) []any {
	var chain []any
	for g := f; g != nil; g = p.folders[g.parent] {
		chain = append([]any{map[string]any{"id": g.id, "title": g.title}}, chain...)
	}
	sections := map[int]string{folderRooms: "Rooms", folderArchive: "Archive", folderTemplates: "Templates"}
	root := map[string]any{"id": r.parentID(), "title": sections[r.folder]}
	if f != nil {
		if u := p.trashOf(f); u != nil {
			root = map[string]any{"id": p.trashID(u), "title": "Trash"}
		}
	}
	head := []any{root, map[string]any{"id": r.id, "title": r.title, "roomType": r.roomType}}
	return append(head, chain...)
}

// createFolder is POST /files/folder/{parentId} {title}: at most 165 characters, trimmed, required; a
// missing parent is 403 (api-notes.md §36).
func (p *Portal) createFolder(c *call) {
	b := c.object()
	title, _ := b.maxLength("title", 165)
	if b.failed {
		return
	}
	id, ok := c.pathID()
	if !ok {
		c.fail(http.StatusNotFound, "Not found")
		return
	}
	if strings.TrimSpace(title) == "" {
		c.fail(http.StatusBadRequest, "Title can not be empty")
		return
	}
	r, parent := p.container(id)
	if r == nil || (parent != nil && p.trashOf(parent) != nil) {
		c.fail(http.StatusForbidden, folderNotFound)
		return
	}
	if !r.mayCreateIn(c.user) || (parent != nil && parent.system != 0) {
		c.fail(http.StatusForbidden, cannotCreate)
		return
	}
	f := &folder{id: p.newID(), title: sanitizeTitle(title), parent: id, created: p.now(), createdBy: c.user}
	f.updated, f.updatedBy = f.created, c.user
	p.folders[f.id] = f
	answer := p.folderDTO(f, r, c.user)
	p.publish("folder.created", f.id, r, c.user, answer)
	c.ok(answer)
}

// renameFolder is PUT /files/folder/{id} {title}: missing 404; the raw title equal to the stored one
// changes nothing; otherwise it is stored normalised (api-notes.md §36).
func (p *Portal) renameFolder(c *call) {
	b := c.object()
	title, _ := b.maxLength("title", 165)
	if b.failed {
		return
	}
	id, ok := c.pathID()
	f, r := p.existingFolder(c, id, ok)
	switch {
	case f == nil:
		return
	case p.trashOf(f) != nil:
		c.fail(http.StatusForbidden, trashPreview)
		return
	case !r.mayChange(c.user, f.createdBy) || c.user.kind == TypeGuest || f.system != 0:
		c.fail(http.StatusForbidden, cannotRename)
		return
	}
	renamed := title != f.title
	if renamed {
		f.title = sanitizeTitle(title)
		f.updated, f.updatedBy = p.now(), c.user
	}
	answer := p.folderDTO(f, r, c.user)
	if renamed {
		p.publish("folder.updated", f.id, r, c.user, answer)
	}
	c.ok(answer)
}

// deleteBody reads the body a DELETE of a file or folder requires, {deleteAfter, immediately}; ok false
// after answering 400.
func (c *call) deleteBody() (deleteAfter, immediately, ok bool) {
	if len(c.body) == 0 {
		c.invalid("", "A non-empty request body is required.")
		return false, false, false
	}
	b := c.object()
	deleteAfter, _ = b.boolean("deleteAfter")
	immediately, _ = b.boolean("immediately")
	return deleteAfter, immediately, !b.failed
}

// deleteFolder is DELETE /files/folder/{id} {deleteAfter, immediately}: a required body, a synchronous
// check (missing 404, no right 403), then a Delete operation on the caller's queue that moves the folder
// with its content into the caller's Trash, or, with immediately (or when it is in the caller's Trash
// already), deletes it for good. The answer is the caller's delete queue (api-notes.md §36).
func (p *Portal) deleteFolder(c *call) {
	deleteAfter, immediately, ok := c.deleteBody()
	if !ok {
		return
	}
	id, ok := c.pathID()
	if r := p.rooms[id]; ok && r != nil && !immediately {
		c.denied() // a room is deleted through the rooms endpoint
		return
	}
	f, r := p.existingFolder(c, id, ok)
	if f == nil {
		return
	}
	trash := p.trashOf(f)
	if (trash != nil && trash != c.user) || (trash == nil && !r.mayChange(c.user, f.createdBy)) || f.system != 0 {
		c.denied()
		return
	}
	u := c.user
	p.startOp(u, opDelete, !deleteAfter, func() string {
		cur := p.folders[id]
		if cur == nil {
			return folderNotFound
		}
		if f := p.editedIn(id, u); f != nil {
			return fmt.Sprintf(deleteEditedFile, f.title) // the job fails; nothing is deleted
		}
		if immediately || p.trashOf(cur) != nil {
			answer := p.folderDTO(cur, r, u)
			p.removeFolder(id)
			p.publish("folder.deleted", id, r, u, answer)
			return ""
		}
		cur.trashedBy, cur.origin = u, cur.parent
		p.publish("folder.trashed", id, r, u, p.folderDTO(cur, r, u))
		return ""
	})
	c.list(p.takeOps(c, func(o *fileOp) bool { return o.kind == opDelete }))
}

// deleteEditedFile is the error of a delete job that meets a file being edited inside the folder (the
// text is the fake's own, api-notes.md §37).
const deleteEditedFile = "The file %q is being edited and cannot be deleted"

// editedIn returns a file in folder id or below it that is open in an editor, or locked by someone other
// than u, or nil: such a file stops a folder's delete job (api-notes.md §36, §37).
func (p *Portal) editedIn(id int64, u *user) *file {
	for _, f := range p.files {
		if f.parent == id && f.trashedBy == nil && (f.editing || (f.lockedBy != nil && f.lockedBy != u)) {
			return f
		}
	}
	for _, g := range p.folders {
		if g.parent == id {
			if f := p.editedIn(g.id, u); f != nil {
				return f
			}
		}
	}
	return nil
}

// removeFolder deletes a folder and everything in it.
func (p *Portal) removeFolder(id int64) {
	delete(p.folders, id)
	for _, f := range p.files {
		if f.parent == id {
			delete(p.files, f.id)
		}
	}
	for _, g := range p.folders {
		if g.parent == id {
			p.removeFolder(g.id)
		}
	}
}

// folderContent is GET /files/{folderId}: the folders and files directly in a room or folder, filtered by
// filterType (1 files only, 2 folders only) and filterValue (title contains, ignoring case), paged by
// startIndex and count (at most 100). "@trash" is the caller's Trash (api-notes.md §36).
func (p *Portal) folderContent(c *call) {
	q := c.r.URL.Query()
	var inTrash *user
	var r *room
	var current map[string]any
	var path []any
	id, numeric := c.pathID()
	switch {
	case strings.EqualFold(c.args[0], "@trash"):
		inTrash = c.user
	case !numeric:
		c.fail(http.StatusNotFound, "Not found")
		return
	default:
		for u, tid := range p.trashIDs {
			if tid == id {
				if u != c.user {
					c.fail(http.StatusForbidden, cannotViewFolder)
					return
				}
				inTrash = u
			}
		}
		if inTrash != nil {
			break
		}
		if r = p.rooms[id]; r != nil {
			if !r.canRead(c.user) {
				c.fail(http.StatusForbidden, cannotViewFolder)
				return
			}
			current, path = p.dto(r, c.user, false), p.breadcrumbs(nil, r)
			break
		}
		f, fr := p.readableFolder(c)
		if f == nil {
			return
		}
		r, current, path = fr, p.folderDTO(f, fr, c.user), p.breadcrumbs(f, fr)
	}
	if inTrash != nil {
		id = p.trashID(inTrash)
		current = map[string]any{"id": id, "title": "Trash", "rootFolderType": folderTrash, "rootFolderId": id, "parentId": 0}
		path = []any{map[string]any{"id": id, "title": "Trash"}}
	}
	filterType, _ := strconv.Atoi(q.Get("filterType"))
	text := strings.ToLower(q.Get("filterValue"))
	// Only the page's entries are rendered; total counts every match.
	var folders []*folder
	if filterType != 1 && filterType != 23 {
		for _, f := range p.folders {
			in := f.parent == id && f.trashedBy == nil
			if inTrash != nil {
				in = f.trashedBy == inTrash && p.roomOf(f) != nil
			}
			if in && strings.Contains(strings.ToLower(f.title), text) {
				folders = append(folders, f)
			}
		}
		sort.Slice(folders, func(i, j int) bool { return folders[i].id < folders[j].id })
	}
	var inFolder []*file
	switch {
	case inTrash != nil:
		for _, f := range p.files {
			if f.trashedBy == inTrash && p.fileRoom(f) != nil {
				inFolder = append(inFolder, f)
			}
		}
		sort.Slice(inFolder, func(i, j int) bool { return inFolder[i].id < inFolder[j].id })
	default:
		inFolder = p.filesIn(id)
	}
	var files []*file
	for _, f := range inFolder {
		if fileFilter(f, filterType) && strings.Contains(strings.ToLower(f.title), text) {
			files = append(files, f)
		}
	}
	total := len(folders) + len(files)
	start, _ := strconv.Atoi(q.Get("startIndex"))
	count := 100
	if n, err := strconv.Atoi(q.Get("count")); err == nil && n > 0 && n < count {
		count = n
	}
	start = min(max(start, 0), total)
	end := min(start+count, total)
	var pageFolders, pageFiles []any
	for i := start; i < end; i++ {
		if i < len(folders) {
			pageFolders = append(pageFolders, p.folderDTO(folders[i], p.roomOf(folders[i]), c.user))
		} else {
			pageFiles = append(pageFiles, p.fileDTO(files[i-len(folders)], c.user))
		}
	}
	c.ok(map[string]any{"files": nonNil(pageFiles), "folders": nonNil(pageFolders), "current": current, "pathParts": path,
		"startIndex": start, "count": end - start, "total": total})
}

func nonNil(items []any) []any {
	if items == nil {
		return []any{}
	}
	return items
}

// copyTree copies the ordinary folders (and their files) below the room or folder from into the room or
// folder to, recursively, as new objects made by u: a template job snapshots its source room this way,
// and a room-from-template job copies its template (api-notes.md §36). What lies in a Trash is not
// copied. The copies are independent: later changes of the original do not reach them.
func (p *Portal) copyTree(from, to int64, u *user) {
	var children []*folder
	for _, f := range p.folders {
		if f.parent == from && f.trashedBy == nil {
			children = append(children, f)
		}
	}
	sort.Slice(children, func(i, j int) bool { return children[i].id < children[j].id })
	for _, f := range p.filesIn(from) {
		now := p.now()
		v := f.current()
		c := &file{id: p.newID(), title: f.title, parent: to, created: now, createdBy: u, form: f.form,
			versions: []*fileVersion{{content: v.content, at: now, by: u}}}
		p.files[c.id] = c
	}
	for _, f := range children {
		if f.system != 0 {
			continue // a form room's system folders are the room's own, made with its first form
		}
		now := p.now()
		c := &folder{id: p.newID(), title: f.title, parent: to, created: now, updated: now, createdBy: u, updatedBy: u}
		p.folders[c.id] = c
		p.copyTree(f.id, c.id, u)
	}
}
