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

func folderIdentity(env *acctest.Env, id int64) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{"id": knownvalue.StringExact(sid(id)), "host": knownvalue.StringExact(portalHost(env))}
}

// TestAccQuery_folders lists the nested folders of a room made outside Terraform: every level, named by
// path, each converted by the resource's fill with only the place a configuration names.
func TestAccQuery_folders(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	tr := newHandmadeTree(t, env)
	byID := func(id int64) queryfilter.QueryFilter { return queryfilter.ByResourceIdentity(folderIdentity(env, id)) }
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsQuery,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig()},
			{
				Query: true,
				Config: listConfig("docspace_folder", "all", true, fmt.Sprintf("room_id = %q", sid(tr.room))) +
					listConfig("docspace_folder", "ids", false, fmt.Sprintf("room_id = %q", sid(tr.room))),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("docspace_folder.all", 7),
					querycheck.ExpectLength("docspace_folder.ids", 7),
					querycheck.ExpectIdentity("docspace_folder.all", folderIdentity(env, tr.signed2025)),
					querycheck.ExpectIdentity("docspace_folder.ids", folderIdentity(env, tr.dup2)),
					querycheck.ExpectResourceDisplayName("docspace_folder.all", byID(tr.signed2025), knownvalue.StringExact("01 Contracts/Signed/2025")),
					querycheck.ExpectResourceDisplayName("docspace_folder.all", byID(tr.drafts), knownvalue.StringExact("01 Contracts/Drafts")),
					querycheck.ExpectResourceDisplayName("docspace_folder.all", byID(tr.invoices), knownvalue.StringExact("02 Invoices")),
					// Directly in the room: room_id only.
					querycheck.ExpectResourceKnownValues("docspace_folder.all", byID(tr.contracts), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(sid(tr.contracts))},
						{Path: tfjsonpath.New("title"), KnownValue: knownvalue.StringExact("01 Contracts")},
						{Path: tfjsonpath.New("room_id"), KnownValue: knownvalue.StringExact(sid(tr.room))},
						{Path: tfjsonpath.New("parent_id"), KnownValue: knownvalue.Null()},
						{Path: tfjsonpath.New("force_destroy"), KnownValue: knownvalue.Bool(false)},
						{Path: tfjsonpath.New("permanent_delete"), KnownValue: knownvalue.Bool(false)},
					}),
					// Inside a folder: parent_id only.
					querycheck.ExpectResourceKnownValues("docspace_folder.all", byID(tr.signed2025), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("title"), KnownValue: knownvalue.StringExact("2025")},
						{Path: tfjsonpath.New("room_id"), KnownValue: knownvalue.Null()},
						{Path: tfjsonpath.New("parent_id"), KnownValue: knownvalue.StringExact(sid(tr.signed))},
					}),
				},
			},
		},
	})
}

// TestAccAdoption_folders adopts a room's hand-made folders as the guide "Adopting an existing portal"
// describes: `terraform query -generate-config-out`, an apply that imports every folder, and a plan that
// shows no changes.
func TestAccAdoption_folders(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "counts the API calls of the query")
	cli := newTerraformCLI(t, "1.14.0")
	tr := newHandmadeTree(t, env)
	cli.write("main.tf", `terraform {
  required_providers {
    docspace = { source = "docspace-community/docspace" }
  }
}

`+env.ProviderConfig())
	cli.write("adopt.tfquery.hcl", fmt.Sprintf(`list "docspace_folder" "handmade" {
  provider         = docspace
  include_resource = true
  config {
    room_id = "%d"
  }
}
`, tr.room))
	cli.run([]string{"init", "-input=false"})

	env.Fake.ResetCounts()
	cli.run([]string{"query", "-generate-config-out=generated.tf"})
	calls := env.Fake.Counts()
	// The room (for its title) and the content of the room, "01 Contracts" and "Signed".
	if want := map[string]int{"GET /api/2.0/files/rooms/{id}": 1, routeFolderContent: 3}; !sameCounts(calls, want) {
		t.Errorf("the query made %v API calls, want %v", calls, want)
	}
	generated := cli.read("generated.tf")
	if n := len(regexp.MustCompile(`(?m)^resource "docspace_folder"`).FindAllString(generated, -1)); n != 7 {
		t.Fatalf("generated %d resource blocks, want 7:\n%s", n, generated)
	}
	if n := len(regexp.MustCompile(fmt.Sprintf(`room_id\s+= "%d"`, tr.room)).FindAllString(generated, -1)); n != 4 {
		t.Errorf("the generated configuration names the room in %d blocks, want the 4 folders directly in it:\n%s", n, generated)
	}
	if !regexp.MustCompile(fmt.Sprintf(`parent_id\s+= "%d"\s+permanent_delete\s+= false\s+timeouts\s+= null\s+title\s+= "2025"`, tr.signed)).MatchString(generated) {
		t.Errorf("the generated configuration does not put 2025 into Signed:\n%s", generated)
	}

	_, out := cli.run([]string{"apply", "-auto-approve", "-input=false"})
	if want := "Apply complete! Resources: 7 imported, 0 added, 0 changed, 0 destroyed."; !strings.Contains(out, want) {
		t.Fatalf("apply did not import every folder; want %q:\n%s", want, out)
	}
	if code, out := cli.run([]string{"plan", "-detailed-exitcode", "-input=false"}, 0, 2); code != 0 {
		t.Fatalf("the plan after adoption is not empty:\n%s", out)
	}
}

func sameCounts(got, want map[string]int) bool {
	if len(got) != len(want) {
		return false
	}
	for k, n := range want {
		if got[k] != n {
			return false
		}
	}
	return true
}
