package provider_test

import (
	"fmt"
	"regexp"
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

// TestAccDeletionProtection: while deletion_protection is on, plans that destroy or replace a room or
// template fail and leave both in place; once it is switched off and applied, destroy works.
func TestAccDeletionProtection(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond})
	prefix := acctest.RandomName("keep")
	config := func(roomType string, protect bool) string {
		return env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "test" {
  title               = "%[1]s room"
  room_type           = %[2]q
  deletion_protection = %[3]t
}

resource "docspace_room_template" "test" {
  room_id             = docspace_room.test.id
  title               = "%[1]s template"
  deletion_protection = %[3]t
}
`, prefix, roomType, protect)
	}
	sameRoom := statecheck.CompareValue(compare.ValuesSame())
	sameTemplate := statecheck.CompareValue(compare.ValuesSame())
	ids := func() []statecheck.StateCheck { // each step registers its own values
		return []statecheck.StateCheck{
			sameRoom.AddStateValue(roomAddr, tfjsonpath.New("id")),
			sameTemplate.AddStateValue(templateAddr, tfjsonpath.New("id")),
		}
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{
			{
				Config: config("custom", true),
				ConfigStateChecks: append(ids(),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("deletion_protection"), knownvalue.Bool(true))),
			},
			{
				// A new type is refused whatever the protection: it would take a new room.
				Config:      config("public", true),
				ExpectError: regexp.MustCompile(`A room's type cannot change`),
			},

			{
				Config:      config("custom", true),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`Deletion protection is on`),
			},
			{
				// Nothing was deleted: the same objects are still there, and the plan is empty.
				Config:            config("custom", true),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: ids(),
			},
			{
				// Switching protection off is an in-place change that calls nothing on the portal.
				Config: config("custom", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roomAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(templateAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: ids(),
			},
			{
				ResourceName:      templateAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// Not on the portal: room_id is creation-only, and an import starts unprotected.
				ImportStateVerifyIgnore: []string{"room_id", "timeouts"},
			},
		},
	})
}

// templatesByDataSource is the pattern earlier docs showed: the rooms take their template from the
// docspace_templates data source, which depends on templates made in the same configuration.
func templatesByDataSource(env *acctest.Env, prefix, tags string) string {
	return env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "blueprint" {
  count     = 2
  title     = "%[1]s blueprint ${count.index}"
  room_type = "custom"
}

resource "docspace_room_template" "kind" {
  count   = 2
  room_id = docspace_room.blueprint[count.index].id
  title   = "%[1]s template ${count.index}"
  tags    = %[2]s[count.index]
}

data "docspace_templates" "picked" {
  title_contains = "%[1]s template"
  tags           = ["pick"]
  depends_on     = [docspace_room_template.kind]
}

resource "docspace_room" "project" {
  count       = 2
  template_id = data.docspace_templates.picked.templates[0].id
  title       = "%[1]s project ${count.index}"
}
`, prefix, tags)
}

// TestAccRoom_templateChangeUnderDataSourcePattern: changing the templates defers the data source, so
// template_id is unknown at plan time. The rooms are updated in place and keep their ids; when the
// template really is another one at apply, its id is recorded (with a warning) and nothing is replaced.
func TestAccRoom_templateChangeUnderDataSourcePattern(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond})
	prefix := acctest.RandomName("ds")
	project := func(i int) string { return fmt.Sprintf("docspace_room.project[%d]", i) }
	same0 := statecheck.CompareValue(compare.ValuesSame())
	same1 := statecheck.CompareValue(compare.ValuesSame())
	rooms := func(template int) []statecheck.StateCheck { // each step registers its own values
		kind := fmt.Sprintf("docspace_room_template.kind[%d]", template)
		return []statecheck.StateCheck{
			same0.AddStateValue(project(0), tfjsonpath.New("id")),
			same1.AddStateValue(project(1), tfjsonpath.New("id")),
			statecheck.CompareValuePairs(project(0), tfjsonpath.New("template_id"), kind, tfjsonpath.New("id"), compare.ValuesSame()),
		}
	}
	kept := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(project(0), plancheck.ResourceActionUpdate),
		plancheck.ExpectResourceAction(project(1), plancheck.ResourceActionUpdate),
		plancheck.ExpectUnknownValue(project(0), tfjsonpath.New("template_id")),
	}}
	empty := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{
			{
				Config:            templatesByDataSource(env, prefix, `[["pick"], []]`),
				ConfigStateChecks: rooms(0),
			},
			{
				// One more tag on every template: the data source is read only at apply, and no room is replaced.
				Config:            templatesByDataSource(env, prefix, `[["pick", "tfacc-more"], ["tfacc-more"]]`),
				ConfigPlanChecks:  kept,
				ConfigStateChecks: rooms(0),
			},
			{
				// Now the data source picks the other template. The plan cannot know it; the apply records it.
				Config:            templatesByDataSource(env, prefix, `[["tfacc-more"], ["pick"]]`),
				ConfigPlanChecks:  kept,
				ConfigStateChecks: rooms(1),
				Check:             expectPortalRoomCount(env, 4),
			},
			{
				Config:           templatesByDataSource(env, prefix, `[["tfacc-more"], ["pick"]]`),
				ConfigPlanChecks: empty,
			},
			{
				// Back to the first template: the same rooms are still there, updated in place.
				Config:            templatesByDataSource(env, prefix, `[["pick"], []]`),
				ConfigPlanChecks:  kept,
				ConfigStateChecks: rooms(0),
				Check:             expectPortalRoomCount(env, 4),
			},
		},
	})
}

// expectPortalRoomCount checks how many rooms (not templates) the fake holds.
func expectPortalRoomCount(env *acctest.Env, n int) func(*terraform.State) error {
	return func(*terraform.State) error {
		if got := len(env.Fake.RoomTitles(false)); got != n {
			return fmt.Errorf("the portal holds %d rooms, want %d: %v", got, n, env.Fake.RoomTitles(false))
		}
		return nil
	}
}
