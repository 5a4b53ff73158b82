package provider_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
)

// TestAccWebhookDataSource_deliveryStatus reads a webhook by id and by name with what its deliveries did:
// nothing yet, a success, then a failure with the receiver's answer. The resource shows none of it, so its
// plans stay empty while deliveries change the portal's record. Names that no or several webhooks carry
// are errors naming the candidates.
func TestAccWebhookDataSource_deliveryStatus(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	name := acctest.RandomName("hook")
	hooks := env.ProviderConfig() + webhookBlock(name, recv.URL(), `
  triggers = ["room.created"]
  secret   = "Monitor-secret-1"`) + fmt.Sprintf(`
resource "docspace_webhook" "twin" {
  name   = %q
  uri    = %q
  ssl    = false
  secret = "Monitor-secret-2"
  # Every event of one object no event is about: this webhook never receives anything.
  target_id = "999999"
}
`, name, recv.URL()+"/twin")
	byID := hooks + `
data "docspace_webhook" "d" {
  id = docspace_webhook.w.id
}
`
	const ds = "data.docspace_webhook.d"
	event := func(status int, answer string) func() {
		return func() {
			recv.set(func(r *testReceiver) { r.postStatus, r.postAnswer = status, answer })
			outOfBandRoom(t, env, acctest.RandomName("event"))
			env.Fake.WaitWebhookDeliveries()
		}
	}
	value := func(attr string, check knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(ds, tfjsonpath.New(attr), check)
	}
	notNull := knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d`))
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: byID,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(ds, tfjsonpath.New("id"), webhookAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					value("name", knownvalue.StringExact(name)),
					value("uri", knownvalue.StringExact(recv.URL())),
					value("enabled", knownvalue.Bool(true)),
					value("ssl", knownvalue.Bool(false)),
					value("triggers", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("room.created")})),
					value("target_id", knownvalue.Null()),
					value("owner_id", knownvalue.StringExact(env.Self(t).ID)),
					value("created_on", notNull),
					value("status", knownvalue.Int64Exact(0)),
					value("last_success_on", knownvalue.Null()),
					value("last_failure_on", knownvalue.Null()),
					value("last_failure_content", knownvalue.Null()),
				},
			},
			{
				PreConfig: event(http.StatusOK, ""),
				Config:    byID,
				ConfigStateChecks: []statecheck.StateCheck{
					value("status", knownvalue.Int64Exact(200)),
					value("last_success_on", notNull),
					value("last_failure_on", knownvalue.Null()),
				},
			},
			{
				PreConfig: event(http.StatusServiceUnavailable, "queue full, try later"),
				Config:    byID,
				ConfigStateChecks: []statecheck.StateCheck{
					value("status", knownvalue.Int64Exact(503)),
					value("last_success_on", notNull),
					value("last_failure_on", notNull),
					value("last_failure_content", knownvalue.StringExact("queue full, try later")),
					// Failing for minutes, not three days: still enabled.
					value("enabled", knownvalue.Bool(true)),
				},
			},
			{
				Config: hooks + fmt.Sprintf(`
data "docspace_webhook" "d" {
  name = %q
}
`, name),
				ExpectError: regexp.MustCompile(`(?s)Several webhooks have this name.*look\s+the\s+webhook\s+up\s+by\s+id`),
			},
			{
				Config: hooks + fmt.Sprintf(`
data "docspace_webhook" "d" {
  name = %q
}
`, strings.ToUpper(name)),
				ExpectError: regexp.MustCompile(`(?s)No such webhook.*differ\s+only\s+in\s+letter\s+case`),
			},
			{
				Config: hooks + `
data "docspace_webhook" "d" {
  id = "987654"
}
`,
				ExpectError: regexp.MustCompile(`(?s)No webhook with the id\s+987654`),
			},
		},
	})
}

// TestAccWebhookDataSource_byName reads the one webhook of a name, in one API call.
func TestAccWebhookDataSource_byName(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	env.RequireFake(t, "counts the API calls of a data source read")
	name := acctest.RandomName("hook")
	hook := env.ProviderConfig() + webhookBlock(name, recv.URL(), `
  target_id = "4242"
  secret    = "Monitor-secret-1"`)
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{Config: hook},
			{
				PreConfig: env.Fake.ResetCounts,
				Config: hook + fmt.Sprintf(`
data "docspace_webhook" "d" {
  name = %q
}
`, name),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs("data.docspace_webhook.d", tfjsonpath.New("id"), webhookAddr, tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.docspace_webhook.d", tfjsonpath.New("target_id"), knownvalue.StringExact("4242")),
					// Every event: null, as in the resource.
					statecheck.ExpectKnownValue("data.docspace_webhook.d", tfjsonpath.New("triggers"), knownvalue.Null()),
				},
				// The refresh of the resource and the data source's read: one listing each.
				Check: expectCounts(t, env.Fake, "refresh and read by name", map[string]int{routeWebhooks: 2}),
			},
		},
	})
}
