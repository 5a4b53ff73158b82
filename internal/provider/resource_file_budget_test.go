package provider_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

const (
	routeFileRead   = "GET /api/2.0/files/file/{id}"
	routeFileRename = "PUT /api/2.0/files/file/{id}"
	routeFileDelete = "DELETE /api/2.0/files/file/{id}"
	routeFileInsert = "POST /api/2.0/files/{id}/insert"
	routeFileCheck  = "POST /api/2.0/files/{id}/upload/check"
)

// TestAccFile_apiCallBudget pins how many API calls a file costs, and shows that a refresh reads a file's
// description only: no call downloads its content.
func TestAccFile_apiCallBudget(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "counts the API calls per operation")
	room := outOfBandRoom(t, env, acctest.RandomName("files"))
	block := func(title, content string) string {
		return fmt.Sprintf(`
resource "docspace_file" "f" {
  folder_id = %q
  title     = %q
  content   = %q
}
`, strconv.FormatInt(room, 10), title, content)
	}
	reset := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{resetCounts{env.Fake}}}
	env.Run(t, resource.TestCase{
		CheckDestroy: checkFilesDestroyed(env),
		Steps: []resource.TestStep{
			{
				// Create: 2 one-entry listings of the room, whose breadcrumbs name its type (by the plan Terraform
				// makes again while applying, for the form check, and by Create before the upload); 1 title
				// check; 1 listing of the room's files carrying a creation marker (once per folder and provider
				// process); 1 upload under the marker; 1 rename to the title.
				Config:           env.ProviderConfig() + block("Notes.txt", "v1"),
				ConfigPlanChecks: reset,
				Check: expectCounts(t, env.Fake, "create", map[string]int{
					routeFileCheck: 1, routeFolderContent: 3, routeFileInsert: 1, routeFileRename: 1}),
			},
			{
				// Refresh: 1 GET of the file's description; nothing downloads content.
				PreConfig:    env.Fake.ResetCounts,
				RefreshState: true,
				Check:        expectCounts(t, env.Fake, "refresh", map[string]int{routeFileRead: 1}),
			},
			{
				// New content: the client reads the file (is it being edited?), lists the folder's files of the
				// title (it must resolve to this file only), and uploads the new version.
				Config:           env.ProviderConfig() + block("Notes.txt", "v2"),
				ConfigPlanChecks: reset,
				Check: expectCounts(t, env.Fake, "new version", map[string]int{
					routeFileRead: 1, routeFolderContent: 1, routeFileInsert: 1}),
			},
			{
				// Rename: 1 PUT, whose answer is the file.
				Config:           env.ProviderConfig() + block("Read me.txt", "v2"),
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "rename", map[string]int{routeFileRename: 1}),
			},
			{
				// Destroy: 1 DELETE, then reads of the file until it is in the Trash, and of the file operations.
				Config:           env.ProviderConfig(),
				ConfigPlanChecks: reset,
				Check:            expectCounts(t, env.Fake, "destroy", map[string]int{routeFileDelete: 1}, routeFileRead, routeFileOps),
			},
		},
	})
}
