package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

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

// groupConfig is a group, docspace_group.g, of members, with a manager unless manager is empty.
func groupConfig(env *acctest.Env, name, manager string, members ...string) string {
	memberIDs := make([]string, len(members))
	for i, m := range members {
		memberIDs[i] = strconv.Quote(m)
	}
	if manager == "" {
		return env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_group" "g" {
  name       = %q
  member_ids = [%s]
}
`, name, strings.Join(memberIDs, ", "))
	}
	return env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_group" "g" {
  name       = %q
  manager_id = %q
  member_ids = [%s]
}
`, name, manager, strings.Join(memberIDs, ", "))
}

// checkGroupGone confirms that no group is left on the portal.
func checkGroupGone(env *acctest.Env) func(*terraform.State) error {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources["docspace_group.g"]
		if !ok {
			return nil
		}
		if _, err := env.Client.GetGroup(context.Background(), rs.Primary.ID); err == nil {
			return fmt.Errorf("group %s still exists", rs.Primary.ID)
		}
		return nil
	}
}

func TestAccGroup_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	accounts := env.Accounts(t, acctest.RoomAdmin, acctest.User, acctest.DocSpaceAdmin, acctest.Guest)
	a, b, c, guest := accounts[0].ID, accounts[1].ID, accounts[2].ID, accounts[3].ID
	name := acctest.RandomName("group")
	env.Run(t, resource.TestCase{
		CheckDestroy: checkGroupGone(env),
		Steps: []resource.TestStep{
			{
				// Strict create: a guest member fails it, and nothing is made.
				Config:      groupConfig(env, name, a, a, guest),
				ExpectError: ruleRegexp(`is a guest. Nothing was created`),
			},
			{
				Config: groupConfig(env, name, a, a, b),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("docspace_group.g", "manager_id", a),
					resource.TestCheckResourceAttr("docspace_group.g", "member_ids.#", "2"),
					func(*terraform.State) error {
						groups, err := env.Client.ListGroups(t.Context(), name)
						if err != nil || len(groups) != 1 {
							return fmt.Errorf("groups named %s: %v %v", name, groups, err)
						}
						return nil
					},
				),
			},
			{ResourceName: "docspace_group.g", ImportState: true, ImportStateVerify: true},
			{
				Config: groupConfig(env, name+" renamed", b, b, c),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("docspace_group.g", "name", name+" renamed"),
					resource.TestCheckResourceAttr("docspace_group.g", "manager_id", b),
					resource.TestCheckResourceAttr("docspace_group.g", "member_ids.#", "2"),
				),
			},
			{
				// Lenient update: the portal skips the guest; the provider says so.
				Config:      groupConfig(env, name+" renamed", b, b, c, guest),
				ExpectError: ruleRegexp(`did not add ` + guest),
			},
			{
				Config:      groupConfig(env, name+" renamed", b, c),
				ExpectError: ruleRegexp(`member_ids must include manager_id`),
			},
			{
				Config:      groupConfig(env, name+" renamed", "", b, c),
				ExpectError: ruleRegexp(`can change a group's manager but not remove it`),
			},
			{
				// Members changed in DocSpace: drift, put back on apply.
				PreConfig: func() {
					groups, _ := env.Client.ListGroups(t.Context(), name)
					env.Group(t, acctest.RandomName("unrelated"), "")
					for _, g := range groups {
						_, _ = env.Client.UpdateGroup(t.Context(), g.ID, docspaceRemoveMembers(c))
					}
				},
				Config: groupConfig(env, name+" renamed", b, b, c),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_group.g", plancheck.ResourceActionUpdate),
				}},
				Check: resource.TestCheckResourceAttr("docspace_group.g", "member_ids.#", "2"),
			},
		},
	})
}

func TestAccGroup_deletedOutsideTerraformTakesItsRoomAccess(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	a := env.Account(t, acctest.RoomAdmin).ID
	title := acctest.RandomName("grouproom")
	config := memberRoomConfig(env, title, "") + fmt.Sprintf(`
resource "docspace_group" "g" {
  name       = "%s readers"
  manager_id = %q
  member_ids = [%q]
}

resource "docspace_room_member" "readers" {
  room_id  = docspace_room.room.id
  group_id = docspace_group.g.id
  access   = "viewer"
}
`, title, a, a)
	var group string
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) error {
					group = s.RootModule().Resources["docspace_group.g"].Primary.ID
					return checkShare(env, "docspace_room.room", group, 2)(s)
				},
			},
			{
				// Deleting the group in DocSpace removes it and its room access: both are made again.
				PreConfig: func() {
					if err := env.Client.DeleteGroup(t.Context(), group); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_group.g", plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("docspace_room_member.readers", plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

func docspaceRemoveMembers(ids ...string) docspace.UpdateGroupRequest {
	return docspace.UpdateGroupRequest{MembersToRemove: ids}
}

// TestAccGroup_blockedMemberStaysConfigured blocks a member out of band. The portal hides them from the group
// and would skip adding them again, but they still belong to it: no change is planned, applies succeed, and
// every refresh warns about them. Removing them from the configuration removes them from the group.
func TestAccGroup_blockedMemberStaysConfigured(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "blocks a member's account out of band")
	warnings := env.RecordWarnings()
	a := env.Fake.AddUser("Ann Able", "ann@portal.example", fakeportal.TypeRoomAdmin)
	b := env.Fake.AddUser("Bob Best", "bob@portal.example", fakeportal.TypeUser)
	name := acctest.RandomName("group")
	var group string
	inGroup := func(user string, want bool) func(*terraform.State) error {
		return func(*terraform.State) error {
			u, err := env.Client.GetUser(t.Context(), user)
			if err != nil {
				return err
			}
			if u.InGroup(group) != want {
				return fmt.Errorf("user %s in group %s: %v, want %v", user, group, !want, want)
			}
			return nil
		}
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: checkGroupGone(env),
		Steps: []resource.TestStep{
			{
				Config: groupConfig(env, name, a, a, b),
				Check: resource.ComposeAggregateTestCheckFunc(
					func(s *terraform.State) error {
						group = s.RootModule().Resources["docspace_group.g"].Primary.ID
						return nil
					},
					resource.TestCheckResourceAttr("docspace_group.g", "member_ids.#", "2"),
					warnings.CheckNone(),
				),
			},
			{
				// Blocked in DocSpace: the portal's read-back leaves b out, the plan stays empty, a warning names b.
				PreConfig: func() {
					warnings.Reset()
					env.Fake.TerminateUser(b)
					g, err := env.Client.GetGroup(t.Context(), group)
					if err != nil || len(g.Members) != 1 || g.MembersCount != 1 {
						t.Errorf("the portal should hide the blocked member: %+v %v", g, err)
					}
				},
				Config:           groupConfig(env, name, a, a, b),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("docspace_group.g", "member_ids.#", "2"),
					resource.TestCheckTypeSetElemAttr("docspace_group.g", "member_ids.*", b),
					warnings.Check("Blocked group member", b, "bob@portal.example", "blocked in DocSpace", "unblock or remove them from member_ids"),
					inGroup(b, true),
				),
			},
			{
				// Another change to the group while b is blocked: applied without an error about b.
				PreConfig: warnings.Reset,
				Config:    groupConfig(env, name+" renamed", a, a, b),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_group.g", plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("docspace_group.g", "name", name+" renamed"),
					resource.TestCheckResourceAttr("docspace_group.g", "member_ids.#", "2"),
					warnings.Check("Blocked group member", b),
				),
			},
			{
				// Removed from the configuration: removed from the group, and nothing more to warn about.
				Config: groupConfig(env, name+" renamed", a, a),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_group.g", plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("docspace_group.g", "member_ids.#", "1"),
					inGroup(b, false),
				),
			},
			{
				PreConfig:        warnings.Reset,
				Config:           groupConfig(env, name+" renamed", a, a),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            warnings.CheckNone(),
			},
		},
	})
}

// TestAccGroup_abandonedCreation: a group still carries the creation marker of an earlier creation of
// the same name whose process was killed before it renamed the group. The apply does not make a second
// group: after the grace period in which a live creator would rename it, it stops, naming the group and
// the import command. After the import, the apply gives the group its real name in place.
func TestAccGroup_abandonedCreation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "leaves a group with another creation's marker on the portal")
	a := env.Fake.AddUser("Ann Able", "ann@portal.example", fakeportal.TypeRoomAdmin)
	name := acctest.RandomName("group")
	config := groupConfig(env, name, a, a)
	var abandoned string
	env.Run(t, resource.TestCase{
		CheckDestroy: checkGroupGone(env),
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { abandoned = env.Fake.AddGroup(name+" [tf-pending-g-0123456789ab]", a, a) },
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)Unfinished earlier creation.*DocSpace group [0-9a-f-]{36}, titled.*terraform import\s+docspace_group.<name> [0-9a-f-]{36}`),
			},
			{
				Config:             config,
				ResourceName:       "docspace_group.g",
				ImportState:        true,
				ImportStatePersist: true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return abandoned, nil },
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_group.g", plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPtr("docspace_group.g", "id", &abandoned),
					expectOneGroup(env, name),
				),
			},
		},
	})
}

// The portal stores a group's name as sent, surrounding white space included (api-notes.md §31): the
// provider refuses such names at plan time, and a name with inner spaces round-trips unchanged.
func TestAccGroup_nameIsStoredAsSent(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	name := acctest.RandomName("group") + "  two  spaces"
	env.Run(t, resource.TestCase{
		CheckDestroy: checkGroupGone(env),
		Steps: []resource.TestStep{
			{Config: groupConfig(env, " "+name, ""), PlanOnly: true, ExpectError: ruleRegexp(`must not start or end with white space`)},
			{Config: groupConfig(env, name+"\t", ""), PlanOnly: true, ExpectError: ruleRegexp(`must not start or end with white space`)},
			{
				Config: groupConfig(env, name, ""),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("docspace_group.g", "name", name),
					func(s *terraform.State) error {
						g, err := env.Client.GetGroup(context.Background(), s.RootModule().Resources["docspace_group.g"].Primary.ID)
						if err != nil {
							return err
						}
						if g.Name != name {
							return fmt.Errorf("the portal's name is %q, want %q", g.Name, name)
						}
						return nil
					},
				),
			},
			{Config: groupConfig(env, name, ""), PlanOnly: true}, // no perpetual diff
		},
	})
}

// A group with a manager and no member_ids, as the documentation allows: the manager alone is the new
// group's member, the next plan is empty, the import reads the same, and members added in DocSpace are not
// managed, so they plan nothing.
func TestAccGroup_managerWithoutMemberIDs(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	accounts := env.Accounts(t, acctest.RoomAdmin, acctest.User)
	manager, other := accounts[0].ID, accounts[1].ID
	name := acctest.RandomName("group")
	config := env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_group" "g" {
  name       = %q
  manager_id = %q
}
`, name, manager)
	env.Run(t, resource.TestCase{
		CheckDestroy: checkGroupGone(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_group.g", tfjsonpath.New("manager_id"), knownvalue.StringExact(manager)),
					statecheck.ExpectKnownValue("docspace_group.g", tfjsonpath.New("member_ids"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(manager)})),
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{ResourceName: "docspace_group.g", ImportState: true, ImportStateVerify: true},
			{
				PreConfig: func() {
					groups, err := env.Client.ListGroups(t.Context(), name)
					if err != nil || len(groups) != 1 {
						t.Fatalf("groups named %s: %d, %v", name, len(groups), err)
					}
					if _, err := env.Client.UpdateGroup(t.Context(), groups[0].ID, docspace.UpdateGroupRequest{MembersToAdd: []string{other}}); err != nil {
						t.Fatal(err)
					}
				},
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_group.g", tfjsonpath.New("member_ids"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(manager), knownvalue.StringExact(other)})),
				},
			},
		},
	})
}
