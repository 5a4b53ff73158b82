package provider_test

import (
	"fmt"
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
