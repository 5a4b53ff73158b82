package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// TestAccTemplatesDataSource_pagesAndFilters lists more templates than one page (100) holds.
func TestAccTemplatesDataSource_pagesAndFilters(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "seeds 130 templates directly in the fake")
	for i := range 120 {
		env.Fake.AddTemplate(fmt.Sprintf("Bulk template %03d", i), 5, []string{"bulk"}, false)
	}
	for i := range 7 {
		env.Fake.AddTemplate(fmt.Sprintf("Onboarding kit %d", i), 6, []string{"kit", "hr"}, i%2 == 0)
	}
	env.Fake.AddTemplate("Sales onboarding", 2, []string{"sales"}, false)
	env.Fake.AddTemplate("Board pack", 8, []string{"kit"}, true)
	env.Fake.AddTemplate("ONBOARDING legacy", 5, nil, false)

	config := env.ProviderConfig() + `
data "docspace_templates" "all" {}

data "docspace_templates" "onboarding" {
  title_contains = "onboarding"
}

data "docspace_templates" "public_kits" {
  room_type = "public"
  tags      = ["KIT", "hr"]
}

locals {
  # The seed samples' rule: the template whose title contains the project type, else the first one.
  chosen = coalescelist(data.docspace_templates.onboarding.templates, data.docspace_templates.all.templates)[0]
}

output "chosen" {
  value = local.chosen.title
}
`
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.docspace_templates.all", tfjsonpath.New("templates"), knownvalue.ListSizeExact(130)),
				statecheck.ExpectKnownValue("data.docspace_templates.onboarding", tfjsonpath.New("templates"), knownvalue.ListSizeExact(9)),
				statecheck.ExpectKnownValue("data.docspace_templates.public_kits", tfjsonpath.New("templates"), knownvalue.ListSizeExact(7)),
				statecheck.ExpectKnownValue("data.docspace_templates.public_kits", tfjsonpath.New("templates").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id":        knownvalue.StringRegexp(regexpNumeric),
					"title":     knownvalue.StringExact("Onboarding kit 0"),
					"room_type": knownvalue.StringExact("public"),
					"tags":      knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("kit"), knownvalue.StringExact("hr")}),
					"public":    knownvalue.Bool(true),
					"created":   knownvalue.NotNull(),
				})),
				statecheck.ExpectKnownValue("data.docspace_templates.public_kits", tfjsonpath.New("templates").AtSliceIndex(1).AtMapKey("public"), knownvalue.Bool(false)),
				statecheck.ExpectKnownOutputValue("chosen", knownvalue.StringExact("ONBOARDING legacy")),
			},
		}},
	})
	if n := env.Fake.Counts()["GET /api/2.0/files/rooms"]; n < 2 {
		t.Fatalf("the listing used %d pages; 130 templates need at least 2", n)
	}
}
