package provider_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// Terraform plans the configuration before every destroy (terraform destroy, terraform plan -destroy) and
// stops at the first error, so a change the provider refuses because of the object's state (an edit of an
// archived room, a removed group manager, a role the room does not allow) must not be an error at plan
// time: it is a warning there, and Create or Update refuses it before changing anything.

// pendingRefusalSteps follow steps that leave config's change pending: a plan shows the change (action on
// addr) without failing, an apply fails with refused and changes nothing on the portal (on the fake: no
// call but reads), and a destroy with the change still pending goes through; destroyed checks, with the
// state before the destroy, that the objects are gone.
func pendingRefusalSteps(t *testing.T, env *acctest.Env, config, addr string, action plancheck.ResourceActionType,
	refused *regexp.Regexp, destroyed func(*terraform.State) error) []resource.TestStep {
	return []resource.TestStep{
		{
			Config:             config,
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, action)},
			},
		},
		{
			PreConfig: func() {
				if env.Fake != nil {
					env.Fake.ResetCounts()
				}
			},
			Config:      config,
			ExpectError: refused,
		},
		{
			PreConfig: func() {
				if env.Fake == nil {
					return
				}
				for route, n := range env.Fake.Counts() {
					if !strings.HasPrefix(route, "GET ") {
						t.Errorf("the refused apply called %s %d times; it may only read", route, n)
					}
				}
			},
			Config:  config,
			Destroy: true,
			Check:   destroyed,
		},
	}
}

// TestAccRefusal_roomTypeChange: a new room_type is neither applied nor a replacement; the plan warns, the
// apply refuses, a destroy goes through, and a replacement asked for on purpose (-replace, or a taint as
// here) makes the room of the new type.
func TestAccRefusal_roomTypeChange(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("room")
	room := func(kind string) string {
		return roomConfig(env, fmt.Sprintf(`
  title     = %q
  room_type = %q`, title, kind))
	}
	refused := wrapped(`(?s)A room's type cannot change.*DocSpace cannot change the type of an existing room.*terraform apply -replace=.*Nothing was changed`)
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: append([]resource.TestStep{{Config: room("custom")}},
			pendingRefusalSteps(t, env, room("public"), roomAddr, plancheck.ResourceActionUpdate, refused,
				env.CheckRoomsDestroyed("docspace_room"))...),
	})
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{Config: room("custom")},
			{
				// Asked for on purpose (tainted, as -replace does): a new room of the new type.
				Config: room("public"),
				Taint:  []string{roomAddr},
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roomAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("room_type"), knownvalue.StringExact("public")),
				},
			},
		},
	})
}

func TestAccRefusal_archivedRoomEdit(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("room")
	room := func(title string) string {
		return roomConfig(env, fmt.Sprintf(`
  title     = %q
  room_type = "custom"
  archived  = true`, title))
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: append([]resource.TestStep{{Config: room(title)}},
			pendingRefusalSteps(t, env, room(title+" 2"), roomAddr, plancheck.ResourceActionUpdate,
				regexp.MustCompile(`(?s)Archived room is read-only.*set archived = false in the same apply.*Nothing was changed`),
				env.CheckRoomsDestroyed("docspace_room"))...),
	})
}

func TestAccRefusal_groupManagerRemoved(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	accounts := env.Accounts(t, acctest.RoomAdmin, acctest.User)
	a, b := accounts[0].ID, accounts[1].ID
	name := acctest.RandomName("group")
	env.Run(t, resource.TestCase{
		CheckDestroy: checkGroupGone(env),
		Steps: append([]resource.TestStep{{Config: groupConfig(env, name, a, a, b)}},
			pendingRefusalSteps(t, env, groupConfig(env, name, "", a, b), "docspace_group.g", plancheck.ResourceActionUpdate,
				ruleRegexp(`(?s)The group's manager cannot be removed.*can change a group's manager but not remove it. Set another manager`),
				checkGroupGone(env))...),
	})
}

// A role the room's type does not allow is known only from the room: changing a member to one.
func TestAccRefusal_memberRoleTheRoomRefuses(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	user := memberSubjects(t, env)[2]
	prefix := acctest.RandomName("refused")
	config := func(access string) string {
		return env.ProviderConfig() + titledRoom("room", prefix, "public") + memberBlock("m", "docspace_room.room.id", user, access)
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: append([]resource.TestStep{{Config: config("content_creator")}},
			pendingRefusalSteps(t, env, config("viewer"), "docspace_room_member.m", plancheck.ResourceActionUpdate,
				ruleRegexp(`(?s)Cannot change the room member.*public rooms give users only`),
				env.CheckRoomsDestroyed("docspace_room"))...),
	})
}

func TestAccRefusal_memberListRoleTheRoomRefuses(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	user := memberSubjects(t, env)[2]
	prefix := acctest.RandomName("refused")
	config := func(access string) string {
		return env.ProviderConfig() + titledRoom("room", prefix, "public") + fmt.Sprintf(`
resource "docspace_room_members" "all" {
  room_id = docspace_room.room.id
  members = [{ user_id = %q, access = %q }]
}
`, user.id, access)
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: append([]resource.TestStep{{Config: config("content_creator")}},
			pendingRefusalSteps(t, env, config("viewer"), "docspace_room_members.all", plancheck.ResourceActionUpdate,
				ruleRegexp(`(?s)Cannot set the room's members.*public rooms give users only`),
				env.CheckRoomsDestroyed("docspace_room"))...),
	})
}

// A template without room_id is refused only when it is to be created (an imported one may leave it out).
func TestAccRefusal_templateWithoutSourceRoom(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("tpl")
	source := env.ProviderConfig() + titledRoom("source", prefix, "custom")
	config := source + fmt.Sprintf(`
resource "docspace_room_template" "test" {
  title = "%s template"
}
`, prefix)
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: append([]resource.TestStep{{Config: source}},
			pendingRefusalSteps(t, env, config, templateAddr, plancheck.ResourceActionCreate,
				ruleRegexp(`(?s)Missing source room.*set room_id. Only a template adopted by an import may leave it out`),
				env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"))...),
	})
}

// A past expiry is refused for a new link, and for a change to a link that has expired since it was
// made, because every change sends the whole link; an expired link that nothing changes is left alone.
func TestAccRefusal_linkExpiryPassed(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("links")
	link := func(linkTitle, expiry string) string {
		return linkRoomConfig(env, "custom", title, fmt.Sprintf(`
resource "docspace_room_link" "l" {
  room_id         = docspace_room.room.id
  link_type       = "invitation"
  access          = "viewer"
  title           = %q
  expiration_date = %q
}
`, linkTitle, expiry))
	}
	const addr = "docspace_room_link.l"
	refused := wrapped(`(?s)Expiry in the past.*has passed, and every change to a link sends its whole configuration`)
	t.Run("new link", func(t *testing.T) {
		env.Run(t, resource.TestCase{
			CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
			Steps: append([]resource.TestStep{{Config: linkRoomConfig(env, "custom", title, "")}},
				pendingRefusalSteps(t, env, link("Join", "2020-01-01T00:00:00Z"), addr, plancheck.ResourceActionCreate,
					refused, env.CheckRoomsDestroyed("docspace_room"))...),
		})
	})
	t.Run("expired since", func(t *testing.T) {
		// The link expires a few seconds after it is made; Terraform's RFC 3339 needs whole seconds.
		expiry := time.Now().Add(5 * time.Second).Truncate(time.Second).Add(time.Second)
		at := expiry.UTC().Format(time.RFC3339)
		env.Run(t, resource.TestCase{
			CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
			Steps: append([]resource.TestStep{
				{Config: link("Join", at)},
				{
					// Expired, unchanged: nothing to do, and nothing to warn of.
					PreConfig: func() { time.Sleep(time.Until(expiry) + time.Second) },
					Config:    link("Join", at),
					PlanOnly:  true,
				},
			}, pendingRefusalSteps(t, env, link("Join us", at), addr, plancheck.ResourceActionUpdate,
				refused, env.CheckRoomsDestroyed("docspace_room"))...),
		})
	})
	t.Run("replaced", func(t *testing.T) {
		// Moving the expired link to another room replaces it: the apply would delete the link before its
		// replacement's creation is refused, so the plan refuses it, and the link is still there after.
		expiry := time.Now().Add(5 * time.Second).Truncate(time.Second).Add(time.Second)
		at := expiry.UTC().Format(time.RFC3339)
		moved := strings.Replace(link("Join", at), "room_id         = docspace_room.room.id", "room_id         = docspace_room.other.id", 1) + fmt.Sprintf(`
resource "docspace_room" "other" {
  title     = %q
  room_type = "custom"
}
`, title+" other")
		env.Run(t, resource.TestCase{
			CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
			Steps: []resource.TestStep{
				{Config: link("Join", at)},
				{
					PreConfig:   func() { time.Sleep(time.Until(expiry) + time.Second) },
					Config:      moved,
					ExpectError: wrapped(`(?s)Expiry in the past.*This plan replaces the object, and creating the replacement.*terraform destroy -refresh=false`),
				},
				{
					// Nothing was deleted: the old configuration plans no change to the link.
					Config: link("Join", at),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop),
					}},
				},
			},
		})
	})
}

// TestRefusal_cliWarnsAndDestroys runs the workflow of the task with the Terraform CLI, which shows the
// diagnostics the test framework does not: with a refused change pending, terraform plan warns of what the
// apply will refuse and why, terraform apply fails with the error, and terraform destroy (which plans the
// configuration first) destroys everything.
func TestRefusal_cliWarnsAndDestroys(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "checks that the destroy left no room on the portal")
	cli := newTerraformCLI(t, "1.8.0")
	accounts := env.Accounts(t, acctest.RoomAdmin, acctest.User)
	a, b := accounts[0].ID, accounts[1].ID
	title := acctest.RandomName("room")
	config := func(roomTitle, manager string) string {
		if manager != "" {
			manager = fmt.Sprintf("manager_id = %q", manager)
		}
		return `terraform {
  required_providers {
    docspace = { source = "docspace-community/docspace" }
  }
}

` + env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "archived" {
  title     = %q
  room_type = "custom"
  archived  = true
}

resource "docspace_group" "g" {
  name       = %q
  %s
  member_ids = [%q, %q]
}
`, roomTitle, title, manager, a, b)
	}
	cli.write("main.tf", config(title, a))
	cli.run([]string{"init", "-input=false"})
	cli.run([]string{"apply", "-auto-approve", "-input=false"})

	cli.write("main.tf", config(title+" 2", ""))
	_, plan := cli.run([]string{"plan", "-detailed-exitcode", "-input=false"}, 2)
	for _, want := range []string{
		`Warning: Archived room is read-only`,
		`Warning: The group's manager cannot be removed`,
		`Applying this plan will fail here. The room is archived, and the portal refuses changes to archived rooms.`,
		`Applying this plan will fail here. The portal's API can change a group's manager but not remove it.`,
		`Plan: 0 to add, 2 to change, 0 to destroy.`,
	} {
		if !strings.Contains(flatten(plan), want) {
			t.Errorf("terraform plan does not say %q:\n%s", want, plan)
		}
	}
	_, apply := cli.run([]string{"apply", "-auto-approve", "-input=false"}, 1)
	for _, want := range []string{`Error: Archived room is read-only`, `Error: The group's manager cannot be removed`} {
		if !strings.Contains(apply, want) {
			t.Errorf("terraform apply does not fail with %q:\n%s", want, apply)
		}
	}
	_, destroy := cli.run([]string{"destroy", "-auto-approve", "-input=false"})
	if !strings.Contains(destroy, "Destroy complete! Resources: 2 destroyed.") {
		t.Errorf("terraform destroy did not destroy both objects:\n%s", destroy)
	}
	if ids := env.Fake.RoomIDs(); len(ids) > 0 {
		t.Errorf("the portal still holds rooms %v", ids)
	}
}

// flatten joins the lines Terraform wraps.
func flatten(out string) string {
	return strings.Join(strings.Fields(out), " ")
}

// TestAccRefusal_folderNewPlace: a folder given another place in the configuration is neither moved nor
// replaced; the plan warns, the apply refuses, a destroy goes through.
func TestAccRefusal_folderNewPlace(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("folders")
	a := folderBlock("a", "room_id = docspace_room.r.id", "A", "")
	destroyed := resource.ComposeTestCheckFunc(checkFoldersDestroyed(env), env.CheckRoomsDestroyed("docspace_room"))
	env.Run(t, resource.TestCase{
		CheckDestroy: destroyed,
		Steps: append([]resource.TestStep{{Config: folderRoomConfig(env, prefix, a, folderBlock("b", "room_id = docspace_room.r.id", "B", ""))}},
			pendingRefusalSteps(t, env, folderRoomConfig(env, prefix, a, folderBlock("b", "parent_id = docspace_folder.a.id", "B", "")),
				"docspace_folder.b", plancheck.ResourceActionUpdate,
				ruleRegexp(`(?s)Folder is not where the configuration puts it.*does not move folders.*Nothing was changed`),
				destroyed)...),
	})
}
