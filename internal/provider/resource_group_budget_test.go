package provider_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// TestAccGroup_apiCallBudget pins how many API calls a group costs.
func TestAccGroup_apiCallBudget(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "counts the API calls per operation")
	a := env.Fake.AddUser("Ann Able", "ann@portal.example", fakeportal.TypeRoomAdmin)
	b := env.Fake.AddUser("Bob Best", "bob@portal.example", fakeportal.TypeUser)
	name := acctest.RandomName("group")
	const (
		routeGroups      = "POST /api/2.0/group"
		routeGroupList   = "GET /api/2.0/group"
		routeGroupRead   = "GET /api/2.0/group/{id}"
		routeGroupUpdate = "PUT /api/2.0/group/{id}"
	)
	env.Run(t, resource.TestCase{
		CheckDestroy: checkGroupGone(env),
		Steps: []resource.TestStep{
			{
				// Create: 1 POST under the creation marker, 1 PUT that gives the group its name and answers with
				// the whole group, and 1 listing of unfinished creations (names containing "tf-pending-"),
				// made once per provider process. Without the creation protocol it was the POST alone.
				Config:           groupConfig(env, name, a, a, b),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{resetCounts{env.Fake}}},
				Check:            expectCounts(t, env.Fake, "create", map[string]int{routeGroups: 1, routeGroupUpdate: 1, routeGroupList: 1}),
			},
			{
				// Refresh: 1 GET.
				PreConfig:    env.Fake.ResetCounts,
				RefreshState: true,
				Check:        expectCounts(t, env.Fake, "refresh", map[string]int{routeGroupRead: 1}),
			},
		},
	})
}
