package provider_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

const roomAddr = "docspace_room.test"

var regexpNumeric = regexp.MustCompile(`^[0-9]+$`)

// roomConfig is a configuration of one room, docspace_room.test; attrs are the lines of its block as
// they stand in the file.
func roomConfig(env *acctest.Env, attrs string) string {
	return env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "test" {
%s
}
`, blockLines(attrs))
}

func TestAccRoom_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("room")
	// The update keeps the room; a room of another type is a new one, made on purpose.
	kept := statecheck.CompareValue(compare.ValuesSame())
	replaced := statecheck.CompareValue(compare.ValuesDiffer())

	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				Config: roomConfig(env, fmt.Sprintf(`
  title     = %q
  room_type = "custom"
  tags      = ["tfacc-ops", "tfacc-finance"]
  quota     = 1073741824
  lifetime = {
    value  = 30
    period = "days"
  }`, title)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^\d+$`))),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("title"), knownvalue.StringExact(title)),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("room_type"), knownvalue.StringExact("custom")),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("tags"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("tfacc-ops"), knownvalue.StringExact("tfacc-finance"),
					})),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("color"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9A-Fa-f]{6}$`))),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("archived"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("lifetime").AtMapKey("delete_permanently"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("owner_id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("created"), knownvalue.NotNull()),
					kept.AddStateValue(roomAddr, tfjsonpath.New("id")),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					// A room made directly: no template is chosen at apply.
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectKnownValue(roomAddr, tfjsonpath.New("template_id"), knownvalue.Null())},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// In-place update: title, tags replaced as a whole, colour, watermark; lifetime removed.
				Config: roomConfig(env, fmt.Sprintf(`
  title         = "%s renamed"
  room_type     = "custom"
  tags          = ["tfacc-ops"]
  color         = "1A2B3C"
  deny_download = true
  watermark = {
    text      = "Confidential"
    additions = ["user_email", "current_date"]
    rotate    = -45
  }`, title)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(roomAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(roomAddr, tfjsonpath.New("template_id"), knownvalue.Null()),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("title"), knownvalue.StringExact(title+" renamed")),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("tags"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("tfacc-ops")})),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("color"), knownvalue.StringExact("1A2B3C")),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("deny_download"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("lifetime"), knownvalue.Null()),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("watermark").AtMapKey("rotate"), knownvalue.Int64Exact(-45)),
					kept.AddStateValue(roomAddr, tfjsonpath.New("id")),
					replaced.AddStateValue(roomAddr, tfjsonpath.New("id")),
				},
			},
			{
				// A new room type is refused: the portal cannot change it, and a new room would lose the files.
				Config: roomConfig(env, fmt.Sprintf(`
  title     = "%s renamed"
  room_type = "public"
  tags      = ["tfacc-ops"]
  color     = "1A2B3C"`, title)),
				ExpectError: regexp.MustCompile(`(?s)A room.s type cannot change.*room_type\s+back\s+to\s+"custom"`),
			},
			{
				// A room of the new type in its place, on purpose: the tainted room is replaced.
				Config: roomConfig(env, fmt.Sprintf(`
  title     = "%s renamed"
  room_type = "public"
  tags      = ["tfacc-ops"]
  color     = "1A2B3C"`, title)),
				Taint: []string{roomAddr},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(roomAddr, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("room_type"), knownvalue.StringExact("public")),
					replaced.AddStateValue(roomAddr, tfjsonpath.New("id")),
				},
			},
			{
				Config: roomConfig(env, fmt.Sprintf(`
  title     = "%s renamed"
  room_type = "public"
  tags      = ["tfacc-ops"]
  color     = "1A2B3C"
  archived  = true`, title)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(roomAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("archived"), knownvalue.Bool(true)),
				},
				Check: env.CheckRoomArchived(roomAddr, true),
			},
			{
				// An archived room imports with archived = true. The portal reports no quota for archived
				// rooms (api-notes.md §8), so an import cannot know it.
				ResourceName:            roomAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts", "quota"},
			},
			{
				// Restoring and editing in one apply: the room is unarchived first, then renamed.
				Config: roomConfig(env, fmt.Sprintf(`
  title     = "%s restored"
  room_type = "public"
  tags      = ["tfacc-ops"]
  color     = "1A2B3C"
  archived  = false`, title)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("archived"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("title"), knownvalue.StringExact(title+" restored")),
				},
				Check: env.CheckRoomArchived(roomAddr, false),
			},
			{
				ResourceName:            roomAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				// What the importing guide promises: an import block, and configuration written by
				// terraform plan -generate-config-out, which then plans no changes.
				ResourceName:    roomAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				GenerateConfig:  true,
			},
		},
	})
}

func TestAccRoom_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("room")
	config := roomConfig(env, fmt.Sprintf(`
  title     = %q
  room_type = "collaboration"
  tags      = ["tfacc-drift"]`, title))
	var id int64
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{Config: config, Check: env.CaptureRoomID(roomAddr, &id)},
			{
				// Renamed and retagged by someone else: the plan puts it back in place.
				PreConfig: func() {
					renamed, none := "renamed elsewhere", []string{}
					if _, err := env.Client.UpdateRoom(t.Context(), id, docspace.UpdateRoomRequest{Title: &renamed, Tags: &none}); err != nil {
						t.Fatalf("renaming out of band: %v", err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(roomAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(roomAddr, tfjsonpath.New("title"), knownvalue.StringExact(title)),
					},
				},
			},
			{
				// Deleted by someone else: Read drops it from state and the plan creates it again.
				PreConfig: func() {
					if err := env.Client.DeleteRoom(t.Context(), id); err != nil {
						t.Fatalf("deleting out of band: %v", err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(roomAddr, plancheck.ResourceActionCreate)},
				},
			},
		},
	})
}

func TestAccRoom_invalidInputFailsAtPlanTime(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	cases := map[string]struct {
		body string
		want string
	}{
		"empty title": {`
  title     = ""
  room_type = "custom"`, `The title must not be empty`},
		"171 chars": {fmt.Sprintf(`
  title     = %q
  room_type = "custom"`, strings.Repeat("a", 171)), `is 171 characters long; the portal allows at most 170`},
		"rewritten": {`
  title     = "Q3: plan"
  room_type = "custom"`, `contains the character ':'`},
		"emoji": {`
  title     = "Launch 🚀"
  room_type = "custom"`, `emoji`},
		"unknown type": {`
  title     = "x"
  room_type = "office"`, `(?s)room_type.*value must be one of`},
		"bad colour": {`
  title     = "x"
  room_type = "custom"
  color     = "#FF5733"`, `must be six hexadecimal digits without #`},
		"negative life": {`
  title     = "x"
  room_type = "custom"
  lifetime  = { value = 0, period = "days" }`, `(?s)lifetime.value.*between 1 and 999`},
		"bad period": {`
  title     = "x"
  room_type = "custom"
  lifetime  = { value = 3, period = "weeks" }`, `(?s)lifetime.period.*value must be one of`},
		"empty mark": {`
  title     = "x"
  room_type = "custom"
  watermark = { rotate = 45 }`, `A watermark needs text, additions or an image_url`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			env.Run(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config:      roomConfig(env, tc.body),
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
	if env.Fake != nil {
		if n := env.Fake.Counts()["POST /api/2.0/files/rooms"]; n != 0 {
			t.Fatalf("invalid configurations reached the portal: %d room creations", n)
		}
	}
}

func TestAccRoom_survivesRateLimitsAndServerErrors(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "injects 429, 502, 503 and 504 answers")
	var configs strings.Builder
	// About 44% of GETs fail here; 12 retries make giving up on one GET a one-in-40,000 event.
	configs.WriteString(providerConfig(env, `
  max_retries = 12`))
	for i := range 4 {
		fmt.Fprintf(&configs, `
resource "docspace_room" "r%d" {
  title     = %q
  room_type = "custom"
  archived  = %t
}
`, i, acctest.RandomName("room"), i == 0)
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				env.Fake.InjectFault(fakeportal.Fault{Status: 429, RetryAfter: 0, Rate: 0.3})
				env.Fake.InjectFault(fakeportal.Fault{Status: 503, Rate: 0.2, Method: "GET"})
				env.Fake.InjectFault(fakeportal.Fault{Status: 502, Rate: 0.2, Method: "PUT"})
				env.Fake.InjectFault(fakeportal.Fault{Status: 504, Rate: 0.2, Method: "DELETE"})
			},
			Config: configs.String(),
			Check: func(*terraform.State) error {
				if n := len(env.Fake.RoomIDs()); n != 4 {
					return fmt.Errorf("the portal holds %d rooms, want exactly 4 (no duplicates)", n)
				}
				if env.Fake.Counts()["POST /api/2.0/files/rooms"] < 4 {
					return fmt.Errorf("expected at least 4 room creations")
				}
				return nil
			},
		}},
	})
}
