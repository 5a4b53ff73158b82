package provider_test

import (
	"fmt"
	"maps"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// Tests that no room is replaced because something it was made from changed (DESIGN.md, "No deletion
// by accident").

const madeRoomAddr = "docspace_room.made"

// fakeRead is FileShare.Read, the only access a template's sharing grants.
const fakeRead = 2

// sharedTemplateConfig is a source room, a template of it with the given extra lines, and a room made
// from the template in the same configuration, as the docs recommend.
func sharedTemplateConfig(env *acctest.Env, prefix, templateLines string) string {
	return templateConfig(env, prefix, templateLines) + fmt.Sprintf(`
resource "docspace_room" "made" {
  template_id = docspace_room_template.test.id
  title       = "%s made"
}
`, prefix)
}

// portalRooms records the ids of the rooms (not templates) on the fake, to compare later.
type portalRooms struct {
	env  *acctest.Env
	seen map[int64]string
}

// record is a check that remembers the rooms the fake holds now (nothing against a real portal).
func (p *portalRooms) record(*terraform.State) error {
	if p.env.Fake != nil {
		p.seen = p.env.Fake.RoomTitles(false)
	}
	return nil
}

// unchanged is a check that the fake holds exactly the rooms recorded: none deleted, none added.
func (p *portalRooms) unchanged(*terraform.State) error {
	if p.env.Fake == nil {
		return nil
	}
	if now := p.env.Fake.RoomTitles(false); !maps.Equal(now, p.seen) {
		return fmt.Errorf("rooms on the portal changed from %v to %v: a room was replaced", p.seen, now)
	}
	return nil
}

// expectTemplateShares checks on the fake that the template of templateAddr is shared with exactly the
// subjects (user or group ids), with read access.
func expectTemplateShares(env *acctest.Env, subjects ...string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		id, err := stateID(s, templateAddr)
		if err != nil {
			return err
		}
		for _, subject := range subjects {
			if access, ok := env.Fake.ShareOf(id, subject); !ok || access != fakeRead {
				return fmt.Errorf("template %d: %s has access %d (record: %t), want read", id, subject, access, ok)
			}
		}
		if n := env.Fake.ShareCount(id); n != len(subjects) {
			return fmt.Errorf("template %d is shared with %d subjects, want %d", id, n, len(subjects))
		}
		return nil
	}
}

// neverReplaced are plan checks that the room made from the template is left alone or updated in place.
func neverReplaced(addr string, action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, action)}}
}

// TestAccRoomTemplate_sharingChangeKeepsRooms: a template shared with one user, and a room made from it
// in the same configuration. Sharing the template with a second user, then a group, then revoking,
// then making it public, changes the template in place through its sharing; the room is never
// replaced and the plans after each apply are empty.
func TestAccRoomTemplate_sharingChangeKeepsRooms(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond})
	env.RequireFake(t, "reads every room title and the template's share records on the portal")
	prefix := acctest.RandomName("share")
	ann := env.Fake.AddUser("Ann Roomadmin", "ann.share@portal.example", fakeportal.TypeRoomAdmin)
	bob := env.Fake.AddUser("Bob Admin", "bob.share@portal.example", fakeportal.TypeDocSpaceAdmin)
	uma := env.Fake.AddUser("Uma User", "uma.share@portal.example", fakeportal.TypeUser)
	team := env.Fake.AddGroup("Share team", "", ann)
	rooms := &portalRooms{env: env}
	sameRoom := statecheck.CompareValue(compare.ValuesSame())
	sameTemplate := statecheck.CompareValue(compare.ValuesSame())
	ids := func() []statecheck.StateCheck { // each step registers its own values
		return []statecheck.StateCheck{
			sameRoom.AddStateValue(madeRoomAddr, tfjsonpath.New("id")),
			sameTemplate.AddStateValue(templateAddr, tfjsonpath.New("id")),
			statecheck.CompareValuePairs(madeRoomAddr, tfjsonpath.New("template_id"), templateAddr, tfjsonpath.New("id"), compare.ValuesSame()),
		}
	}
	config := func(lines string) string { return sharedTemplateConfig(env, prefix, lines) }
	users := func(ids ...string) string { return fmt.Sprintf("share_user_ids = %s", hclStrings(ids)) }
	both := config(users(ann, bob))
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{
			{
				Config:            config(users(ann)),
				ConfigStateChecks: ids(),
				Check:             resource.ComposeTestCheckFunc(expectTemplateShares(env, ann), rooms.record),
			},
			{
				// A second user: the template changes in place, the room is not touched.
				Config: both,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(templateAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(madeRoomAddr, plancheck.ResourceActionNoop),
					resetCounts{env.Fake},
				}},
				ConfigStateChecks: append(ids(),
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("share_user_ids"), knownvalue.SetSizeExact(2))),
				// The apply: the new user looked up by the apply's own plan and by the update, one
				// sharing request, and the template read back (the template and whether it is public).
				Check: resource.ComposeTestCheckFunc(expectTemplateShares(env, ann, bob), rooms.unchanged,
					expectCounts(t, env.Fake, "sharing one more user", map[string]int{
						"GET /api/2.0/people/{id}": 2, "PUT /api/2.0/files/rooms/{id}/share": 1,
						routeRoom: 1, "GET /api/2.0/files/roomtemplate/{id}/public": 1,
					})),
			},
			{
				Config:           both,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// Ann revoked, a group added, in one request.
				Config: config(fmt.Sprintf(`
  share_user_ids  = [%q]
  share_group_ids = [%q]`, bob, team)),
				ConfigPlanChecks:  neverReplaced(madeRoomAddr, plancheck.ResourceActionNoop),
				ConfigStateChecks: ids(),
				Check:             resource.ComposeTestCheckFunc(expectTemplateShares(env, bob, team), rooms.unchanged),
			},
			{
				// A user of type "user" may not use templates: the plan fails and names the rule.
				Config:      config(users(bob, uma)),
				ExpectError: regexp.MustCompile(`(?s)User cannot use templates.*` + uma + `.*type\s+"user"`),
			},
			{
				// A group that does not exist: the portal would skip it silently, the plan fails instead.
				Config: config(fmt.Sprintf(`
  share_user_ids  = [%q]
  share_group_ids = ["6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"]`, bob)),
				ExpectError: regexp.MustCompile(`(?s)Unknown group.*6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f does not exist`),
			},
			{
				// Public: the portal revokes every share, and the plan says so.
				Config: config(`public = true`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(madeRoomAddr, plancheck.ResourceActionNoop),
					plancheck.ExpectKnownValue(templateAddr, tfjsonpath.New("share_user_ids"), knownvalue.Null()),
				}},
				ConfigStateChecks: ids(),
				Check:             resource.ComposeTestCheckFunc(expectTemplateShares(env), rooms.unchanged),
			},
			{
				// Private again with one user: granted anew after the toggle.
				Config:            config(users(ann)),
				ConfigPlanChecks:  neverReplaced(madeRoomAddr, plancheck.ResourceActionNoop),
				ConfigStateChecks: ids(),
				Check:             resource.ComposeTestCheckFunc(expectTemplateShares(env, ann), rooms.unchanged),
			},
			{
				Config:           config(users(ann)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// twoTemplatesConfig is a source room, two templates of it, and a room made from the one pick names.
func twoTemplatesConfig(env *acctest.Env, prefix, pick string) string {
	return env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "source" {
  title     = "%[1]s source"
  room_type = "custom"
}

resource "docspace_room_template" "a" {
  room_id = docspace_room.source.id
  title   = "%[1]s template a"
}

resource "docspace_room_template" "b" {
  room_id = docspace_room.source.id
  title   = "%[1]s template b"
}

resource "docspace_room" "made" {
  template_id = docspace_room_template.%[2]s.id
  title       = "%[1]s made"
}
`, prefix, pick)
}

// TestAccRoom_templateIDChangeKeepsRoom: another template for an existing room, known at plan time or
// only at apply (the template is rebuilt), is recorded; the room keeps its id and nothing is replaced.
func TestAccRoom_templateIDChangeKeepsRoom(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond})
	prefix := acctest.RandomName("tplid")
	rooms := &portalRooms{env: env}
	sameRoom := statecheck.CompareValue(compare.ValuesSame())
	rebuilt := statecheck.CompareValue(compare.ValuesDiffer())
	recorded := func(template string) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			sameRoom.AddStateValue(madeRoomAddr, tfjsonpath.New("id")),
			statecheck.CompareValuePairs(madeRoomAddr, tfjsonpath.New("template_id"), template, tfjsonpath.New("id"), compare.ValuesSame()),
		}
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{
			{
				Config:            twoTemplatesConfig(env, prefix, "a"),
				ConfigStateChecks: append(recorded("docspace_room_template.a"), rebuilt.AddStateValue("docspace_room_template.b", tfjsonpath.New("id"))),
				Check:             rooms.record,
			},
			{
				// Known at plan time: an update that only records the new id (with a warning).
				Config:            twoTemplatesConfig(env, prefix, "b"),
				ConfigPlanChecks:  neverReplaced(madeRoomAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: recorded("docspace_room_template.b"),
				Check:             rooms.unchanged,
			},
			{
				Config:           twoTemplatesConfig(env, prefix, "b"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// Template b rebuilt: its new id is known only at apply. The room is updated, not replaced,
				// and the apply ends without an inconsistent final plan.
				Config: twoTemplatesConfig(env, prefix, "b"),
				Taint:  []string{"docspace_room_template.b"},
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_room_template.b", plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectResourceAction(madeRoomAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(madeRoomAddr, tfjsonpath.New("template_id")),
				}},
				ConfigStateChecks: append(recorded("docspace_room_template.b"), rebuilt.AddStateValue("docspace_room_template.b", tfjsonpath.New("id"))),
				Check:             rooms.unchanged,
			},
			{
				Config:           twoTemplatesConfig(env, prefix, "b"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// TestAccRoom_templateIDChangeWarns runs the Terraform CLI to read the warnings the test framework does
// not show: the plan warns of a new template_id known at plan time, the apply of one known only then.
func TestAccRoom_templateIDChangeWarns(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond})
	env.RequireFake(t, "compares every room title on the portal before and after")
	cli := newTerraformCLI(t, "1.8.0")
	prefix := acctest.RandomName("tplwarn")
	write := func(pick string) {
		cli.write("main.tf", `terraform {
  required_providers {
    docspace = { source = "docspace-community/docspace" }
  }
}
`+twoTemplatesConfig(env, prefix, pick))
	}
	const warning = "Warning: The room keeps its contents"
	write("a")
	cli.run([]string{"apply", "-auto-approve"})
	before := env.Fake.RoomTitles(false)

	write("b")
	_, out := cli.run([]string{"plan"})
	for _, want := range []string{warning, "terraform apply -replace", "update in-place"} {
		if !strings.Contains(out, want) {
			t.Errorf("the plan of another template says nothing of %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "must be replaced") {
		t.Errorf("the plan replaces the room:\n%s", out)
	}
	cli.run([]string{"apply", "-auto-approve"})

	// Template b rebuilt: its id is unknown while planning, and the warning comes with the apply.
	_, out = cli.run([]string{"apply", "-auto-approve", "-replace=docspace_room_template.b"})
	if !strings.Contains(out, warning) || strings.Contains(out, "inconsistent final plan") || strings.Contains(out, "must be replaced") {
		t.Errorf("the apply that rebuilds the template does not warn, or replaces the room:\n%s", out)
	}
	if after := env.Fake.RoomTitles(false); !maps.Equal(before, after) {
		t.Errorf("rooms on the portal changed from %v to %v: a room was replaced", before, after)
	}
	_, out = cli.run([]string{"plan", "-detailed-exitcode"})
	if !strings.Contains(out, "No changes") {
		t.Errorf("the plan after the applies is not empty:\n%s", out)
	}
	cli.run([]string{"destroy", "-auto-approve"})
}

// TestAccRoom_roomTypeKnownOnlyAtApply: a room_type that Terraform learns only while applying is checked
// by the same rule as a known one. A new type fails the apply with the designed error, not with
// "Provider produced inconsistent final plan", and the room stays.
func TestAccRoom_roomTypeKnownOnlyAtApply(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("room")
	config := func(kind string) string {
		return env.ProviderConfig() + fmt.Sprintf(`
resource "terraform_data" "kind" {
  input = %q
}

resource "docspace_room" "test" {
  title     = %q
  room_type = terraform_data.kind.output
}
`, kind, title)
	}
	same := statecheck.CompareValue(compare.ValuesSame())
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				Config:            config("custom"),
				ConfigStateChecks: []statecheck.StateCheck{same.AddStateValue(roomAddr, tfjsonpath.New("id"))},
			},
			{
				Config: config("public"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roomAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(roomAddr, tfjsonpath.New("room_type")),
				}},
				ExpectError: regexp.MustCompile(`A room's type cannot change`),
			},
			{
				// The same type, known only at apply: an update that changes nothing.
				Config: config("custom"),
				ConfigStateChecks: []statecheck.StateCheck{
					same.AddStateValue(roomAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("room_type"), knownvalue.StringExact("custom")),
				},
			},
			{
				Config:           config("custom"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
