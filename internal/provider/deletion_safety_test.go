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
				// Replacing the room (a new type) would delete it: refused at plan time.
				Config:      config("public", true),
				ExpectError: regexp.MustCompile(`(?s)Deletion protection is on.*room_type would replace`),
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
// template_id is unknown at plan time. That alone plans no replacement: the rooms are updated in place
// and keep their ids. When the template really is another one at apply, Terraform stops with an
// inconsistent final plan, and nothing is deleted; only then does a plan show the replacement.
func TestAccRoom_templateChangeUnderDataSourcePattern(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond})
	prefix := acctest.RandomName("ds")
	project := func(i int) string { return fmt.Sprintf("docspace_room.project[%d]", i) }
	same0 := statecheck.CompareValue(compare.ValuesSame())
	same1 := statecheck.CompareValue(compare.ValuesSame())
	rooms := func() []statecheck.StateCheck { // each step registers its own values
		return []statecheck.StateCheck{
			same0.AddStateValue(project(0), tfjsonpath.New("id")),
			same1.AddStateValue(project(1), tfjsonpath.New("id")),
		}
	}
	kept := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(project(0), plancheck.ResourceActionUpdate),
		plancheck.ExpectResourceAction(project(1), plancheck.ResourceActionUpdate),
		plancheck.ExpectUnknownValue(project(0), tfjsonpath.New("template_id")),
	}}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{
			{
				Config:            templatesByDataSource(env, prefix, `[["pick"], []]`),
				ConfigStateChecks: rooms(),
			},
			{
				// One more tag on every template: the data source is read only at apply, and no room is replaced.
				Config:            templatesByDataSource(env, prefix, `[["pick", "tfacc-more"], ["tfacc-more"]]`),
				ConfigPlanChecks:  kept,
				ConfigStateChecks: rooms(),
			},
			{
				// Now the data source picks the other template. The plan cannot know it; the apply finds out.
				Config:           templatesByDataSource(env, prefix, `[["tfacc-more"], ["pick"]]`),
				ConfigPlanChecks: kept,
				ExpectError:      regexp.MustCompile(`Provider produced inconsistent final plan`),
			},
			{
				// With every value known, the plan says plainly that the rooms would be replaced.
				Config: templatesByDataSource(env, prefix, `[["tfacc-more"], ["pick"]]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(project(0), plancheck.ResourceActionDestroyBeforeCreate),
				}},
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				// Back to the first template: the same rooms are still there, updated in place.
				Config:            templatesByDataSource(env, prefix, `[["pick"], []]`),
				ConfigPlanChecks:  kept,
				ConfigStateChecks: rooms(),
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
