package provider_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

const (
	routeFolderCreate  = "POST /api/2.0/files/folder/{id}"
	routeFolderRead    = "GET /api/2.0/files/folder/{id}"
	routeFolderRename  = "PUT /api/2.0/files/folder/{id}"
	routeFolderDelete  = "DELETE /api/2.0/files/folder/{id}"
	routeFolderPath    = "GET /api/2.0/files/folder/{id}/path"
	routeFolderContent = "GET /api/2.0/files/{id}"
)

// TestAccFolder_apiCallBudget pins how many API calls a folder costs.
func TestAccFolder_apiCallBudget(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "counts the API calls per operation")
	room := outOfBandRoom(t, env, acctest.RandomName("folders"))
	place := fmt.Sprintf("room_id = %q", strconv.FormatInt(room, 10))
	top := folderBlock("top", place, "Contracts", "")
	sub := folderBlock("sub", "parent_id = docspace_folder.top.id", "Signed", "")
	reset := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{resetCounts{env.Fake}}}
	env.Run(t, resource.TestCase{
		CheckDestroy: checkFoldersDestroyed(env),
		Steps: []resource.TestStep{
			{
				// Create in a room: 2 reads of the room, whose security flags say whether the key may create in
				// it (by the plan Terraform makes again while applying, and by Create before the POST), 1 listing of the room's folders carrying a creation marker (once per parent and provider
				// process), 1 POST under the marker and 1 PUT that gives the folder its title.
				Config:           env.ProviderConfig() + top,
				ConfigPlanChecks: reset,
				Check: expectCounts(t, env.Fake, "create in a room", map[string]int{
					routeRoom: 2, routeFolderContent: 1, routeFolderCreate: 1, routeFolderRename: 1}),
			},
			{
				// Create in a folder: the same (the parent folder read twice for its flags), and 1 read of its
				// breadcrumbs, which name its room.
				Config:           env.ProviderConfig() + top + sub,
				ConfigPlanChecks: reset,
				Check: expectCounts(t, env.Fake, "create in a folder", map[string]int{
					routeFolderRead: 2, routeFolderContent: 1, routeFolderCreate: 1, routeFolderRename: 1, routeFolderPath: 1}),
			},
			{
				// Refresh: 1 GET per folder.
				PreConfig:    env.Fake.ResetCounts,
				RefreshState: true,
				Check:        expectCounts(t, env.Fake, "refresh", map[string]int{routeFolderRead: 2}),
			},
			{
				// Rename: 1 PUT, whose answer is the folder.
				Config:           env.ProviderConfig() + folderBlock("top", place, "Agreements", "") + sub,
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "rename", map[string]int{routeFolderRename: 1}),
			},
			{
				// Destroy: per folder, 1 listing of what it holds (refused unless empty), 1 DELETE, then reads of the
				// folder until it is in the Trash, and of the file operations while it is not.
				Config:           env.ProviderConfig(),
				ConfigPlanChecks: reset,
				Check: expectCounts(t, env.Fake, "destroy", map[string]int{routeFolderContent: 2, routeFolderDelete: 2},
					routeFolderRead, routeFileOps),
			},
		},
	})
}

// TestAccFolderDataSources_apiCallBudget pins how many API calls the folder data sources cost: a tree listing
// reads the content of its start and of every folder that holds folders, page by page, and nothing for
// folders without subfolders.
func TestAccFolderDataSources_apiCallBudget(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "counts the API calls per data source read")
	tr := newHandmadeTree(t, env)
	wide := outOfBandRoom(t, env, acctest.RandomName("wide"))
	for i := range 105 {
		if _, err := env.Client.CreateFolder(t.Context(), wide, fmt.Sprintf("Folder %03d", i)); err != nil {
			t.Fatal(err)
		}
	}
	step := func(op, body string, want map[string]int) resource.TestStep {
		return resource.TestStep{
			PreConfig: env.Fake.ResetCounts,
			Config:    env.ProviderConfig() + body,
			Check:     expectCounts(t, env.Fake, op, want),
		}
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		// The room, "01 Contracts" and "Signed" hold folders; the other four folders cost nothing.
		step("tree of a room", fmt.Sprintf(`data "docspace_folders" "t" { room_id = %q }`, sid(tr.room)),
			map[string]int{routeFolderContent: 3}),
		// Below a folder: the same listing from there; its first page's breadcrumbs give the folder's place in the room.
		step("tree below a folder", fmt.Sprintf(`data "docspace_folders" "t" {
  room_id   = %q
  parent_id = %q
}`, sid(tr.room), sid(tr.contracts)),
			map[string]int{routeFolderContent: 2}),
		// 105 folders directly in a room: two pages, and none of them is listed.
		func() resource.TestStep {
			s := step("tree of a wide room", fmt.Sprintf(`data "docspace_folders" "t" { room_id = %q }`, sid(wide)),
				map[string]int{routeFolderContent: 2})
			s.ConfigStateChecks = []statecheck.StateCheck{statecheck.ExpectKnownValue("data.docspace_folders.t",
				tfjsonpath.New("folders"), knownvalue.ListSizeExact(105))}
			return s
		}(),
		step("folder by id", fmt.Sprintf(`data "docspace_folder" "f" { id = %q }`, sid(tr.signed)),
			map[string]int{routeFolderRead: 1, routeFolderPath: 1}),
		step("folder by title in a room", fmt.Sprintf(`data "docspace_folder" "f" {
  room_id = %q
  title   = "02 Invoices"
}`, sid(tr.room)),
			map[string]int{routeFolderContent: 1}),
		step("folder by title in a folder", fmt.Sprintf(`data "docspace_folder" "f" {
  parent_id = %q
  title     = "Signed"
}`, sid(tr.contracts)),
			map[string]int{routeFolderContent: 1}),
	}})
}
