package fakeportal

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/mail"
	"slices"
	"strconv"
	"strings"
)

// Subject types of member records (SubjectType, api-notes.md §29).
const (
	subjectUser  = 0
	subjectGroup = 2
)

// accessReadWrite is FileShare.ReadWrite, the access of the synthetic owner entry.
const accessReadWrite = 1

// share is a room's access record for one user or one group. The room's owner needs none, but may
// have one when a request named the owner's id (api-notes.md §29).
type share struct {
	user   *user
	group  *group
	access int
	// formRoles marks a virtual-data-room member who holds form roles: removing them needs force.
	formRoles bool
}

func (s *share) subjectID() string {
	if s.group != nil {
		return s.group.id
	}
	return s.user.id
}

func (r *room) findShare(id string) *share {
	for _, s := range r.shares {
		if strings.EqualFold(s.subjectID(), id) {
			return s
		}
	}
	return nil
}

func (r *room) removeShare(id string) {
	for i, s := range r.shares {
		if strings.EqualFold(s.subjectID(), id) {
			r.shares = append(r.shares[:i:i], r.shares[i+1:]...)
			return
		}
	}
}

// setShare adds a record at the end, or changes the access of the subject's record in place.
func (r *room) setShare(s *share) {
	if old := r.findShare(s.subjectID()); old != nil {
		old.access = s.access
		return
	}
	r.shares = append(r.shares, s)
}

// roleOf is u's access through the room's records: a direct record wins, else the highest-ranked role
// of a group u belongs to; 0 when u has none.
func (r *room) roleOf(u *user) int {
	best := 0
	for _, s := range r.shares {
		switch {
		case s.user == u:
			return s.access
		case s.group != nil && s.group.has(u) && rank(s.access) > rank(best):
			best = s.access
		}
	}
	return best
}

// rank orders member roles from the least to the most powerful.
func rank(access int) int {
	return map[int]int{accessRead: 1, accessFillForms: 2, accessComment: 3, accessReview: 4, accessEditing: 5,
		accessContentCreator: 6, accessRoomManager: 7}[access]
}

// memberRules are FileSecurity.AvailableRoomAccesses for users and groups (api-notes.md §29). Groups
// are never room managers.
var memberRules = map[int]struct{ user, group []int }{
	typeCustom:       {[]int{accessRoomManager, accessContentCreator, accessEditing, accessReview, accessComment, accessRead}, []int{accessContentCreator, accessEditing, accessReview, accessComment, accessRead}},
	typePublic:       {[]int{accessRoomManager, accessContentCreator}, []int{accessContentCreator}},
	typeFillingForms: {[]int{accessRoomManager, accessContentCreator, accessFillForms}, []int{accessContentCreator, accessFillForms}},
	typeEditing:      {[]int{accessRoomManager, accessContentCreator, accessEditing, accessRead}, []int{accessContentCreator, accessEditing, accessRead}},
	typeVirtualData:  {[]int{accessRoomManager, accessContentCreator, accessEditing, accessRead, accessFillForms}, []int{accessContentCreator, accessEditing, accessRead, accessFillForms}},
	typeAI:           {[]int{accessRoomManager, accessContentCreator, accessRead}, []int{accessContentCreator, accessRead}},
}

// roleAllowed applies the room type's table, then the user type's: users and guests are never room
// managers, guests never content creators in AI rooms. Templates take only Read, and only for
// DocSpace admins, room admins and groups. None is always allowed.
func roleAllowed(r *room, isGroup bool, kind, access int) bool {
	if access == accessNone {
		return true
	}
	if r.folder == folderTemplates {
		return access == accessRead && (isGroup || kind == TypeDocSpaceAdmin || kind == TypeRoomAdmin)
	}
	rule := memberRules[r.roomType]
	list := rule.user
	if isGroup {
		list = rule.group
	}
	if !slices.Contains(list, access) {
		return false
	}
	if isGroup {
		return true
	}
	if access == accessRoomManager && (kind == TypeUser || kind == TypeGuest) {
		return false
	}
	return r.roomType != typeAI || kind != TypeGuest || access != accessContentCreator
}

// groupFirstGrantRefused: a group without a record in the room is checked as if it were a guest, so in
// an AI room its first grant cannot be content creator; changing an existing group record can
// (api-notes.md §29).
func groupFirstGrantRefused(r *room, s *share, access int) bool {
	return s.group != nil && r.roomType == typeAI && access == accessContentCreator && r.findShare(s.group.id) == nil
}

// invitation is one entry of PUT /share.
type invitation struct {
	id, email string
	access    int
}

// Texts of the room lookup in PUT /share (GetFolderAsync, api-notes.md §29).
const (
	msgFolderNotFound   = "The required folder was not found"
	msgNoViewPermission = "You don't have enough permission to view the folder content"
)

// setShares is PUT /files/rooms/{id}/share (api-notes.md §29), in the server's order: the body; an empty
// list (200 before the room is looked up); the guest-invitation setting; the room (404, or 403 when the
// caller cannot read it); a template's check of the whole request; a VDR member's form roles; the
// visibility filter; the right to manage access, which a member leaving the room does not need; then
// the entries one by one in request order, where a forbidden role answers 403 after the entries before
// it were saved. Subjects that cannot take a record (terminated or removed users, removed groups,
// users the caller may not see) are skipped without an error and are missing from the answer's members.
func (p *Portal) setShares(c *call) {
	id, ok := c.pathID()
	if !ok {
		c.fail(http.StatusNotFound, msgFolderNotFound)
		return
	}
	b := c.object()
	force, _ := b.boolean("force")
	b.boolean("notify")
	b.str("message")
	b.str("culture")
	var raw []map[string]json.RawMessage
	b.decode("invitations", &raw, "System.Collections.Generic.IEnumerable`1[ASC.Files.Core.ApiModels.RequestDto.RoomInvitation]")
	if b.failed {
		return
	}
	var list []invitation
	emails := 0
	for i, m := range raw {
		entry := &body{c: c, members: map[string]json.RawMessage{}}
		for k, v := range m {
			entry.members[strings.ToLower(k)] = v
		}
		field := fmt.Sprintf("Invitations[%d]", i)
		inv := invitation{access: entry.access()}
		inv.id, _ = entry.str("id")
		inv.email, _ = entry.str("email")
		if entry.failed {
			return
		}
		if inv.id != "" && !guidPattern.MatchString(inv.id) {
			c.invalid("$.invitations["+strconv.Itoa(i)+"].id", "The JSON value could not be converted to System.Guid.")
			return
		}
		if inv.email != "" {
			emails++
			if _, err := mail.ParseAddress(inv.email); err != nil || utf16Len(inv.email) > 255 {
				c.invalid(field+".Email", "The Email field is not a valid e-mail address.")
				return
			}
		}
		list = append(list, inv)
	}
	if emails > p.opts.MaxEmailInvitations {
		c.invalid("Invitations", fmt.Sprintf("The number of e-mail invitations may not exceed %d.", p.opts.MaxEmailInvitations))
		return
	}
	if len(list) == 0 {
		c.ok(map[string]any{"error": 0}) // no members: null and omitted
		return
	}
	if p.opts.NoGuestInvitations {
		for _, inv := range list {
			if inv.email != "" && inv.access != accessNone {
				c.denied()
				return
			}
		}
	}
	r := p.rooms[id]
	if r == nil {
		c.fail(http.StatusNotFound, msgFolderNotFound)
		return
	}
	if !r.canRead(c.user) {
		c.fail(http.StatusForbidden, msgNoViewPermission)
		return
	}
	if r.folder == folderTemplates && !p.templateRequestAllowed(list) {
		c.fail(http.StatusForbidden, roleNotAvailable) // the whole request, before any entry is applied
		return
	}
	if r.roomType == typeVirtualData && !force {
		for _, inv := range list {
			if s := r.findShare(inv.id); inv.access == accessNone && inv.id != "" && s != nil && s.formRoles {
				c.ok(map[string]any{"error": 1}) // the whole request is refused, with 200
				return
			}
		}
	}
	var asked []string
	kept := p.visibleEntries(c, r, list)
	for _, inv := range list {
		if inv.id != "" {
			asked = append(asked, inv.id)
		}
	}
	if r.folder == folderArchive || (!leavesRoom(c, kept) && (c.user.kind == TypeGuest || !r.canEdit(c.user))) {
		c.denied()
		return
	}
	for _, inv := range kept {
		if inv.id == "" && inv.email != "" {
			if inv.access == accessNone {
				continue // an e-mail entry with access 0 does nothing: no account, no removal
			}
			// The role is checked against a placeholder guest before the address is looked up.
			if !roleAllowed(r, false, TypeGuest, inv.access) {
				c.fail(http.StatusForbidden, roleNotAvailable)
				return
			}
			u := p.userWithEmail(inv.email)
			if u == nil {
				u = p.newUser(strings.Split(inv.email, "@")[0], inv.email, TypeGuest)
				u.activation, u.invitedBy = activationPending, c.user
			}
			if !p.applyShare(c, r, u.id, inv.access) {
				return
			}
			continue // e-mail entries are not in the answer's members
		}
		if !p.applyShare(c, r, inv.id, inv.access) {
			return
		}
	}
	members := []any{}
	for _, id := range asked {
		if s := r.findShare(id); s != nil {
			members = append(members, p.shareDTO(c, r, s))
		}
	}
	r.updated, r.updatedBy = p.now(), c.user
	c.ok(map[string]any{"members": members, "error": 0})
}

// templateRequestAllowed is the controller's check of a whole request on a template: every entry asks
// for Read or None, no id entry with access names a guest or a User-type user, and no e-mail entry has
// access (api-notes.md §29).
func (p *Portal) templateRequestAllowed(list []invitation) bool {
	for _, inv := range list {
		switch {
		case inv.access == accessNone:
		case inv.access != accessRead, inv.email != "":
			return false
		default:
			if u := p.findUser(inv.id); u != nil && (u.kind == TypeGuest || u.kind == TypeUser) {
				return false
			}
		}
	}
	return true
}

// visibleEntries is the controller's visibility filter: it drops the entries for users the caller may
// not see, except that the room's creator may remove anyone and change any current member
// (api-notes.md §29).
func (p *Portal) visibleEntries(c *call, r *room, list []invitation) []invitation {
	var kept []invitation
	for _, inv := range list {
		u := p.findUser(inv.id)
		hidden := inv.id != "" && u != nil && !u.removed && !c.user.sees(u)
		creatorExempt := hidden && r.createdBy == c.user && (inv.access == accessNone || r.findShare(u.id) != nil)
		if hidden && !creatorExempt {
			continue
		}
		kept = append(kept, inv)
	}
	return kept
}

// leavesRoom reports a request whose every entry is the caller with access 0: a member leaving the room
// needs no right to manage its access (api-notes.md §29).
func leavesRoom(c *call, list []invitation) bool {
	for _, inv := range list {
		if !strings.EqualFold(inv.id, c.user.id) || inv.access != accessNone {
			return false
		}
	}
	return true
}

// applyShare handles one entry; it returns false after answering 403 for a forbidden role. The room's
// owner is no exception: an entry for the owner saves a real record.
func (p *Portal) applyShare(c *call, r *room, id string, access int) bool {
	s := &share{access: access}
	if u := p.findUser(id); u != nil {
		if u.removed || u.status != StatusActive {
			return true // skipped silently
		}
		s.user = u
	} else if g := p.findGroup(id); g != nil {
		s.group = g
	} else {
		return true // an unknown or removed subject: skipped silently
	}
	kind := 0
	if s.user != nil {
		kind = s.user.kind
	}
	if !roleAllowed(r, s.group != nil, kind, access) || groupFirstGrantRefused(r, s, access) {
		c.fail(http.StatusForbidden, roleNotAvailable)
		return false
	}
	if access == accessNone {
		r.removeShare(id)
	} else {
		r.setShare(s)
	}
	return true
}

func (p *Portal) userWithEmail(email string) *user {
	for _, u := range p.users {
		if u.email == email && !u.removed {
			return u
		}
	}
	return nil
}

// shareFilterByName are the ShareFilterType names; the numbers are flags.
var shareFilterByName = map[string]int{"userorgroup": 0, "invitationlink": 1, "externallink": 2, "additionalexternallink": 4,
	"primaryexternallink": 8, "link": 15, "user": 16, "group": 32}

// listShares is GET /files/rooms/{id}/share (api-notes.md §29): the owner's synthetic entry first (not
// a record, but counted in total), then the records in the server's order; count and total in the
// envelope, count being min(total − startIndex, count), negative past the end. A caller who cannot read
// the room gets 200 with an empty list; a missing room is 404 "Item not found".
func (p *Portal) listShares(c *call) {
	id, ok := c.pathID()
	r := p.rooms[id]
	if !ok || r == nil {
		c.fail(http.StatusNotFound, "Item not found")
		return
	}
	start, count, ok := pageParams(c)
	if !ok {
		return
	}
	filter := 0
	if v := c.r.URL.Query().Get("filterType"); v != "" {
		n, ok := enumQuery(v, shareFilterByName)
		if !ok {
			c.invalid("FilterType", "The value '"+v+"' is not valid.")
			return
		}
		filter = n
	}
	if !r.canRead(c.user) {
		c.page(nil, 0)
		return
	}
	// filterValue: a case-insensitive substring of one field — first name, last name or e-mail of a
	// user, the name of a group; a text spanning two fields matches nothing.
	text := strings.ToLower(c.r.URL.Query().Get("filterValue"))
	matches := func(fields ...string) bool {
		for _, f := range fields {
			if strings.Contains(strings.ToLower(f), text) {
				return true
			}
		}
		return text == ""
	}
	userMatches := func(u *user) bool { return matches(u.first, u.last, u.email) }
	var all []any
	switch {
	case filter == 0 || filter == 16 || filter == 32:
		if filter != 32 && userMatches(r.createdBy) {
			owner := map[string]any{"access": accessReadWrite, "sharedToUser": p.fullDTOWithGroups(r.createdBy), "sharedTo": p.fullDTOWithGroups(r.createdBy),
				"isLocked": false, "isOwner": true, "canEditAccess": false, "canEditInternal": false,
				"canEditDenyDownload": false, "canEditExpirationDate": false, "canRevoke": false, "subjectType": subjectUser}
			all = append(all, owner)
		}
		var records []*share
		for _, s := range r.shares {
			switch {
			case filter == 16 && s.group != nil, filter == 32 && s.user != nil:
			case s.user != nil && !userMatches(s.user), s.group != nil && !matches(s.group.name):
			default:
				records = append(records, s)
			}
		}
		sortShares(records, filter)
		for _, s := range records {
			all = append(all, p.shareDTO(c, r, s))
		}
	case r.canManageLinks(c.user):
		for _, l := range r.links {
			kind := map[int]int{subjectInvitation: 1, subjectExternal: 2 | 4, subjectPrimary: 2 | 8}[l.subject]
			if kind&filter != 0 && matches(l.title) {
				all = append(all, p.linkDTO(c, r, l))
			}
		}
	}
	items := []any{}
	for i := start; i < len(all) && i < start+count; i++ {
		items = append(items, all[i])
	}
	c.writeJSON(http.StatusOK, map[string]any{"response": items, "count": min(len(all)-start, count), "total": len(all),
		"links": c.links(), "status": 0, "statusCode": http.StatusOK})
}

// roomShareOrder ranks room roles as the server sorts them, the most powerful first.
var roomShareOrder = []int{accessNone, accessRoomManager, accessContentCreator, accessEditing, accessFillForms,
	accessReview, accessComment, accessRead}

func roleOrder(access int) int {
	if i := slices.Index(roomShareOrder, access); i >= 0 {
		return i
	}
	return len(roomShareOrder)
}

// sortShares orders a room's records as SecurityDao does. Users and groups (filter 0): users holding
// RoomManager, then groups, then other users, then guests, then users still pending; within each class
// by role, then by first name (pending users: e-mail; groups: name). Users only (16): by activation
// status, role, first name. Groups only (32): by role, name.
func sortShares(records []*share, filter int) {
	class := func(s *share) int {
		switch {
		case s.group != nil:
			return 1
		case s.user.activation == activationPending:
			return 4
		case s.user.kind == TypeGuest:
			return 3
		case s.access == accessRoomManager:
			return 0
		}
		return 2
	}
	name := func(s *share) string {
		switch {
		case s.group != nil:
			return strings.ToLower(s.group.name)
		case s.user.activation == activationPending && filter != 16:
			return strings.ToLower(s.user.email)
		}
		return strings.ToLower(s.user.first)
	}
	key := func(s *share) []int {
		switch filter {
		case 16:
			return []int{s.user.activation, roleOrder(s.access)}
		case 32:
			return []int{roleOrder(s.access)}
		}
		return []int{class(s), roleOrder(s.access)}
	}
	slices.SortStableFunc(records, func(a, b *share) int {
		if c := slices.Compare(key(a), key(b)); c != 0 {
			return c
		}
		return strings.Compare(name(a), name(b))
	})
}

// shareDTO renders a member record as a FileShareDto. A record of the room's owner is marked isOwner
// like the synthetic entry.
func (p *Portal) shareDTO(c *call, r *room, s *share) map[string]any {
	d := map[string]any{"access": s.access, "isLocked": s.user == c.user, "isOwner": s.user != nil && s.user == r.createdBy,
		"canEditAccess": s.user != c.user && r.canEdit(c.user), "canEditInternal": false, "canEditDenyDownload": false,
		"canEditExpirationDate": false, "canRevoke": false, "subjectType": subjectUser}
	if s.group != nil {
		d["sharedToGroup"], d["sharedTo"], d["subjectType"] = s.group.summary(), s.group.summary(), subjectGroup
	} else {
		d["sharedToUser"], d["sharedTo"] = p.fullDTOWithGroups(s.user), p.fullDTOWithGroups(s.user)
	}
	return d
}
