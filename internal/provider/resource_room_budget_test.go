package provider_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// resetCounts is a pre-apply plan check that zeroes the fake's counters once Terraform has planned, so the
// step's Check sees only what applying the saved plan did.
type resetCounts struct{ fake *fakeportal.Portal }

func (c resetCounts) CheckPlan(context.Context, plancheck.CheckPlanRequest, *plancheck.CheckPlanResponse) {
	c.fake.ResetCounts()
}

// expectCounts compares the fake's counters with want exactly; unlisted routes must not have been called,
// except the polls, whose number depends on timing.
func expectCounts(t *testing.T, fake *fakeportal.Portal, op string, want map[string]int, polls ...string) func(*terraform.State) error {
	return func(*terraform.State) error {
		got := fake.Counts()
		t.Logf("API calls for %s: %v", op, got)
		for route, n := range got {
			if slices.Contains(polls, route) {
				continue
			}
			if want[route] != n {
				return fmt.Errorf("%s: %s called %d times, want %d (all calls: %v)", op, route, n, want[route], got)
			}
		}
		for route, n := range want {
			if got[route] != n {
				return fmt.Errorf("%s: %s called %d times, want %d (all calls: %v)", op, route, got[route], n, got)
			}
		}
		return nil
	}
}

const (
	routeRooms   = "POST /api/2.0/files/rooms"
	routeList    = "GET /api/2.0/files/rooms"
	routeRoom    = "GET /api/2.0/files/rooms/{id}"
	routeUpdate  = "PUT /api/2.0/files/rooms/{id}"
	routeDelete  = "DELETE /api/2.0/files/rooms/{id}"
	routeFileOps = "GET /api/2.0/files/fileops"
	routeSelf    = "GET /api/2.0/people/@self"
)

// TestAccRoom_apiCallBudget pins how many API calls each operation costs.
func TestAccRoom_apiCallBudget(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "counts the API calls per operation")
	title := acctest.RandomName("room")
	reset := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{resetCounts{env.Fake}}}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				// Create: 1 POST under the creation marker, 1 PUT that gives the room its title and answers with
				// the whole room (the POST's answer lacks the quota), 2 listings of unfinished creations (by
				// the text search, and the newest rooms, which a lagging search index may not know yet) and 1
				// read of the key's user (may its type create rooms? api-notes.md §35), each made once per
				// provider process.
				Config: roomConfig(env, fmt.Sprintf(`
  title     = %q
  room_type = "custom"
  tags      = ["a"]`, title)),
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "create", map[string]int{routeRooms: 1, routeUpdate: 1, routeList: 2, routeSelf: 1}),
			},
			{
				// Refresh: 1 GET.
				PreConfig:    env.Fake.ResetCounts,
				RefreshState: true,
				Check:        expectCounts(t, env.Fake, "refresh", map[string]int{routeRoom: 1}),
			},
			{
				// Update: 1 PUT, whose answer is the updated room.
				Config: roomConfig(env, fmt.Sprintf(`
  title     = "%s 2"
  room_type = "custom"
  tags      = ["b"]`, title)),
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "update", map[string]int{routeUpdate: 1}),
			},
			{
				// Delete: 1 DELETE, then reads of the room until it answers 404, and of the file operations
				// while it does not.
				Config:           env.ProviderConfig(),
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "delete", map[string]int{routeDelete: 1}, routeRoom, routeFileOps),
			},
		},
	})
}

// TestAccRoomLink_apiCallBudget pins the cost of a link: one PUT to create it, and one read of its room
// by the plan Terraform makes again while applying (may the key manage the room? api-notes.md §34); one
// GET to refresh it.
func TestAccRoomLink_apiCallBudget(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "counts the API calls per operation")
	title := acctest.RandomName("links")
	room := linkRoomConfig(env, "custom", title, "")
	withLink := linkRoomConfig(env, "custom", title, externalLink(`
  password = "Budget-secret-1"`))
	reset := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{resetCounts{env.Fake}}}
	const (
		routeLinks    = "PUT /api/2.0/files/rooms/{id}/links"
		routeLinkList = "GET /api/2.0/files/rooms/{id}/links"
	)
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{Config: room},
			{
				Config:           withLink,
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "link create", map[string]int{routeLinks: 1, routeRoom: 1}),
			},
			{
				PreConfig:    env.Fake.ResetCounts,
				RefreshState: true,
				Check:        expectCounts(t, env.Fake, "refresh (room and link)", map[string]int{routeRoom: 1, routeLinkList: 1}),
			},
			{
				Config:           room,
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "link delete", map[string]int{routeLinks: 1}),
			},
		},
	})
}
