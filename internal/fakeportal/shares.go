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

// share is a room's access record for one user or one group. The room's owner has none.
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

// setShares is PUT /files/rooms/{id}/share (api-notes.md §29). Entries are applied one by one in
// request order; a forbidden role answers 403 after the entries before it were saved. Subjects that
// cannot take a record (terminated or removed users, removed groups, users the caller may not see, the
// owner) are skipped without an error and are missing from the answer's members.
func (p *Portal) setShares(c *call) {
	id, ok := c.pathID()
	r := p.rooms[id]
	if !ok || r == nil {
		c.fail(http.StatusNotFound, "Folder not found")
		return
	}
	if c.user.kind == TypeGuest || !r.canEdit(c.user) || r.folder == folderArchive {
		c.denied()
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
		c.ok(map[string]any{"members": []any{}, "error": 0})
		return
	}
	if emails > 0 && p.opts.NoGuestInvitations {
		c.denied()
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
	for _, inv := range list {
		if inv.id == "" && inv.email != "" {
			// The role is checked against a placeholder guest before the address is looked up.
			if !roleAllowed(r, false, TypeGuest, inv.access) {
				c.fail(http.StatusForbidden, roleNotAvailable)
				return
			}
			u := p.userWithEmail(inv.email)
			if u == nil {
				u = p.newUser(strings.Split(inv.email, "@")[0], inv.email, TypeGuest)
				u.activation, u.invitedBy = activationNotActivated, c.user
			}
			if !p.applyShare(c, r, u.id, inv.access) {
				return
			}
			continue // e-mail entries are not in the answer's members
		}
		asked = append(asked, inv.id)
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

// applyShare handles one entry; it returns false after answering 403 for a forbidden role.
func (p *Portal) applyShare(c *call, r *room, id string, access int) bool {
	s := &share{access: access}
	if u := p.findUser(id); u != nil {
		if u.removed || u.status != StatusActive || !c.user.sees(u) || u == r.createdBy {
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
// a record, but counted in total), then the records; count and total in the envelope. A caller who
// cannot read the room gets 200 with an empty list.
func (p *Portal) listShares(c *call) {
	id, ok := c.pathID()
	r := p.rooms[id]
	if !ok || r == nil {
		c.fail(http.StatusNotFound, "The required folder was not found")
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
	text := strings.ToLower(c.r.URL.Query().Get("filterValue"))
	matches := func(names ...string) bool {
		for _, n := range names {
			if strings.Contains(strings.ToLower(n), text) {
				return true
			}
		}
		return text == ""
	}
	var all []any
	switch {
	case filter == 0 || filter == 16 || filter == 32:
		if filter != 32 && matches(r.createdBy.name, r.createdBy.email) {
			owner := map[string]any{"access": accessReadWrite, "sharedToUser": p.fullDTOWithGroups(r.createdBy), "sharedTo": p.fullDTOWithGroups(r.createdBy),
				"isLocked": r.createdBy == c.user, "isOwner": true, "canEditAccess": false, "canEditInternal": false,
				"canEditDenyDownload": false, "canEditExpirationDate": false, "canRevoke": false, "subjectType": subjectUser}
			all = append(all, owner)
		}
		for _, s := range r.shares {
			switch {
			case filter == 16 && s.group != nil, filter == 32 && s.user != nil:
			case s.user != nil && !matches(s.user.name, s.user.email), s.group != nil && !matches(s.group.name):
			default:
				all = append(all, p.shareDTO(c, r, s))
			}
		}
	case r.canManageLinks(c.user):
		for _, l := range r.links {
			kind := map[int]int{subjectInvitation: 1, subjectExternal: 2 | 4, subjectPrimary: 2 | 8}[l.subject]
			if kind&filter != 0 && matches(l.title) {
				all = append(all, p.linkDTO(c, r, l))
			}
		}
	}
	var items []any
	for i := start; i < len(all) && i < start+count; i++ {
		items = append(items, all[i])
	}
	c.page(items, len(all))
}

// shareDTO renders a member record as a FileShareDto.
func (p *Portal) shareDTO(c *call, r *room, s *share) map[string]any {
	d := map[string]any{"access": s.access, "isLocked": s.user == c.user, "isOwner": false,
		"canEditAccess": s.user != c.user && r.canEdit(c.user), "canEditInternal": false, "canEditDenyDownload": false,
		"canEditExpirationDate": false, "canRevoke": false, "subjectType": subjectUser}
	if s.group != nil {
		d["sharedToGroup"], d["sharedTo"], d["subjectType"] = s.group.summary(), s.group.summary(), subjectGroup
	} else {
		d["sharedToUser"], d["sharedTo"] = p.fullDTOWithGroups(s.user), p.fullDTOWithGroups(s.user)
	}
	return d
}
