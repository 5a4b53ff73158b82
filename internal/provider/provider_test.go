package provider_test

import (
	"os"
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
}
