// Package acctest runs the provider's acceptance tests against the in-process fake portal, or against a
// real portal when TF_ACC=1, DOCSPACE_API_HOST and DOCSPACE_API_KEY are set. Tests use the same
// configurations and checks in both modes. Accounts of each user type come from Env.Accounts: made on
// the fake, named by DOCSPACE_TEST_* variables on a real portal (accounts.go). Tests that need what only
// the fake can do (faults, job timing, call counts, changes no API makes) call Env.RequireFake with the
// reason.
package acctest

import (
	"fmt"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

// NamePrefix starts the title of every object the tests create; the sweepers delete what carries it.
const NamePrefix = "tfacc-"

// FakeAPIKey is the fake portal owner's key in tests.
const FakeAPIKey = "sk-acctest-owner"

// ProtoV6ProviderFactories serves the provider inside the test process, so Terraform downloads nothing.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"docspace": func() (tfprotov6.ProviderServer, error) { return provider.NewProtocolServer("test", nil)(), nil },
}

// Env is the portal one test talks to.
type Env struct {
	// Fake is the in-process portal, or nil when the test runs against a real portal.
	Fake   *fakeportal.Portal
	Host   string
	APIKey string
	// Client reaches the same portal as the provider, for out-of-band changes and destroy checks.
	Client *docspace.Client

	mu       sync.Mutex
	accounts map[Kind]Account // on the fake, the accounts made so far
	self     *docspace.User
	// warnings, when set by RecordWarnings, receives the provider's warnings.
	warnings *Warnings
}

// RealPortal reports whether the tests target a real portal.
func RealPortal() bool {
	return os.Getenv("TF_ACC") != "" && os.Getenv(provider.EnvAPIHost) != "" && os.Getenv(provider.EnvAPIKey) != ""
}

// New returns the portal for one test: a fresh fake portal configured by opts, or the real portal.
func New(t *testing.T, opts fakeportal.Options) *Env {
	t.Helper()
	if RealPortal() {
		return newEnv(t, nil, os.Getenv(provider.EnvAPIHost), os.Getenv(provider.EnvAPIKey))
	}
	if len(opts.APIKeys) == 0 {
		opts.APIKeys = []string{FakeAPIKey}
	}
	portal := fakeportal.New(opts)
	server := httptest.NewServer(portal)
	t.Cleanup(server.Close)
	return newEnv(t, portal, server.URL, opts.APIKeys[0])
}

func newEnv(t *testing.T, fake *fakeportal.Portal, host, key string) *Env {
	t.Helper()
	client, err := docspace.New(docspace.Config{Host: host, APIKey: key, UserAgent: "terraform-provider-docspace-acctest", MaxRetries: 8})
	if err != nil {
		t.Fatalf("creating API client: %v", err)
	}
	return &Env{Fake: fake, Host: host, APIKey: key, Client: client}
}

// RequireFake skips, against a real portal, a test that needs what only the fake can do: inject faults,
// time jobs, count calls, seed many objects, or change the portal in ways no API call does (block a user,
// turn a setting). reason says which, in a few words ("counts the API calls per operation"); the skip
// message repeats it.
func (e *Env) RequireFake(t *testing.T, reason string) {
	t.Helper()
	if reason == "" {
		t.Fatal("RequireFake needs the reason why the test cannot run against a real portal")
	}
	if e.Fake == nil {
		t.Skipf("this test needs the fake portal: it %s", reason)
	}
}

// ProviderConfig is the provider block for the test configuration.
func (e *Env) ProviderConfig() string {
	if e.Fake == nil {
		// configured from DOCSPACE_API_HOST and DOCSPACE_API_KEY
		return `provider "docspace" {}
`
	}
	return fmt.Sprintf(`provider "docspace" {
  api_host = %q
  api_key  = %q
}
`, e.Host, e.APIKey)
}

// Run runs a test case: as a unit test against the fake, as an acceptance test against a real portal.
func (e *Env) Run(t *testing.T, tc resource.TestCase) {
	t.Helper()
	tc.ProtoV6ProviderFactories = providerFactories(e.warnings)
	if e.Fake != nil {
		resource.UnitTest(t, tc)
		return
	}
	resource.Test(t, tc)
}

// RandomName returns a unique title carrying NamePrefix.
func RandomName(kind string) string {
	return NamePrefix + kind + "-" + sdkacctest.RandString(8)
}
