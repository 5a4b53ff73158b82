package provider_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// needsRemovedBlock skips tests that let go of a resource with a removed block, which Terraform 1.7
// brought.
var needsRemovedBlock = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_7_0)}

// expectFolderTitle checks through the client that folder id is titled title.
func expectFolderTitle(env *acctest.Env, id *int64, title string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		f, err := env.Client.GetFolder(context.Background(), *id)
		if err != nil {
			return err
		}
		if f.Title != title || f.InTrash() {
			return fmt.Errorf("folder %d is %q (section %d), want %q where it was", *id, f.Title, f.RootFolderType, title)
		}
		return nil
	}
}

// TestAccFolder_rights: a content creator's key creates and renames its own folders; a rename or a
// delete of a folder the room's owner made, and a folder in a room where the key's user only reads,
// are warned of at plan time and refused before any call, naming the rule; none of them stops
// terraform destroy.
func TestAccFolder_rights(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	warnings := env.RecordWarnings()
	creator := env.Account(t, acctest.RoomAdmin)
	provider := env.ProviderConfigAs(t, creator)
	room := outOfBandRoom(t, env, acctest.RandomName("rights"))
	readOnly := outOfBandRoom(t, env, acctest.RandomName("rights read"))
	env.SetMember(t, room, creator.ID, docspace.FileShareContentCreator)
	env.SetMember(t, readOnly, creator.ID, docspace.FileShareRead)
	theirs, err := env.Client.CreateFolder(t.Context(), room, "Owner's")
	if err != nil {
		t.Fatal(err)
	}
	theirsID := theirs.ID
	inRoom := fmt.Sprintf("room_id = %q", strconv.FormatInt(room, 10))
	// Deleted for good: in the creator's Trash the owner, whose key checks the destroy, could not read it.
	mine := func(title string) string { return folderBlock("mine", inRoom, title, "  permanent_delete = true\n") }
	adopted := func(title string) string {
		return fmt.Sprintf("\nimport {\n  to = docspace_folder.theirs\n  id = %q\n}\n", strconv.FormatInt(theirsID, 10)) +
			folderBlock("theirs", inRoom, title, "")
	}
	removed := "\nremoved {\n  from = docspace_folder.theirs\n  lifecycle {\n    destroy = false\n  }\n}\n"
	blocked := folderBlock("blocked", fmt.Sprintf("room_id = %q", strconv.FormatInt(readOnly, 10)), "Not allowed", "")
	ruleChange := `a content creator only the folders it created itself`
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsRemovedBlock,
		CheckDestroy:           checkFoldersDestroyed(env),
		Steps: []resource.TestStep{
			{
				// Its own folder, and the owner's adopted: both read and allowed.
				Config: provider + mine("Mine") + adopted("Owner's"),
			},
			{
				PreConfig:   warnings.Reset,
				Config:      provider + mine("Mine") + adopted("Renamed"),
				ExpectError: ruleRegexp(`The API key cannot rename this folder`),
			},
			{
				// Its own folder renames; the owner's kept its title, and the refused plan had warned.
				Config: provider + mine("Mine 2") + adopted("Owner's"),
				Check: resource.ComposeTestCheckFunc(
					warnings.Check("Applying this plan will fail here", "cannot rename this folder", strconv.FormatInt(theirsID, 10), ruleChange),
					expectFolderTitle(env, &theirsID, "Owner's"),
					resource.TestCheckResourceAttr("docspace_folder.mine", "title", "Mine 2"),
				),
			},
			{
				PreConfig:   warnings.Reset,
				Config:      provider + mine("Mine 2"),
				ExpectError: ruleRegexp(`The API key cannot delete this folder`),
			},
			{
				// A removed block lets the folder go without deleting it.
				Config: provider + mine("Mine 2") + removed,
				Check: resource.ComposeTestCheckFunc(
					warnings.Check("Applying this plan will fail here", "cannot delete this folder", ruleChange, "removed block"),
					expectFolderTitle(env, &theirsID, "Owner's"),
				),
			},
			{
				PreConfig:   warnings.Reset,
				Config:      provider + mine("Mine 2") + blocked,
				ExpectError: ruleRegexp(`The API key cannot create folders here`),
			},
			{
				// The refused plan had warned, naming the rule, and nothing was made. The refused folder is still
				// configured: the plan only warns, and the destroy after this step goes through (CheckDestroy).
				PreConfig: func() {
					if err := warnings.Check("Applying this plan will fail here", "cannot create folders here", strconv.FormatInt(readOnly, 10),
						"only the room's owner, its room managers and its content creators may create folders")(nil); err != nil {
						t.Error(err)
					}
					if got, err := env.Client.ListFolders(context.Background(), readOnly, ""); err != nil || len(got) != 0 {
						t.Errorf("the refused create made %v (%v)", got, err)
					}
				},
				Config:             provider + mine("Mine 2") + blocked,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// TestAccRefusal_folderWithoutCreateRight: a folder in a room where the key's user only reads is planned
// with a warning, its apply fails having only read, and a destroy with it still configured goes through.
func TestAccRefusal_folderWithoutCreateRight(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	creator := env.Account(t, acctest.RoomAdmin)
	provider := env.ProviderConfigAs(t, creator)
	room := outOfBandRoom(t, env, acctest.RandomName("rights"))
	readOnly := outOfBandRoom(t, env, acctest.RandomName("rights read"))
	env.SetMember(t, room, creator.ID, docspace.FileShareContentCreator)
	env.SetMember(t, readOnly, creator.ID, docspace.FileShareRead)
	mine := folderBlock("mine", fmt.Sprintf("room_id = %q", strconv.FormatInt(room, 10)), "Mine", "  permanent_delete = true\n")
	blocked := folderBlock("blocked", fmt.Sprintf("room_id = %q", strconv.FormatInt(readOnly, 10)), "Not allowed", "")
	steps := []resource.TestStep{{Config: provider + mine}}
	steps = append(steps, pendingRefusalSteps(t, env, provider+mine+blocked, "docspace_folder.blocked", plancheck.ResourceActionCreate,
		ruleRegexp(`The API key cannot create folders here`), checkFoldersDestroyed(env))...)
	env.Run(t, resource.TestCase{Steps: steps})
}
