package fakeportal

import (
	"net/http"
	"net/mail"
	"sort"
	"strconv"
	"strings"
)

// Employee types (EmployeeType, api-notes.md §30).
const (
	TypeRoomAdmin     = 1
	TypeGuest         = 2
	TypeDocSpaceAdmin = 3
	TypeUser          = 4
)

// Employee statuses (EmployeeStatus) and activation statuses.
const (
	StatusActive     = 1
	StatusTerminated = 2

	activationNotActivated = 0
	activationActivated    = 1
	// activationPending is a user invited by e-mail who has not joined yet.
	activationPending = 2
)

var employeeTypeByName = map[string]int{"all": 0, "roomadmin": TypeRoomAdmin, "guest": TypeGuest, "docspaceadmin": TypeDocSpaceAdmin, "user": TypeUser}

// user is a portal account. API-key users are the first ones; tests add more through hooks.
type user struct {
	key, id, name, email string
	first, last          string
	// admin is true for DocSpace admins, the owner included: they read every room, but manage only the
	// rooms they created or hold room manager in (api-notes.md §34).
	admin      bool
	kind       int
	owner      bool
	status     int
	activation int
	removed    bool
	// invitedBy is who brought a guest in: a room admin sees only the guests related to them.
	invitedBy *user
}

func (u *user) setKind(kind int) {
	u.kind = kind
	u.admin = kind == TypeDocSpaceAdmin
}

// newUser stores an active, activated account of the given type.
func (p *Portal) newUser(name, email string, kind int) *user {
	first, last, _ := strings.Cut(name, " ")
	u := &user{id: p.guid(), name: name, email: email, first: first, last: last, status: StatusActive, activation: activationActivated}
	u.setKind(kind)
	p.users = append(p.users, u)
	return u
}

// dto is an EmployeeDto, as in createdBy.
func (u *user) dto() map[string]any {
	return map[string]any{"id": u.id, "displayName": u.name, "hasAvatar": false, "isAnonim": false,
		"profileUrl": "/accounts/people/filter?search=" + u.email}
}

// fullDTO is an EmployeeFullDto (api-notes.md §30). isAdmin is false for the portal owner, who has
// isOwner instead; the type shows in isRoomAdmin, isCollaborator (User) and isVisitor (Guest).
func (u *user) fullDTO() map[string]any {
	d := u.dto()
	d["email"], d["userName"] = u.email, strings.Split(u.email, "@")[0]
	if u.first != "" {
		d["firstName"] = u.first
	}
	if u.last != "" {
		d["lastName"] = u.last
	}
	d["status"], d["activationStatus"] = u.status, u.activation
	d["isAdmin"] = u.kind == TypeDocSpaceAdmin && !u.owner
	d["isOwner"] = u.owner
	d["isRoomAdmin"] = u.kind == TypeRoomAdmin
	d["isCollaborator"] = u.kind == TypeUser
	d["isVisitor"] = u.kind == TypeGuest
	d["isLDAP"], d["isSSO"] = false, false
	return d
}

// fullDTOWithGroups adds the user's groups, as the people endpoints do.
func (p *Portal) fullDTOWithGroups(u *user) map[string]any {
	d := u.fullDTO()
	groups := []any{}
	for _, g := range p.groups {
		if g.has(u) {
			groups = append(groups, g.summary())
		}
	}
	d["groups"] = groups
	return d
}

// findUser returns the account with id, removed ones included.
func (p *Portal) findUser(id string) *user {
	for _, u := range p.users {
		if strings.EqualFold(u.id, id) {
			return u
		}
	}
	return nil
}

// sees is the visibility rule of the people endpoints and of room sharing (CanUserViewAnotherUserAsync):
// everyone sees themselves and DocSpace admins see everyone; users and guests see nobody else; room
// admins see everyone but the guests unrelated to them (api-notes.md §30).
func (u *user) sees(other *user) bool {
	switch {
	case other == u || u.admin:
		return true
	case u.kind == TypeUser || u.kind == TypeGuest:
		return false
	}
	return other.kind != TypeGuest || other.invitedBy == u
}

// msgUserNotFound is the 404 text of the people endpoints (Resource.resx, api-notes.md §30).
const msgUserNotFound = "The user could not be found"

// getSelf is GET /people/@self: the API key's user. Guests have no personal folder.
func (p *Portal) getSelf(c *call) {
	d := p.fullDTOWithGroups(c.user)
	d["hasPersonalFolder"] = c.user.kind != TypeGuest
	c.ok(d)
}

// userByEmail is GET /people/email?email=: empty is 400, an unknown or removed user 404, an invisible
// one 403. The address is trimmed and compared exactly (api-notes.md §30).
func (p *Portal) userByEmail(c *call) {
	email := strings.TrimSpace(c.r.URL.Query().Get("email"))
	if email == "" {
		c.fail(http.StatusBadRequest, "Value cannot be null. (Parameter 'email')")
		return
	}
	if utf16Len(email) > 255 {
		c.invalid("Email", "The field Email must be a string with a maximum length of 255.")
		return
	}
	if _, err := mail.ParseAddress(email); err != nil || !strings.Contains(email, "@") {
		c.invalid("Email", "The Email field is not a valid e-mail address.")
		return
	}
	p.answerUser(c, func(u *user) bool { return u.email == email })
}

// answerUser answers with the first user that is not removed and matches: 403 when the caller may not
// see it, 404 when there is none.
func (p *Portal) answerUser(c *call, matches func(u *user) bool) {
	for _, u := range p.users {
		if u.removed || !matches(u) {
			continue
		}
		if !c.user.sees(u) {
			c.denied()
			return
		}
		c.ok(p.fullDTOWithGroups(u))
		return
	}
	c.fail(http.StatusNotFound, msgUserNotFound)
}

// userByID is GET /people/{userid}; the id may also be a user name.
func (p *Portal) userByID(c *call) {
	key := c.args[0]
	p.answerUser(c, func(u *user) bool {
		return strings.EqualFold(u.id, key) || strings.EqualFold(strings.Split(u.email, "@")[0], key)
	})
}

// listPeople is GET /people/filter (api-notes.md §30): 403 for User and Guest callers; filters, paging,
// count and total in the envelope.
func (p *Portal) listPeople(c *call) {
	if c.user.kind == TypeUser || c.user.kind == TypeGuest {
		c.denied()
		return
	}
	q := c.r.URL.Query()
	start, count, ok := pageParams(c)
	if !ok {
		return
	}
	want := map[int]bool{}
	if v := q.Get("employeeType"); v != "" {
		n, ok := enumQuery(v, employeeTypeByName)
		if !ok {
			c.invalid("EmployeeType", "The value '"+v+"' is not valid.")
			return
		}
		if n != 0 {
			want[n] = true
		}
	}
	for _, name := range []string{"employeeTypes", "employeeTypes[]"} {
		for _, v := range q[name] {
			n, ok := enumQuery(v, employeeTypeByName)
			if !ok {
				c.invalid("EmployeeTypes", "The value '"+v+"' is not valid.")
				return
			}
			if n != 0 {
				want[n] = true
			}
		}
	}
	status, hasStatus := 0, q.Get("employeeStatus") != ""
	if hasStatus {
		n, err := strconv.Atoi(q.Get("employeeStatus"))
		if err != nil {
			c.invalid("EmployeeStatus", "The value '"+q.Get("employeeStatus")+"' is not valid.")
			return
		}
		status = n
	}
	activation, hasActivation := 0, q.Get("activationStatus") != ""
	if hasActivation {
		n, err := strconv.Atoi(q.Get("activationStatus"))
		if err != nil {
			c.invalid("ActivationStatus", "The value '"+q.Get("activationStatus")+"' is not valid.")
			return
		}
		activation = n
	}
	area := 0
	if v := q.Get("area"); v != "" {
		n, ok := enumQuery(v, map[string]int{"all": 0, "people": 1, "guests": 2})
		if !ok {
			c.invalid("Area", "The value '"+v+"' is not valid.")
			return
		}
		area = n
	}
	var group *group
	if v := q.Get("groupId"); v != "" {
		if group = p.findGroup(v); group == nil {
			c.page(nil, 0) // no such group: nobody is in it, with total 0 (api-notes.md §30)
			return
		}
	}
	words := strings.Fields(strings.ToLower(q.Get("filterValue")))
	var found []*user
	for _, u := range p.users {
		switch {
		case u.removed || !c.user.sees(u):
		// Callers who are not DocSpace admins never list terminated users: they are hidden without
		// employeeStatus, and employeeStatus=2 finds nobody (api-notes.md §30).
		case !c.user.admin && u.status == StatusTerminated:
		case len(want) > 0 && !want[u.kind]:
		case hasStatus && u.status&status == 0:
		case hasActivation && u.activation != activation:
		case area == 1 && u.kind == TypeGuest, area == 2 && u.kind != TypeGuest:
		case group != nil && !group.has(u):
		case q.Get("isAdministrator") == "true" && !u.admin:
		case !u.matchesWords(words):
		default:
			found = append(found, u)
		}
	}
	desc := q.Get("sortOrder") == "1" || strings.EqualFold(q.Get("sortOrder"), "descending")
	sort.SliceStable(found, func(i, j int) bool {
		if desc {
			return strings.ToLower(found[i].name) > strings.ToLower(found[j].name)
		}
		return strings.ToLower(found[i].name) < strings.ToLower(found[j].name)
	})
	var items []any
	for i := start; i < len(found) && i < start+count; i++ {
		items = append(items, p.fullDTOWithGroups(found[i]))
	}
	c.page(items, len(found))
}

// matchesWords is the people filter's text rule: every word occurs in the first name, the last name or
// the e-mail, case-insensitively (api-notes.md §30).
func (u *user) matchesWords(words []string) bool {
	for _, w := range words {
		if !strings.Contains(strings.ToLower(u.first), w) && !strings.Contains(strings.ToLower(u.last), w) &&
			!strings.Contains(strings.ToLower(u.email), w) {
			return false
		}
	}
	return true
}

// pageParams reads startIndex and count (1..100, default 100) as ApiContext binds them.
func pageParams(c *call) (start, count int, ok bool) {
	q := c.r.URL.Query()
	start, count = 0, 100
	if v := q.Get("startIndex"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			c.invalid("StartIndex", "The value '"+v+"' is not valid.")
			return 0, 0, false
		}
		start = n
	}
	if v := q.Get("count"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			c.invalid("Count", "The value '"+v+"' is not valid.")
			return 0, 0, false
		}
		count = n
	}
	if count < 1 || count > 100 {
		c.invalid("Count", "The field Count must be between 1 and 100.")
		return 0, 0, false
	}
	return start, count, true
}

// page writes one page of a list with the envelope's count and total (api-notes.md §3).
func (c *call) page(items []any, total int) {
	if items == nil {
		items = []any{}
	}
	c.writeJSON(http.StatusOK, map[string]any{"response": items, "count": len(items), "total": total,
		"links": c.links(), "status": 0, "statusCode": http.StatusOK})
}
