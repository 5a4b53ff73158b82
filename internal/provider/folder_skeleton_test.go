package provider_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// skeletonConfig is a source room with a folder skeleton (a nested one among them), a template made
// from it once the skeleton is there, and two rooms made from the template.
func skeletonConfig(env *acctest.Env, prefix string, withTemplate bool) string {
	cfg := env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "source" {
  title     = "%[1]s source"
  room_type = "custom"
}

resource "docspace_folder" "contracts" {
  room_id = docspace_room.source.id
  title   = "01 Contracts"
}

resource "docspace_folder" "drafts" {
  room_id = docspace_room.source.id
  title   = "02 Drafts"
}

resource "docspace_folder" "signed" {
  parent_id = docspace_folder.contracts.id
  title     = "03 Signed"
}
`, prefix)
	if withTemplate {
		cfg += fmt.Sprintf(`
resource "docspace_room_template" "tpl" {
  room_id    = docspace_room.source.id
  title      = "%[1]s template"
  # The template is a snapshot: it must be taken once the skeleton exists.
  depends_on = [docspace_folder.contracts, docspace_folder.drafts, docspace_folder.signed]
}

resource "docspace_room" "project" {
  count       = 2
  template_id = docspace_room_template.tpl.id
  title       = "%[1]s project ${count.index}"
}
`, prefix)
	}
	return cfg
}

// folderTree lists the folders below id through the client, as paths ("01 Contracts/03 Signed").
func folderTree(ctx context.Context, c *docspace.Client, id int64, prefix string) ([]string, error) {
	folders, err := c.ListFolders(ctx, id, "")
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range folders {
		paths = append(paths, prefix+f.Title)
		below, err := folderTree(ctx, c, f.ID, prefix+f.Title+"/")
		if err != nil {
			return nil, err
		}
		paths = append(paths, below...)
	}
	slices.Sort(paths)
	return paths, nil
}

// expectSkeleton checks that the rooms and templates at addrs hold the skeleton and nothing else, and
// that their folders are copies, not the source room's.
func expectSkeleton(env *acctest.Env, addrs ...string) func(*terraform.State) error {
	want := []string{"01 Contracts", "01 Contracts/03 Signed", "02 Drafts"}
	return func(s *terraform.State) error {
		for _, addr := range addrs {
			rs, ok := s.RootModule().Resources[addr]
			if !ok {
				return fmt.Errorf("%s is not in the state", addr)
			}
			id, err := strconv.ParseInt(rs.Primary.ID, 10, 64)
			if err != nil {
				return fmt.Errorf("%s: id %q", addr, rs.Primary.ID)
			}
			got, err := folderTree(context.Background(), env.Client, id, "")
			if err != nil {
				return fmt.Errorf("%s: %w", addr, err)
			}
			if !slices.Equal(got, want) {
				return fmt.Errorf("%s (%d) holds %q, want %q", addr, id, got, want)
			}
		}
		return nil
	}
}

// TestAccFolder_skeletonCarriedIntoTemplates: a template made from a room with folders carries them,
// and every room made from the template gets its own copy; the copies are not in the state, so the
// re-plan is empty and destroy removes the rooms with them.
func TestAccFolder_skeletonCarriedIntoTemplates(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("skeleton")
	var counts resource.ConfigPlanChecks
	var check resource.TestCheckFunc = expectSkeleton(env, "docspace_room_template.tpl", "docspace_room.project.0", "docspace_room.project.1")
	if env.Fake != nil {
		counts = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{resetCounts{env.Fake}}}
		// The template: its job under a creation marker (two listings for abandoned markers, the start, the
		// status polls, the rename), whether it is public, a read. The rooms: the marker listings once for
		// their kind, then per room its job, the rename and a read; whether the key's user may create rooms,
		// once. The skeleton costs no call of its own: the jobs copy it.
		check = resource.ComposeTestCheckFunc(expectCounts(t, env.Fake, "template and two rooms from a room with folders", map[string]int{
			routeList: 4, routeRoom: 3, routeUpdate: 3, routeSelf: 1, "GET /api/2.0/files/roomtemplate/{id}/public": 1,
			"POST /api/2.0/files/roomtemplate": 1, "POST /api/2.0/files/rooms/fromtemplate": 2,
		},
			"GET /api/2.0/files/roomtemplate/status", "GET /api/2.0/files/rooms/fromtemplate/status"), check)
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: checkFoldersDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: skeletonConfig(env, prefix, false),
			},
			{
				Config:           skeletonConfig(env, prefix, true),
				ConfigPlanChecks: counts,
				Check:            check,
			},
			{
				// The copies are not managed: nothing to plan for them.
				Config:           skeletonConfig(env, prefix, true),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
