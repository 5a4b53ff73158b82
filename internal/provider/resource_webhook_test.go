package provider_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

const webhookAddr = "docspace_webhook.w"

// webhookReceiverVariable names, for runs against a real portal, a receiver the portal can reach that
// answers HEAD requests with 200 (deliveries to it may fail: the tests that run there check none).
const webhookReceiverVariable = "DOCSPACE_TEST_WEBHOOK_URL"

// testReceiver is a webhook receiver on 127.0.0.1. It answers HEAD with headStatus and POST with
// postStatus and the text postAnswer, records every delivery, and while down drops every connection unanswered, as an unreachable
// receiver does.
type testReceiver struct {
	server *httptest.Server

	mu         sync.Mutex
	headStatus int
	postStatus int
	postAnswer string
	down       bool
	// headAnswers, while not empty, answer the next HEAD requests in turn instead of headStatus: a status,
	// or 0 to go down.
	headAnswers []int
	heads       int
	deliveries  []delivery
}

// delivery is an event the receiver got: the signature header and the body.
type delivery struct {
	signature string
	body      []byte
}

func newTestReceiver(t *testing.T) *testReceiver {
	t.Helper()
	r := &testReceiver{headStatus: http.StatusOK, postStatus: http.StatusOK}
	r.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		down, head, post, answer := r.down, r.headStatus, r.postStatus, r.postAnswer
		if req.Method == http.MethodHead && len(r.headAnswers) > 0 {
			head, r.headAnswers = r.headAnswers[0], r.headAnswers[1:]
			// Down stays down: a client retries a HEAD whose reused connection was dropped.
			r.down = r.down || head == 0
			down = r.down
		}
		r.mu.Unlock()
		if down {
			if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
				_ = conn.Close()
			}
			return
		}
		if req.Method == http.MethodHead {
			r.mu.Lock()
			r.heads++
			r.mu.Unlock()
			w.WriteHeader(head)
			return
		}
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.deliveries = append(r.deliveries, delivery{signature: req.Header.Get(fakeportal.WebhookSignatureHeader), body: body})
		r.mu.Unlock()
		w.WriteHeader(post)
		_, _ = io.WriteString(w, answer)
	}))
	t.Cleanup(r.server.Close)
	return r
}

func (r *testReceiver) URL() string { return r.server.URL + "/hooks/docspace" }

func (r *testReceiver) set(f func(r *testReceiver)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(r)
}

func (r *testReceiver) received() []delivery {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]delivery(nil), r.deliveries...)
}

// webhookEnv is the portal of a webhook test that runs its receiver on 127.0.0.1: the fake, which lets
// loopback receivers in (a real portal cannot reach the test's machine).
func webhookEnv(t *testing.T) (*acctest.Env, *testReceiver) {
	t.Helper()
	env := acctest.New(t, fakeportal.Options{AllowLoopbackWebhooks: true})
	env.RequireFake(t, "runs the webhook receiver on 127.0.0.1, which a real portal cannot reach")
	return env, newTestReceiver(t)
}

// receiverURL is a receiver the portal of env can reach: the test's own on the fake, the one
// DOCSPACE_TEST_WEBHOOK_URL names on a real portal (the test is skipped without it).
func receiverURL(t *testing.T, env *acctest.Env) string {
	t.Helper()
	if env.Fake != nil {
		return newTestReceiver(t).URL()
	}
	u := os.Getenv(webhookReceiverVariable)
	if u == "" {
		t.Skipf("against a real portal this test needs a webhook receiver the portal can reach: set %s to a URL that answers HEAD with 200", webhookReceiverVariable)
	}
	return u
}

// sslFor is the ssl line a receiver URL needs: plain http receivers need ssl = false.
func sslFor(uri string) string {
	if strings.HasPrefix(uri, "http://") {
		return "\n  ssl = false"
	}
	return ""
}

// webhookBlock is the docspace_webhook "w" with name and uri; extra are more lines of its block.
func webhookBlock(name, uri, extra string) string {
	return fmt.Sprintf(`
resource "docspace_webhook" "w" {
  name = %q
  uri  = %q%s%s
}
`, name, uri, sslFor(uri), moreLines(extra))
}

// portalWebhook reads the webhook at webhookAddr from the portal, as a test sees it on the fake (secret
// included).
func portalWebhook(t *testing.T, env *acctest.Env, s *terraform.State) fakeportal.WebhookRecord {
	t.Helper()
	addr := webhookAddr
	id, err := strconv.ParseInt(s.RootModule().Resources[addr].Primary.ID, 10, 64)
	if err != nil {
		t.Fatalf("%s: %v", addr, err)
	}
	for _, h := range env.Fake.Webhooks() {
		if h.ID == id {
			return h
		}
	}
	t.Fatalf("webhook %d of %s is not on the portal", id, addr)
	return fakeportal.WebhookRecord{}
}

// checkWebhooksDestroyed confirms that no webhook of the final state is left on the portal, and on the fake
// that none is left at all (no orphan, no marked leftover).
func checkWebhooksDestroyed(env *acctest.Env) func(*terraform.State) error {
	return func(s *terraform.State) error {
		all, err := env.Client.ListWebhooks(context.Background())
		if err != nil {
			return err
		}
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "docspace_webhook" {
				continue
			}
			for _, h := range all {
				if strconv.FormatInt(h.ID, 10) == rs.Primary.ID {
					return fmt.Errorf("webhook %d (%q) still exists after destroy", h.ID, h.Name)
				}
			}
		}
		if env.Fake != nil && len(all) > 0 {
			return fmt.Errorf("the fake portal still holds webhooks after destroy: %+v", all)
		}
		return nil
	}
}

// TestAccWebhook_lifecycle creates a webhook with a write-only secret, imports it, changes its name,
// triggers and target, rotates the secret by its version, spells "every event" both ways, disables and
// enables it.
func TestAccWebhook_lifecycle(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	name := acctest.RandomName("hook")
	secret := func(value string, version int) string {
		return fmt.Sprintf("secret_wo = %q\n  secret_wo_version = %d", value, version)
	}
	expectUpdate := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionUpdate)}}
	portal := func(check func(h fakeportal.WebhookRecord) error) func(*terraform.State) error {
		return func(s *terraform.State) error { return check(portalWebhook(t, env, s)) }
	}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		CheckDestroy:           checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: env.ProviderConfig() + webhookBlock(name, recv.URL(), `
  triggers = ["room.created", "form.submit"]
  `+secret("First-secret-1", 1)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("triggers"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("room.created"), knownvalue.StringExact("form.submit")})),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("ssl"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("target_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("secret"), knownvalue.Null()),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("secret_wo"), knownvalue.Null()),
				},
				Check: portal(func(h fakeportal.WebhookRecord) error {
					want := int64(1<<22 | 1<<28)
					if h.Name != name || h.URI != recv.URL() || !h.Enabled || h.SSL || h.Triggers != want || h.Secret != "First-secret-1" {
						return fmt.Errorf("portal webhook %+v; want name %q, enabled, triggers %d, the first secret", h, name, want)
					}
					return nil
				}),
			},
			{
				// The portal never returns the secret, and the version lives only in the configuration.
				ResourceName: webhookAddr, ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"secret_wo_version"},
			},
			{
				// Name, triggers and target change; the secret is not sent again, so the portal keeps it.
				Config: env.ProviderConfig() + webhookBlock(name+"-renamed", recv.URL(), `
  triggers  = ["folder.created"]
  target_id = "4242"
  `+secret("First-secret-1", 1)),
				ConfigPlanChecks: expectUpdate,
				Check: portal(func(h fakeportal.WebhookRecord) error {
					if h.Name != name+"-renamed" || h.Triggers != 1<<15 || h.TargetID != "4242" || h.Secret != "First-secret-1" || !h.Enabled {
						return fmt.Errorf("portal webhook %+v after the update", h)
					}
					return nil
				}),
			},
			{
				// A new value without a new version is not sent: nothing to plan.
				Config: env.ProviderConfig() + webhookBlock(name+"-renamed", recv.URL(), `
  triggers  = ["folder.created"]
  target_id = "4242"
  `+secret("Ignored-secret-2", 1)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: portal(func(h fakeportal.WebhookRecord) error {
					if h.Secret != "First-secret-1" {
						return fmt.Errorf("the secret changed without a new version")
					}
					return nil
				}),
			},
			{
				// A new version sends the secret.
				Config: env.ProviderConfig() + webhookBlock(name+"-renamed", recv.URL(), `
  triggers  = ["folder.created"]
  target_id = "4242"
  `+secret("Second-secret-2", 2)),
				ConfigPlanChecks: expectUpdate,
				Check: portal(func(h fakeportal.WebhookRecord) error {
					if h.Secret != "Second-secret-2" || h.Name != name+"-renamed" {
						return fmt.Errorf("portal webhook %+v after rotating the secret", h)
					}
					return nil
				}),
			},
			{
				// Every event, spelled by leaving triggers out: the portal stores 0, and the plan stays empty.
				Config:           env.ProviderConfig() + webhookBlock(name, recv.URL(), secret("Second-secret-2", 2)),
				ConfigPlanChecks: expectUpdate,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("triggers"), knownvalue.Null()),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("target_id"), knownvalue.Null()),
				},
				Check: portal(func(h fakeportal.WebhookRecord) error {
					if h.Triggers != 0 || h.TargetID != "" {
						return fmt.Errorf("portal webhook %+v; want every event of every object", h)
					}
					return nil
				}),
			},
			{
				// The other spelling, an empty set, is the same to the portal: no change to apply, and none after.
				Config: env.ProviderConfig() + webhookBlock(name, recv.URL(), `
  triggers = []
  `+secret("Second-secret-2", 2)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("triggers"), knownvalue.SetExact([]knownvalue.Check{})),
				},
			},
			{
				Config: env.ProviderConfig() + webhookBlock(name, recv.URL(), `
  enabled = false
  `+secret("Second-secret-2", 2)),
				ConfigPlanChecks: expectUpdate,
				Check: portal(func(h fakeportal.WebhookRecord) error {
					if h.Enabled {
						return fmt.Errorf("the webhook is still enabled")
					}
					return nil
				}),
			},
			{
				Config:           env.ProviderConfig() + webhookBlock(name, recv.URL(), secret("Second-secret-2", 2)),
				ConfigPlanChecks: expectUpdate,
				Check: portal(func(h fakeportal.WebhookRecord) error {
					if !h.Enabled {
						return fmt.Errorf("the webhook was not enabled again")
					}
					return nil
				}),
			},
		},
	})
}

// TestAccWebhook_plainSecret: the sensitive secret stored in the state, for Terraform before 1.11, is sent
// on create and again whenever it changes; an import cannot read it back.
func TestAccWebhook_plainSecret(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	name := acctest.RandomName("hook")
	config := func(secret string) string {
		return env.ProviderConfig() + webhookBlock(name, recv.URL(), fmt.Sprintf(`
  triggers = ["room.updated"]
  secret   = %q`, secret))
	}
	secretIs := func(want string) func(*terraform.State) error {
		return func(s *terraform.State) error {
			if got := portalWebhook(t, env, s).Secret; got != want {
				return fmt.Errorf("the portal's secret is not the configured one")
			}
			return nil
		}
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: config("Plain-secret-1"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectSensitiveValue(webhookAddr, tfjsonpath.New("secret")),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("secret"), knownvalue.StringExact("Plain-secret-1")),
				},
				Check: secretIs("Plain-secret-1"),
			},
			{ResourceName: webhookAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"secret"}},
			{
				Config:           config("Plain-secret-2"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionUpdate)}},
				Check:            secretIs("Plain-secret-2"),
			},
		},
	})
}

// TestAccWebhook_lifecycleOnAnyPortal is the lifecycle that a real portal can run too, with a receiver it
// reaches: create, import, rename, destroy.
func TestAccWebhook_lifecycleOnAnyPortal(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{AllowLoopbackWebhooks: true})
	uri := receiverURL(t, env)
	name := acctest.RandomName("hook")
	config := func(name string) string {
		return env.ProviderConfig() + webhookBlock(name, uri, `
  triggers = ["room.archived"]
  secret   = "Any-portal-secret-1"`)
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: config(name),
				Check: func(s *terraform.State) error {
					id, _ := strconv.ParseInt(s.RootModule().Resources[webhookAddr].Primary.ID, 10, 64)
					h, err := env.Client.GetWebhook(t.Context(), id)
					if err != nil {
						return err
					}
					if h.Name != name || h.URI != uri || !h.Enabled || h.Triggers != 1<<24 {
						return fmt.Errorf("portal webhook %+v", h)
					}
					return nil
				},
			},
			{ResourceName: webhookAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"secret"}},
			{
				Config:            config(name + "-2"),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-2"))},
			},
		},
	})
}

// TestAccWebhook_disabledByServer: the portal disables a webhook whose deliveries have failed for more than
// three days. The refresh shows it with a warning, and the next apply enables it again.
func TestAccWebhook_disabledByServer(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	warnings := env.RecordWarnings()
	config := env.ProviderConfig() + webhookBlock(acctest.RandomName("hook"), recv.URL(), `
  secret = "Drift-secret-1"`)
	var id int64
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{Config: config, Check: env.CaptureRoomID(webhookAddr, &id)},
			{
				PreConfig: func() {
					warnings.Reset()
					if !env.Fake.WebhookFailingForDays(id, 4) {
						t.Fatalf("webhook %d is not on the fake", id)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("enabled"), knownvalue.Bool(true)),
				}},
				Check: resource.ComposeTestCheckFunc(
					warnings.Check("Webhook disabled on the portal", "failed for three days", "next apply enables it again"),
					func(s *terraform.State) error {
						if h := portalWebhook(t, env, s); !h.Enabled {
							return fmt.Errorf("the apply did not enable the webhook again")
						}
						return nil
					},
				),
			},
		},
	})
}

// TestAccWebhook_deletedByServer: a receiver that answers a delivery with 410 Gone makes the portal delete
// the webhook. The refresh removes it with a warning, and the apply creates it again.
func TestAccWebhook_deletedByServer(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	warnings := env.RecordWarnings()
	config := env.ProviderConfig() + webhookBlock(acctest.RandomName("hook"), recv.URL(), `
  triggers = ["room.created"]
  secret   = "Gone-secret-1"`)
	var first, second int64
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{Config: config, Check: env.CaptureRoomID(webhookAddr, &first)},
			{
				PreConfig: func() {
					warnings.Reset()
					recv.set(func(r *testReceiver) { r.postStatus = http.StatusGone })
					outOfBandRoom(t, env, acctest.RandomName("event")) // a room.created event
					env.Fake.WaitWebhookDeliveries()
					if len(env.Fake.Webhooks()) != 0 {
						t.Fatalf("the portal kept the webhook after its receiver answered 410: %+v", env.Fake.Webhooks())
					}
					recv.set(func(r *testReceiver) { r.postStatus = http.StatusOK })
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionCreate)}},
				Check: resource.ComposeTestCheckFunc(
					warnings.Check("Webhook not found", "removed from the Terraform state", "410 Gone"),
					env.CaptureRoomID(webhookAddr, &second),
					func(*terraform.State) error {
						if second == first {
							return fmt.Errorf("the webhook kept its id %d", first)
						}
						return nil
					},
				),
			},
		},
	})
}

// TestAccWebhook_receiverDown: a receiver the portal cannot reach refuses the create with a message that
// says what to check, and nothing is created; a webhook whose receiver is down cannot be changed, but can
// be disabled; a receiver that refuses HEAD is explained too.
func TestAccWebhook_receiverDown(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	name := acctest.RandomName("hook")
	block := func(name, extra string) string {
		return env.ProviderConfig() + webhookBlock(name, recv.URL(), `
  secret = "Down-secret-1"`+extra)
	}
	down := func(on bool) func() { return func() { recv.set(func(r *testReceiver) { r.down = on }) } }
	noWebhooks := func() {
		if hooks := env.Fake.Webhooks(); len(hooks) != 0 {
			t.Fatalf("a refused create left webhooks on the portal: %+v", hooks)
		}
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{
				PreConfig:   down(true),
				Config:      block(name, ""),
				ExpectError: regexp.MustCompile(`(?s)could\s+not\s+reach\s+the\s+receiver.*reachable\s+from\s+the\s+portal.*HEAD.*2xx.*private\s+or\s+loopback`),
			},
			{
				PreConfig: func() {
					noWebhooks()
					down(false)()
					recv.set(func(r *testReceiver) { r.headStatus = http.StatusMethodNotAllowed })
				},
				Config:      block(name, ""),
				ExpectError: regexp.MustCompile(`(?s)answered the portal's HEAD\s+request with a status other than 2xx.*answer HEAD requests to this\s+URL with 200`),
			},
			{
				PreConfig: func() {
					noWebhooks()
					recv.set(func(r *testReceiver) { r.headStatus = http.StatusOK })
				},
				Config: block(name, ""),
			},
			{
				// Down: a rename waits for the receiver, and the message says how to disable the webhook.
				PreConfig:   down(true),
				Config:      block(name+"-renamed", ""),
				ExpectError: regexp.MustCompile(`(?s)could\s+not\s+reach\s+the\s+receiver.*cannot\s+be\s+changed,\s+except\s+to\s+disable\s+it.*enabled\s+=\s+false`),
			},
			{
				// Disabling and renaming at once: the disable needs no answer from the receiver and is kept, the
				// rename fails.
				Config:      block(name+"-renamed", "\n  enabled = false"),
				ExpectError: regexp.MustCompile(`could\s+not\s+reach\s+the\s+receiver`),
			},
			{
				PreConfig: func() {
					if h := env.Fake.Webhooks(); len(h) != 1 || h[0].Enabled || h[0].Name != name {
						t.Fatalf("portal webhooks %+v; want one, disabled and not renamed", h)
					}
				},
				// The state knows the webhook is disabled: disabling it needs nothing more.
				Config:           block(name, "\n  enabled = false"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// Back up: the rename and the enable go through.
				PreConfig: down(false),
				Config:    block(name+"-renamed", ""),
				Check: func(s *terraform.State) error {
					if h := portalWebhook(t, env, s); !h.Enabled || h.Name != name+"-renamed" {
						return fmt.Errorf("portal webhook %+v; want it enabled and renamed", h)
					}
					return nil
				},
			},
		},
	})
}

// TestAccWebhook_planTimeValidation refuses at plan time what the portal would refuse, with messages that
// name the fix: unknown triggers, a known trigger written as a number, http with ssl, weak secrets, no
// secret, a URL that is not one.
func TestAccWebhook_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	step := func(name, uri, extra, want string) resource.TestStep {
		return resource.TestStep{
			Config: env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_webhook" "w" {
  name = %q
  uri  = %q%s
}
`, name, uri, moreLines(extra)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(want),
		}
	}
	const name, https, http = "tfacc-plan", "https://hooks.example.com/docspace", "http://hooks.example.com/docspace"
	const ok = "\n  secret = \"Good-secret-1\""
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		step(name, https, `triggers = ["room.create"]`+ok, `(?s)Unknown webhook trigger.*"room.create" is not a webhook\s+trigger.*Did you mean\s+"room.created"`),
		step(name, https, `triggers = ["submit"]`+ok, `(?s)Did you mean\s+"form.submit"`),
		step(name, https, `triggers = ["*"]`+ok, `(?s)To receive every event, leave triggers out`),
		step(name, https, `triggers = ["4194304"]`+ok, `(?s)Trigger written as a number.*"room.created"`),
		step(name, http, ok, `(?s)HTTPS required.*set\s+ssl\s+=\s+false`),
		step(name, http, "ssl = true"+ok, `(?s)HTTPS required.*set\s+ssl\s+=\s+false`),
		step(name, https, `secret = "short"`, `(?s)password policy.*is 5 characters long.*8 to 30`),
		step(name, https, `secret = "has a space"`, `(?s)has a space at\s+position 4`),
		step(name, https, `secret = "caf\u00e9-secret"`, `(?s)has a character outside printable ASCII at\s+position 4`),
		step(name, https, `secret = "`+strings.Repeat("x", 31)+`"`, `is 31 characters long`),
		step(name, https, "", `(?s)Missing webhook secret.*secret_wo.*secret_wo_version`),
		step(name, "hooks.example.com/docspace", ok, `(?s)Invalid receiver URL.*not an absolute URL`),
		step(name, "ftp://hooks.example.com/docspace", ok, `(?s)uses the scheme "ftp"`),
		step(strings.Repeat("n", 51), https, ok, `string length must be between 1 and 50`),
		step(" "+name, https, ok, `must not be blank or start or end with white space`),
		step(strings.Repeat("\U0001F514", 26), https, ok, `(?s)Webhook name too long.*52 UTF-16 units`),
	}})
}

// TestAccWebhook_triggersOfUserTypes: a key of a user of type user may not use the triggers of admins and
// room admins: the plan warns, the apply refuses before any call, and the triggers a user may use work.
func TestAccWebhook_triggersOfUserTypes(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{AllowLoopbackWebhooks: true})
	uri := receiverURL(t, env)
	user := env.Account(t, acctest.User)
	warnings := env.RecordWarnings()
	block := func(triggers string) string {
		return webhookBlock(acctest.RandomName("hook"), uri, fmt.Sprintf(`
  triggers = %s
  secret   = "User-secret-1"`, triggers))
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{
				PreConfig:   warnings.Reset,
				Config:      env.ProviderConfigAs(t, user) + block(`["room.created", "user.invited", "form.submit"]`),
				ExpectError: regexp.MustCompile(`(?s)Triggers not available to the API key's user.*"room.created"\s+and\s+"user.invited".*Nothing\s+was\s+changed`),
			},
			{
				PreConfig: func() {
					if err := warnings.Check("Triggers not available to the API key's user", "Applying this plan will fail here",
						`"room.created" and "user.invited"`, "form.submit")(nil); err != nil {
						t.Fatal(err)
					}
					if env.Fake != nil {
						if n := env.Fake.Counts()["POST /api/2.0/settings/webhook"]; n != 0 {
							t.Fatalf("the refused create reached the portal: %d POSTs", n)
						}
					}
				},
				Config: env.ProviderConfigAs(t, user) + block(`["form.submit", "room.updated"]`),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("triggers"),
					knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("form.submit"), knownvalue.StringExact("room.updated")}))},
			},
		},
	})
}

// TestAccWebhook_guestKey: a guest's key may not manage webhooks; the apply says so before any call.
func TestAccWebhook_guestKey(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{AllowLoopbackWebhooks: true})
	uri := receiverURL(t, env)
	guest := env.Account(t, acctest.Guest)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.ProviderConfigAs(t, guest) + webhookBlock(acctest.RandomName("hook"), uri, `
  triggers = ["form.submit"]
  secret   = "Guest-secret-1"`),
		ExpectError: regexp.MustCompile(`(?s)Guests cannot manage webhooks.*a guest.*403`),
	}}})
}

// TestAccWebhook_endToEnd is the whole chain: a webhook made by Terraform listens to rooms, folders and
// uploads made by Terraform in the next step, and the test's receiver gets each event, signed with the
// webhook's secret, naming that room, that folder and that file. The room's creation under its marker is
// followed by room.updated with its real title.
func TestAccWebhook_endToEnd(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	const secret = "End-to-end-secret-7"
	hook := webhookBlock(acctest.RandomName("hook"), recv.URL(), fmt.Sprintf(`
  triggers = ["room.created", "room.updated", "folder.created", "file.uploaded"]
  secret   = %q`, secret))
	title := acctest.RandomName("e2e")
	objects := fmt.Sprintf(`
resource "docspace_room" "r" {
  title     = %q
  room_type = "custom"
}

resource "docspace_folder" "f" {
  room_id = docspace_room.r.id
  title   = "Intake"
}

resource "docspace_file" "welcome" {
  folder_id = docspace_folder.f.id
  title     = "Welcome.txt"
  content   = "Welcome to the intake folder."
}
`, title)
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig() + hook},
			{
				Config: env.ProviderConfig() + hook + objects,
				Check: func(s *terraform.State) error {
					env.Fake.WaitWebhookDeliveries()
					room := s.RootModule().Resources["docspace_room.r"].Primary.ID
					folder := s.RootModule().Resources["docspace_folder.f"].Primary.ID
					file := s.RootModule().Resources["docspace_file.welcome"].Primary.ID
					got := map[string]string{} // trigger → entity id
					renamedTo := ""            // the title room.updated carries
					for _, d := range recv.received() {
						mac := hmac.New(sha256.New, []byte(secret))
						mac.Write(d.body)
						if want := "sha256=" + hex.EncodeToString(mac.Sum(nil)); !hmac.Equal([]byte(d.signature), []byte(want)) {
							return fmt.Errorf("delivery %s: signature %q does not verify with the webhook's secret", d.body, d.signature)
						}
						var event struct {
							Event struct {
								Trigger string `json:"trigger"`
							} `json:"event"`
							Payload struct {
								ID    json.Number `json:"id"`
								Title string      `json:"title"`
							} `json:"payload"`
						}
						if err := json.Unmarshal(d.body, &event); err != nil {
							return fmt.Errorf("delivery %s: %v", d.body, err)
						}
						got[event.Event.Trigger] = event.Payload.ID.String()
						if event.Event.Trigger == "room.updated" {
							renamedTo = event.Payload.Title
						}
						// Terraform creates under a marked title and renames at once: the event carries the marked one.
						if event.Event.Trigger == "room.created" && !strings.HasPrefix(event.Payload.Title, title) {
							return fmt.Errorf("room.created names the room %q, want a title starting with %q", event.Payload.Title, title)
						}
					}
					if got["room.created"] != room || got["folder.created"] != folder || got["file.uploaded"] != file {
						return fmt.Errorf("events received: %v; want room.created of room %s, folder.created of folder %s and "+
							"file.uploaded of file %s", got, room, folder, file)
					}
					if got["room.updated"] != room || renamedTo != title {
						return fmt.Errorf("room.updated of room %s: got room %s titled %q; want the rename to %q", room, got["room.updated"], renamedTo, title)
					}
					return nil
				},
			},
		},
	})
}

// TestAccWebhook_secretStaysOutOfLogs runs a create and a rotation of the secret with TF_LOG=TRACE and checks
// that neither secret appears in the logs, though the provider logs its API calls with their bodies. The
// secrets reach Terraform through a sensitive variable, as users pass them. It sets environment variables,
// so it does not run in parallel.
func TestAccWebhook_secretStaysOutOfLogs(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_LOG_PROVIDER_DOCSPACE_API", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logFile)
	env, recv := webhookEnv(t)
	const first, second = "Log-secret-first-1", "Log-secret-second-2"
	config := env.ProviderConfig() + `
variable "webhook_secret" {
  type      = string
  sensitive = true
}
` + webhookBlock(acctest.RandomName("hook"), recv.URL(), `
  secret = var.webhook_secret`)
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{PreConfig: func() { t.Setenv("TF_VAR_webhook_secret", first) }, Config: config},
			{
				PreConfig: func() { t.Setenv("TF_VAR_webhook_secret", second) },
				Config:    config,
				Check: func(s *terraform.State) error {
					if h := portalWebhook(t, env, s); h.Secret != second {
						return fmt.Errorf("the rotation did not reach the portal")
					}
					return nil
				},
			},
		},
	})
	logs, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatalf("reading the trace log: %v", err)
	}
	if !regexp.MustCompile(`request body.*/api/2.0/settings/webhook`).Match(logs) {
		t.Fatalf("the trace log (%d bytes) does not show the request bodies of the webhook calls; the test would prove nothing", len(logs))
	}
	for _, secret := range []string{first, second} {
		if strings.Contains(string(logs), secret) {
			t.Errorf("the TRACE log contains the secret %q", secret)
		}
	}
}

// TestAccWebhook_stricterPasswordPolicy: a portal whose password policy demands more than the default that
// the plan checks refuses the secret at apply time, with the policy's text and what to do.
func TestAccWebhook_stricterPasswordPolicy(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	env.Fake.SetPasswordPolicy(fakeportal.PasswordPolicy{MinLength: 12, UpperCase: true, Digits: true, SpecialSymbols: true})
	block := func(secret string) string {
		return env.ProviderConfig() + webhookBlock(acctest.RandomName("hook"), recv.URL(), fmt.Sprintf(`
  secret = %q`, secret))
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config:      block("lowercase-secret"),
				ExpectError: regexp.MustCompile(`(?s)password\s+policy\s+is\s+stricter\s+than\s+the\s+default.*raise\s+secret_wo_version,\s+or\s+change\s+secret`),
			},
			{Config: block("Strong-Secret-42")},
		},
	})
}

// TestAccWebhook_invisibleToTheKeysUser: the portal lists to a user who is not a DocSpace admin only that
// user's own webhooks. A webhook of another user is not treated as deleted when the key changes to such a
// user: the refresh fails and keeps it. A user's own webhook deleted elsewhere is removed with a warning.
func TestAccWebhook_invisibleToTheKeysUser(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{AllowLoopbackWebhooks: true})
	uri := receiverURL(t, env)
	user := env.Account(t, acctest.User)
	warnings := env.RecordWarnings()
	hook := webhookBlock(acctest.RandomName("hook"), uri, `
  triggers = ["form.submit"]
  secret   = "Visible-secret-1"`)
	var id int64
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig() + hook},
			{
				// The admin's webhook, read with the user's key.
				Config:      env.ProviderConfigAs(t, user) + hook,
				ExpectError: regexp.MustCompile(`(?s)Cannot tell whether the webhook still exists.*shows\s+such\s+users\s+only\s+the\s+webhooks\s+they\s+created.*kept\s+in\s+the\s+Terraform\s+state`),
			},
			{
				Config:           env.ProviderConfig() + hook,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			// The user's own webhook, deleted by an admin: gone.
			{Config: env.ProviderConfig()},
			{Config: env.ProviderConfigAs(t, user) + hook, Check: env.CaptureRoomID(webhookAddr, &id)},
			{
				PreConfig: func() {
					warnings.Reset()
					if err := env.Client.DeleteWebhook(t.Context(), id); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.ProviderConfigAs(t, user) + hook,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionCreate)}},
				Check: warnings.Check("Webhook not found", "removed from the Terraform state"),
			},
		},
	})
}

// TestAccWebhook_developerToolsLimitedToAdmins: once the portal limits the developer tools to admins, a
// user's key gets 403 from every webhook call. The refresh fails, says why, and keeps the webhook.
func TestAccWebhook_developerToolsLimitedToAdmins(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	user := env.Account(t, acctest.User)
	config := env.ProviderConfigAs(t, user) + webhookBlock(acctest.RandomName("hook"), recv.URL(), `
  triggers = ["form.submit"]
  secret   = "Limited-secret-1"`)
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig:   func() { env.Fake.LimitDeveloperToolsToAdmins(true) },
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)403.*refused\s+the\s+webhook\s+call.*limit\s+the\s+developer\s+tools\s+to\s+admins`),
			},
			{
				PreConfig: func() {
					if len(env.Fake.Webhooks()) != 1 {
						t.Fatalf("the webhook is gone: %+v", env.Fake.Webhooks())
					}
					env.Fake.LimitDeveloperToolsToAdmins(false)
				},
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// TestAccWebhook_triggerOfANewerPortal: a trigger this provider does not know by name is written as its
// flag's decimal value; the portal stores it with the others, and reads give it back the same way.
func TestAccWebhook_triggerOfANewerPortal(t *testing.T) {
	t.Parallel()
	env, recv := webhookEnv(t)
	const bit36 = int64(1) << 36
	env.Run(t, resource.TestCase{
		CheckDestroy: checkWebhooksDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: env.ProviderConfig() + webhookBlock(acctest.RandomName("hook"), recv.URL(), fmt.Sprintf(`
  triggers = ["room.created", "%d"]
  secret   = "Newer-secret-1"`, bit36)),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("triggers"),
					knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("room.created"), knownvalue.StringExact(strconv.FormatInt(bit36, 10))}))},
				Check: func(s *terraform.State) error {
					if h := portalWebhook(t, env, s); h.Triggers != 1<<22|bit36 {
						return fmt.Errorf("the portal stores triggers %d, want %d", h.Triggers, 1<<22|bit36)
					}
					return nil
				},
			},
			{ResourceName: webhookAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"secret"}},
		},
	})
}
