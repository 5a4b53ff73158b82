package provider_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

const linkAddr = "docspace_room_link.l"

// externalLink is an external link to read docspace_room.room, linkAddr; extra are more lines of its block.
func externalLink(extra string) string {
	return fmt.Sprintf(`
resource "docspace_room_link" "l" {
  room_id   = docspace_room.room.id
  link_type = "external"
  access    = "viewer"
%s}
`, moreLines(extra))
}

// portalLink reads the link at linkAddr from the portal.
func portalLink(t *testing.T, env *acctest.Env, s *terraform.State) *docspace.Link {
	t.Helper()
	rs := s.RootModule().Resources[linkAddr]
	var roomID int64
	fmt.Sscanf(rs.Primary.Attributes["room_id"], "%d", &roomID)
	link, err := env.Client.GetRoomLink(t.Context(), roomID, rs.Primary.Attributes["link_id"])
	if err != nil {
		t.Fatalf("reading the link: %v", err)
	}
	return link
}

// TestAccRoomLink_passwordAndExpiry sets, changes and removes both, honouring full replacement.
func TestAccRoomLink_passwordAndExpiry(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("links")
	in30 := time.Now().Add(30 * 24 * time.Hour).UTC().Truncate(time.Second)
	in60 := in30.Add(30 * 24 * time.Hour)
	// guarded is the room and its link, with a password, an expiry and a download ban.
	guarded := func(password string, expiry time.Time) string {
		return linkRoomConfig(env, "custom", title, externalLink(fmt.Sprintf(`
  password        = %q
  expiration_date = %q
  deny_download   = true`, password, expiry.Format(time.RFC3339))))
	}
	// The password changes in place: the link keeps its id.
	sameLink := statecheck.CompareValue(compare.ValuesSame())
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				Config: guarded("First-secret-1", in30),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectSensitiveValue(linkAddr, tfjsonpath.New("password")),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("password"), knownvalue.StringExact("First-secret-1")),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("expired"), knownvalue.Bool(false)),
					sameLink.AddStateValue(linkAddr, tfjsonpath.New("link_id")),
				},
				Check: func(s *terraform.State) error {
					if got := s.RootModule().Resources[linkAddr].Primary.Attributes["expiration_date"]; got != in30.Format(time.RFC3339) {
						return fmt.Errorf("expiration_date %q must keep the configured spelling", got)
					}
					l := portalLink(t, env, s)
					if l.Shared.Password != "First-secret-1" || !l.Shared.ExpirationDate.Equal(in30) || !l.Shared.DenyDownload {
						return fmt.Errorf("portal link %+v", l.Shared)
					}
					return nil
				},
			},
			{
				// An import reads the password back and writes the expiry in UTC, so the plan stays empty.
				ResourceName: linkAddr, ImportState: true, ImportStateVerify: true,
			},
			{
				// Changing only the password must keep the expiry and the download ban: the whole link is resent.
				Config:            guarded("Second-secret-2", in60),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{sameLink.AddStateValue(linkAddr, tfjsonpath.New("link_id"))},
				Check: func(s *terraform.State) error {
					// The portal's link is the one in the state: portalLink finds it by its id.
					l := portalLink(t, env, s)
					if l.Shared.Password != "Second-secret-2" || !l.Shared.ExpirationDate.Equal(in60) || !l.Shared.DenyDownload {
						return fmt.Errorf("portal link %+v", l.Shared)
					}
					return nil
				},
			},
			{
				Config: linkRoomConfig(env, "custom", title, externalLink("")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("password"), knownvalue.Null()),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("expiration_date"), knownvalue.Null()),
				},
				Check: func(s *terraform.State) error {
					l := portalLink(t, env, s)
					if l.Shared.Password != "" || !l.Shared.ExpirationDate.IsZero() || l.Shared.DenyDownload {
						return fmt.Errorf("password, expiry and download ban should be gone: %+v", l.Shared)
					}
					return nil
				},
			},
			{ResourceName: linkAddr, ImportState: true, ImportStateVerify: true},
		},
	})
}

func TestAccRoomLink_writeOnlyPassword(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("links")
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		CheckDestroy:           env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				Config: linkRoomConfig(env, "custom", title, externalLink(`
  password_wo         = "Write-only-1"
  password_wo_version = 1`)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("password"), knownvalue.Null()),
				},
				Check: func(s *terraform.State) error {
					if l := portalLink(t, env, s); l.Shared.Password != "Write-only-1" {
						return fmt.Errorf("the portal's password is %q", l.Shared.Password)
					}
					return nil
				},
			},
			{
				Config: linkRoomConfig(env, "custom", title, externalLink(`
  password_wo         = "Write-only-2"
  password_wo_version = 2`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate)}},
				Check: func(s *terraform.State) error {
					if l := portalLink(t, env, s); l.Shared.Password != "Write-only-2" {
						return fmt.Errorf("the portal's password is %q after bumping the version", l.Shared.Password)
					}
					return nil
				},
			},
		},
	})
}

func TestAccRoomLink_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("links")
	in30 := time.Now().Add(30 * 24 * time.Hour).UTC().Truncate(time.Second).Format(time.RFC3339)
	config := linkRoomConfig(env, "custom", title, externalLink(fmt.Sprintf(`
  title           = "Reviewers"
  password        = "Drift-secret-1"
  expiration_date = %q`, in30)))
	var roomID int64
	var linkID string
	capture := func(s *terraform.State) error {
		linkID = s.RootModule().Resources[linkAddr].Primary.Attributes["link_id"]
		return env.CaptureRoomID("docspace_room.room", &roomID)(s)
	}
	changeOutOfBand := func(req docspace.SetLinkRequest) func() {
		return func() {
			req.LinkID, req.LinkType = linkID, docspace.LinkTypeExternal
			if _, err := env.Client.SetRoomLink(t.Context(), roomID, req); err != nil {
				t.Fatalf("changing the link out of band: %v", err)
			}
		}
	}
	expectUpdate := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate)}}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{Config: config, Check: capture},
			{
				// Title, access, expiry and password changed by someone else: all four show up and are put back.
				PreConfig:        changeOutOfBand(docspace.SetLinkRequest{Access: docspace.FileShareEditing, Title: "Renamed", Password: "Changed-elsewhere"}),
				Config:           config,
				ConfigPlanChecks: expectUpdate,
				Check: func(s *terraform.State) error {
					l := portalLink(t, env, s)
					if l.Shared.Title != "Reviewers" || l.Access != docspace.FileShareRead || l.Shared.Password != "Drift-secret-1" || l.Shared.ExpirationDate.IsZero() {
						return fmt.Errorf("the link was not restored: %+v", l)
					}
					return nil
				},
			},
			{
				// Deleted elsewhere: created again.
				PreConfig:        changeOutOfBand(docspace.SetLinkRequest{Access: docspace.FileShareNone}),
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionCreate)}},
				Check:            capture,
			},
			{
				// The room deleted elsewhere: the link leaves the state with it, and both are created again.
				PreConfig: func() {
					if err := env.Client.DeleteRoom(t.Context(), roomID); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_room.room", plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// TestAccRoomLink_secretsStayOutOfLogs runs a full apply with TF_LOG=TRACE and checks that neither the API
// key, nor a link password, nor a share-link token appears in the logs. The secrets reach Terraform the way
// users pass them — the key through DOCSPACE_API_KEY, the password through a sensitive variable — because
// the test harness itself logs the configuration text it writes. It sets environment variables, so it
// does not run in parallel.
func TestAccRoomLink_secretsStayOutOfLogs(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_LOG_PROVIDER_DOCSPACE_API", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logFile)
	env := acctest.New(t, fakeportal.Options{APIKeys: []string{"sk-secrecy-test-key-0042"}})
	env.RequireFake(t, "gives the fake a known API key to look for in the logs")
	const password = "Very-secret-link-password"
	t.Setenv(provider.EnvAPIKey, env.APIKey)
	t.Setenv("TF_VAR_link_password", password)
	title := acctest.RandomName("links")
	config := fmt.Sprintf(`
provider "docspace" {
  api_host = %q
}

variable "link_password" {
  type      = string
  sensitive = true
}

resource "docspace_room" "room" {
  title     = %q
  room_type = "public"
}
`, env.Host, title) + externalLink(`
  password = var.link_password`) + `
resource "docspace_room_link" "invite" {
  room_id   = docspace_room.room.id
  link_type = "invitation"
  access    = "viewer"
}

resource "docspace_room_link" "primary" {
  room_id   = docspace_room.room.id
  link_type = "external"
  primary   = true
  access    = "viewer"
}
`
	var secrets []string
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectSensitiveValue(linkAddr, tfjsonpath.New("password")),
				statecheck.ExpectSensitiveValue(linkAddr, tfjsonpath.New("share_link")),
				statecheck.ExpectSensitiveValue("docspace_room_link.invite", tfjsonpath.New("share_link")),
				statecheck.ExpectSensitiveValue("docspace_room_link.primary", tfjsonpath.New("share_link")),
			},
			Check: func(s *terraform.State) error {
				for _, rs := range s.RootModule().Resources {
					if rs.Type != "docspace_room_link" {
						continue
					}
					share := rs.Primary.Attributes["share_link"]
					// The secret part of a share link is its token: what follows the last "/" or "=".
					token := share[strings.LastIndexAny(share, "/=")+1:]
					if len(token) < 8 {
						return fmt.Errorf("unexpected share link %q", share)
					}
					secrets = append(secrets, token)
				}
				return nil
			},
		}},
	})
	logs, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatalf("reading the trace log: %v", err)
	}
	if !strings.Contains(string(logs), "/api/2.0/files/rooms") {
		t.Fatalf("the trace log (%d bytes) does not show the provider's API calls; the test would prove nothing", len(logs))
	}
	for _, secret := range append(secrets, env.APIKey, password) {
		if strings.Contains(string(logs), secret) {
			t.Errorf("the TRACE log contains the secret %q", secret)
		}
	}
}
