package provider_test

import (
	"fmt"
	"regexp"
	"strconv"
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

const templateAddr = "docspace_room_template.test"

// sourceRoomConfig is the source room of templateConfig alone.
func sourceRoomConfig(env *acctest.Env, prefix string) string {
	return env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "source" {
  title     = "%s source"
  room_type = "custom"
  indexing  = true
}
`, prefix)
}

// templateConfig is a source room and a template of it, templateAddr; extra are more lines of the
// template's block.
func templateConfig(env *acctest.Env, prefix, extra string) string {
	return sourceRoomConfig(env, prefix) + fmt.Sprintf(`
resource "docspace_room_template" "test" {
  room_id = docspace_room.source.id
  title   = "%s template"
%s}
`, prefix, moreLines(extra))
}

// hclStrings writes values as an HCL list of strings.
func hclStrings(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = strconv.Quote(v)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// TestAccRoomTemplate_sharedAtCreation: a new template shared with users and a group by id. Users the
// portal would refuse (unknown, of type "user", guests, terminated) fail the plan, and nothing is made.
// The template is built without any sharing and then shared by id with the sharing call that later
// changes it; the calls are counted. An import takes the sharing from the configuration.
func TestAccRoomTemplate_sharedAtCreation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond})
	env.RequireFake(t, "reads the template's share records and counts the calls on the portal")
	prefix := acctest.RandomName("tplshare")
	ann := env.Fake.AddUser("Ann Roomadmin", "ann.create@portal.example", fakeportal.TypeRoomAdmin)
	bob := env.Fake.AddUser("Bob Admin", "bob.create@portal.example", fakeportal.TypeDocSpaceAdmin)
	uma := env.Fake.AddUser("Uma User", "uma.create@portal.example", fakeportal.TypeUser)
	gus := env.Fake.AddUser("Gus Guest", "gus.create@portal.example", fakeportal.TypeGuest)
	tom := env.Fake.AddUser("Tom Terminated", "tom.create@portal.example", fakeportal.TypeRoomAdmin)
	env.Fake.TerminateUser(tom)
	const nobody = "6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"
	team := env.Fake.AddGroup("Template team", "", ann)
	shared := templateConfig(env, prefix, fmt.Sprintf("share_user_ids = %s\nshare_group_ids = [%q]", hclStrings([]string{ann, bob}), team))
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{
			{
				// An e-mail address is not an id: the plan says how to find the id.
				Config:      templateConfig(env, prefix, `share_user_ids = ["ann.create@portal.example"]`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)must be a user\s+id.*not an\s+e-mail\s+address.*docspace_user\s+data\s+source`),
			},
			{Config: sourceRoomConfig(env, prefix)},
			{
				// Every user the portal would refuse is named, before anything is made.
				Config: templateConfig(env, prefix, "share_user_ids = "+hclStrings([]string{ann, uma, gus, tom, nobody})),
				ExpectError: regexp.MustCompile(`(?s)` + strings.Join([]string{
					`User cannot use templates.*` + uma + `.*type\s+"user"`,
					`User cannot use templates.*` + gus + `.*type\s+"guest"`,
					`Terminated user.*` + tom,
					`Unknown user.*No portal user has the id\s+` + nobody,
				}, "|")),
			},
			{
				PreConfig: func() {
					if n := len(env.Fake.RoomTitles(true)); n != 0 {
						t.Errorf("a refused plan made %d templates", n)
					}
				},
				Config: shared,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(templateAddr, plancheck.ResourceActionCreate),
					resetCounts{env.Fake},
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("share_user_ids"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(ann), knownvalue.StringExact(bob)})),
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("share_group_ids"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(team)})),
				},
				// The apply: each subject looked up by the apply's own plan and again by the create; the job
				// under its creation marker (two listings for abandoned markers, by the text search and of the
				// newest objects; the start, the status polls, the rename); one sharing request by id; whether
				// the template is public. No address is sent.
				Check: resource.ComposeTestCheckFunc(expectTemplateShares(env, ann, bob, team),
					expectCounts(t, env.Fake, "creating a shared template", map[string]int{
						"GET /api/2.0/people/{id}": 4, "GET /api/2.0/group/{id}": 2,
						routeList: 2, "POST /api/2.0/files/roomtemplate": 1, routeRoom: 1, routeUpdate: 1,
						"PUT /api/2.0/files/rooms/{id}/share": 1, "GET /api/2.0/files/roomtemplate/{id}/public": 1,
					}, "GET /api/2.0/files/roomtemplate/status")),
			},
			{
				Config:           shared,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				ResourceName:      templateAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// The portal reports neither the source room nor the sharing to these attributes: after an
				// import they are taken from the configuration.
				ImportStateVerifyIgnore: []string{"room_id", "share_user_ids", "share_group_ids", "timeouts"},
			},
		},
	})
}

// TestAccRoomTemplate_shareFailsAfterCreation: the template is built, and then sharing it fails. The
// template is recorded in the state, tainted, and never orphaned: the next apply replaces it and shares
// the new one.
func TestAccRoomTemplate_shareFailsAfterCreation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond})
	env.RequireFake(t, "fails the sharing request once with a server error")
	prefix := acctest.RandomName("tplfail")
	ann := env.Fake.AddUser("Ann Roomadmin", "ann.fail@portal.example", fakeportal.TypeRoomAdmin)
	shared := templateConfig(env, prefix, fmt.Sprintf("share_user_ids = [%q]", ann))
	var built int64
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{
			{Config: sourceRoomConfig(env, prefix)},
			{
				PreConfig: func() {
					env.Fake.InjectFault(fakeportal.Fault{Status: 500, Count: 1, Method: "PUT", PathPrefix: "/api/2.0/files/rooms/", PathSuffix: "/share"})
				},
				Config:      shared,
				ExpectError: regexp.MustCompile(`(?s)Error sharing the new room template.*was created.*recorded in the state and marked\s+tainted`),
			},
			{
				// Recorded and tainted: the plan replaces it, which deletes the template that was built.
				Config: shared,
				PreConfig: func() {
					for id := range env.Fake.RoomTitles(true) {
						built = id
					}
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(templateAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeTestCheckFunc(expectTemplateShares(env, ann), func(s *terraform.State) error {
					titles := env.Fake.RoomTitles(true)
					if _, ok := titles[built]; ok || built == 0 || len(titles) != 1 {
						return fmt.Errorf("after the replacement the portal holds templates %v; the first one was %d", titles, built)
					}
					return nil
				}),
			},
			{
				Config:           shared,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// TestAccRoomTemplate_batch creates a source room, 3 templates and 10 rooms from one template in one apply,
// at Terraform's default parallelism of 10, then imports a template and a room made from one.
func TestAccRoomTemplate_batch(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 100 * time.Millisecond})
	prefix := acctest.RandomName("tpl")
	config := env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "source" {
  title     = "%[1]s source"
  room_type = "virtual_data"
  indexing  = true
}

resource "docspace_room_template" "main" {
  room_id = docspace_room.source.id
  title   = "%[1]s template 0"
  tags    = ["tfacc-template"]
}

resource "docspace_room_template" "t" {
  count   = 2
  room_id = docspace_room.source.id
  title   = "%[1]s template ${count.index + 1}"
  tags    = ["tfacc-template"]
}

# Import steps need addresses without an index: one of the ten rooms stands alone.
resource "docspace_room" "single" {
  template_id = docspace_room_template.main.id
  title       = "%[1]s room 9"
  tags        = ["tfacc-project"]
}

resource "docspace_room" "r" {
  count       = 9
  template_id = docspace_room_template.main.id
  title       = "%[1]s room ${count.index}"
  tags        = ["tfacc-project"]
}

data "docspace_templates" "mine" {
  title_contains = "%[1]s"
  depends_on     = [docspace_room_template.main, docspace_room_template.t]
}
`, prefix)
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_room.r[3]", tfjsonpath.New("room_type"), knownvalue.StringExact("virtual_data")),
					statecheck.ExpectKnownValue("docspace_room.r[3]", tfjsonpath.New("indexing"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("docspace_room_template.t[1]", tfjsonpath.New("room_type"), knownvalue.StringExact("virtual_data")),
					statecheck.ExpectKnownValue("data.docspace_templates.mine", tfjsonpath.New("templates"), knownvalue.ListSizeExact(3)),
					statecheck.ExpectKnownValue("data.docspace_templates.mine", tfjsonpath.New("templates").AtSliceIndex(0).AtMapKey("title"),
						knownvalue.StringExact(prefix+" template 0")),
				},
				Check: env.CheckDistinctTitles(map[string]string{
					"docspace_room_template.main": prefix + " template 0", "docspace_room_template.t.0": prefix + " template 1",
					"docspace_room_template.t.1": prefix + " template 2",
					"docspace_room.r.0":          prefix + " room 0", "docspace_room.r.1": prefix + " room 1", "docspace_room.r.2": prefix + " room 2",
					"docspace_room.r.3": prefix + " room 3", "docspace_room.r.4": prefix + " room 4", "docspace_room.r.5": prefix + " room 5",
					"docspace_room.r.6": prefix + " room 6", "docspace_room.r.7": prefix + " room 7", "docspace_room.r.8": prefix + " room 8",
					"docspace_room.single": prefix + " room 9",
				}),
			},
			{
				ResourceName:            "docspace_room_template.main",
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"room_id", "timeouts"}, // the portal does not say which room a template came from
			},
			{
				// A template id imported as a room is refused with an explanation.
				ResourceName: "docspace_room.single",
				ImportState:  true,
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					return s.RootModule().Resources["docspace_room_template.main"].Primary.ID, nil
				},
				ExpectError: regexp.MustCompile(`(?s)is a room template, not a room.*docspace_room_template`),
			},
			{
				ResourceName:            "docspace_room.single",
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"template_id", "timeouts"}, // nor which template a room came from
			},
			{
				// Adopting a room made from a template with an import block and generated configuration
				// plans no changes: the generated block has no template_id, which the portal does not report.
				ResourceName:    "docspace_room.single",
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				GenerateConfig:  true,
			},
		},
	})
}

func TestAccRoomTemplate_updateInPlace(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond})
	prefix := acctest.RandomName("tpl")
	// The update keeps the template: an in-place update, not a replacement.
	sameID := statecheck.CompareValue(compare.ValuesSame())
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{
			{
				Config: templateConfig(env, prefix, `
  public         = true
  share_user_ids = ["6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"]`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Public template with explicit shares`),
			},
			{
				Config: templateConfig(env, prefix, `
  tags  = ["tfacc-a"]
  quota = 1048576`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("public"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("quota"), knownvalue.Int64Exact(1048576)),
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("room_type"), knownvalue.StringExact("custom")),
					sameID.AddStateValue(templateAddr, tfjsonpath.New("id")),
				},
			},
			{
				Config: templateConfig(env, prefix+" v2", `
  tags   = ["tfacc-b"]
  public = true
  color  = "00AA00"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(templateAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("public"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("title"), knownvalue.StringExact(prefix+" v2 template")),
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("tags"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("tfacc-b")})),
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("color"), knownvalue.StringExact("00AA00")),
					sameID.AddStateValue(templateAddr, tfjsonpath.New("id")),
				},
			},
		},
	})
}

func TestAccRoomTemplate_waitsForForeignJob(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond})
	env.RequireFake(t, "occupies the job slot with another user's job")
	prefix := acctest.RandomName("tpl")
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{{
			PreConfig: func() { env.Fake.OccupyJobSlot(fakeportal.JobTemplate, time.Second) },
			Config:    templateConfig(env, prefix, ""),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("title"), knownvalue.StringExact(prefix+" template")),
			},
			Check: resource.ComposeTestCheckFunc(
				env.CheckTitle(templateAddr, prefix+" template"),
				env.RemoveForeignObjects(), // what the other client made is not ours to keep or delete
			),
		}},
	})
}

func TestAccRoomTemplate_failedJob(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond})
	env.RequireFake(t, "fails a template job")
	prefix := acctest.RandomName("tpl")
	config := templateConfig(env, prefix, "")
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Fake.FailNextJob(fakeportal.JobTemplate, "Disk quota exceeded", fakeportal.FailLeavingObject)
				},
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)Error creating room template.*template creation job failed: Disk quota exceeded`),
			},
			{
				// Nothing was recorded (a plain create, not a replacement) and nothing was left on the portal.
				PreConfig: func() {
					if n := len(env.Fake.RoomTitles(true)); n != 0 {
						t.Errorf("the failed job left %d templates on the portal", n)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(templateAddr, plancheck.ResourceActionCreate)},
				},
			},
		},
	})
}

func TestAccRoomTemplate_statusExpiresDuringWait(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond, JobRetention: time.Millisecond})
	env.RequireFake(t, "lets a job's status expire while the provider waits")
	prefix := acctest.RandomName("tpl")
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{{
			Config: templateConfig(env, prefix, ""),
			Check:  env.CheckTitle(templateAddr, prefix+" template"),
		}},
	})
}

// TestAccRoomTemplate_timeoutFinishesTheJob: the create timeout ends while the portal's job runs. The
// provider watches the job on within its cleanup budget and, as the job ends well in that time,
// finishes the template as usual: real title, nothing tainted, nothing left over.
func TestAccRoomTemplate_timeoutFinishesTheJob(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 3 * time.Second})
	env.RequireFake(t, "makes a job outlast the create timeout")
	prefix := acctest.RandomName("tpl")
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{
			{
				Config: templateConfig(env, prefix, `
  timeouts = { create = "1500ms" }`),
				Check: resource.ComposeTestCheckFunc(
					env.CheckTitle(templateAddr, prefix+" template"),
					expectPortalHolds(env, []string{prefix + " source"}, []string{prefix + " template"}),
				),
			},
			{
				Config: templateConfig(env, prefix, `
  timeouts = { create = "1500ms" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// TestAccRoom_unfinishedCreationTaints: the room exists but its creation cannot be finished (the update
// that gives it its title fails). Its id is recorded and the resource tainted, so the next apply
// replaces it: nothing is orphaned, nothing duplicated.
func TestAccRoom_unfinishedCreationTaints(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "fails the call that finishes a room's creation")
	title := acctest.RandomName("room")
	config := roomConfig(env, fmt.Sprintf(`
  title     = %q
  room_type = "custom"`, title))
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Fake.InjectFault(fakeportal.Fault{Status: 500, Method: "PUT", PathPrefix: "/api/2.0/files/rooms/", Count: 1})
				},
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)renaming the new room.*recorded in the state and marked tainted`),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roomAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: expectPortalHolds(env, []string{title}, nil),
			},
		},
	})
}
