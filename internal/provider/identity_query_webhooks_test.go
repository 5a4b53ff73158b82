package provider_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// TestAccIdentity_webhook: a webhook's identity is its id and the portal's host. An import block, by
// identity or by id, adopts it; the portal never returns the secret, so the plan that imports it also sends
// the configured secret once, and the apply makes it the portal's.
func TestAccIdentity_webhook(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	config := func(secret string) string {
		return env.ProviderConfig() + webhookBlock(acctest.RandomName("hook"), recv.URL(), fmt.Sprintf(`
  triggers = ["form.submit"]
  secret   = %q`, secret))
	}
	first := config("Identity-secret-1")
	importSendsSecret := resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionUpdate)}}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		CheckDestroy:           checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: first,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(webhookAddr, map[string]knownvalue.Check{
						"id":   knownvalue.StringRegexp(regexpNumeric),
						"host": knownvalue.StringExact(portalHost(env)),
					}),
					statecheck.ExpectIdentityValueMatchesState(webhookAddr, tfjsonpath.New("id")),
				},
			},
			{Config: first, ResourceName: webhookAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
				ExpectNonEmptyPlan: true, ImportPlanChecks: importSendsSecret},
			{Config: first, ResourceName: webhookAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
				ExpectNonEmptyPlan: true, ImportPlanChecks: importSendsSecret},
			{Config: first, ResourceName: webhookAddr, ImportState: true, ImportStateKind: resource.ImportCommandWithID,
				ImportStateVerify: true, ImportStateVerifyIgnore: []string{"secret"}},
			{
				Config:        first,
				ResourceName:  webhookAddr,
				ImportState:   true,
				ImportStateId: "hook-1",
				ExpectError:   regexp.MustCompile(`(?s)Invalid import ID.*docspace_webhook list\s+resource`),
			},
		},
	})
}

// TestAccIdentity_importedWebhookGetsItsSecret adopts a webhook made outside Terraform with an import block:
// the apply that imports it sends the configured secret, and the portal then signs with it.
func TestAccIdentity_importedWebhookGetsItsSecret(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	name := acctest.RandomName("hook")
	made, err := env.Client.CreateWebhook(t.Context(), docspace.WebhookConfig{Name: name, URI: recv.URL(), Secret: "Made-by-hand-1",
		Enabled: true, Triggers: 1 << 22})
	if err != nil {
		t.Fatal(err)
	}
	config := env.ProviderConfig() + fmt.Sprintf(`
import {
  to = docspace_webhook.w
  id = %q
}
`, strconv.FormatInt(made.ID, 10)) + webhookBlock(name, recv.URL(), `
  triggers = ["room.created"]
  secret   = "Adopted-secret-2"`)
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_5_0)},
		CheckDestroy:           checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionUpdate)}},
			Check: func(s *terraform.State) error {
				h := portalWebhook(t, env, s)
				if h.ID != made.ID || h.Secret != "Adopted-secret-2" || len(env.Fake.Webhooks()) != 1 {
					return fmt.Errorf("portal webhooks %+v; want webhook %d alone, with the configured secret", env.Fake.Webhooks(), made.ID)
				}
				return nil
			},
		}},
	})
}

// TestAccQuery_webhooks lists the portal's webhooks, filtered by name, each named after the webhook and
// converted by the resource's fill, without a secret.
func TestAccQuery_webhooks(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	var ids []int64
	for i, name := range []string{"CRM intake", "crm sync", "Audit trail"} {
		h, err := env.Client.CreateWebhook(t.Context(), docspace.WebhookConfig{Name: name, URI: fmt.Sprintf("%s/%d", recv.URL(), i),
			Secret: "Listed-secret-1", Enabled: i != 1, Triggers: []int64{1 << 28, 0, 1<<22 | 1<<15}[i], TargetID: []string{"77", "", ""}[i]})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, h.ID)
	}
	identity := func(id int64) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{"id": knownvalue.StringExact(sid(id)), "host": knownvalue.StringExact(portalHost(env))}
	}
	byID := func(id int64) queryfilter.QueryFilter { return queryfilter.ByResourceIdentity(identity(id)) }
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsQuery,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig()},
			{
				Query: true,
				Config: listConfig("docspace_webhook", "crm", true, `name_contains = "CRM"`) +
					listConfig("docspace_webhook", "all", false),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("docspace_webhook.crm", 2),
					querycheck.ExpectLength("docspace_webhook.all", 3),
					querycheck.ExpectIdentity("docspace_webhook.all", identity(ids[2])),
					querycheck.ExpectResourceDisplayName("docspace_webhook.crm", byID(ids[0]), knownvalue.StringExact("CRM intake")),
					querycheck.ExpectResourceKnownValues("docspace_webhook.crm", byID(ids[0]), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("CRM intake")},
						{Path: tfjsonpath.New("uri"), KnownValue: knownvalue.StringExact(recv.URL() + "/0")},
						{Path: tfjsonpath.New("triggers"), KnownValue: knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("form.submit")})},
						{Path: tfjsonpath.New("target_id"), KnownValue: knownvalue.StringExact("77")},
						{Path: tfjsonpath.New("enabled"), KnownValue: knownvalue.Bool(true)},
						{Path: tfjsonpath.New("secret"), KnownValue: knownvalue.Null()},
					}),
					querycheck.ExpectResourceKnownValues("docspace_webhook.crm", byID(ids[1]), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("triggers"), KnownValue: knownvalue.Null()},
						{Path: tfjsonpath.New("enabled"), KnownValue: knownvalue.Bool(false)},
					}),
				},
			},
		},
	})
}
