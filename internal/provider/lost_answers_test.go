package provider_test

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
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

// estateConfig is a room, a template built from it and a room made from the template.
func estateConfig(env *acctest.Env, prefix, providerExtra string) string {
	return estatePart(env, prefix, providerExtra, 3)
}

// estatePart is the first n resources of estateConfig.
func estatePart(env *acctest.Env, prefix, providerExtra string, n int) string {
	blocks := []string{`
resource "docspace_room" "source" {
  title     = "%[1]s source"
  room_type = "custom"
}
`, `
resource "docspace_room_template" "tpl" {
  room_id = docspace_room.source.id
  title   = "%[1]s template"
}
`, `
resource "docspace_room" "copy" {
  template_id = docspace_room_template.tpl.id
  title       = "%[1]s copy"
}
`}
	return providerConfig(env, providerExtra) + fmt.Sprintf(strings.Join(blocks[:n], ""), prefix)
}

// creationRoutes are the three calls that create objects; none of them is idempotent.
var creationRoutes = []string{"/api/2.0/files/rooms", "/api/2.0/files/roomtemplate", "/api/2.0/files/rooms/fromtemplate"}

// expectPortalHolds checks the fake's objects: exactly these room and template titles, so nothing was
// duplicated, orphaned or left carrying a creation marker.
func expectPortalHolds(env *acctest.Env, rooms, templates []string) func(*terraform.State) error {
	return func(*terraform.State) error {
		for _, c := range []struct {
			templates bool
			want      []string
		}{{false, rooms}, {true, templates}} {
			var got []string
			for _, title := range env.Fake.RoomTitles(c.templates) {
				got = append(got, title)
			}
			if !sameTitles(got, c.want) {
				return fmt.Errorf("the portal holds %q (templates: %t), want exactly %q", got, c.templates, c.want)
			}
		}
		return nil
	}
}

func sameTitles(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	count := map[string]int{}
	for _, t := range got {
		count[t]++
	}
	for _, t := range want {
		count[t]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}

// lostAnswerFaults are the ways the answer to a creating POST gets lost or damaged after the portal acted:
// a proxy's 502, no answer at all or none within the request timeout, an empty, truncated, null or
// undecodable body.
var lostAnswerFaults = map[string]fakeportal.Fault{
	"502":         {Status: 502, AfterProcessing: true},
	"dropped":     {Drop: true, AfterProcessing: true},
	"hang":        {Reply: fakeportal.ReplyHang},
	"empty":       {Reply: fakeportal.ReplyEmpty},
	"truncated":   {Reply: fakeportal.ReplyTruncated},
	"null":        {Reply: fakeportal.ReplyNull},
	"undecodable": {Reply: fakeportal.ReplyUndecodable},
	"without id":  {Reply: fakeportal.ReplyWithoutID},
}

// TestAccCreate_lostAnswers: the portal creates the object, and then the answer to the creating POST is
// lost or damaged (a proxy's 502, no answer within the request timeout, an empty, truncated, null or
// undecodable body, or an object without its id). Each of the three creating calls suffers it once. The provider never repeats the
// POST, finds each object by its creation marker, and ends with exactly one of each and a clean plan.
func TestAccCreate_lostAnswers(t *testing.T) {
	t.Parallel()
	for name, fault := range lostAnswerFaults {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, fakeportal.Options{JobDuration: 100 * time.Millisecond})
			env.RequireFake(t, "loses or damages the answers to creating calls")
			prefix := acctest.RandomName("lost")
			env.Run(t, resource.TestCase{
				CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
				Steps: []resource.TestStep{{
					PreConfig: func() {
						for _, route := range creationRoutes {
							f := fault
							f.Method, f.PathPrefix, f.Count = "POST", route, 1
							env.Fake.InjectFault(f)
						}
					},
					Config: estateConfig(env, prefix, `
  request_timeout = "2s"`),
					Check: resource.ComposeTestCheckFunc(
						expectPortalHolds(env, []string{prefix + " source", prefix + " copy"}, []string{prefix + " template"}),
						func(*terraform.State) error {
							counts := env.Fake.Counts()
							for _, route := range []string{"POST /api/2.0/files/rooms", "POST /api/2.0/files/roomtemplate", "POST /api/2.0/files/rooms/fromtemplate"} {
								if counts[route] != 1 {
									return fmt.Errorf("%s was called %d times; a creation whose answer was lost must not be repeated", route, counts[route])
								}
							}
							return nil
						},
					),
				}},
			})
		})
	}
}

// TestAccRoom_nullRefresh: a refresh answered 200 without the room, or with an unreadable one, reads it
// again; an answer damaged every time is an error, and the state keeps the room as it was. It never
// becomes an empty room that the next plan would replace.
func TestAccRoom_nullRefresh(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "damages the answer to a refresh")
	title := acctest.RandomName("room")
	config := roomConfig(env, fmt.Sprintf(`
  title     = %q
  room_type = "custom"`, title))
	for _, reply := range []fakeportal.Reply{fakeportal.ReplyNull, fakeportal.ReplyUndecodable, fakeportal.ReplyEmpty} {
		t.Run(string(reply), func(t *testing.T) {
			sameID := statecheck.CompareValue(compare.ValuesSame())
			env.Run(t, resource.TestCase{
				CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
				Steps: []resource.TestStep{
					{
						Config:            config,
						ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(roomAddr, tfjsonpath.New("id"))},
					},
					damagedOnce(env, fakeportal.Fault{Reply: reply, Method: "GET", PathPrefix: "/api/2.0/files/rooms/"}, config),
					{
						PreConfig: func() {
							env.Fake.InjectFault(fakeportal.Fault{Reply: reply, Method: "GET", PathPrefix: "/api/2.0/files/rooms/", Count: 1000})
						},
						Config:      config,
						ExpectError: regexp.MustCompile(`Error reading room`),
					},
					{
						PreConfig: env.Fake.ClearFaults,
						Config:    config,
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(roomAddr, plancheck.ResourceActionNoop)},
						},
						ConfigStateChecks: []statecheck.StateCheck{
							sameID.AddStateValue(roomAddr, tfjsonpath.New("id")),
							statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("title"), knownvalue.StringExact(title)),
							statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("room_type"), knownvalue.StringExact("custom")),
						},
						Check: expectPortalHolds(env, []string{title}, nil),
					},
				},
			})
		})
	}
}

// TestAccRoom_fileOperationFinishedBeforeTheAnswer: archive and unarchive operations that are over before
// their start call answers are reported only in that answer. A success is taken at once; a failure
// comes back with the portal's own message, not as a timeout.
func TestAccRoom_fileOperationFinishedBeforeTheAnswer(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "ends file operations before their start call answers, and fails one")
	title := acctest.RandomName("room")
	archived := func(on bool) string {
		return roomConfig(env, fmt.Sprintf(`
  title     = %q
  room_type = "custom"
  archived  = %t
  timeouts  = { update = "1m" }`, title, on))
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{Config: archived(false)},
			{
				PreConfig: func() { env.Fake.FinishFileOperationsAtOnce(true) },
				Config:    archived(true),
				Check:     env.CheckRoomArchived(roomAddr, true),
			},
			{
				PreConfig:   func() { env.Fake.FailNextFileOperation("The room is being moved by another user") },
				Config:      archived(false),
				ExpectError: regexp.MustCompile(`could not unarchive room \d+: The room is being moved by\s+another\s+user`),
			},
			{
				Config: archived(false),
				Check:  env.CheckRoomArchived(roomAddr, false),
			},
		},
	})
}

// TestAccTemplateAndLink_nullRefresh: templates and links read through the same strict decoding. A
// refresh answered once without the template, or with an unreadable list of links, reads again; answered
// so every time, it is an error. The state keeps both, and the next plan is empty.
func TestAccTemplateAndLink_nullRefresh(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond})
	env.RequireFake(t, "damages the answers to refreshes")
	prefix := acctest.RandomName("null")
	config := estatePart(env, prefix, "", 2) + `
resource "docspace_room_link" "share" {
  room_id   = docspace_room.source.id
  link_type = "external"
  access    = "viewer"
  title     = "partners"
}
`
	sameTemplate := statecheck.CompareValue(compare.ValuesSame())
	sameLink := statecheck.CompareValue(compare.ValuesSame())
	ids := func() []statecheck.StateCheck {
		return []statecheck.StateCheck{
			sameTemplate.AddStateValue("docspace_room_template.tpl", tfjsonpath.New("id")),
			sameLink.AddStateValue("docspace_room_link.share", tfjsonpath.New("id")),
		}
	}
	var templateID, roomID int64
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigStateChecks: ids(),
				Check: resource.ComposeTestCheckFunc(
					env.CaptureRoomID("docspace_room_template.tpl", &templateID),
					env.CaptureRoomID("docspace_room.source", &roomID),
				),
			},
			damagedOnce(env, fakeportal.Fault{Reply: fakeportal.ReplyTruncated, Method: "GET", PathPrefix: "/api/2.0/files/rooms/", PathSuffix: "/links"}, config),
			{
				PreConfig: func() {
					env.Fake.InjectFault(fakeportal.Fault{Reply: fakeportal.ReplyNull, Method: "GET",
						PathPrefix: fmt.Sprintf("/api/2.0/files/rooms/%d", templateID), Count: 1000})
				},
				Config:      config,
				ExpectError: regexp.MustCompile(`Error reading room template`),
			},
			{
				PreConfig: func() {
					env.Fake.ClearFaults()
					env.Fake.InjectFault(fakeportal.Fault{Reply: fakeportal.ReplyTruncated, Method: "GET",
						PathPrefix: fmt.Sprintf("/api/2.0/files/rooms/%d/links", roomID), Count: 1000})
				},
				Config:      config,
				ExpectError: regexp.MustCompile(`Error reading room link`),
			},
			{
				PreConfig:         env.Fake.ClearFaults,
				Config:            config,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: ids(),
				Check:             expectPortalHolds(env, []string{prefix + " source"}, []string{prefix + " template"}),
			},
		},
	})
}

// damagedOnce is a step whose refresh meets fault once: the read is made again, and the plan is empty.
func damagedOnce(env *acctest.Env, fault fakeportal.Fault, config string) resource.TestStep {
	fault.Count = 1
	var before int
	return resource.TestStep{
		PreConfig: func() {
			before = env.Fake.FaultsFired()[fault.String()]
			env.Fake.InjectFault(fault)
		},
		Config:           config,
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		Check: func(*terraform.State) error {
			if n := env.Fake.FaultsFired()[fault.String()] - before; n != 1 {
				return fmt.Errorf("the fault %s struck %d times; want once", fault.String(), n)
			}
			return nil
		},
	}
}

// TestAccGroup_lostAnswers: the portal creates the group, and then the answer to POST /group is lost or
// damaged (a proxy's 502, an empty 200, a truncated body, a null or undecodable response). Group names are not unique,
// so a second POST would make a second group of the same name: the provider never repeats it, finds the
// group by its creation marker, and ends with exactly one group of that name, the one in the state, and
// an empty plan on the re-apply.
func TestAccGroup_lostAnswers(t *testing.T) {
	t.Parallel()
	faults := map[string]fakeportal.Fault{
		"502":       {Status: 502, AfterProcessing: true},
		"empty":     {Reply: fakeportal.ReplyEmpty},
		"truncated": {Reply: fakeportal.ReplyTruncated},
		"null":      {Reply: fakeportal.ReplyNull},
		// A group's id is a string, so this answer's "id": "not a number" decodes: only the missing
		// marker in its name shows that it describes no group of this creation.
		"undecodable": {Reply: fakeportal.ReplyUndecodable},
	}
	for fault, f := range faults {
		t.Run(fault, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, fakeportal.Options{})
			env.RequireFake(t, "damages the portal's answer to POST /group")
			a := env.Fake.AddUser("Ann Able", "ann@portal.example", fakeportal.TypeRoomAdmin)
			name := acctest.RandomName("lostgroup")
			config := groupConfig(env, name, a, a)
			env.Run(t, resource.TestCase{
				CheckDestroy: checkGroupGone(env),
				Steps: []resource.TestStep{
					{
						PreConfig: func() {
							f.Method, f.PathPrefix, f.Count = "POST", "/api/2.0/group", 1
							env.Fake.InjectFault(f)
						},
						Config: config,
						Check: resource.ComposeTestCheckFunc(
							expectOneGroup(env, name),
							func(*terraform.State) error {
								if n := env.Fake.Counts()["POST /api/2.0/group"]; n != 1 {
									return fmt.Errorf("POST /api/2.0/group was called %d times; a creation whose answer was lost must not be repeated", n)
								}
								if n := env.Fake.FaultsFired()[f.String()]; n != 1 {
									return fmt.Errorf("the fault struck %d times (%v)", n, env.Fake.FaultsFired())
								}
								return nil
							},
						),
					},
					{
						Config:           config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
						Check:            expectOneGroup(env, name),
					},
				},
			})
		})
	}
}

// TestAccGroup_unfinishedCreationTaints: the group exists, but the rename that finishes its creation
// fails. The apply fails with the group recorded in the state and tainted, never orphaned; the re-apply
// replaces it, and exactly one group of that name is left.
func TestAccGroup_unfinishedCreationTaints(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "makes the rename that finishes a group's creation fail")
	a := env.Fake.AddUser("Ann Able", "ann@portal.example", fakeportal.TypeRoomAdmin)
	name := acctest.RandomName("group")
	config := groupConfig(env, name, a, a)
	env.Run(t, resource.TestCase{
		CheckDestroy: checkGroupGone(env),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Fake.InjectFault(fakeportal.Fault{Status: 500, Method: "PUT", PathPrefix: "/api/2.0/group/", Count: 1})
				},
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)Error creating the group.*renaming the new group.*recorded in the state and marked\s+tainted`),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_group.g", plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: expectOneGroup(env, name),
			},
		},
	})
}

// TestAccFolder_unfinishedCreationKeepsDestroySettings: the folder exists, but the rename that finishes
// its creation fails, so it is recorded tainted. Its state carries the configured permanent_delete, so the
// replacement deletes it for good instead of leaving it, still marked, in the Trash.
func TestAccFolder_unfinishedCreationKeepsDestroySettings(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "makes the rename that finishes a folder's creation fail")
	room := outOfBandRoom(t, env, acctest.RandomName("taint"))
	config := env.ProviderConfig() + folderBlock("f", fmt.Sprintf("room_id = %q", fmt.Sprint(room)), "Contracts", `
  permanent_delete = true
`)
	var first int64
	env.Run(t, resource.TestCase{
		CheckDestroy: checkFoldersDestroyed(env),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Fake.InjectFault(fakeportal.Fault{Status: 500, Method: "PUT", PathPrefix: "/api/2.0/files/folder/", Count: 1})
				},
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)Error creating the folder.*renaming the new folder.*recorded in the state and marked\s+tainted`),
			},
			{
				PreConfig: func() {
					for id, title := range env.Fake.FolderTitles(room) {
						if strings.Contains(title, "[tf-pending-") {
							first = id
						}
					}
					if first == 0 {
						t.Fatalf("no marked folder in room %d: %v", room, env.Fake.FolderTitles(room))
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_folder.f", plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: func(*terraform.State) error {
					if env.Fake.FolderExists(first) {
						return fmt.Errorf("the tainted folder %d still exists (in the Trash?); permanent_delete = true asked for it to be deleted for good", first)
					}
					return nil
				},
			},
		},
	})
}

// expectOneGroup checks that the portal holds exactly one group named name, that it is the group in the
// state, and that no group still carries a creation marker.
func expectOneGroup(env *acctest.Env, name string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		var named []string
		for id, n := range env.Fake.GroupNames() {
			if n == name {
				named = append(named, id)
			}
			if strings.Contains(n, "[tf-pending-") {
				return fmt.Errorf("group %s still carries its creation marker: %q", id, n)
			}
		}
		rs, ok := s.RootModule().Resources["docspace_group.g"]
		if len(named) != 1 || !ok || !strings.EqualFold(rs.Primary.ID, named[0]) {
			return fmt.Errorf("groups named %q on the portal: %v; want exactly the one in the state", name, named)
		}
		return nil
	}
}

// TestAccFolder_lostAnswers: the portal creates a folder, in a room and in a folder, and the answer to the
// creating POST is lost or damaged. The provider never repeats the POST, finds each folder by its marker
// among its parent's folders, and ends with exactly one folder of each title and a clean plan.
func TestAccFolder_lostAnswers(t *testing.T) {
	t.Parallel()
	for name, fault := range lostAnswerFaults {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, fakeportal.Options{})
			env.RequireFake(t, "loses or damages the answers to creating calls")
			room := outOfBandRoom(t, env, acctest.RandomName("lost"))
			config := providerConfig(env, `
  request_timeout = "2s"`) + folderBlock("top", fmt.Sprintf("room_id = %q", fmt.Sprint(room)), "Contracts", "") +
				folderBlock("sub", "parent_id = docspace_folder.top.id", "Signed", "")
			var top int64
			env.Run(t, resource.TestCase{
				CheckDestroy: checkFoldersDestroyed(env),
				Steps: []resource.TestStep{{
					PreConfig: func() {
						f := fault
						f.Method, f.PathPrefix, f.Count = "POST", "/api/2.0/files/folder/", 2
						env.Fake.InjectFault(f)
					},
					Config: config,
					Check: resource.ComposeTestCheckFunc(
						folderID("docspace_folder.top", &top),
						func(*terraform.State) error {
							if got := env.Fake.FolderTitles(room); len(got) != 1 || got[top] != "Contracts" {
								return fmt.Errorf("the room holds %v, want only folder %d titled Contracts", got, top)
							}
							if got := env.Fake.FolderTitles(top); len(got) != 1 || !slices.Contains(slices.Collect(maps.Values(got)), "Signed") {
								return fmt.Errorf("folder %d holds %v, want one folder titled Signed", top, got)
							}
							if n := env.Fake.Counts()["POST /api/2.0/files/folder/{id}"]; n != 2 {
								return fmt.Errorf("%d POSTs for two folders; a creation whose answer was lost must not be repeated", n)
							}
							return nil
						},
					),
				}},
			})
		})
	}
}

// TestAccFile_lostAnswers: the portal stores an uploaded file, and then the answer to the upload is lost
// or damaged. The provider never uploads again: it finds the file by its creation marker, gives it its
// title, and ends with exactly one file at version 1 and a clean plan.
func TestAccFile_lostAnswers(t *testing.T) {
	t.Parallel()
	for name, fault := range lostAnswerFaults {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, fakeportal.Options{})
			env.RequireFake(t, "loses or damages the answer to an upload")
			room := outOfBandRoom(t, env, acctest.RandomName("lost"))
			env.Run(t, resource.TestCase{
				CheckDestroy: checkFilesDestroyed(env),
				Steps: []resource.TestStep{{
					PreConfig: func() {
						f := fault
						f.Method, f.PathSuffix, f.Count = "POST", "/insert", 1
						env.Fake.InjectFault(f)
					},
					Config: providerConfig(env, `
  request_timeout = "2s"`) + fmt.Sprintf(`
resource "docspace_file" "f" {
  folder_id = %q
  title     = "Minutes.txt"
  content   = "minutes of the kick-off"
}
`, sid(room)),
					Check: func(*terraform.State) error {
						files := env.Fake.FilesIn(room)
						if len(files) != 1 || files[0].Title != "Minutes.txt" || files[0].Versions != 1 {
							return fmt.Errorf("the room holds %+v; want one file Minutes.txt at version 1", files)
						}
						if n := env.Fake.Counts()["POST /api/2.0/files/{id}/insert"]; n != 1 {
							return fmt.Errorf("the upload was sent %d times; an upload whose answer was lost must not be repeated", n)
						}
						return nil
					},
				}},
			})
		})
	}
}

// TestAccWebhook_lostAnswers: the portal creates a webhook, and the answer to the creating POST is lost or
// damaged. The provider never repeats the POST, finds the webhook by its marker, and ends with exactly one
// webhook, named as configured, enabled, and a clean plan.
func TestAccWebhook_lostAnswers(t *testing.T) {
	t.Parallel()
	for name, fault := range lostAnswerFaults {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env, recv := webhookEnv(t)
			env.RequireFake(t, "loses or damages the answers to creating calls")
			hook := acctest.RandomName("lost")
			config := providerConfig(env, `
  request_timeout = "2s"`) + webhookBlock(hook, recv.URL(), `
  triggers = ["room.created"]
  secret   = "Lost-secret-1"`)
			env.Run(t, resource.TestCase{
				CheckDestroy: checkWebhooksDestroyed(env),
				Steps: []resource.TestStep{{
					PreConfig: func() {
						f := fault
						f.Method, f.PathPrefix, f.Count = "POST", "/api/2.0/settings/webhook", 1
						env.Fake.InjectFault(f)
					},
					Config: config,
					Check: func(s *terraform.State) error {
						all := env.Fake.Webhooks()
						if len(all) != 1 || all[0].Name != hook || !all[0].Enabled || all[0].Secret != "Lost-secret-1" {
							return fmt.Errorf("the portal holds %+v, want one enabled webhook named %q with the secret", all, hook)
						}
						if id := s.RootModule().Resources[webhookAddr].Primary.ID; id != sid(all[0].ID) {
							return fmt.Errorf("the state records webhook %s, the portal holds %d", id, all[0].ID)
						}
						if n := env.Fake.Counts()["POST /api/2.0/settings/webhook"]; n != 1 {
							return fmt.Errorf("%d POSTs for one webhook; a creation whose answer was lost must not be repeated", n)
						}
						return nil
					},
				}},
			})
		})
	}
}

// TestAccWebhook_unfinishedCreationTaints: the receiver answers the HEAD request of the creating POST and
// then goes down, so the PUT that gives the webhook its name fails. The webhook exists, disabled and
// marked: its id goes into the state and Terraform taints it; the next apply replaces it, and the portal
// ends with one webhook.
func TestAccWebhook_unfinishedCreationTaints(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	hook := acctest.RandomName("taint")
	config := env.ProviderConfig() + webhookBlock(hook, recv.URL(), `
  secret = "Taint-secret-1"`)
	var first int64
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { recv.set(func(r *testReceiver) { r.headAnswers = []int{200, 0} }) },
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)could not reach the\s+receiver.*recorded\s+in\s+the\s+state\s+and\s+marked\s+tainted`),
			},
			{
				PreConfig: func() {
					recv.set(func(r *testReceiver) { r.down = false })
					all := env.Fake.Webhooks()
					if len(all) != 1 || all[0].Enabled || !strings.Contains(all[0].Name, "[tf-pending-") {
						t.Fatalf("the portal holds %+v; want one disabled webhook under its creation marker", all)
					}
					first = all[0].ID
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionDestroyBeforeCreate)}},
				Check: func(*terraform.State) error {
					all := env.Fake.Webhooks()
					if len(all) != 1 || all[0].ID == first || all[0].Name != hook || !all[0].Enabled {
						return fmt.Errorf("the portal holds %+v; want one enabled webhook named %q, not %d", all, hook, first)
					}
					return nil
				},
			},
		},
	})
}
