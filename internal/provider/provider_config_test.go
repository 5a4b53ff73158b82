package provider_test

import (
	"fmt"
	"net"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

// readTemplates is a data source: it makes Terraform configure the provider and call the portal.
const readTemplates = `
data "docspace_templates" "all" {}
`

// providerConfig is env's provider block with more settings, the lines of the block as they stand in the
// file.
func providerConfig(env *acctest.Env, settings string) string {
	settings = blockLines(settings)
	switch {
	case settings == "":
		return env.ProviderConfig()
	case env.Fake == nil: // the real portal's URL and key come from the environment
		return fmt.Sprintf(`provider "docspace" {
%s
}
`, settings)
	}
	return fmt.Sprintf(`provider "docspace" {
  api_host = %q
  api_key  = %q

%s
}
`, env.Host, env.APIKey, settings)
}

// TestAccProvider_configurationErrors checks the diagnostics of a misconfigured provider. It clears the
// environment fallbacks, so it does not run in parallel.
func TestAccProvider_configurationErrors(t *testing.T) {
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "clears DOCSPACE_API_HOST and DOCSPACE_API_KEY, through which a run reaches a real portal")
	t.Setenv(provider.EnvAPIHost, "")
	t.Setenv(provider.EnvAPIKey, "")
	cases := map[string]struct{ provider, want string }{
		"missing host and key": {`
provider "docspace" {}
`, `(?s)Missing DocSpace portal URL.*DOCSPACE_API_HOST.*Missing DocSpace API key.*DOCSPACE_API_KEY`},
		"malformed URL": {`
provider "docspace" {
  api_host = "https://"
  api_key  = "sk-x"
}
`, `(?s)Invalid DocSpace portal URL.*no host name`},
		"plain http": {`
provider "docspace" {
  api_host = "http://docs.example.com"
  api_key  = "sk-x"
}
`, `(?s)uses plain http.*allow_insecure_http`},
		"bad timeout": {`
provider "docspace" {
  request_timeout = "soon"
}
`, `(?s)Invalid Time Duration String Value.*Given Value: soon`},
		"zero timeout": {`
provider "docspace" {
  request_timeout = "0s"
}
`, `(?s)Invalid duration.*not a positive duration`},
		"retries out of range": {`
provider "docspace" {
  max_retries = 50
}
`, `(?s)max_retries.*between 0 and 20`},
		// A second, aliased provider whose URL is known only after the first one has made a room.
		"unknown at plan time": {`
resource "docspace_room" "r" {
  title     = "x"
  room_type = "custom"
}

provider "docspace" {
  alias    = "later"
  api_host = "http://127.0.0.1/${docspace_room.r.id}"
  api_key  = "sk-x"
}

data "docspace_templates" "later" {
  provider = docspace.later
}
`, `(?s)Unknown provider configuration value.*api_host is not known until apply`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			config := tc.provider + readTemplates
			if strings.Contains(tc.provider, "alias") {
				config = env.ProviderConfig() + tc.provider
			}
			env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
				Config: config, ExpectError: regexp.MustCompile(strings.ReplaceAll(tc.want, " ", `\s+`)),
			}}})
		})
	}
}

// TestAccProvider_userAgent checks that requests name the provider and the Terraform version.
func TestAccProvider_userAgent(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "reads the user agents the fake has seen")
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.ProviderConfig() + readTemplates,
		Check: func(*terraform.State) error {
			for _, ua := range env.Fake.UserAgents() {
				if regexp.MustCompile(`^terraform-provider-docspace/test \(\+https://registry\.terraform\.io/docspace-community/docspace\) Terraform/\d+\.\d+\.\d+`).MatchString(ua) {
					return nil
				}
			}
			return fmt.Errorf("no request carried the provider's user agent: %v", env.Fake.UserAgents())
		},
	}}})
}

// TestAccFirstRunFailures: the two most likely failures of a first apply say what to do.
func TestAccFirstRunFailures(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{RoomLimit: 1})
	env.RequireFake(t, "sets the plan's room limit")
	title := acctest.RandomName("room")
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`
provider "docspace" {
  api_host = %q
  api_key  = "sk-revoked-key"
}

resource "docspace_room" "test" {
  title     = %q
  room_type = "custom"
}
`, env.Host, title),
				ExpectError: regexp.MustCompile(`(?s)401.*The portal refused the API key.*API keys`),
			},
			{
				Config: env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "a" {
  title     = "%[1]s a"
  room_type = "custom"
}

resource "docspace_room" "b" {
  title      = "%[1]s b"
  room_type  = "custom"
  depends_on = [docspace_room.a]
}
`, title),
				ExpectError: regexp.MustCompile(`(?s)402.*plan allows no more.*upgrade the plan`),
			},
		},
	})
}

// A portal that cannot be reached fails the plan within moments, naming the host, the cause and where the
// address is set, instead of retrying every read for a minute.
func TestProvider_unreachablePortalFailsFast(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	host := l.Addr().String()
	l.Close() // nothing listens there now
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`provider "docspace" {
  api_host = "http://%s"
  api_key  = "sk-any"
}

data "docspace_templates" "all" {}
data "docspace_rooms" "all" {}
data "docspace_user" "me" {}
`, host),
			PlanOnly: true,
			ExpectError: wrapped(`cannot reach the DocSpace portal at ` + regexp.QuoteMeta(host) +
				`: connection refused \(nothing listens on that port\); check api_host in the provider configuration or DOCSPACE_API_HOST`),
		}},
	})
}
