package provider_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

const (
	routeWebhooks      = "GET /api/2.0/settings/webhook"
	routeWebhookCreate = "POST /api/2.0/settings/webhook"
	routeWebhookUpdate = "PUT /api/2.0/settings/webhook"
	routeWebhookEnable = "PUT /api/2.0/settings/webhook/enable"
	routeWebhookDelete = "DELETE /api/2.0/settings/webhook/{id}"
)

// TestAccWebhook_apiCallBudget pins how many API calls a webhook costs.
func TestAccWebhook_apiCallBudget(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	env.RequireFake(t, "counts the API calls per operation")
	name := "tfacc-budget"
	block := func(name, extra string) string {
		return env.ProviderConfig() + webhookBlock(name, recv.URL(), `
  triggers = ["room.created"]
  secret   = "Budget-secret-1"`+extra)
	}
	reset := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{resetCounts{env.Fake}}}
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{
				// Create: 1 read of the key's user (which triggers may it use? once per provider process), 1
				// listing of the webhooks (the duplicate (name, uri) check, which also finds the marked webhooks of
				// unfinished creations), 1 POST under the creation marker and 1 PUT that gives the webhook its name
				// and configuration. The portal asks the receiver twice.
				Config:           block(name, ""),
				ConfigPlanChecks: reset,
				Check: expectCounts(t, env.Fake, "create", map[string]int{
					routeSelf: 1, routeWebhooks: 1, routeWebhookCreate: 1, routeWebhookUpdate: 1}),
			},
			{
				// Refresh: 1 listing (there is no read by id).
				PreConfig:    env.Fake.ResetCounts,
				RefreshState: true,
				Check:        expectCounts(t, env.Fake, "refresh", map[string]int{routeWebhooks: 1}),
			},
			{
				// Rename: 1 PUT of the whole configuration, without the secret; 1 read of the key's user.
				Config:           block(name+"-2", ""),
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "update", map[string]int{routeSelf: 1, routeWebhookUpdate: 1}),
			},
			{
				// Disable: 1 PUT of the enable switch, which does not ask the receiver.
				Config:           block(name+"-2", "\n  enabled = false"),
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "disable", map[string]int{routeSelf: 1, routeWebhookEnable: 1}),
			},
			{
				// Enable: the same switch, which asks the receiver with the stored configuration.
				Config:           block(name+"-2", ""),
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "enable", map[string]int{routeSelf: 1, routeWebhookEnable: 1}),
			},
			{
				// Destroy: 1 DELETE.
				Config:           env.ProviderConfig(),
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "destroy", map[string]int{routeWebhookDelete: 1}),
			},
		},
	})
}
