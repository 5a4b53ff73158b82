package provider_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
)

func TestMain(m *testing.M) {
	resource.TestMain(m) // enables -sweep
}

func init() {
	resource.AddTestSweepers("docspace_room", &resource.Sweeper{
		Name: "docspace_room",
		F:    acctest.SweepRooms,
	})
}
