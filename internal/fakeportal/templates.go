package fakeportal

import (
	"net/http"
	"strconv"
	"strings"
)

func (p *Portal) templateStatus(c *call)         { p.jobStatus(c, JobTemplate) }
func (p *Portal) roomFromTemplateStatus(c *call) { p.jobStatus(c, JobRoomFromTemplate) }

// startTemplate is POST /files/roomtemplate (api-notes.md §15). Problems with the source room or the
// title do not fail the request: they fail the job (BUG 81690, 81691).
func (p *Portal) startTemplate(c *call) {
	b := c.object()
	roomID, hasRoom := b.int64("roomId")
	title, _ := b.str("title")
	copyLogo, _ := b.boolean("copyLogo")
	share, _ := b.strings("share")
	groups, _ := b.strings("groups")
	public, _ := b.boolean("public")
	tags, hasTags := b.strings("tags")
	color, _ := b.maxLength("color", 6)
	cover, _ := b.maxLength("cover", 50)
	quota, hasQuota := b.int64("quota")
	if b.failed {
		return
	}
	if !hasRoom {
		b.fail("RoomId", "The RoomId field is required.")
		return
	}
	caller := c.user
	p.startJob(c, JobTemplate, func() (int64, string) {
		src := p.rooms[roomID]
		switch {
		case strings.TrimSpace(title) == "":
			return -1, "Title is required"
		case src == nil || src.folder != folderRooms || !src.canEdit(caller):
			return -1, "The room was not found or is not available for creating a template"
		}
		t := &room{folder: folderTemplates, title: sanitizeTitle(title), roomType: src.roomType, created: p.now(), createdBy: caller,
			private: src.private, indexing: src.indexing, deny: src.deny, quota: src.quota,
			lifetime: src.lifetime, watermark: src.watermark, color: color, cover: cover}
		if copyLogo && src.logoImage != "" {
			// Only an uploaded logo image is copied, never the colour or cover (api-notes.md §15).
			t.logoImage = "copy_" + src.logoImage
		}
		if hasTags {
			t.tags = p.catalogTags(tags)
		}
		if hasQuota {
			t.quota = quota
		}
		if public {
			t.public = true // share is ignored; group Everyone gets read access (api-notes.md §15)
		} else {
			p.shareNewTemplate(t, share, groups)
		}
		p.addRoom(t)
		p.copyTree(src.id, t.id, caller) // the source room's folders and files (api-notes.md §36)
		return t.id, ""
	})
}

// shareNewTemplate gives the users with the e-mails and the groups read access to a new template, as
// member records that GET /share lists and PUT /share changes. What the server does with an address of
// nobody, or of a user who may not use templates, is not known (api-notes.md §15): the fake grants
// nothing for it.
func (p *Portal) shareNewTemplate(t *room, emails, groups []string) {
	for _, e := range emails {
		if u := p.userWithEmail(e); u != nil && u.status == StatusActive && roleAllowed(t, false, u.kind, accessRead) {
			t.setShare(&share{user: u, access: accessRead})
		}
	}
	for _, id := range groups {
		if g := p.findGroup(id); g != nil {
			t.setShare(&share{group: g, access: accessRead})
		}
	}
}

// startRoomFromTemplate is POST /files/rooms/fromtemplate (api-notes.md §19). Users and guests may not
// create rooms this way either (api-notes.md §35; the strict side of an UNCONFIRMED fact).
func (p *Portal) startRoomFromTemplate(c *call) {
	if !c.user.mayCreateRooms() {
		c.fail(http.StatusForbidden, cannotCreate)
		return
	}
	b := c.object()
	templateID, hasTemplate := b.int64("templateId")
	title, hasTitle := b.str("title")
	copyLogo, _ := b.boolean("copyLogo")
	next := &room{folder: folderRooms}
	if !p.readRoomSettings(b, next, true) {
		return
	}
	if !hasTemplate || !hasTitle {
		b.fail("TemplateId", "The TemplateId and Title fields are required.")
		return
	}
	given := func(name string) bool { return b.has(name) }
	caller := c.user
	p.startJob(c, JobRoomFromTemplate, func() (int64, string) {
		t := p.rooms[templateID]
		switch {
		case t == nil || t.folder != folderTemplates || !t.canRead(caller):
			return -1, "The template was not found"
		case strings.TrimSpace(title) == "":
			return -1, "Title is required"
		case p.opts.RoomLimit > 0 && p.countRooms() >= p.opts.RoomLimit:
			return -1, "The number of rooms exceeds the limit set by the portal's plan" // not a 402 here (api-notes.md §19)
		}
		r := *next
		r.title, r.roomType, r.private, r.created, r.createdBy = sanitizeTitle(title), t.roomType, t.private, p.now(), caller
		// Inherited unless given: indexing, download ban, quota. Never inherited: tags, lifetime, watermark.
		if !given("indexing") {
			r.indexing = t.indexing
		}
		if !given("denyDownload") {
			r.deny = t.deny
		}
		if !given("quota") {
			r.quota = t.quota
		}
		if copyLogo && t.logoImage != "" {
			r.logoImage = "copy_" + t.logoImage // the uploaded image only (api-notes.md §19)
		}
		p.addRoom(&r)
		p.copyTree(t.id, r.id, caller) // the template's folders and files (api-notes.md §36)
		return r.id, ""
	})
}

func (p *Portal) findTemplate(c *call, id int64) *room {
	t := p.rooms[id]
	if t == nil {
		c.fail(http.StatusNotFound, "The required folder was not found")
		return nil
	}
	return t
}

// getTemplatePublic is GET /files/roomtemplate/{id}/public (api-notes.md §18). For an ordinary room
// id it answers 200 instead of 404 (BUG 81726).
func (p *Portal) getTemplatePublic(c *call) {
	id, err := strconv.ParseInt(c.args[0], 10, 32)
	if err != nil {
		c.invalid("Id", "The value '"+c.args[0]+"' is not valid.")
		return
	}
	t := p.findTemplate(c, id)
	if t == nil {
		return
	}
	c.ok(t.public)
}

// setTemplatePublic is PUT /files/roomtemplate/public. Besides setting the Everyone share, it revokes
// every other share of the template (api-notes.md §18).
func (p *Portal) setTemplatePublic(c *call) {
	b := c.object()
	id, hasID := b.int64("id")
	public, _ := b.boolean("public") // optional: omitted means false (api-notes.md §18)
	if b.failed {
		return
	}
	if !hasID {
		b.fail("Id", "The Id field is required.")
		return
	}
	// The handler does not check that the id is a template (api-notes.md §18).
	t := p.rooms[id]
	if t == nil {
		c.fail(http.StatusNotFound, "The required folder was not found")
		return
	}
	if !t.canEdit(c.user) {
		c.denied()
		return
	}
	t.public = public
	var kept []*share // every record but the caller's own is revoked
	for _, s := range t.shares {
		if s.user == c.user {
			kept = append(kept, s)
		}
	}
	t.shares = kept
	c.empty()
}
