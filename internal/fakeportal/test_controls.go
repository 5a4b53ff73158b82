package fakeportal

import (
	"sort"
	"time"
)

// SetJobDuration changes how long template and room-from-template jobs run.
func (p *Portal) SetJobDuration(d time.Duration) { p.set(func() { p.opts.JobDuration = d }) }

// SetIndexLag changes how long the full-text index takes to learn of new rooms and titles (Options.IndexLag).
func (p *Portal) SetIndexLag(d time.Duration) { p.set(func() { p.opts.IndexLag = d }) }

// FailNextFileOperation makes the next archive, unarchive or delete operation fail with message.
func (p *Portal) FailNextFileOperation(message string) {
	p.set(func() { p.fileOpFaults = append(p.fileOpFaults, message) })
}

// FinishFileOperationsAtOnce makes file operations end before their start call answers, so the answer
// is their only report (api-notes.md §10-§12).
func (p *Portal) FinishFileOperationsAtOnce(on bool) { p.set(func() { p.fileOpsFinishAtOnce = on }) }

// FailNextJob makes the next job of kind fail with message, at the moment when says.
func (p *Portal) FailNextJob(kind jobKind, message string, when JobFailure) {
	p.set(func() { p.jobFaults[kind] = append(p.jobFaults[kind], jobFault{message: message, when: when}) })
}

// OccupyJobSlot starts another user's job of kind that runs for d and creates an object of that user, as
// a script or another Terraform run would.
func (p *Portal) OccupyJobSlot(kind jobKind, d time.Duration) {
	p.set(func() {
		other := &user{id: p.guid(), name: "Another Client", email: "other@portal.example", admin: true, kind: TypeDocSpaceAdmin, status: StatusActive}
		p.jobs[kind] = p.newJob(kind, other, d, func() (int64, string) {
			r := &room{title: "Made by another client", roomType: typeCustom, folder: folderRooms, quota: -1, created: p.now(), createdBy: other}
			if kind == JobTemplate {
				r.folder = folderTemplates
			}
			p.addRoom(r)
			return r.id, ""
		})
	})
}

// AddTemplate stores a template directly, without a job, as if built long ago by the portal owner.
func (p *Portal) AddTemplate(title string, roomType int, tags []string, public bool) int64 {
	var id int64
	p.set(func() {
		t := &room{title: sanitizeTitle(title), roomType: roomType, folder: folderTemplates, quota: -1,
			created: p.now(), createdBy: p.users[0], tags: p.catalogTags(tags), public: public}
		p.addRoom(t)
		t.indexedAt = time.Time{} // long indexed
		id = t.id
	})
	return id
}

// AddRoom stores a room of the portal owner directly, without a creation call, as if made long ago; archived
// puts it in the archive.
func (p *Portal) AddRoom(title string, roomType int, tags []string, archived bool) int64 {
	var id int64
	p.set(func() {
		r := &room{title: sanitizeTitle(title), roomType: roomType, folder: folderRooms, quota: -1,
			created: p.now(), createdBy: p.users[0], tags: p.catalogTags(tags)}
		if archived {
			r.folder = folderArchive
		}
		p.addRoom(r)
		r.indexedAt = time.Time{} // long indexed
		id = r.id
	})
	return id
}

// RoomIDs lists every room and template, archived or not.
func (p *Portal) RoomIDs() []int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.advance()
	ids := make([]int64, 0, len(p.rooms))
	for id := range p.rooms {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// RoomTitles maps the ids of rooms (or templates, with templates set) to their titles.
func (p *Portal) RoomTitles(templates bool) map[int64]string {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.advance()
	out := map[int64]string{}
	for id, r := range p.rooms {
		if (r.folder == folderTemplates) == templates {
			out[id] = r.title
		}
	}
	return out
}

// LinkCount returns how many links a room has, or -1 when it does not exist.
func (p *Portal) LinkCount(roomID int64) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.advance()
	r := p.rooms[roomID]
	if r == nil {
		return -1
	}
	return len(r.links)
}

// DeleteRoomNow removes a room at once, without a file operation.
func (p *Portal) DeleteRoomNow(id int64) { p.set(func() { delete(p.rooms, id) }) }

func (p *Portal) set(f func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f()
}

// UploadLogo gives a room or template an uploaded logo image, as POST /files/logos and
// POST /files/rooms/{id}/logo would; from then on its logo shows no colour or cover.
func (p *Portal) UploadLogo(id int64) {
	p.set(func() {
		if r := p.rooms[id]; r != nil {
			r.logoImage = p.token(10) + ".png"
		}
	})
}

// AddMember makes the user of apiKey a member of room id with access (a FileShare number, such as 2 for
// Read or 9 for RoomManager). Members read the room; only room managers manage its links.
func (p *Portal) AddMember(id int64, apiKey string, access int) {
	p.set(func() {
		r, u := p.rooms[id], p.byKey[apiKey]
		if r == nil || u == nil {
			return
		}
		r.setShare(&share{user: u, access: access})
	})
}

// AddFile puts an empty file titled title into a room or folder, as a person uploading one would; it
// counts as the folder's content. It returns the file's id, or 0 when there is no such room or folder.
func (p *Portal) AddFile(folderID int64, title string) int64 {
	return p.AddFileContent(folderID, title, []byte{})
}

// MoveFolder moves a folder into another room or folder, as a person would in the web interface.
func (p *Portal) MoveFolder(id, to int64) {
	p.set(func() {
		if f := p.folders[id]; f != nil {
			f.parent = to
		}
	})
}

// DeleteFolderNow deletes a folder and its content at once, without a file operation.
func (p *Portal) DeleteFolderNow(id int64) { p.set(func() { p.removeFolder(id) }) }

// TrashFolderNow moves a folder into the Trash of the user of apiKey at once, as that user's delete
// would.
func (p *Portal) TrashFolderNow(id int64, apiKey string) {
	p.set(func() {
		if f, u := p.folders[id], p.byKey[apiKey]; f != nil && u != nil {
			f.trashedBy, f.origin = u, f.parent
		}
	})
}

// FolderExists reports whether a folder exists, in a room or in a Trash.
func (p *Portal) FolderExists(id int64) bool {
	var ok bool
	p.set(func() { f := p.folders[id]; ok = f != nil && p.roomOf(f) != nil })
	return ok
}

// FileExists reports whether a file exists, in a room or in a Trash.
func (p *Portal) FileExists(id int64) bool {
	var ok bool
	p.set(func() { f := p.files[id]; ok = f != nil && p.fileRoom(f) != nil })
	return ok
}

// FolderTitles returns the titles of the folders directly in a room or folder, outside any Trash, by id.
func (p *Portal) FolderTitles(parentID int64) map[int64]string {
	titles := map[int64]string{}
	p.set(func() {
		for _, f := range p.folders {
			if f.parent == parentID && p.trashOf(f) == nil {
				titles[f.id] = f.title
			}
		}
	})
	return titles
}

// Folders returns the title of every folder in a room, Trash included, by id.
func (p *Portal) Folders() map[int64]string {
	titles := map[int64]string{}
	p.set(func() {
		for _, f := range p.folders {
			if p.roomOf(f) != nil {
				titles[f.id] = f.title
			}
		}
	})
	return titles
}

// RestoreFolderNow takes a folder out of a Trash, back where it was deleted from.
func (p *Portal) RestoreFolderNow(id int64) {
	p.set(func() {
		if f := p.folders[id]; f != nil && f.trashedBy != nil {
			f.trashedBy, f.parent = nil, f.origin
		}
	})
}
