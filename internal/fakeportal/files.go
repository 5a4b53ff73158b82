package fakeportal

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/pdfform"
)

// Files in rooms and folders (api-notes.md §37). A file lives in a room or a folder; ids come from the
// rooms' sequence. Each version keeps its content, so tests can check what arrived byte for byte.

// file is a document or form. trashedBy is the user into whose Trash a delete moved it (a file inside a
// trashed folder is in that Trash through its folder).
type file struct {
	id        int64
	title     string
	parent    int64 // a room or a folder
	versions  []*fileVersion
	created   time.Time
	createdBy *user
	form      bool // an ONLYOFFICE PDF form (pdfform.Signed on the first 300 bytes)
	lockedBy  *user
	editing   bool // open in an editor
	trashedBy *user
	origin    int64 // the parent it was trashed from
}

// fileVersion is one version's content.
type fileVersion struct {
	content []byte
	at      time.Time
	by      *user
	comment string
}

func (f *file) current() *fileVersion { return f.versions[len(f.versions)-1] }

// Server texts of the file calls (api-notes.md §37).
const (
	fileNotFound     = "The required file was not found"
	cannotViewFile   = "You don't have enough permission to view the file"
	formsOnly        = "The file cannot be uploaded to this room. Please try to upload the ONLYOFFICE PDF form."
	fileTooLarge     = "The maximum file size is exceeded"
	sameVersion      = "The new version cannot be the same as the current one"
	fileStatusEdit   = 1 // FileStatus.IsEditing
	folderReadyForm  = 25
	folderInProgress = 26
)

// fileExt returns the extension of title, the dot included, as the portal sees it: from the last dot on.
func fileExt(title string) string {
	if i := strings.LastIndexByte(title, '.'); i >= 0 {
		return title[i:]
	}
	return ""
}

// uploadTitle is the title an upload stores: normalised and silently cut like any title, with the
// extension lower-cased (api-notes.md §37).
func uploadTitle(title string) string {
	t := sanitizeTitle(title)
	ext := fileExt(t)
	return strings.TrimSuffix(t, ext) + strings.ToLower(ext)
}

// fileRoom returns the room f is in, nil when its room or folder is gone.
func (p *Portal) fileRoom(f *file) *room {
	r, _ := p.container(f.parent)
	return r
}

// trashOfFile returns the user whose Trash holds f, directly or through a folder, or nil.
func (p *Portal) trashOfFile(f *file) *user {
	if f.trashedBy != nil {
		return f.trashedBy
	}
	if parent := p.folders[f.parent]; parent != nil {
		return p.trashOf(parent)
	}
	return nil
}

// roomFolderTypes are the FolderType numbers of room types, which files report as parentRoomType.
var roomFolderTypes = map[int]int{typeFillingForms: 15, typeEditing: 16, typeCustom: 19, typePublic: 22, typeVirtualData: 29}

// mayEditFile is the right to upload a new version: the room's managers, content creators and editors;
// never a guest, never while someone else holds the lock or the file is open in an editor (api-notes.md §37).
func (r *room) mayEditFile(u *user, f *file) bool {
	if r.folder != folderRooms || u.kind == TypeGuest || f.editing || (f.lockedBy != nil && f.lockedBy != u) {
		return false
	}
	role := r.roleOf(u)
	return r.canEdit(u) || role == accessContentCreator || role == accessEditing
}

// tooLarge answers 402, the size refusal naming the limit (api-notes.md §37).
func (c *call) tooLarge(limit int64) {
	c.fail(http.StatusPaymentRequired, fileTooLarge+" ("+humanSize(limit)+")")
}

// sessionNotFound is the answer to a chunk or an abort of an unknown or expired upload session.
const sessionNotFound = "The upload session was not found"

// humanSize renders a byte count as contentLength does: "12.3 KB".
func humanSize(n int64) string {
	units := []string{"bytes", "KB", "MB", "GB", "TB"}
	v, i := float64(n), 0
	for v >= 1024 && i < len(units)-1 {
		v /= 1024
		i++
	}
	if i == 0 {
		return fmt.Sprintf("%d %s", n, units[0])
	}
	return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", v), "0"), ".") + " " + units[i]
}

// fileDTO is f as viewer sees it (FileDto, api-notes.md §37).
func (p *Portal) fileDTO(f *file, viewer *user) map[string]any {
	r := p.fileRoom(f)
	v := f.current()
	section, root, folderID := r.folder, int64(r.parentID()), f.parent
	trash := p.trashOfFile(f)
	if trash != nil {
		section, root = folderTrash, p.trashID(trash)
		if f.trashedBy != nil {
			folderID = root
		}
	}
	status := 0
	if f.editing {
		status |= fileStatusEdit
	}
	d := map[string]any{
		"id": f.id, "title": f.title, "folderId": folderID, "version": len(f.versions), "versionGroup": len(f.versions),
		"contentLength": humanSize(int64(len(v.content))), "pureContentLength": len(v.content),
		"fileExst": fileExt(f.title), "fileStatus": status, "comment": v.comment, "isForm": f.form,
		"viewUrl":         fmt.Sprintf("/filehandler.ashx?action=download&fileid=%d", f.id),
		"webUrl":          fmt.Sprintf("/doceditor?fileid=%d&version=%d", f.id, len(f.versions)),
		"thumbnailStatus": 0, "fileEntryType": 2, "locked": f.lockedBy != nil,
		"rootFolderId": root, "rootFolderType": section,
		"created": p.apiTime(f.created), "updated": p.apiTime(v.at),
		"createdBy": f.createdBy.dto(), "updatedBy": v.by.dto(),
		"security": map[string]bool{"Read": true, "Edit": r.mayEditFile(viewer, f) && trash == nil,
			"Rename": r.mayChange(viewer, f.createdBy) && trash == nil, "Delete": r.mayChange(viewer, f.createdBy), "Download": true},
	}
	if t, ok := roomFolderTypes[r.roomType]; ok {
		d["parentRoomType"] = t
	}
	if f.lockedBy != nil {
		d["lockedBy"] = f.lockedBy.name
	}
	if f.editing {
		d["editingBy"] = []any{}
	}
	if f.trashedBy != nil {
		p.addOrigin(d, f.origin, r)
	}
	return d
}

// existingFile is the file id (ok: the path held a number), or nil after answering 404.
func (p *Portal) existingFile(c *call) (*file, *room) {
	id, ok := c.pathID()
	f := p.files[id]
	if !ok || f == nil || p.fileRoom(f) == nil {
		c.fail(http.StatusNotFound, fileNotFound)
		return nil, nil
	}
	return f, p.fileRoom(f)
}

// getFile is GET /files/file/{id}: missing 404; in someone else's Trash or a room the caller cannot read
// 403; in the caller's Trash 200 with rootFolderType 3.
func (p *Portal) getFile(c *call) {
	f, r := p.existingFile(c)
	if f == nil {
		return
	}
	if u := p.trashOfFile(f); (u != nil && u != c.user) || (u == nil && !r.canRead(c.user)) {
		c.fail(http.StatusForbidden, cannotViewFile)
		return
	}
	c.ok(p.fileDTO(f, c.user))
}

// renameFile is PUT /files/file/{id} {title ≤165, lastVersion}: the extension is always kept (a title
// without it gets it appended), an empty or blank title changes nothing, the title is stored normalised
// (api-notes.md §37).
func (p *Portal) renameFile(c *call) {
	b := c.object()
	title, _ := b.str("title")
	if utf16Len(title) > 165 {
		// The server reports this refusal under the key File.Title (api-notes.md §37).
		b.fail("File.Title", "The field Title must be a string with a maximum length of 165.")
	}
	lastVersion, hasLast := b.int64("lastVersion")
	if b.failed {
		return
	}
	f, r := p.existingFile(c)
	switch {
	case f == nil:
		return
	case p.trashOfFile(f) != nil:
		c.fail(http.StatusForbidden, trashPreview)
		return
	case !r.mayChange(c.user, f.createdBy) || c.user.kind == TypeGuest:
		c.fail(http.StatusForbidden, "You don't have enough permission to rename the file")
		return
	case hasLast && lastVersion == int64(len(f.versions)):
		c.fail(http.StatusBadRequest, sameVersion)
		return
	}
	renamed := false
	if strings.TrimSpace(title) != "" {
		ext := fileExt(f.title)
		if !strings.HasSuffix(strings.ToLower(title), strings.ToLower(ext)) || ext == "" {
			title += ext
		} else {
			title = title[:len(title)-len(ext)] + ext
		}
		if t := sanitizeTitle(title); t != f.title {
			f.title = t
			f.current().at = p.now()
			renamed = true
		}
	}
	answer := p.fileDTO(f, c.user)
	if renamed {
		p.publish("file.updated", f.id, r, c.user, answer)
	}
	c.ok(answer)
}

// deleteFile is DELETE /files/file/{id} {deleteAfter, immediately}?returnSingleOperation: a required
// body; missing 404, no right, locked by someone else or being edited 403; then a Delete operation that
// moves the file into the caller's Trash or, with immediately (or when it is in the caller's Trash
// already), deletes it for good (api-notes.md §37).
func (p *Portal) deleteFile(c *call) {
	deleteAfter, immediately, ok := c.deleteBody()
	if !ok {
		return
	}
	f, r := p.existingFile(c)
	if f == nil {
		return
	}
	trash := p.trashOfFile(f)
	if (trash != nil && trash != c.user) || (trash == nil && !r.mayChange(c.user, f.createdBy)) || f.editing ||
		(f.lockedBy != nil && f.lockedBy != c.user) {
		c.denied()
		return
	}
	u, id := c.user, f.id
	op := p.startOp(u, opDelete, !deleteAfter, func() string {
		cur := p.files[id]
		if cur == nil {
			return fileNotFound
		}
		if immediately || p.trashOfFile(cur) != nil {
			answer := p.fileDTO(cur, u)
			delete(p.files, id)
			p.publish("file.deleted", id, r, u, answer)
			return ""
		}
		cur.trashedBy, cur.origin = u, cur.parent
		p.publish("file.trashed", id, r, u, p.fileDTO(cur, u))
		return ""
	})
	single, _ := strconv.ParseBool(c.r.URL.Query().Get("returnSingleOperation"))
	c.list(p.takeOps(c, func(o *fileOp) bool { return o.kind == opDelete && (!single || o == op) }))
}

// filesIn returns the files directly in the room or folder id, outside any Trash, by id.
func (p *Portal) filesIn(id int64) []*file {
	var out []*file
	for _, f := range p.files {
		if f.parent == id && f.trashedBy == nil {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

// sameTitle returns the first of files (filesIn of the parent: by id, as titles may repeat) whose title
// equals title, case ignored (the upload's lookup).
func sameTitle(files []*file, title string) *file {
	for _, f := range files {
		if strings.EqualFold(f.title, title) {
			return f
		}
	}
	return nil
}

// freeTitle is the next title "name (n).ext" free among files, the parent's (createNewIfExist).
func freeTitle(files []*file, title string) string {
	ext := fileExt(title)
	base := strings.TrimSuffix(title, ext)
	for n := 1; ; n++ {
		t := fmt.Sprintf("%s (%d)%s", base, n, ext)
		if sameTitle(files, t) == nil {
			return t
		}
	}
}

// uploadTarget resolves the room or folder an upload goes into: missing 404; the sections' roots, a
// Trash, a form room's system folder or no create right 403 "Access denied" (api-notes.md §37).
func (p *Portal) uploadTarget(c *call) (*room, int64, bool) {
	id, ok := c.pathID()
	if !ok {
		c.fail(http.StatusNotFound, folderNotFound)
		return nil, 0, false
	}
	if id == folderIDRooms || id == folderIDArchive || id == folderIDTemplates {
		c.denied()
		return nil, 0, false
	}
	r, f := p.container(id)
	if r == nil {
		c.fail(http.StatusNotFound, folderNotFound)
		return nil, 0, false
	}
	if (f != nil && (p.trashOf(f) != nil || f.system != 0)) || !r.mayCreateIn(c.user) {
		c.denied()
		return nil, 0, false
	}
	return r, id, true
}

// storeUpload saves content under title in parent of room r, as FileUploader does (api-notes.md §37):
// the title normalised; a same-titled file gets a new version when createNew is off and the caller
// may edit it, or a duplicate title when it is locked or open; createNew picks "name (1).ext". A
// form-filling room takes only forms: anything else is saved, deleted again and refused with a 500.
// It returns the file and its DTO as the caller sees it (the events' payload, which the answers reuse), or
// nil after answering.
func (p *Portal) storeUpload(c *call, r *room, parent int64, title string, content []byte, createNew bool) (*file, map[string]any) {
	title = uploadTitle(title)
	if strings.TrimSpace(title) == "" {
		c.fail(http.StatusBadRequest, "Title can not be empty")
		return nil, nil
	}
	form := isForm(title, content)
	if r.roomType == typeFillingForms && !form {
		c.fail(http.StatusInternalServerError, formsOnly) // saved, then deleted again: nothing remains
		return nil, nil
	}
	v := &fileVersion{content: content, at: p.now(), by: c.user}
	siblings := p.filesIn(parent)
	existing := sameTitle(siblings, title)
	var f *file
	switch {
	case existing != nil && createNew:
		title = freeTitle(siblings, title)
	case existing != nil && r.mayEditFile(c.user, existing):
		f = existing
		v.comment = "uploaded"
		f.versions = append(f.versions, v)
		f.form = form
	}
	created := f == nil
	if created {
		f = &file{id: p.newID(), title: title, parent: parent, versions: []*fileVersion{v}, created: v.at, createdBy: c.user, form: form}
		p.files[f.id] = f
	}
	if form && r.roomType == typeFillingForms {
		p.formSystemFolders(r, c.user)
	}
	p.scheduleConversion(f)
	// An upload fires file.created for a new file and file.uploaded for every upload (api-notes.md §37).
	answer := p.fileDTO(f, c.user)
	if created {
		p.publish("file.created", f.id, r, c.user, answer)
	}
	p.publish("file.uploaded", f.id, r, c.user, answer)
	return f, answer
}

// formSystemFolders makes a form-filling room's "Complete" and "In process" folders when its first form
// arrives (api-notes.md §37).
func (p *Portal) formSystemFolders(r *room, u *user) {
	have := map[int]bool{}
	for _, f := range p.folders {
		if f.parent == r.id && f.system != 0 {
			have[f.system] = true
		}
	}
	for _, s := range []struct {
		kind  int
		title string
	}{{folderReadyForm, "Complete"}, {folderInProgress, "In process"}} {
		if !have[s.kind] {
			f := &folder{id: p.newID(), title: s.title, parent: r.id, created: p.now(), createdBy: u, system: s.kind}
			f.updated, f.updatedBy = f.created, u
			p.folders[f.id] = f
		}
	}
}

// scheduleConversion starts the asynchronous conversion of a file whose extension the portal converts
// (Options.AutoConvert): after ConversionDelay the same file gets a new version under the new extension.
func (p *Portal) scheduleConversion(f *file) {
	to, ok := p.opts.AutoConvert[strings.ToLower(fileExt(f.title))]
	if !ok {
		return
	}
	p.conversions = append(p.conversions, conversion{id: f.id, to: to, due: p.now().Add(p.opts.ConversionDelay)})
}

// conversion is a pending automatic conversion.
type conversion struct {
	id  int64
	to  string
	due time.Time
}

// advanceConversions finishes the conversions that are due.
func (p *Portal) advanceConversions(now time.Time) {
	kept := p.conversions[:0]
	for _, cv := range p.conversions {
		if now.Before(cv.due) {
			kept = append(kept, cv)
			continue
		}
		if f := p.files[cv.id]; f != nil {
			cur := f.current()
			f.title = strings.TrimSuffix(f.title, fileExt(f.title)) + cv.to
			f.versions = append(f.versions, &fileVersion{content: cur.content, at: now, by: cur.by, comment: "converted"})
		}
	}
	p.conversions = kept
}

// insertFile is POST /files/{folderId}/insert: a raw body with ?title=, or multipart with the first file
// part; Title, CreateNewIfExist from the query or the form. Answers FileDto.
func (p *Portal) insertFile(c *call) {
	if answer := p.simpleUpload(c, false); answer != nil {
		c.ok(answer)
	}
}

// uploadFile is POST /files/{folderId}/upload: multipart File, createNewIfExist in the query. Answers
// FileDto[1].
func (p *Portal) uploadFile(c *call) {
	if answer := p.simpleUpload(c, true); answer != nil {
		c.list([]any{answer})
	}
}

// simpleUpload is what /insert and /upload share: the body's error, the target, then (fileOnly, /upload)
// "No file" without a multipart file part, the size, and the upload stored. /insert titles the file with
// its title field, falling back to the file name; /upload with the file name. It returns the stored file's
// DTO, or nil after answering.
func (p *Portal) simpleUpload(c *call, fileOnly bool) map[string]any {
	up := c.upload
	if up.err != "" {
		c.fail(up.status, up.err)
		return nil
	}
	r, parent, ok := p.uploadTarget(c)
	if !ok {
		return nil
	}
	if fileOnly && (!up.multipart || up.filename == "") {
		c.fail(http.StatusBadRequest, "No file")
		return nil
	}
	if up.tooLarge {
		c.tooLarge(p.simpleLimit())
		return nil
	}
	title := up.filename
	if t := up.fields["title"]; !fileOnly && t != "" {
		title = t
	}
	_, answer := p.storeUpload(c, r, parent, title, up.content, strings.EqualFold(up.fields["createnewifexist"], "true"))
	return answer
}

// simpleLimit is the largest simple upload (api-notes.md §37).
func (p *Portal) simpleLimit() int64 {
	if p.opts.MaxFileSize > 0 {
		return min(p.opts.SimpleUploadLimit, p.opts.MaxFileSize)
	}
	return p.opts.SimpleUploadLimit
}

// checkUpload is POST /files/{folderId}/upload/check {filesTitle}: the titles that already exist in the
// folder, compared case-insensitively; null 400, missing folder 404, no create right 403.
func (p *Portal) checkUpload(c *call) {
	b := c.object()
	if !b.has("filesTitle") {
		c.invalid("FilesTitle", "The FilesTitle field is required.")
		return
	}
	titles, _ := b.strings("filesTitle")
	if b.failed {
		return
	}
	_, parent, ok := p.uploadTarget(c)
	if !ok {
		return
	}
	siblings := p.filesIn(parent)
	var taken []any
	for _, t := range titles {
		if f := sameTitle(siblings, uploadTitle(t)); f != nil {
			taken = append(taken, t)
		}
	}
	c.list(taken)
}

// isForm reports whether content stored under title is an ONLYOFFICE PDF form: a .pdf whose first bytes
// carry the form signature (api-notes.md §37).
func isForm(title string, content []byte) bool {
	return strings.EqualFold(fileExt(title), ".pdf") && pdfform.Signed(content)
}

// fileFilter reports whether f passes a content listing's filterType: 0 all, 1 files only, 23 PDF forms
// (api-notes.md §37).
func fileFilter(f *file, filterType int) bool {
	switch filterType {
	case 0, 1:
		return true
	case 23:
		return f.form
	}
	return false
}
