package provider_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
)

func TestMain(m *testing.M) {
	if os.Getenv(abandonEnv) != "" {
		abandonCreation() // this process is the one TestAccCreate_killedMidJob kills; it never returns
	}
	resource.TestMain(m) // enables -sweep
}

func init() {
	resource.AddTestSweepers("docspace_room", &resource.Sweeper{
		Name: "docspace_room",
		F:    acctest.SweepRooms,
	})
	resource.AddTestSweepers("docspace_group", &resource.Sweeper{
		Name: "docspace_group",
		F:    acctest.SweepGroups,
	})
	resource.AddTestSweepers("docspace_webhook", &resource.Sweeper{
		Name: "docspace_webhook",
		F:    acctest.SweepWebhooks,
	})
}

// blockLines are lines of a block as a test writes them, indented as they stand in the file, in a raw
// string that may start or end with a line break; it returns them without those line breaks.
func blockLines(lines string) string {
	return strings.Trim(lines, "\n")
}

// moreLines are lines that a test adds to the usual lines of a block (see blockLines). They follow a
// blank line, so that terraform fmt aligns them apart from the others; no lines, no blank line.
func moreLines(lines string) string {
	if blockLines(lines) == "" {
		return ""
	}
	return fmt.Sprintf(`
%s
`, blockLines(lines))
}
