package fakeportal

import (
	"bytes"
	"sort"
)

// Test controls of files (api-notes.md §37): what people do in the web interface, and what tests read
// back.

// AddFileContent puts a file titled title with content into a room or folder, as the portal owner
// uploading it in the web interface would (a form when the content is one). It returns the file's id, or
// 0 when there is no such room or folder.
func (p *Portal) AddFileContent(folderID int64, title string, content []byte) int64 {
	var id int64
	p.set(func() {
		if r, _ := p.container(folderID); r != nil {
			now, u := p.now(), p.users[0]
			f := &file{id: p.newID(), title: uploadTitle(title), parent: folderID, created: now, createdBy: u,
				versions: []*fileVersion{{content: bytes.Clone(content), at: now, by: u}}}
			f.form = isForm(f.title, content)
			p.files[f.id] = f
			id = f.id
		}
	})
	return id
}

// person is someone without an API key who works in the web interface.
func (p *Portal) person() *user {
	if p.somebody == nil {
		p.somebody = &user{id: p.guid(), name: "Web User", email: "web.user@portal.example", kind: TypeRoomAdmin, status: StatusActive}
	}
	return p.somebody
}

// LockFile locks a file as a person in the web interface does (apiKey "" for someone without a key), or,
// with locked false, unlocks it.
func (p *Portal) LockFile(id int64, apiKey string, locked bool) {
	p.set(func() {
		f := p.files[id]
		if f == nil {
			return
		}
		f.lockedBy = nil
		if locked {
			f.lockedBy = p.byKey[apiKey]
			if f.lockedBy == nil {
				f.lockedBy = p.person()
			}
		}
	})
}

// SetFileEditing marks a file as open in an editor (fileStatus IsEditing), or closed again.
func (p *Portal) SetFileEditing(id int64, editing bool) {
	p.set(func() {
		if f := p.files[id]; f != nil {
			f.editing = editing
		}
	})
}

// EditFile saves a new version of a file with content, as a person editing it in DocSpace does.
func (p *Portal) EditFile(id int64, content []byte) {
	p.set(func() {
		if f := p.files[id]; f != nil {
			f.versions = append(f.versions, &fileVersion{content: bytes.Clone(content), at: p.now(), by: p.person(), comment: "edited"})
			f.form = isForm(f.title, content)
		}
	})
}

// TrashFileNow moves a file into the Trash of the user of apiKey at once, as that user's delete would.
func (p *Portal) TrashFileNow(id int64, apiKey string) {
	p.set(func() {
		if f, u := p.files[id], p.byKey[apiKey]; f != nil && u != nil {
			f.trashedBy, f.origin = u, f.parent
		}
	})
}

// SetSimpleUploadLimit changes Options.SimpleUploadLimit.
func (p *Portal) SetSimpleUploadLimit(n int64) { p.set(func() { p.opts.SimpleUploadLimit = n }) }

// StoredFile is a file as the fake holds it, for tests.
type StoredFile struct {
	ID       int64
	Title    string
	Parent   int64
	Versions int
	Content  []byte // the current version's
	Form     bool
	InTrash  bool
}

// File returns the file id, or false when there is none.
func (p *Portal) File(id int64) (StoredFile, bool) {
	var out StoredFile
	var ok bool
	p.set(func() {
		p.advance()
		f := p.files[id]
		if ok = f != nil && p.fileRoom(f) != nil; ok {
			out = p.stored(f)
		}
	})
	return out, ok
}

func (p *Portal) stored(f *file) StoredFile {
	return StoredFile{ID: f.id, Title: f.title, Parent: f.parent, Versions: len(f.versions), Content: f.current().content,
		Form: f.form, InTrash: p.trashOfFile(f) != nil}
}

// FilesIn returns the files directly in a room or folder, outside any Trash, by id.
func (p *Portal) FilesIn(folderID int64) []StoredFile {
	var out []StoredFile
	p.set(func() {
		p.advance()
		for _, f := range p.filesIn(folderID) {
			out = append(out, p.stored(f))
		}
	})
	return out
}

// AllFiles returns every file in a room or a Trash, by id.
func (p *Portal) AllFiles() []StoredFile {
	var out []StoredFile
	p.set(func() {
		p.advance()
		for _, f := range p.files {
			if p.fileRoom(f) != nil {
				out = append(out, p.stored(f))
			}
		}
	})
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// UploadSessions returns how many chunked upload sessions are open.
func (p *Portal) UploadSessions() int {
	var n int
	p.set(func() { n = len(p.sessions) })
	return n
}

// SystemFolders returns the titles of a room's system folders by id.
func (p *Portal) SystemFolders(roomID int64) map[int64]string {
	out := map[int64]string{}
	p.set(func() {
		for _, f := range p.folders {
			if f.parent == roomID && f.system != 0 {
				out[f.id] = f.title
			}
		}
	})
	return out
}
