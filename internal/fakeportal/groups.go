package fakeportal

import (
	"net/http"
	"sort"
	"strings"
)

// group is a portal group. Names are not unique (api-notes.md §31).
type group struct {
	id, name string
	manager  *user
	members  []*user
}

func (g *group) has(u *user) bool {
	for _, m := range g.members {
		if m == u {
			return true
		}
	}
	return false
}

func (g *group) add(u *user) {
	if !g.has(u) {
		g.members = append(g.members, u)
	}
}

// remove takes u out of the group; removing the manager clears the manager too (RemoveUserFromGroupAsync,
// api-notes.md §31).
func (g *group) remove(u *user) {
	if g.manager == u {
		g.manager = nil
	}
	for i, m := range g.members {
		if m == u {
			g.members = append(g.members[:i:i], g.members[i+1:]...)
			return
		}
	}
}

// summary is a GroupSummaryDto: the manager is a user name, not an object.
func (g *group) summary() map[string]any {
	d := map[string]any{"id": g.id, "name": g.name, "isSystem": false}
	if g.manager != nil {
		d["manager"] = strings.Split(g.manager.email, "@")[0]
	}
	return d
}

// listed returns the members GetUsersByGroupAsync lists: active and pending accounts. Blocked (terminated)
// members stay in the group but are left out (api-notes.md §32).
func (g *group) listed() []*user {
	var out []*user
	for _, u := range g.members {
		if u.status != StatusTerminated {
			out = append(out, u)
		}
	}
	return out
}

// dto is a GroupDto; the listing leaves out the members. parent is always there, the empty GUID for
// ordinary groups; isSystem only when true, which it never is for a group made through the API
// (api-notes.md §31). Members and membersCount leave out blocked members; the manager is read on its own
// and shown even when blocked (api-notes.md §32).
func (p *Portal) groupDTO(g *group, withMembers bool) map[string]any {
	listed := g.listed()
	d := map[string]any{"id": g.id, "name": g.name, "category": emptyGUID, "parent": emptyGUID,
		"isLDAP": false, "membersCount": len(listed)}
	if g.manager != nil {
		d["manager"] = g.manager.fullDTO()
	}
	if withMembers {
		members := []any{}
		for _, u := range listed {
			members = append(members, u.fullDTO())
		}
		d["members"] = members
	}
	return d
}

func (p *Portal) findGroup(id string) *group {
	for _, g := range p.groups {
		if strings.EqualFold(g.id, id) {
			return g
		}
	}
	return nil
}

// msgGroupNotFound is the 404 text of the group endpoints (Resource.resx, api-notes.md §31).
const msgGroupNotFound = "The group could not be found"

// groupArg resolves {id} of the group endpoints: a missing or removed group is 404.
func (p *Portal) groupArg(c *call) *group {
	g := p.findGroup(c.args[0])
	if g == nil {
		c.fail(http.StatusNotFound, msgGroupNotFound)
	}
	return g
}

// canEditGroups is Action_EditGroups with Action_AddRemoveUser: DocSpace admins only.
func (c *call) canEditGroups() bool {
	if !c.user.admin {
		c.denied()
		return false
	}
	return true
}

// editableGroup is the group the call names, for a caller who may edit groups: nil, with the answer sent,
// when the caller may not (403) or there is no such group (404).
func (p *Portal) editableGroup(c *call) *group {
	if !c.canEditGroups() {
		return nil
	}
	return p.groupArg(c)
}

// validMember is ValidateUserAsync: an existing, active account that is not a guest.
func (p *Portal) validMember(id string) *user {
	u := p.findUser(id)
	if u == nil || u.removed || u.status != StatusActive || u.kind == TypeGuest {
		return nil
	}
	return u
}

// readsGroups is Action_ReadGroups, which users and guests lack (api-notes.md §31).
func (c *call) readsGroups() bool {
	if c.user.kind == TypeUser || c.user.kind == TypeGuest {
		c.denied()
		return false
	}
	return true
}

// listGroups is GET /group: groups without their members, paged, with total; users and guests may not
// read groups.
func (p *Portal) listGroups(c *call) {
	if !c.readsGroups() {
		return
	}
	start, count, ok := pageParams(c)
	if !ok {
		return
	}
	q := c.r.URL.Query()
	text := strings.ToLower(strings.TrimSpace(q.Get("filterValue"))) // a name containing the trimmed text (api-notes.md §28)
	var member *user
	if v := q.Get("userId"); v != "" {
		if member = p.findUser(v); member == nil {
			c.page(nil, 0)
			return
		}
	}
	managed := q.Get("manager") == "true"
	var found []*group
	for _, g := range p.groups {
		switch {
		case text != "" && !strings.Contains(strings.ToLower(g.name), text):
		case member != nil && managed && g.manager != member:
		case member != nil && !managed && !g.has(member):
		default:
			found = append(found, g)
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return strings.ToLower(found[i].name) < strings.ToLower(found[j].name) })
	var items []any
	for i := start; i < len(found) && i < start+count; i++ {
		items = append(items, p.groupDTO(found[i], false))
	}
	c.page(items, len(found))
}

// getGroup is GET /group/{id}; includeMembers defaults to true.
func (p *Portal) getGroup(c *call) {
	if !c.readsGroups() {
		return
	}
	if g := p.groupArg(c); g != nil {
		c.ok(p.groupDTO(g, c.r.URL.Query().Get("includeMembers") != "false"))
	}
}

// groupName applies the name rules of create and update: at most 128 characters; on create required
// and at least 1 character (validation errors), then not blank (an error envelope). The name is kept
// as sent, white space included; an update takes "" and blanks (api-notes.md §31).
func groupName(b *body, creating bool) (string, bool) {
	name, has := b.maxLength("groupName", 128)
	if b.failed || !creating {
		return name, has
	}
	switch {
	case !has:
		b.fail("GroupName", "The GroupName field is required.")
	case name == "":
		b.fail("GroupName", "The field GroupName must be a string with a minimum length of 1 and a maximum length of 128.")
	case strings.TrimSpace(name) == "":
		// ArgumentException.ThrowIfNullOrWhiteSpace: an error envelope, not a validation problem.
		b.failed = true
		b.c.fail(http.StatusBadRequest, "The value cannot be an empty string or composed entirely of whitespace. (Parameter 'GroupName')")
	}
	return name, has
}

// createGroup is POST /group: every member and the manager are checked first, and an unknown,
// terminated or guest account fails the whole request with 400 (api-notes.md §31).
func (p *Portal) createGroup(c *call) {
	if !c.canEditGroups() {
		return
	}
	b := c.object()
	name, _ := groupName(b, true)
	if b.failed {
		return
	}
	managerID, hasManager := b.str("groupManager")
	memberIDs, _ := b.strings("members")
	if b.failed {
		return
	}
	g := &group{id: p.guid(), name: name}
	if hasManager && managerID != emptyGUID {
		if g.manager = p.validMember(managerID); g.manager == nil {
			c.fail(http.StatusBadRequest, msgUserNotFound)
			return
		}
	}
	for _, id := range memberIDs {
		u := p.validMember(id)
		if u == nil {
			c.fail(http.StatusBadRequest, msgUserNotFound)
			return
		}
		g.add(u)
	}
	if g.manager != nil {
		g.add(g.manager) // the manager is also a member
	}
	p.groups = append(p.groups, g)
	c.ok(p.groupDTO(g, true))
}

// emptyGUID is Guid.Empty, which update reads as "leave the manager as it is".
const emptyGUID = "00000000-0000-0000-0000-000000000000"

// updateGroup is PUT /group/{id}: a null name keeps the name, "" empties it; invalid members and
// managers are skipped without an error. The manager is set, then members are added, then removed:
// removing the manager clears it (api-notes.md §31).
func (p *Portal) updateGroup(c *call) {
	g := p.editableGroup(c)
	if g == nil {
		return
	}
	b := c.object()
	name, hasName := groupName(b, false)
	managerID, _ := b.str("groupManager")
	add, _ := b.strings("membersToAdd")
	remove, _ := b.strings("membersToRemove")
	if b.failed {
		return
	}
	if hasName {
		g.name = name
	}
	if m := p.validMember(managerID); m != nil {
		g.manager = m
		g.add(m)
	}
	for _, id := range add {
		if u := p.validMember(id); u != nil {
			g.add(u)
		}
	}
	for _, id := range remove {
		if u := p.findUser(id); u != nil {
			g.remove(u)
		}
	}
	c.ok(p.groupDTO(g, true))
}

// deleteGroup is DELETE /group/{id}: the group's room shares go with it. The answer is NoContent: 204
// with an empty body, which the envelope filter does not wrap (api-notes.md §31).
func (p *Portal) deleteGroup(c *call) {
	g := p.editableGroup(c)
	if g == nil {
		return
	}
	p.removeGroup(g)
	c.w.WriteHeader(http.StatusNoContent)
}

func (p *Portal) removeGroup(g *group) {
	for i, other := range p.groups {
		if other == g {
			p.groups = append(p.groups[:i:i], p.groups[i+1:]...)
			break
		}
	}
	for _, r := range p.rooms {
		r.removeShare(g.id)
	}
}

// addGroupMembers is PUT /group/{id}/members: invalid members are skipped.
func (p *Portal) addGroupMembers(c *call) {
	p.changeEachGroupMember(c, p.validMember, (*group).add)
}

// removeGroupMembers is DELETE /group/{id}/members.
func (p *Portal) removeGroupMembers(c *call) {
	p.changeEachGroupMember(c, p.findUser, (*group).remove)
}

// changeEachGroupMember changes a group by change for every user that find finds among the call's ids,
// skipping the others.
func (p *Portal) changeEachGroupMember(c *call, find func(id string) *user, change func(g *group, u *user)) {
	p.changeGroupMembers(c, func(g *group, ids []string) bool {
		for _, id := range ids {
			if u := find(id); u != nil {
				change(g, u)
			}
		}
		return true
	})
}

// replaceGroupMembers is POST /group/{id}/members. It checks the new members first, before the group
// is looked up: when none is valid the answer is 400 "Members" and nothing changes. Otherwise it removes
// every member, the manager included (the group ends without one), then adds the valid ones as plain
// members; terminated members are not listed by the removal and stay (api-notes.md §31).
func (p *Portal) replaceGroupMembers(c *call) {
	b := c.object()
	ids, _ := b.strings("members")
	if b.failed {
		return
	}
	var valid []*user
	for _, id := range ids {
		if u := p.validMember(id); u != nil {
			valid = append(valid, u)
		}
	}
	if len(valid) == 0 {
		c.fail(http.StatusBadRequest, "Members")
		return
	}
	g := p.editableGroup(c)
	if g == nil {
		return
	}
	// The removal half lists the members with the default status filter, so terminated members stay
	// (and a terminated manager with them).
	for _, m := range g.listed() {
		g.remove(m)
	}
	for _, u := range valid {
		g.add(u)
	}
	c.ok(p.groupDTO(g, true))
}

func (p *Portal) changeGroupMembers(c *call, change func(*group, []string) bool) {
	g := p.editableGroup(c)
	if g == nil {
		return
	}
	b := c.object()
	ids, _ := b.strings("members")
	if b.failed {
		return
	}
	if change(g, ids) {
		c.ok(p.groupDTO(g, true))
	}
}

// setGroupManager is PUT /group/{id}/manager: an unknown user is 404; a guest or a terminated user is
// ignored with 200; the manager becomes a member (api-notes.md §31).
func (p *Portal) setGroupManager(c *call) {
	g := p.editableGroup(c)
	if g == nil {
		return
	}
	b := c.object()
	id, _ := b.str("userId")
	if b.failed {
		return
	}
	u := p.findUser(id)
	if u == nil || u.removed {
		c.fail(http.StatusNotFound, msgUserNotFound)
		return
	}
	if p.validMember(id) != nil {
		g.manager = u
		g.add(u)
	}
	c.ok(p.groupDTO(g, true))
}
