package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// userTypes are the user types -user-key accepts, by the names the provider uses and those of the
// portal's employeeType filter.
var userTypes = map[string]int{
	"docspace_admin": fakeportal.TypeDocSpaceAdmin, "docspaceadmin": fakeportal.TypeDocSpaceAdmin,
	"room_admin": fakeportal.TypeRoomAdmin, "roomadmin": fakeportal.TypeRoomAdmin,
	"user":  fakeportal.TypeUser,
	"guest": fakeportal.TypeGuest,
}

// typeNames are the provider's names of the user types, as the start-up lines print them.
var typeNames = map[int]string{
	fakeportal.TypeDocSpaceAdmin: "docspace_admin", fakeportal.TypeRoomAdmin: "room_admin",
	fakeportal.TypeUser: "user", fakeportal.TypeGuest: "guest",
}

// userKey is one -user-key: a user of kind whose API key is key.
type userKey struct {
	kind int
	key  string
}

// userKeyList collects the -user-key flags.
type userKeyList []userKey

func (l *userKeyList) String() string {
	parts := make([]string, len(*l))
	for i, k := range *l {
		parts[i] = typeNames[k.kind] + "=" + k.key
	}
	return strings.Join(parts, ",")
}

func (l *userKeyList) Set(v string) error {
	name, key, ok := strings.Cut(v, "=")
	kind, known := userTypes[strings.ToLower(strings.TrimSpace(name))]
	switch {
	case !ok || strings.TrimSpace(key) == "":
		return fmt.Errorf("want TYPE=KEY, such as roomadmin=sk-room-admin")
	case !known:
		return fmt.Errorf("unknown user type %q: want docspaceadmin, roomadmin, user or guest", name)
	}
	*l = append(*l, userKey{kind: kind, key: strings.TrimSpace(key)})
	return nil
}

// cast is who is on the portal when it starts: the users with API keys, the sample people and the sample
// group that the guides use.
type cast struct {
	portal  *fakeportal.Portal
	keys    []string // every API key, in the order given: -api-key, then -user-key
	samples []string // ids of the sample people
	group   struct{ id, name, manager string }
}

func newCast(portal *fakeportal.Portal, apiKeys []string) *cast {
	return &cast{portal: portal, keys: append([]string(nil), apiKeys...)}
}

// addCallers makes a user of each -user-key's type and gives it the key. Users are named after their
// type: the first room admin is "Roomadmin Caller" <roomadmin.caller@portal.example>, the second
// "Roomadmin Caller 2" <roomadmin.caller2@portal.example>; the others are "Admin Caller" (a DocSpace
// admin), "User Caller" and "Guest Caller".
func (c *cast) addCallers(keys userKeyList) error {
	firstNames := map[int]string{fakeportal.TypeDocSpaceAdmin: "Admin", fakeportal.TypeRoomAdmin: "Roomadmin",
		fakeportal.TypeUser: "User", fakeportal.TypeGuest: "Guest"}
	made := map[int]int{}
	for _, k := range keys {
		made[k.kind]++
		name, local := firstNames[k.kind]+" Caller", strings.ToLower(firstNames[k.kind])+".caller"
		if n := made[k.kind]; n > 1 {
			name, local = fmt.Sprintf("%s %d", name, n), fmt.Sprintf("%s%d", local, n)
		}
		id := c.portal.AddUser(name, local+"@portal.example", k.kind)
		if !c.portal.GiveAPIKey(id, k.key) {
			return fmt.Errorf("-user-key %s=%s: another user already has the key %s", typeNames[k.kind], k.key, k.key)
		}
		c.keys = append(c.keys, k.key)
	}
	return nil
}

// addSamples makes the sample people, one of each type but DocSpace admin, so that examples can add
// members, and a group managed by the room admin.
func (c *cast) addSamples() {
	colleague := c.portal.AddUser("Casey Colleague", "colleague@portal.example", fakeportal.TypeRoomAdmin)
	uma := c.portal.AddUser("Uma User", "uma@portal.example", fakeportal.TypeUser)
	gil := c.portal.AddUser("Gil Guest", "gil@portal.example", fakeportal.TypeGuest)
	c.samples = []string{colleague, uma, gil}
	c.group.name, c.group.manager = "Project team", colleague
	c.group.id = c.portal.AddGroup(c.group.name, colleague)
}

// print writes who is on the portal, one line each: keys first, then the sample people and group, and
// where the controls are when they are on. Columns are aligned.
func (c *cast) print(w io.Writer, controls bool) {
	var b strings.Builder
	describe := func(p fakeportal.Person) string {
		what := typeNames[p.Type]
		if p.Owner {
			what += ", portal owner"
		}
		return fmt.Sprintf("%s <%s>\t%s\tid %s", p.Name, p.Email, what, p.ID)
	}
	b.WriteString("API keys:\n")
	for _, key := range c.keys {
		p, _ := c.portal.PersonByID(c.portal.UserID(key))
		fmt.Fprintf(&b, "  %s\t%s\n", key, describe(p))
	}
	b.WriteString("Sample people:\n")
	for _, id := range c.samples {
		p, _ := c.portal.PersonByID(id)
		fmt.Fprintf(&b, "  %s\n", describe(p))
	}
	manager, _ := c.portal.PersonByID(c.group.manager)
	fmt.Fprintf(&b, "Sample group:\n  %s\tmanaged by %s\tid %s\n", c.group.name, manager.Name, c.group.id)
	if controls {
		fmt.Fprintf(&b, "Controls: POST %s{id}/block blocks a user, POST %s{id}/remove removes one\n", usersPath, usersPath)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	_, _ = io.WriteString(tw, b.String())
	_ = tw.Flush()
}
