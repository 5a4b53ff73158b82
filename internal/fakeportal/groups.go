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

func (g *group) remove(u *user) {
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

// dto is a GroupDto; the listing leaves out the members. Members and membersCount leave out blocked
// members; the manager is read on its own and shown even when blocked (api-notes.md §32).
func (p *Portal) groupDTO(g *group, withMembers bool) map[string]any {
	listed := g.listed()
	d := map[string]any{"id": g.id, "name": g.name, "category": "00000000-0000-0000-0000-000000000000",
		"isLDAP": false, "isSystem": false, "membersCount": len(listed)}
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

// groupArg resolves {id} of the group endpoints: a missing or removed group is 404 "Group not found".
func (p *Portal) groupArg(c *call) *group {
	g := p.findGroup(c.args[0])
	if g == nil {
		c.fail(http.StatusNotFound, "Group not found")
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

// listGroups is GET /group: groups without their members, paged, with total; guests may not read groups.
func (p *Portal) listGroups(c *call) {
	if c.user.kind == TypeGuest {
		c.denied()
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
	if c.user.kind == TypeGuest {
		c.denied()
		return
	}
	if g := p.groupArg(c); g != nil {
		c.ok(p.groupDTO(g, c.r.URL.Query().Get("includeMembers") != "false"))
	}
}

// groupName applies the name rules of create and update: at most 128 characters (UTF-16 code units),
// not blank.
func groupName(b *body, required bool) (string, bool) {
	name, has := b.maxLength("groupName", 128)
	if b.failed {
		return "", false
	}
	if required && !has {
		b.fail("GroupName", "The GroupName field is required.")
		return "", false
	}
	if has && strings.TrimSpace(name) == "" && (required || name != "") {
		b.fail("GroupName", "The field GroupName must be a string with a minimum length of 1.")
		return "", false
	}
	return name, has // stored as sent, untrimmed (api-notes.md §31)
}

// createGroup is POST /group: every member and the manager are checked first, and an unknown,
// terminated or guest account fails the whole request with 400 "User not found" (api-notes.md §31).
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
			c.fail(http.StatusBadRequest, "User not found")
			return
		}
	}
	for _, id := range memberIDs {
		u := p.validMember(id)
		if u == nil {
			c.fail(http.StatusBadRequest, "User not found")
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

// updateGroup is PUT /group/{id}: a null name keeps the name; invalid members and managers are skipped
// without an error (api-notes.md §31).
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
	if hasName && name != "" {
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

// deleteGroup is DELETE /group/{id}: the group's room shares go with it (api-notes.md §31).
func (p *Portal) deleteGroup(c *call) {
	g := p.editableGroup(c)
	if g == nil {
		return
	}
	p.removeGroup(g)
	c.empty()
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

// replaceGroupMembers is POST /group/{id}/members: it removes everyone it lists, then adds the valid ones;
// when none is valid the answer is 400, with the members already gone (api-notes.md §31). Blocked members
// are not listed, so they stay (api-notes.md §32).
func (p *Portal) replaceGroupMembers(c *call) {
	p.changeGroupMembers(c, func(g *group, ids []string) bool {
		for _, u := range g.listed() {
			g.remove(u)
		}
		added := 0
		for _, id := range ids {
			if u := p.validMember(id); u != nil {
				g.add(u)
				added++
			}
		}
		if added == 0 {
			c.fail(http.StatusBadRequest, "User not found")
			return false
		}
		return true
	})
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

// setGroupManager is PUT /group/{id}/manager: an unknown user is 404; the manager becomes a member.
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
		c.fail(http.StatusNotFound, "User not found")
		return
	}
	g.manager = u
	g.add(u)
	c.ok(p.groupDTO(g, true))
}
