package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// memberMatrix is, per room type, the roles users may hold (api-notes.md §29); groups, users of type
// user and guests get the same without room_manager.
var memberMatrix = map[string][]string{
	"custom":        {"room_manager", "content_creator", "editor", "reviewer", "commenter", "viewer"},
	"public":        {"room_manager", "content_creator"},
	"form_filling":  {"room_manager", "content_creator", "form_filler"},
	"collaboration": {"room_manager", "content_creator", "editor", "viewer"},
	"virtual_data":  {"room_manager", "content_creator", "editor", "viewer", "form_filler"},
}

// memberSubject is a user of one type, or a group.
type memberSubject struct {
	name    string
	id      string
	group   bool
	manager bool // may be a room manager
	title   string
}

// memberSubjects returns one subject of every kind: the accounts of every type that acctest provides (made
// on the fake, named by DOCSPACE_TEST_* variables on a real portal), and a group made for the test.
func memberSubjects(t *testing.T, env *acctest.Env) []memberSubject {
	t.Helper()
	a := env.Accounts(t, acctest.DocSpaceAdmin, acctest.RoomAdmin, acctest.User, acctest.Guest)
	group := acctest.RandomName("reviewers")
	return []memberSubject{
		{name: "docspace_admin", id: a[0].ID, title: a[0].Name, manager: true},
		{name: "room_admin", id: a[1].ID, title: a[1].Name, manager: true},
		{name: "user", id: a[2].ID, title: a[2].Name},
		{name: "guest", id: a[3].ID, title: a[3].Name},
		{name: "group", id: env.Group(t, group, ""), title: group, group: true},
	}
}

func rolesOf(roomType string, s memberSubject) []string {
	if s.manager {
		return memberMatrix[roomType]
	}
	return memberMatrix[roomType][1:]
}

// memberBlock is a docspace_room_member named name that gives s access to room, an expression.
func memberBlock(name, room string, s memberSubject, access string) string {
	block := `
resource "docspace_room_member" %q {
  room_id = %s
  user_id = %q
  access  = %q
}
`
	if s.group {
		block = `
resource "docspace_room_member" %q {
  room_id  = %s
  group_id = %q
  access   = %q
}
`
	}
	return fmt.Sprintf(block, name, room, s.id, access)
}

// titledRoom is a room named name, titled "<prefix> <name>".
func titledRoom(name, prefix, roomType string) string {
	return fmt.Sprintf(`
resource "docspace_room" %[1]q {
  title     = "%[2]s %[1]s"
  room_type = %[3]q
}
`, name, prefix, roomType)
}

// memberMatrixConfig writes, per room type, as many rooms as it has roles; in room i every subject
// holds its i-th allowed role (shifted by rotate), so every room type × subject kind × allowed role
// occurs once.
func memberMatrixConfig(env *acctest.Env, prefix string, subjects []memberSubject, rotate int, withMembers bool) (string, []string, []string) {
	var b strings.Builder
	var members, rooms []string
	b.WriteString(env.ProviderConfig())
	types := make([]string, 0, len(memberMatrix))
	for t := range memberMatrix {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, rt := range types {
		for i := range memberMatrix[rt] {
			room := fmt.Sprintf("%s_%d", rt, i)
			b.WriteString(titledRoom(room, prefix, rt))
			rooms = append(rooms, "docspace_room."+room)
			if !withMembers {
				continue
			}
			for _, s := range subjects {
				roles := rolesOf(rt, s)
				if i >= len(roles) {
					continue
				}
				name := room + "_" + s.name
				b.WriteString(memberBlock(name, "docspace_room."+room+".id", s, roles[(i+rotate)%len(roles)]))
				members = append(members, "docspace_room_member."+name)
			}
		}
	}
	return b.String(), members, rooms
}

// checkNoMembers asks the portal whether the rooms at addrs hold no member records.
func checkNoMembers(env *acctest.Env, addrs ...string) func(*terraform.State) error {
	return env.CheckNoMembers(addrs...)
}

// checkShare asks the portal for the subject's role in the room at addr (access 0: no record).
func checkShare(env *acctest.Env, addr, subject string, access int) func(*terraform.State) error {
	return env.CheckMember(addr, subject, access)
}

func TestAccRoomMember_everyRoomTypeSubjectAndAccess(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	subjects := memberSubjects(t, env)
	prefix := acctest.RandomName("members")
	create, members, rooms := memberMatrixConfig(env, prefix, subjects, 0, true)
	update, _, _ := memberMatrixConfig(env, prefix, subjects, 1, true)
	roomsOnly, _, _ := memberMatrixConfig(env, prefix, subjects, 0, false)
	dana, group := subjects[0].id, subjects[4].id
	steps := []resource.TestStep{
		{
			Config: create,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("docspace_room_member.custom_0_docspace_admin", "access", "room_manager"),
				resource.TestCheckResourceAttr("docspace_room_member.custom_0_docspace_admin", "notify", "false"),
				resource.TestCheckResourceAttrPair("docspace_room_member.custom_0_docspace_admin", "room_id", "docspace_room.custom_0", "id"),
				resource.TestMatchResourceAttr("docspace_room_member.custom_0_group", "id", regexp.MustCompile(`^\d+/`+group+`$`)),
				checkShare(env, "docspace_room.custom_0", dana, 9),
				checkShare(env, "docspace_room.custom_0", group, 11),
				checkShare(env, "docspace_room.form_filling_1", subjects[3].id, 7),
			),
		},
		{
			Config: update,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("docspace_room_member.custom_0_docspace_admin", plancheck.ResourceActionUpdate),
				plancheck.ExpectResourceAction("docspace_room_member.virtual_data_3_group", plancheck.ResourceActionUpdate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("docspace_room_member.custom_0_docspace_admin", "access", "content_creator"),
				checkShare(env, "docspace_room.custom_0", dana, 11),
				checkShare(env, "docspace_room.public_0", subjects[2].id, 11),
			),
		},
	}
	for _, addr := range members {
		steps = append(steps, resource.TestStep{ResourceName: addr, ImportState: true, ImportStateVerify: true})
	}
	// Destroying the members removes their records and leaves the rooms.
	steps = append(steps, resource.TestStep{Config: roomsOnly, Check: checkNoMembers(env, rooms...)})
	env.Run(t, resource.TestCase{CheckDestroy: env.CheckRoomsDestroyed("docspace_room"), Steps: steps})
}

func TestAccRoomMember_refusedCombinationsNameTheRule(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	subjects := memberSubjects(t, env)
	admin, user, guest, group := subjects[0], subjects[2], subjects[3], subjects[4]
	terminated := memberSubject{name: "terminated", id: env.Account(t, acctest.BlockedUser).ID}
	deleted := memberSubject{name: "deleted", id: env.Group(t, acctest.RandomName("gone"), ""), group: true}
	if err := env.Client.DeleteGroup(t.Context(), deleted.id); err != nil {
		t.Fatal(err)
	}
	owner := memberSubject{name: "owner", id: env.Self(t).ID, manager: true}
	prefix := acctest.RandomName("refused")
	rooms := env.ProviderConfig()
	var roomAddrs []string
	for _, rt := range []string{"custom", "public", "form_filling", "collaboration", "virtual_data"} {
		rooms += titledRoom(rt, prefix, rt)
		roomAddrs = append(roomAddrs, "docspace_room."+rt)
	}
	rooms += fmt.Sprintf(`
resource "docspace_room" "archived" {
  title     = "%s archived"
  room_type = "custom"
  archived  = true
}
`, prefix)
	cases := []struct {
		room   string
		s      memberSubject
		access string
		rule   string
	}{
		{"public", user, "viewer", `public rooms give users only .room_manager., .content_creator.`},
		{"public", group, "editor", `public rooms give groups only .content_creator.`},
		{"form_filling", admin, "editor", `form_filling rooms give users only`},
		{"form_filling", group, "viewer", `form_filling rooms give groups only .content_creator., .form_filler.`},
		{"collaboration", user, "reviewer", `collaboration rooms give users only`},
		{"virtual_data", group, "commenter", `virtual_data rooms give groups only`},
		{"custom", group, "room_manager", `groups can never be room managers`},
		{"custom", user, "room_manager", `users of type "user" and guests can never be room managers`},
		{"virtual_data", guest, "room_manager", `users of type "user" and guests can never be room managers`},
		{"custom", terminated, "viewer", `terminated, and the portal silently ignores`},
		{"custom", deleted, "viewer", `does not exist; the portal silently ignores grants to deleted groups`},
		{"custom", owner, "editor", `owns room \d+: the room's owner always has full access`},
		{"archived", admin, "viewer", `archived, and the portal refuses member changes`},
	}
	steps := []resource.TestStep{{Config: rooms}}
	for i, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      rooms + memberBlock(fmt.Sprintf("m%d", i), "docspace_room."+tc.room+".id", tc.s, tc.access),
			ExpectError: ruleRegexp(tc.rule),
		})
	}
	// A room made in the same apply is unknown at plan time: the rule is named at apply instead.
	steps = append(steps, resource.TestStep{
		Config:      rooms + titledRoom("late", prefix, "public") + memberBlock("late", "docspace_room.late.id", user, "viewer"),
		ExpectError: ruleRegexp(`public rooms give users only`),
	})
	// Nothing was half-made: no room holds a record, and no member is in the state.
	steps = append(steps, resource.TestStep{
		Config: rooms,
		Check: resource.ComposeAggregateTestCheckFunc(checkNoMembers(env, append(roomAddrs, "docspace_room.archived")...),
			func(s *terraform.State) error {
				for addr := range s.RootModule().Resources {
					if strings.HasPrefix(addr, "docspace_room_member.") {
						return fmt.Errorf("%s is in the state", addr)
					}
				}
				return nil
			}),
	})
	env.Run(t, resource.TestCase{CheckDestroy: env.CheckRoomsDestroyed("docspace_room"), Steps: steps})
}

func TestAccRoomMember_guestsAreNotContentCreatorsInAIRooms(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	subjects := memberSubjects(t, env)
	// The provider does not create AI rooms; one made elsewhere can still take members.
	room, err := env.Client.CreateRoom(t.Context(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: acctest.RandomName("ai")}, RoomType: docspace.RoomTypeAI})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = env.Client.DeleteRoom(context.Background(), room.ID) })
	id := strconv.Quote(strconv.FormatInt(room.ID, 10))
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:      env.ProviderConfig() + memberBlock("guest", id, subjects[3], "content_creator"),
				ExpectError: ruleRegexp(`guests cannot be content creators in AI rooms`),
			},
			{
				Config: env.ProviderConfig() + memberBlock("guest", id, subjects[3], "viewer") + memberBlock("user", id, subjects[2], "content_creator"),
				Check:  resource.TestCheckResourceAttr("docspace_room_member.user", "access", "content_creator"),
			},
		},
	})
}

// ruleRegexp matches a rule in Terraform's output, which wraps long lines.
func ruleRegexp(rule string) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(rule, " ", `\s+`))
}
