package provider_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// membersList writes a docspace_room_members block for docspace_room.room; entries are the lines of its
// list of members.
func membersList(entries ...string) string {
	members := fmt.Sprintf(`[%s
  ]`, strings.Join(entries, ""))
	if len(entries) == 0 {
		members = "[]"
	}
	return fmt.Sprintf(`
resource "docspace_room_members" "all" {
  room_id = docspace_room.room.id
  members = %s
}
`, members)
}

func userEntry(id, access string) string {
	return fmt.Sprintf(`
    { user_id = %q, access = %q },`, id, access)
}

func groupEntry(id, access string) string {
	return fmt.Sprintf(`
    { group_id = %q, access = %q },`, id, access)
}

func TestAccRoomMembers_authoritativeList(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	subjects := memberSubjects(t, env)
	admin, roomAdmin, user, group := subjects[0], subjects[1], subjects[2], subjects[4]
	owner := env.Self(t).ID
	title := acctest.RandomName("list")
	var roomID int64
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				Config: memberRoomConfig(env, title, membersList(userEntry(admin.id, "room_manager"), userEntry(user.id, "viewer"), groupEntry(group.id, "editor"))),
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CaptureRoomID("docspace_room.room", &roomID),
					resource.TestCheckResourceAttr("docspace_room_members.all", "members.#", "3"),
					checkShare(env, "docspace_room.room", admin.id, 9),
					checkShare(env, "docspace_room.room", group.id, 10),
				),
			},
			{
				// The owner's entry, first in the portal's list, is no member: nothing to change.
				Config:   memberRoomConfig(env, title, membersList(userEntry(admin.id, "room_manager"), userEntry(user.id, "viewer"), groupEntry(group.id, "editor"))),
				PlanOnly: true,
			},
			{
				// Someone adds a member in DocSpace: the next apply removes it, and never the owner.
				PreConfig: func() { env.SetMember(t, roomID, roomAdmin.id, docspace.FileShareContentCreator) },
				Config:    memberRoomConfig(env, title, membersList(userEntry(admin.id, "room_manager"), userEntry(user.id, "viewer"), groupEntry(group.id, "editor"))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_room_members.all", plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkShare(env, "docspace_room.room", roomAdmin.id, 0),
					checkShare(env, "docspace_room.room", admin.id, 9),
				),
			},
			{
				// Change one role, drop one member, add one.
				Config: memberRoomConfig(env, title, membersList(userEntry(admin.id, "editor"), groupEntry(group.id, "editor"), userEntry(roomAdmin.id, "content_creator"))),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkShare(env, "docspace_room.room", admin.id, 10),
					checkShare(env, "docspace_room.room", user.id, 0),
					checkShare(env, "docspace_room.room", roomAdmin.id, 11),
				),
			},
			{ResourceName: "docspace_room_members.all", ImportState: true, ImportStateVerify: true},
			{
				// The owner cannot be listed.
				Config:      memberRoomConfig(env, title, membersList(userEntry(owner, "room_manager"), userEntry(admin.id, "editor"))),
				ExpectError: ruleRegexp(`owns room \d+: the room's owner always has full access`),
			},
			{
				// A broken rule changes nothing, even for the valid entries before it.
				Config: memberRoomConfig(env, title, membersList(userEntry(admin.id, "viewer"), userEntry(user.id, "room_manager"),
					groupEntry(group.id, "editor"), userEntry(roomAdmin.id, "content_creator"))),
				ExpectError: ruleRegexp(`users of type "user" and guests can never be room managers`),
			},
			{
				PlanOnly: true,
				Config:   memberRoomConfig(env, title, membersList(userEntry(admin.id, "editor"), groupEntry(group.id, "editor"), userEntry(roomAdmin.id, "content_creator"))),
				Check:    checkShare(env, "docspace_room.room", admin.id, 10),
			},
			{
				// An empty list removes every member; the owner stays.
				Config: memberRoomConfig(env, title, membersList()),
				Check:  checkNoMembers(env, "docspace_room.room"),
			},
			{
				Config:      memberRoomConfig(env, title, membersList(groupEntry(group.id, "room_manager"))),
				ExpectError: ruleRegexp(`groups can never be room managers`),
			},
			{
				Config: memberRoomConfig(env, title, membersList(userEntry(user.id, "viewer"))),
				Check:  checkShare(env, "docspace_room.room", user.id, 2),
			},
			{
				// Destroying the list removes its members and leaves the room.
				Config: memberRoomConfig(env, title, ""),
				Check:  checkNoMembers(env, "docspace_room.room"),
			},
		},
	})
}

func TestAccRoomMembers_mixWithRoomMemberIsRefused(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	subjects := memberSubjects(t, env)
	title := acctest.RandomName("mix")
	list := membersList(userEntry(subjects[0].id, "editor"))
	single := memberBlock("single", "docspace_room.room.id", subjects[2], "viewer")
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{Config: memberRoomConfig(env, title, "")},
			{
				// Whichever of the two plans second names the conflict; nothing is applied.
				Config:      memberRoomConfig(env, title, list+single),
				ExpectError: ruleRegexp(`Both a docspace_room_members resource and a docspace_room_member resource manage the members of room`),
			},
			{Config: memberRoomConfig(env, title, ""), Check: checkNoMembers(env, "docspace_room.room")},
			// Each alone is fine, one after the other.
			{Config: memberRoomConfig(env, title, single), Check: checkShare(env, "docspace_room.room", subjects[2].id, 2)},
			{Config: memberRoomConfig(env, title, list), Check: checkShare(env, "docspace_room.room", subjects[2].id, 0)},
		},
	})
}
