package fakeportal

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Root folder types (api-notes.md §6).
const (
	folderRooms     = 14
	folderArchive   = 20
	folderTemplates = 30
)

// Room types that need a primary external link (api-notes.md §7).
const (
	typeFillingForms = 1
	typeEditing      = 2
	typeCustom       = 5
	typePublic       = 6
	typeVirtualData  = 8
	typeAI           = 9
)

var roomTypeByName = map[string]int{
	"fillingformsroom": typeFillingForms, "editingroom": typeEditing, "customroom": typeCustom,
	"publicroom": typePublic, "virtualdataroom": typeVirtualData, "airoom": typeAI,
}

// room is a room or, with folder == folderTemplates, a room template.
type room struct {
	id                      int64
	title                   string
	roomType                int
	folder                  int
	private, indexing, deny bool
	tags                    []string
	color, cover            string
	quota                   int64 // -1 unlimited
	lifetime                map[string]any
	watermark               map[string]any
	created, updated        time.Time
	createdBy, updatedBy    *user
	links                   []*link
	public                  bool     // templates: group Everyone may read
	shares                  []*share // member records of users and groups, besides the creator (shares.go)
	logoImage               string   // an uploaded logo image; while set, logo has no colour or cover
	// The full-text index learns of a new room or title at indexedAt; until then it holds indexedTitle
	// ("" for a room it does not know yet). See Options.IndexLag.
	indexedTitle string
	indexedAt    time.Time
}

// searchTitle is the title the full-text index holds for r, and whether it holds r at all.
func (p *Portal) searchTitle(r *room) (string, bool) {
	if p.now().Before(r.indexedAt) {
		return r.indexedTitle, r.indexedTitle != ""
	}
	return r.title, true
}

// reindex schedules the index's update for r, whose title was old ("" for a new room).
func (p *Portal) reindex(r *room, old string) {
	if p.opts.IndexLag > 0 {
		r.indexedTitle, r.indexedAt = old, p.now().Add(p.opts.IndexLag)
	}
}

func (r *room) parentID() int {
	switch r.folder {
	case folderArchive:
		return folderIDArchive
	case folderTemplates:
		return folderIDTemplates
	}
	return folderIDRooms
}

// canRead: in rooms and the archive DocSpace admins see everything, others what they created or are
// members of. Templates have no admin override: the owner, and others only when the template is public
// or shared with them (api-notes.md §17). Every fake user but a member is admin-type, so public
// templates are readable to all of them.
func (r *room) canRead(u *user) bool {
	if r.folder == folderTemplates {
		return r.createdBy == u || r.public || r.roleOf(u) != 0
	}
	return u.admin || r.createdBy == u || r.roleOf(u) != 0
}

// canEdit: full access — the room's creator, or a room manager. Templates belong to their owner alone
// (api-notes.md §17). DocSpace admins, the portal owner included, read every room but manage only the
// ones they created or hold room manager in (api-notes.md §34).
func (r *room) canEdit(u *user) bool {
	if r.folder == folderTemplates {
		return r.createdBy == u
	}
	return r.createdBy == u || r.roleOf(u) == accessRoomManager
}

// canMove is the right to archive and restore: those who manage the room, and DocSpace admins, whose
// override keeps Move on every room (api-notes.md §34).
func (r *room) canMove(u *user) bool { return r.canEdit(u) || (u.admin && r.folder != folderTemplates) }

// canDelete: those who manage the room; a DocSpace admin who does not, only once it is archived
// (api-notes.md §34).
func (r *room) canDelete(u *user) bool { return r.canEdit(u) || (u.admin && r.folder == folderArchive) }

// canManageLinks is the ReadLinks / EditAccess right: without it GET /links answers an empty list
// (api-notes.md §23).
func (r *room) canManageLinks(u *user) bool { return r.folder != folderTemplates && r.canEdit(u) }

// dto renders a FolderDto (api-notes.md §8); absent values are omitted, never null.
func (p *Portal) dto(r *room, viewer *user, withQuota bool) map[string]any {
	logo := map[string]any{"original": "", "large": "", "medium": "", "small": "", "color": r.color}
	if r.cover != "" {
		logo["cover"] = map[string]any{"id": r.cover, "data": coverData(r.cover)}
	}
	if r.logoImage != "" {
		// With an uploaded image, logo carries its URLs and no colour or cover (api-notes.md §8).
		base := "/storage/room_logos/root/" + r.logoImage
		logo = map[string]any{"original": base + "?size=original", "large": base + "?size=large",
			"medium": base + "?size=medium", "small": base + "?size=small"}
	}
	edit, manage := r.canEdit(viewer), r.canManageLinks(viewer)
	d := map[string]any{
		"id": r.id, "title": r.title, "roomType": r.roomType, "rootFolderType": r.folder,
		"rootFolderId": r.parentID(), "parentId": r.parentID(), "fileEntryType": 1,
		"private": r.private, "indexing": r.indexing, "denyDownload": r.deny, "pinned": false, "mute": false,
		"tags": append([]string{}, r.tags...), "logo": logo,
		"created": p.apiTime(r.created), "updated": p.apiTime(r.updated),
		"createdBy": r.createdBy.dto(), "updatedBy": r.updatedBy.dto(), "ownedBy": r.createdBy.dto(),
		"access": r.accessOf(viewer), "filesCount": 0, "foldersCount": 0, "isShareable": true, "shared": len(r.links) > 0,
		"canShare": manage,
		"security": map[string]bool{"Read": true, "EditRoom": edit && r.folder != folderArchive, "Delete": r.canDelete(viewer),
			"Rename": edit && r.folder != folderArchive, "Create": r.mayCreateIn(viewer), "EditAccess": manage && r.folder != folderArchive, "CopySharedLink": manage},
	}
	// Quota fields need EditRoom and are never shown for archived rooms; the portal default (-2) reads
	// back as the portal's default room quota (api-notes.md §8).
	if withQuota && !p.opts.NoRoomQuotas && edit && r.folder != folderArchive {
		limit := r.quota
		if limit == quotaPortalDefault {
			limit = p.opts.DefaultRoomQuota
		}
		d["quotaLimit"], d["isCustomQuota"] = limit, r.quota != quotaPortalDefault
	}
	if r.lifetime != nil {
		d["lifetime"] = r.lifetime
	}
	if r.watermark != nil {
		d["watermark"] = r.watermark
	}
	return d
}

// accessOf is the caller's FileShare on the room: 1 (full) for the owner and admins, else the member's.
func (r *room) accessOf(u *user) int {
	if a := r.roleOf(u); a != 0 && r.createdBy != u && (!u.admin || r.folder == folderTemplates) {
		return a
	}
	return 0
}

// quotaPortalDefault is TenantEntityQuotaSettings.DefaultQuotaValue (api-notes.md §7).
const quotaPortalDefault = -2

// findRoom resolves the {id} parameter for a read: non-numeric or missing ids are 404, rooms the caller
// may not see are 403 (api-notes.md §14).
func (p *Portal) findRoom(c *call) *room {
	id, ok := c.pathID()
	r := p.rooms[id]
	if !ok || r == nil {
		c.fail(http.StatusNotFound, "The required folder was not found")
		return nil
	}
	if !r.canRead(c.user) {
		c.fail(http.StatusForbidden, "You don't have enough permission to view the folder content")
		return nil
	}
	return r
}

// findRoomForWrite resolves {id} for a write: a missing room is 403, InvalidOperationException
// (api-notes.md §9); a non-numeric id is 404.
func (p *Portal) findRoomForWrite(c *call) *room {
	id, ok := c.pathID()
	if !ok {
		c.fail(http.StatusNotFound, "Not found")
		return nil
	}
	r := p.rooms[id]
	if r == nil {
		c.fail(http.StatusForbidden, "The required folder was not found")
		return nil
	}
	if !r.canEdit(c.user) {
		// CanEditRoom is false: also for DocSpace admins who neither created nor manage the room
		// (api-notes.md §9, §34).
		c.fail(http.StatusForbidden, cannotEditRoom)
		return nil
	}
	return r
}

// cannotEditRoom is the server's text when the caller may not change a room (api-notes.md §9, §34).
const cannotEditRoom = "You don't have permission to edit the room"

func (p *Portal) getRoom(c *call) {
	if r := p.findRoom(c); r != nil {
		c.ok(p.dto(r, c.user, true))
	}
}

// cannotCreate is the server's text when the caller's type may not create rooms (api-notes.md §35).
const cannotCreate = "You don't have enough permission to create"

// mayCreateRooms: DocSpace admins and room admins; users of type User and guests may not (api-notes.md §35).
func (u *user) mayCreateRooms() bool { return u.kind != TypeUser && u.kind != TypeGuest }

func (p *Portal) createRoom(c *call) {
	if !c.user.mayCreateRooms() {
		c.fail(http.StatusForbidden, cannotCreate)
		return
	}
	b := c.object()
	r := &room{folder: folderRooms, quota: quotaPortalDefault, created: p.now(), createdBy: c.user}
	title, hasTitle := b.maxLength("title", 170)
	if b.failed {
		return
	}
	if !hasTitle || strings.TrimSpace(title) == "" {
		b.fail("Title", "The Title field is required.")
		return
	}
	r.title = sanitizeTitle(title)
	r.roomType = b.roomType()
	if b.failed {
		return
	}
	if r.roomType == 0 {
		b.fail("RoomType", "The RoomType field is required.")
		return
	}
	if !p.readRoomSettings(b, r, true) {
		return
	}
	if r.quota == 0 {
		// EF Core leaves a CLR default out of the INSERT, so the column default -2 is stored
		// (api-notes.md §7, code-derived).
		r.quota = quotaPortalDefault
	}
	if private, _ := b.boolean("private"); private {
		// Private rooms need the caller's encryption keys, which no API-key client has, and public or
		// form-filling rooms can never be private (api-notes.md §7).
		c.denied()
		return
	}
	if p.opts.RoomLimit > 0 && p.countRooms() >= p.opts.RoomLimit {
		c.fail(http.StatusPaymentRequired, fmt.Sprintf("The number of rooms exceeds the limit of %d set by the portal's plan", p.opts.RoomLimit))
		return
	}
	p.addRoom(r)
	answer := p.dto(r, c.user, false) // the create answer omits quotaLimit (api-notes.md §7)
	p.publish("room.created", r.id, r, c.user, answer)
	c.ok(answer)
}

// addRoom stores a new room and gives public and form-filling rooms their primary link.
func (p *Portal) addRoom(r *room) {
	r.id = p.newID()
	r.updated, r.updatedBy = r.created, r.createdBy
	p.reindex(r, "")
	if r.color == "" {
		r.color = p.randomColor()
	}
	p.rooms[r.id] = r
	if r.folder == folderRooms && (r.roomType == typePublic || r.roomType == typeFillingForms) {
		p.addPrimaryLink(r)
	}
}

func (p *Portal) countRooms() int {
	n := 0
	for _, r := range p.rooms {
		if r.folder != folderTemplates {
			n++
		}
	}
	return n
}

func (b *body) roomType() int {
	v, ok := b.raw("roomType")
	if !ok {
		return 0
	}
	// JsonStringEnumConverter: a name (any case) or a number, also written as a string. Any integer
	// passes the converter; an undefined one fails later in MapToFolderType with an
	// ArgumentOutOfRangeException, a 400 error envelope (api-notes.md §6).
	var n int
	if err := json.Unmarshal(v, &n); err != nil {
		var s string
		if json.Unmarshal(v, &s) != nil {
			b.fail("$.roomType", "The JSON value could not be converted to ASC.Files.Core.ApiModels.RequestDto.RoomType.")
			return 0
		}
		s = strings.TrimSpace(s)
		if t, ok := roomTypeByName[strings.ToLower(s)]; ok {
			return t
		}
		if n, err = strconv.Atoi(s); err != nil {
			b.fail("$.roomType", "The JSON value could not be converted to ASC.Files.Core.ApiModels.RequestDto.RoomType.")
			return 0
		}
	}
	for _, known := range roomTypeByName {
		if known == n {
			return n
		}
	}
	b.failed = true
	b.c.fail(http.StatusBadRequest, "Specified argument was out of the range of valid values. (Parameter 'roomType')")
	return 0
}

// readRoomSettings applies the settings shared by create and update. On create, a missing colour is random.
func (p *Portal) readRoomSettings(b *body, r *room, creating bool) bool {
	if v, ok := b.int64("quota"); ok {
		r.quota = v
		if v < -1 {
			r.quota = quotaPortalDefault // values below -1 are stored as -2 (api-notes.md §9)
		}
	}
	if v, ok := b.boolean("indexing"); ok {
		r.indexing = v
	}
	if v, ok := b.boolean("denyDownload"); ok {
		r.deny = v
	}
	if tags, ok := b.strings("tags"); ok {
		r.tags = p.catalogTags(tags)
	}
	if color, ok := b.maxLength("color", 6); ok && !b.failed {
		if strings.HasPrefix(color, "#") {
			b.fail("Color", "The field Color must be a string with a maximum length of 6.")
		}
		r.color = color
		if color == "" {
			r.color = p.randomColor() // "" asks for a new random colour (api-notes.md §9)
		}
	}
	if cover, ok := b.maxLength("cover", 50); ok && !b.failed {
		if cover != "" && coverData(cover) == "" {
			// ValidateRoomCover throws ArgumentException(null, "icon"): an error envelope, not a
			// validation problem (api-notes.md §7).
			b.failed = true
			b.c.fail(http.StatusBadRequest, "Value does not fall within the expected range. (Parameter 'icon')")
			return false
		}
		r.cover = cover
	}
	if b.has("lifetime") {
		r.lifetime = b.lifetime(r.lifetime)
	}
	if b.has("watermark") {
		r.watermark = b.watermark(r.watermark, creating)
	}
	return !b.failed
}

func (b *body) lifetime(old map[string]any) map[string]any {
	var l struct {
		DeletePermanently *bool    `json:"deletePermanently"`
		Period            *flexInt `json:"period"`
		Value             *flexInt `json:"value"`
		Enabled           *bool    `json:"enabled"`
	}
	if !b.decode("lifetime", &l, "ASC.Files.Core.ApiModels.RoomDataLifetimeDto") {
		return old
	}
	// The model is validated before `enabled` is read, so even a removal must carry valid values (api-notes.md §7).
	if l.Period != nil && (*l.Period < 0 || *l.Period > 2) {
		b.fail("Lifetime.Period", "The value is not valid for Period.")
		return old
	}
	if l.Value != nil && (*l.Value < 1 || *l.Value > 999) {
		b.fail("Lifetime.Value", "The field Value must be between 1 and 999.")
		return old
	}
	if l.Enabled != nil && !*l.Enabled {
		return nil
	}
	out := map[string]any{"deletePermanently": false, "period": 0, "value": 1, "enabled": true}
	if l.DeletePermanently != nil {
		out["deletePermanently"] = *l.DeletePermanently
	}
	if l.Period != nil {
		out["period"] = int(*l.Period)
	}
	if l.Value != nil {
		out["value"] = int(*l.Value)
	}
	return out
}

// watermark reads a WatermarkRequestDto. At create, WatermarkManager keeps imageScale, imageHeight and
// imageWidth only when an image URL results, and takes a non-absolute imageUrl for the name of an
// uploaded temporary file, which it replaces by a storage URL; an update keeps them as sent
// (api-notes.md §7, §9).
func (b *body) watermark(old map[string]any, creating bool) map[string]any {
	var w struct {
		Enabled    *bool     `json:"enabled"`
		Additions  int       `json:"additions"`
		Text       string    `json:"text"`
		Rotate     flexInt   `json:"rotate"`
		ImageScale flexInt   `json:"imageScale"`
		ImageURL   string    `json:"imageUrl"`
		ImageH     flexFloat `json:"imageHeight"`
		ImageW     flexFloat `json:"imageWidth"`
	}
	if !b.decode("watermark", &w, "ASC.Files.Core.ApiModels.RequestDto.WatermarkRequestDto") {
		return old
	}
	if w.Enabled != nil && !*w.Enabled {
		return nil
	}
	if utf16Len(w.Text) > 255 {
		b.fail("Watermark.Text", "The field Text must be a string with a maximum length of 255.")
		return old
	}
	if creating && w.ImageURL != "" && !isAbsoluteURL(w.ImageURL) {
		w.ImageURL = "http://" + b.c.r.Host + "/storage/room_logos/root/watermark_" + b.c.p.token(8) + "_" + w.ImageURL
	}
	if creating && w.ImageURL == "" {
		w.ImageScale, w.ImageH, w.ImageW = 0, 0, 0
	}
	// The server's WatermarkDto has no `enabled` member (api-notes.md §8).
	out := map[string]any{"additions": w.Additions, "rotate": int(w.Rotate), "imageScale": int(w.ImageScale),
		"imageHeight": float64(w.ImageH), "imageWidth": float64(w.ImageW)}
	if w.Text != "" {
		out["text"] = w.Text
	}
	if w.ImageURL != "" {
		out["imageUrl"] = w.ImageURL
	}
	return out
}

func isAbsoluteURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.IsAbs() && u.Host != ""
}

// msgNoEditPermission is the 403 of a room update the caller may not make (api-notes.md §9).
const msgNoEditPermission = "You don't have permission to edit the room"

// findEditableRoom resolves {id} for a change of the room itself: archived rooms are read-only (api-notes.md §10).
func (p *Portal) findEditableRoom(c *call) *room {
	r := p.findRoomForWrite(c)
	if r != nil && r.folder == folderArchive {
		c.fail(http.StatusForbidden, msgNoEditPermission)
		return nil
	}
	return r
}

func (p *Portal) updateRoom(c *call) {
	// UpdateRoomAsync checks CanEditRoom itself: a caller without it — a guest without access among
	// them — gets its own InvalidOperationException text, not "Access denied" (api-notes.md §9).
	if id, ok := c.pathID(); ok && p.rooms[id] != nil && !p.rooms[id].canEdit(c.user) {
		c.fail(http.StatusForbidden, msgNoEditPermission)
		return
	}
	r := p.findEditableRoom(c)
	if r == nil {
		return
	}
	b := c.object()
	title, hasTitle := b.maxLength("title", 170)
	if b.failed {
		return
	}
	next := *r
	if hasTitle && strings.TrimSpace(title) != "" { // an empty title is ignored (api-notes.md §9)
		next.title = sanitizeTitle(title)
		if next.title != r.title {
			old, _ := p.searchTitle(r)
			p.reindex(&next, old)
		}
	}
	if !p.readRoomSettings(b, &next, false) {
		return
	}
	next.updated, next.updatedBy = p.now(), c.user
	renamed := next.title != r.title
	*r = next
	answer := p.dto(r, c.user, true)
	if renamed { // the server publishes room.updated from its rename only (api-notes.md §38)
		p.publish("room.updated", r.id, r, c.user, answer)
	}
	c.ok(answer)
}

func (p *Portal) addTags(c *call)    { p.changeTags(c, true) }
func (p *Portal) removeTags(c *call) { p.changeTags(c, false) }

func (p *Portal) changeTags(c *call, add bool) {
	r := p.findEditableRoom(c)
	if r == nil {
		return
	}
	b := c.object()
	names, _ := b.strings("names")
	if b.failed {
		return
	}
	if add {
		r.tags = p.catalogTags(append(append([]string{}, r.tags...), names...))
	} else {
		var kept []string
		for _, t := range r.tags {
			if !containsFold(names, t) {
				kept = append(kept, t)
			}
		}
		r.tags = kept
	}
	c.ok(p.dto(r, c.user, true))
}

// catalogTags de-duplicates names case-insensitively, matching the portal's tag catalogue: an existing
// tag keeps its spelling, a new one joins the catalogue (api-notes.md §7, §13).
func (p *Portal) catalogTags(names []string) []string {
	var out []string
	for _, n := range names {
		canonical := n
		found := false
		for _, t := range p.tagCatalog {
			if strings.EqualFold(t, n) {
				canonical, found = t, true
				break
			}
		}
		if !found {
			p.tagCatalog = append(p.tagCatalog, n)
		}
		if !containsFold(out, canonical) {
			out = append(out, canonical)
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

func (p *Portal) randomColor() string { return fmt.Sprintf("%06X", p.rnd.UintN(1<<24)) }
