package provider_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// TestAccQuery_files lists the files directly in a room made outside Terraform, each named by its title
// and converted by the resource's fill: no content, which is never downloaded.
func TestAccQuery_files(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	room := outOfBandRoom(t, env, acctest.RandomName("files"))
	a := uploadOutOfBand(t, env, room, "Agenda.md", []byte("agenda"))
	b := uploadOutOfBand(t, env, room, "Budget.csv", []byte("a,b\n"))
	sub, err := env.Client.CreateFolder(t.Context(), room, "Archive")
	if err != nil {
		t.Fatal(err)
	}
	uploadOutOfBand(t, env, sub.ID, "Old.md", []byte("not listed: it is in a folder"))
	byID := func(id int64) queryfilter.QueryFilter { return queryfilter.ByResourceIdentity(folderIdentity(env, id)) }
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsQuery,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig()},
			{
				Query: true,
				Config: listConfig("docspace_file", "all", true, fmt.Sprintf("folder_id = %q", sid(room))) +
					listConfig("docspace_file", "ids", false, fmt.Sprintf("folder_id = %q", sid(room))),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("docspace_file.all", 2),
					querycheck.ExpectLength("docspace_file.ids", 2),
					querycheck.ExpectIdentity("docspace_file.ids", folderIdentity(env, b.ID)),
					querycheck.ExpectResourceDisplayName("docspace_file.all", byID(a.ID), knownvalue.StringExact("Agenda.md")),
					querycheck.ExpectResourceKnownValues("docspace_file.all", byID(b.ID), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(sid(b.ID))},
						{Path: tfjsonpath.New("title"), KnownValue: knownvalue.StringExact("Budget.csv")},
						{Path: tfjsonpath.New("folder_id"), KnownValue: knownvalue.StringExact(sid(room))},
						{Path: tfjsonpath.New("room_id"), KnownValue: knownvalue.StringExact(sid(room))},
						{Path: tfjsonpath.New("version"), KnownValue: knownvalue.Int64Exact(1)},
						{Path: tfjsonpath.New("size"), KnownValue: knownvalue.Int64Exact(4)},
						{Path: tfjsonpath.New("content"), KnownValue: knownvalue.Null()},
						{Path: tfjsonpath.New("source"), KnownValue: knownvalue.Null()},
						{Path: tfjsonpath.New("permanent_delete"), KnownValue: knownvalue.Bool(false)},
					}),
				},
			},
		},
	})
}

// TestAccAdoption_files adopts a room's files as the guide "Adopting an existing portal" describes:
// `terraform query -generate-config-out`, the content added to each generated block, an apply that
// imports each file and uploads the content as its new version, and a plan that shows no changes.
func TestAccAdoption_files(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "reads the files' versions from the fake")
	cli := newTerraformCLI(t, "1.14.0")
	room := outOfBandRoom(t, env, acctest.RandomName("files"))
	a := uploadOutOfBand(t, env, room, "Agenda.md", []byte("agenda"))
	b := uploadOutOfBand(t, env, room, "Budget.csv", []byte("a,b\n"))
	cli.write("main.tf", `terraform {
  required_providers {
    docspace = { source = "docspace-community/docspace" }
  }
}

`+env.ProviderConfig())
	cli.write("adopt.tfquery.hcl", fmt.Sprintf(`list "docspace_file" "handmade" {
  provider         = docspace
  include_resource = true
  config {
    folder_id = "%d"
  }
}
`, room))
	cli.run([]string{"init", "-input=false"})
	cli.run([]string{"query", "-generate-config-out=generated.tf"})
	generated := cli.read("generated.tf")
	blocks := regexp.MustCompile(`(?m)^\s*content\s+= null$`).FindAllStringIndex(generated, -1)
	if len(blocks) != 2 {
		t.Fatalf("want two generated blocks with content = null:\n%s", generated)
	}
	// What a person does: write the content each file should hold.
	cli.write("generated.tf", regexp.MustCompile(`(?m)^(\s*)content\s+= null$`).ReplaceAllString(generated, `${1}content = "adopted"`))
	_, out := cli.run([]string{"apply", "-auto-approve", "-input=false"})
	if want := "Apply complete! Resources: 2 imported, 0 added, 2 changed, 0 destroyed."; !strings.Contains(out, want) {
		t.Fatalf("apply did not import and update both files; want %q:\n%s", want, out)
	}
	for _, f := range []int64{a.ID, b.ID} {
		if stored, _ := env.Fake.File(f); stored.Versions != 2 || string(stored.Content) != "adopted" {
			t.Errorf("file %d after adoption: %d versions, content %q; want version 2 with the configured content", f, stored.Versions, stored.Content)
		}
	}
	if code, out := cli.run([]string{"plan", "-detailed-exitcode", "-input=false"}, 0, 2); code != 0 {
		t.Fatalf("the plan after adoption is not empty:\n%s", out)
	}
}
