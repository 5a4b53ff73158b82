package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// memberRoomConfig is a custom room, docspace_room.room, and members, blocks that give access to it.
func memberRoomConfig(env *acctest.Env, title, members string) string {
	return env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "room" {
  title     = %q
  room_type = "custom"
}
`, title) + members
}

// roomID reads the id of docspace_room.room from the fake's only room.
func onlyRoom(env *acctest.Env) int64 {
	ids := env.Fake.RoomIDs()
	if len(ids) != 1 {
		panic(fmt.Sprintf("want one room, have %v", ids))
	}
	return ids[0]
}

func TestAccRoomMember_driftOutsideTerraform(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "blocks a member's account out of band")
	subjects := memberSubjects(t, env)
	admin, user, group := subjects[0], subjects[2], subjects[4]
	title := acctest.RandomName("drift")
	all := memberBlock("admin", "docspace_room.room.id", admin, "editor") +
		memberBlock("user", "docspace_room.room.id", user, "viewer") +
		memberBlock("group", "docspace_room.room.id", group, "viewer")
	withoutGroup := memberBlock("admin", "docspace_room.room.id", admin, "editor") +
		memberBlock("user", "docspace_room.room.id", user, "viewer")
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{Config: memberRoomConfig(env, title, all)},
			{
				// Removed and re-roled in DocSpace: the plan adds the one and changes the other back.
				PreConfig: func() {
					room := onlyRoom(env)
					env.Fake.SetShare(room, admin.id, 0)
					env.Fake.SetShare(room, user.id, 6)
				},
				Config: memberRoomConfig(env, title, all),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_room_member.admin", plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("docspace_room_member.user", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("docspace_room_member.group", plancheck.ResourceActionNoop),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkShare(env, "docspace_room.room", admin.id, 10),
					checkShare(env, "docspace_room.room", user.id, 2),
				),
			},
			{
				// Deleting a group removes its access everywhere: the member leaves the state, and adding it
				// again fails with the reason.
				PreConfig: func() { env.Fake.DeleteGroupNow(group.id) },
				Config:    memberRoomConfig(env, title, all),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_room_member.group", plancheck.ResourceActionCreate),
				}},
				ExpectError: ruleRegexp(`does not exist; the portal silently ignores grants to deleted groups`),
			},
			{Config: memberRoomConfig(env, title, withoutGroup)},
			{
				// A terminated user keeps the record: no diff, but no change is possible either.
				PreConfig: func() { env.Fake.TerminateUser(user.id) },
				Config:    memberRoomConfig(env, title, withoutGroup),
				PlanOnly:  true,
			},
			{
				Config: memberRoomConfig(env, title, memberBlock("admin", "docspace_room.room.id", admin, "editor")+
					memberBlock("user", "docspace_room.room.id", user, "editor")),
				ExpectError: ruleRegexp(`is terminated, and the portal silently ignores access changes`),
			},
			{
				// Destroying the member warns that the portal keeps the terminated user's record.
				Config: memberRoomConfig(env, title, memberBlock("admin", "docspace_room.room.id", admin, "editor")),
				Check:  checkShare(env, "docspace_room.room", user.id, 2),
			},
			{
				// The room itself deleted in DocSpace: the member leaves the state with it.
				PreConfig: func() { env.Fake.DeleteRoomNow(onlyRoom(env)) },
				Config:    memberRoomConfig(env, title, memberBlock("admin", "docspace_room.room.id", admin, "editor")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_room.room", plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("docspace_room_member.admin", plancheck.ResourceActionCreate),
				}},
				Check: checkShare(env, "docspace_room.room", admin.id, 10),
			},
		},
	})
}

// TestAccRoomMember_apiCallBudget pins the calls per operation: a grant is one PUT after looking up the
// room and the subject; a refresh is one GET of the member list per page of 100. Terraform plans once
// more while applying, and that plan reads the room to check the rules; an update takes the room from
// it, a create (which gets no data from its plan) reads it again.
func TestAccRoomMember_apiCallBudget(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "counts the API calls per operation")
	subjects := memberSubjects(t, env)
	title := acctest.RandomName("budget")
	const (
		routeShare     = "PUT /api/2.0/files/rooms/{id}/share"
		routeShareList = "GET /api/2.0/files/rooms/{id}/share"
		routeUser      = "GET /api/2.0/people/{id}"
		routeGroup     = "GET /api/2.0/group/{id}"
	)
	reset := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{resetCounts{env.Fake}}}
	user := func(access string) string {
		return memberRoomConfig(env, title, memberBlock("m", "docspace_room.room.id", subjects[2], access))
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{Config: memberRoomConfig(env, title, "")},
			{
				Config:           user("viewer"),
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "grant", map[string]int{routeRoom: 2, routeUser: 1, routeShare: 1}),
			},
			{
				PreConfig:    env.Fake.ResetCounts,
				RefreshState: true,
				Check:        expectCounts(t, env.Fake, "refresh (room and member)", map[string]int{routeRoom: 1, routeShareList: 1}),
			},
			{
				Config:           user("editor"),
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "change", map[string]int{routeRoom: 1, routeUser: 1, routeShare: 1}),
			},
			{
				// 150 other members: the list has 152 entries with the owner's, read in two pages.
				PreConfig: func() {
					room := onlyRoom(env)
					for i := range 150 {
						env.Fake.SetShare(room, env.Fake.AddUser(fmt.Sprintf("Other %d", i), fmt.Sprintf("o%d@portal.example", i), fakeportal.TypeUser), 2)
					}
					env.Fake.ResetCounts()
				},
				RefreshState: true,
				Check:        expectCounts(t, env.Fake, "refresh of a large room", map[string]int{routeRoom: 1, routeShareList: 2}),
			},
			{
				Config:           memberRoomConfig(env, title, memberBlock("g", "docspace_room.room.id", subjects[4], "viewer")),
				ConfigPlanChecks: reset,
				Check: expectCounts(t, env.Fake, "revoke one, grant a group", map[string]int{
					routeRoom: 2, routeGroup: 1, routeShare: 2}),
			},
			{
				Config:           memberRoomConfig(env, title, ""),
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "revoke", map[string]int{routeShare: 1}),
			},
		},
	})
}
