package fakeportal

import "regexp"

// guidPattern is what binds to System.Guid.
var guidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$`)

// AddUser stores an active account of kind (TypeDocSpaceAdmin, TypeRoomAdmin, TypeUser or TypeGuest) and
// returns its id. A guest added this way is related to the portal owner only.
func (p *Portal) AddUser(name, email string, kind int) string {
	var id string
	p.set(func() {
		u := p.newUser(name, email, kind)
		if kind == TypeGuest {
			u.invitedBy = p.users[0]
		}
		id = u.id
	})
	return id
}

// UserID returns the id of the user of apiKey.
func (p *Portal) UserID(apiKey string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if u := p.byKey[apiKey]; u != nil {
		return u.id
	}
	return ""
}

// SetUserType changes the type of the user with id, as an admin would in the people list.
func (p *Portal) SetUserType(id string, kind int) {
	p.set(func() {
		if u := p.findUser(id); u != nil {
			u.setKind(kind)
		}
	})
}

// TerminateUser blocks the account: it keeps its records but takes no new ones.
func (p *Portal) TerminateUser(id string) {
	p.set(func() {
		if u := p.findUser(id); u != nil {
			u.status = StatusTerminated
		}
	})
}

// RemoveUser deletes the account, its group memberships and its room records.
func (p *Portal) RemoveUser(id string) {
	p.set(func() {
		u := p.findUser(id)
		if u == nil {
			return
		}
		u.removed = true
		for _, g := range p.groups {
			g.remove(u)
			if g.manager == u {
				g.manager = nil
			}
		}
		for _, r := range p.rooms {
			r.removeShare(id)
		}
	})
}

// AddGroup stores a group with a manager ("" for none) and members, and returns its id. The manager is
// also a member.
func (p *Portal) AddGroup(name, managerID string, memberIDs ...string) string {
	var id string
	p.set(func() {
		g := &group{id: p.guid(), name: name, manager: p.findUser(managerID)}
		for _, m := range memberIDs {
			if u := p.findUser(m); u != nil {
				g.add(u)
			}
		}
		if g.manager != nil {
			g.add(g.manager)
		}
		p.groups = append(p.groups, g)
		id = g.id
	})
	return id
}

// GroupNames returns the name of every group, by id.
func (p *Portal) GroupNames() map[string]string {
	out := map[string]string{}
	p.set(func() {
		for _, g := range p.groups {
			out[g.id] = g.name
		}
	})
	return out
}

// DeleteGroupNow removes a group and, as the portal does, its records in every room.
func (p *Portal) DeleteGroupNow(id string) {
	p.set(func() {
		if g := p.findGroup(id); g != nil {
			p.removeGroup(g)
		}
	})
}

// SetShare gives a user or group access to a room out of band, as another admin would; 0 removes the
// record. It applies no rules.
func (p *Portal) SetShare(roomID int64, subjectID string, access int) {
	p.set(func() {
		r := p.rooms[roomID]
		if r == nil {
			return
		}
		if access == accessNone {
			r.removeShare(subjectID)
			return
		}
		s := &share{access: access, user: p.findUser(subjectID)}
		if s.user == nil {
			if s.group = p.findGroup(subjectID); s.group == nil {
				return
			}
		}
		r.setShare(s)
	})
}

// ShareOf returns the access of the subject's record in a room, and whether there is one.
func (p *Portal) ShareOf(roomID int64, subjectID string) (int, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r := p.rooms[roomID]; r != nil {
		if s := r.findShare(subjectID); s != nil {
			return s.access, true
		}
	}
	return 0, false
}

// ShareCount returns how many member records a room holds (the owner's synthetic entry is not one), or
// -1 without the room.
func (p *Portal) ShareCount(roomID int64) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r := p.rooms[roomID]; r != nil {
		return len(r.shares)
	}
	return -1
}

// SetFormRoles marks a virtual data room member as holding form roles, so that removing them needs force.
func (p *Portal) SetFormRoles(roomID int64, userID string, on bool) {
	p.set(func() {
		if r := p.rooms[roomID]; r != nil {
			if s := r.findShare(userID); s != nil {
				s.formRoles = on
			}
		}
	})
}
