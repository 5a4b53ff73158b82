package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// Identities of the member and group resources; like the other identity tests, they need Terraform 1.12.

func TestAccIdentity_roomMember(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	subjects := memberSubjects(t, env)
	user, group := subjects[2], subjects[4]
	config := memberRoomConfig(env, acctest.RandomName("room"),
		memberBlock("user", "docspace_room.room.id", user, "editor")+memberBlock("group", "docspace_room.room.id", group, "viewer"))
	const userAddr, groupAddr = "docspace_room_member.user", "docspace_room_member.group"
	identity := func(subject string) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{
			"room_id":    knownvalue.StringRegexp(regexpNumeric),
			"subject_id": knownvalue.StringExact(subject),
			"host":       knownvalue.StringExact(portalHost(env)),
		}
	}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		CheckDestroy:           env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(userAddr, identity(user.id)),
					statecheck.ExpectIdentityValueMatchesState(userAddr, tfjsonpath.New("room_id")),
					statecheck.ExpectIdentityValueMatchesStateAtPath(userAddr, tfjsonpath.New("subject_id"), tfjsonpath.New("user_id")),
					statecheck.ExpectIdentity(groupAddr, identity(group.id)),
					statecheck.ExpectIdentityValueMatchesStateAtPath(groupAddr, tfjsonpath.New("subject_id"), tfjsonpath.New("group_id")),
				},
			},
			{Config: config, ResourceName: userAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{Config: config, ResourceName: groupAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{Config: config, ResourceName: groupAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		},
	})
}

func TestAccIdentity_roomMemberOfAnotherPortal(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	user := memberSubjects(t, env)[2]
	room, err := env.Client.CreateRoom(context.Background(), roomRequest(acctest.RandomName("room"), docspace.RoomTypeCustom))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = env.Client.DeleteRoom(context.Background(), room.ID) })
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		Steps: []resource.TestStep{{
			Config: env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room_member" "user" {
  room_id = "%d"
  user_id = %q
  access  = "editor"
}

import {
  to       = docspace_room_member.user
  identity = { room_id = "%d", subject_id = %q, host = "elsewhere.example.com" }
}
`, room.ID, user.id, room.ID, user.id),
			ExpectError: regexp.MustCompile(`(?s)Identity of another portal.*elsewhere\.example\.com`),
		}},
	})
}

func TestAccIdentity_roomMembers(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	subjects := memberSubjects(t, env)
	admin, group := subjects[0], subjects[4]
	config := memberRoomConfig(env, acctest.RandomName("list"), membersList(userEntry(admin.id, "room_manager"), groupEntry(group.id, "editor")))
	const addr = "docspace_room_members.all"
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		CheckDestroy:           env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{
						"room_id": knownvalue.StringRegexp(regexpNumeric),
						"host":    knownvalue.StringExact(portalHost(env)),
					}),
					statecheck.ExpectIdentityValueMatchesState(addr, tfjsonpath.New("room_id")),
					statecheck.CompareValuePairs("docspace_room.room", tfjsonpath.New("id"), addr, tfjsonpath.New("room_id"), compare.ValuesSame()),
				},
			},
			{Config: config, ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{Config: config, ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		},
	})
}

func TestAccIdentity_group(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	accounts := env.Accounts(t, acctest.RoomAdmin, acctest.User)
	a, b := accounts[0].ID, accounts[1].ID
	config := groupConfig(env, acctest.RandomName("group"), a, a, b)
	const addr = "docspace_group.g"
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		CheckDestroy:           checkGroupGone(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{
						"id":   knownvalue.StringRegexp(regexpGUID),
						"host": knownvalue.StringExact(portalHost(env)),
					}),
					statecheck.ExpectIdentityValueMatchesState(addr, tfjsonpath.New("id")),
				},
				Check: func(s *terraform.State) error {
					id := s.RootModule().Resources[addr].Primary.ID
					if _, err := env.Client.GetGroup(t.Context(), id); err != nil {
						return fmt.Errorf("group %s of the identity is not on the portal: %w", id, err)
					}
					return nil
				},
			},
			{Config: config, ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{Config: config, ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		},
	})
}
