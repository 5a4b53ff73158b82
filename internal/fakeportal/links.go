package fakeportal

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Link kinds and subject types (api-notes.md §21).
const (
	linkInvitation = 0
	linkExternal   = 1

	subjectExternal   = 1
	subjectInvitation = 3
	subjectPrimary    = 4
)

// Access levels (FileShare).
const (
	accessNone           = 0
	accessRead           = 2
	accessReview         = 5
	accessComment        = 6
	accessFillForms      = 7
	accessRoomManager    = 9
	accessEditing        = 10
	accessContentCreator = 11
)

var accessByName = map[string]int{
	"none": 0, "readwrite": 1, "read": 2, "restrict": 3, "varies": 4, "review": 5, "comment": 6, "fillforms": 7,
	"customfilter": 8, "roommanager": 9, "editing": 10, "contentcreator": 11,
}

type link struct {
	id           string
	title        string
	access       int
	subject      int
	expires      time.Time
	password     string
	denyDownload bool
	internal     bool
	maxUseCount  int
	token        string
	requestToken string
}

func (l *link) linkType() int {
	if l.subject == subjectInvitation {
		return linkInvitation
	}
	return linkExternal
}

// linkRules are FileSecurity.AvailableRoomAccesses and the link counts (api-notes.md §25).
var linkRules = map[int]struct {
	invitation, external []int
	additional           int
}{
	typeCustom:       {[]int{accessContentCreator, accessEditing, accessReview, accessComment, accessRead}, []int{accessEditing, accessFillForms, accessReview, accessComment, accessRead}, 5},
	typePublic:       {[]int{accessContentCreator, accessRead}, []int{accessEditing, accessFillForms, accessReview, accessComment, accessRead}, 5},
	typeFillingForms: {[]int{accessContentCreator, accessFillForms}, []int{accessFillForms, accessRead}, 0},
	typeEditing:      {[]int{accessContentCreator, accessEditing, accessRead}, nil, 0},
	typeVirtualData:  {[]int{accessContentCreator, accessEditing, accessRead, accessFillForms}, nil, 0},
	typeAI:           {[]int{accessContentCreator, accessRead}, nil, 0},
}

const maxLinkYears = 10

func (p *Portal) addPrimaryLink(r *room) *link {
	l := &link{id: p.guid(), subject: subjectPrimary, access: accessRead, title: "Shared link", token: p.token(12), requestToken: p.token(40)}
	switch r.roomType {
	case typeFillingForms:
		l.access, l.title, l.internal = accessFillForms, "Link to fill out", p.opts.DefaultLinkInternal
	case typeCustom:
		l.internal = p.opts.DefaultLinkInternal
	}
	r.links = append([]*link{l}, r.links...)
	return l
}

func (p *Portal) linkDTO(c *call, r *room, l *link) map[string]any {
	shared := map[string]any{
		"id": l.id, "title": l.title, "linkType": l.linkType(), "isExpired": !l.expires.IsZero() && p.now().After(l.expires),
		"primary": l.subject == subjectPrimary, "internal": l.internal,
	}
	host := "http://" + c.r.Host
	if l.linkType() == linkInvitation {
		// Invitation links are rendered for the calling user (api-notes.md §24).
		shared["shareLink"] = host + "/rooms/join?uid=" + c.user.id[:8] + "&key=" + l.token
		if l.maxUseCount > 0 { // both are omitted when the link is unlimited (api-notes.md §24)
			shared["maxUseCount"], shared["currentUseCount"] = l.maxUseCount, 0
		}
	} else {
		shared["shareLink"] = host + "/s/" + l.token
		shared["denyDownload"] = l.denyDownload
		shared["requestToken"] = l.requestToken
		if l.password != "" {
			shared["password"] = l.password // returned in clear text, as the real server does
		}
	}
	if !l.expires.IsZero() {
		shared["expirationDate"] = p.apiTime(l.expires)
	}
	canRevoke := l.subject == subjectPrimary && (r.roomType == typePublic || r.roomType == typeFillingForms)
	return map[string]any{
		"access": l.access, "sharedLink": shared, "sharedTo": shared, "isLocked": false, "isOwner": false,
		"canEditAccess": false, "canEditInternal": canEditInternal(r), "canEditDenyDownload": true,
		"canEditExpirationDate": canEditExpiration(r), "canRevoke": canRevoke, "subjectType": l.subject,
	}
}

// canEditInternal is false for every link of a public room or virtual data room, canEditExpiration for
// every link of a form-filling room (FileSecurity, api-notes.md §22, §24).
func canEditInternal(r *room) bool {
	return r.roomType != typePublic && r.roomType != typeVirtualData
}

func canEditExpiration(r *room) bool { return r.roomType != typeFillingForms }

// roleNotAvailable is the InvalidOperationException for an access level or link kind the room type
// does not allow (api-notes.md §22).
const roleNotAvailable = "The role is not available for this user type"

// linkRoom resolves {id} for the link endpoints: missing rooms are 404 (api-notes.md §22).
func (p *Portal) linkRoom(c *call, write bool) *room {
	id, ok := c.pathID()
	r := p.rooms[id]
	if !ok || r == nil {
		c.fail(http.StatusNotFound, "The required folder was not found")
		return nil
	}
	if !r.canRead(c.user) || (write && !r.canEdit(c.user)) {
		c.denied()
		return nil
	}
	if write && r.folder == folderArchive {
		c.denied() // archived rooms are read-only (api-notes.md §10)
		return nil
	}
	if write && r.folder == folderTemplates {
		c.fail(http.StatusForbidden, roleNotAvailable) // templates take only users and groups (api-notes.md §18, §22)
		return nil
	}
	return r
}

// listLinks is GET /files/rooms/{id}/links[?type=0|1]: all links, not paginated. A caller who cannot
// read the room or lacks ReadLinks gets 200 with an empty list; only a missing room is 404 (api-notes.md §23).
func (p *Portal) listLinks(c *call) {
	id, ok := c.pathID()
	r := p.rooms[id]
	if !ok || r == nil {
		c.fail(http.StatusNotFound, "The required folder was not found")
		return
	}
	want := -1
	if v := c.r.URL.Query().Get("type"); v != "" {
		n, ok := enumQuery(v, linkTypeByName)
		if !ok {
			c.invalid("Type", "The value '"+v+"' is not valid.")
			return
		}
		want = n
	}
	var items []any
	if r.canRead(c.user) && r.canManageLinks(c.user) {
		for _, l := range r.links {
			if want < 0 || want == l.linkType() {
				items = append(items, p.linkDTO(c, r, l))
			}
		}
	}
	c.list(items)
}

var linkTypeByName = map[string]int{"invitation": linkInvitation, "external": linkExternal}

// primaryLink is GET /files/rooms/{id}/link: the primary external link, created when missing.
func (p *Portal) primaryLink(c *call) {
	r := p.linkRoom(c, false)
	if r == nil {
		return
	}
	if linkRules[r.roomType].external == nil || r.folder == folderTemplates {
		c.denied()
		return
	}
	for _, l := range r.links {
		if l.subject == subjectPrimary {
			c.ok(p.linkDTO(c, r, l))
			return
		}
	}
	c.ok(p.linkDTO(c, r, p.addPrimaryLink(r)))
}

// setLink is PUT /files/rooms/{id}/links (api-notes.md §22): create, replace or remove a link.
func (p *Portal) setLink(c *call) {
	r := p.linkRoom(c, true)
	if r == nil {
		return
	}
	b := c.object()
	linkID, _ := b.str("linkId")
	kind := linkInvitation // the default when linkType is omitted
	if v, ok := b.enumNumber("linkType", "ASC.Files.Core.ApiModels.ResponseDto.LinkType"); ok {
		kind = int(v)
	}
	access := b.access()
	title, _ := b.maxLength("title", 255)
	password, _ := b.maxLength("password", 255)
	deny, _ := b.boolean("denyDownload")
	internal, _ := b.boolean("internal")
	expiresRaw, hasExpiry := b.str("expirationDate")
	maxUse, hasMaxUse := b.int64("maxUseCount")
	if hasMaxUse && (maxUse < 1 || maxUse > 1000) {
		b.fail("MaxUseCount", "The field MaxUseCount must be between 1 and 1000.")
	}
	if b.failed {
		return
	}
	var existing *link
	for _, l := range r.links {
		if linkID != "" && strings.EqualFold(l.id, linkID) {
			existing = l
		}
	}
	if access == accessNone {
		// access 0 with an unknown id is handled as a create that stores nothing: it passes the link
		// limit check first, so in a room at its limit it is 403 (api-notes.md §22).
		if existing == nil && linkID != "" && linkID != emptyGUID && !p.linkLimitLeft(c, r, kind) {
			return
		}
		p.removeLink(c, r, existing)
		return
	}
	if existing != nil {
		kind = existing.linkType()
	}
	rules, known := linkRules[r.roomType]
	allowed := rules.invitation
	if kind == linkExternal {
		allowed = rules.external
	}
	if !known || !slices.Contains(allowed, access) {
		// Also for any external link on editing, VDR and AI rooms (FileSharing.cs L169-185).
		c.fail(http.StatusForbidden, roleNotAvailable)
		return
	}
	var expires time.Time
	if hasExpiry && expiresRaw != "" {
		expires = p.parseAPITime(expiresRaw)
		switch {
		case expires.IsZero():
		case expires.After(p.now().AddDate(maxLinkYears, 0, 0)):
			c.fail(http.StatusBadRequest, "The link lifetime cannot exceed "+strconv.Itoa(maxLinkYears)+" years")
			return
		case !expires.After(p.now()) && kind == linkInvitation:
			c.fail(http.StatusBadRequest, "The expiration date must be in the future")
			return
		case !expires.After(p.now()):
			expires = time.Time{} // a past date on an external link is silently ignored
		}
	}
	password = strings.TrimSpace(password)
	if kind == linkExternal && password != "" && !passwordPolicy(password) {
		c.fail(http.StatusBadRequest, "The password does not meet the portal's password policy: at least 8 characters")
		return
	}
	// A requested expiry on the primary link of a public or form-filling room is reset to the default
	// first: only the expiry is dropped, the rest applies (api-notes.md §22).
	if existing != nil && existing.subject == subjectPrimary && (r.roomType == typePublic || r.roomType == typeFillingForms) {
		expires = time.Time{}
	}
	// The whole update of an existing link is skipped when the caller may not change internal or the
	// expiry and the request differs; the requested value is compared, before any forcing (api-notes.md §22).
	if existing != nil && ((!canEditInternal(r) && internal != existing.internal) ||
		(!canEditExpiration(r) && !expires.Equal(existing.expires))) {
		c.ok(p.linkDTO(c, r, existing))
		return
	}
	// internal is forced per room type (api-notes.md §22).
	forcedInternal := map[int]bool{typePublic: false, typeVirtualData: true}
	if forced, ok := forcedInternal[r.roomType]; ok {
		internal = forced
	} else if existing == nil && (linkID == "" || linkID == "00000000-0000-0000-0000-000000000000") && !internal {
		internal = p.opts.DefaultLinkInternal
	}
	l := existing
	if l == nil {
		if !p.linkLimitLeft(c, r, kind) {
			return
		}
		id := linkID
		if id == "" || id == "00000000-0000-0000-0000-000000000000" {
			id = p.guid()
		}
		l = &link{id: strings.ToLower(id), subject: subjectExternal, token: p.token(12), requestToken: p.token(40)}
		if kind == linkInvitation {
			l.subject = subjectInvitation
		}
		r.links = append(r.links, l)
	}
	// Full replacement: everything not sent is cleared.
	l.access, l.title, l.expires, l.internal = access, title, expires, internal
	if l.title == "" {
		l.title = map[int]string{linkInvitation: "Invitation link", linkExternal: "Shared link"}[kind]
	}
	if kind == linkExternal {
		l.password, l.denyDownload = password, deny
	} else {
		l.maxUseCount = int(maxUse)
	}
	c.ok(p.linkDTO(c, r, l))
}

func (p *Portal) linkLimitLeft(c *call, r *room, kind int) bool {
	invitations, additional := 0, 0
	for _, l := range r.links {
		switch l.subject {
		case subjectInvitation:
			invitations++
		case subjectExternal:
			additional++
		}
	}
	limit, used := 1, invitations
	if kind == linkExternal {
		limit, used = linkRules[r.roomType].additional, additional
	}
	if used >= limit {
		c.fail(http.StatusForbidden, "The maximum number of links may not exceed "+strconv.Itoa(limit))
		return false
	}
	return true
}

// removeLink handles access None: the link goes; a public or form-filling room's primary link is
// replaced at once by a new one, which is returned without its request token (api-notes.md §22).
func (p *Portal) removeLink(c *call, r *room, l *link) {
	if l == nil {
		c.empty()
		return
	}
	for i, cur := range r.links {
		if cur == l {
			r.links = append(r.links[:i:i], r.links[i+1:]...)
			break
		}
	}
	if l.subject == subjectPrimary && (r.roomType == typePublic || r.roomType == typeFillingForms) {
		dto := p.linkDTO(c, r, p.addPrimaryLink(r))
		if shared, ok := dto["sharedLink"].(map[string]any); ok {
			delete(shared, "requestToken")
		}
		c.ok(dto)
		return
	}
	c.empty()
}

// access reads a FileShare given as a number or a name; an unknown name silently becomes None (api-notes.md §21).
func (b *body) access() int {
	v, ok := b.raw("access")
	if !ok {
		return accessNone
	}
	var n int
	if json.Unmarshal(v, &n) == nil {
		return n
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		return accessByName[strings.ToLower(s)]
	}
	b.fail("$.access", "The JSON value could not be converted to ASC.Files.Core.Security.FileShare.")
	return accessNone
}

// passwordPolicy is the portal's default password policy.
func passwordPolicy(pw string) bool { return utf16Len(pw) >= 8 }
