package provider_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// expectFile checks through the client that file id is titled title, at version, outside the Trash.
func expectFile(env *acctest.Env, id *int64, title string, version int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		f, err := env.Client.GetFile(context.Background(), *id)
		if err != nil {
			return err
		}
		if f.Title != title || f.Version != version || f.InTrash() {
			return fmt.Errorf("file %d is %q at version %d (section %d), want %q at version %d where it was", *id, f.Title, f.Version, f.RootFolderType, title, version)
		}
		return nil
	}
}

// TestAccFile_rights: a content creator's key uploads, renames and gives new versions to its own files, and
// new versions to the owner's file it adopted; a rename or a delete of the owner's file, and a new version
// once the key's user only reads the room, are warned of at plan time and refused before any call, naming
// the rule; a removed block lets the owner's file go.
func TestAccFile_rights(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	warnings := env.RecordWarnings()
	creator := env.Account(t, acctest.RoomAdmin)
	provider := env.ProviderConfigAs(t, creator)
	room := outOfBandRoom(t, env, acctest.RandomName("rights"))
	env.SetMember(t, room, creator.ID, docspace.FileShareContentCreator)
	theirsID := uploadOutOfBand(t, env, room, "Owner's.txt", []byte("the owner's")).ID
	var mineID int64
	place := fmt.Sprintf("folder_id = %q", strconv.FormatInt(room, 10))
	mine := func(title, content string) string {
		return fmt.Sprintf("\nresource \"docspace_file\" \"mine\" {\n  %s\n  title            = %q\n  content          = %q\n  permanent_delete = true\n}\n",
			place, title, content)
	}
	adopted := func(title string) string {
		return fmt.Sprintf("\nimport {\n  to = docspace_file.theirs\n  id = %q\n}\n", strconv.FormatInt(theirsID, 10)) +
			fmt.Sprintf("\nresource \"docspace_file\" \"theirs\" {\n  %s\n  title   = %q\n  content = \"adopted\"\n}\n", place, title)
	}
	removed := "\nremoved {\n  from = docspace_file.theirs\n  lifecycle {\n    destroy = false\n  }\n}\n"
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsRemovedBlock,
		CheckDestroy:           checkFilesDestroyed(env),
		Steps: []resource.TestStep{
			{
				// Its own file, and the owner's adopted with a new version: a content creator may edit any file.
				Config: provider + mine("Mine.txt", "v1") + adopted("Owner's.txt"),
				Check:  resource.ComposeTestCheckFunc(fileID("docspace_file.mine", &mineID), expectFile(env, &theirsID, "Owner's.txt", 2)),
			},
			{
				PreConfig:   warnings.Reset,
				Config:      provider + mine("Mine.txt", "v1") + adopted("Renamed.txt"),
				ExpectError: ruleRegexp(`The API key cannot rename this file`),
			},
			{
				// Its own file renames; the owner's kept its title, and the refused plan had warned.
				Config: provider + mine("Mine 2.txt", "v1") + adopted("Owner's.txt"),
				Check: resource.ComposeTestCheckFunc(
					warnings.Check("Applying this plan will fail here", "cannot rename this file", strconv.FormatInt(theirsID, 10), "a content creator only the files it uploaded itself"),
					expectFile(env, &theirsID, "Owner's.txt", 2),
					expectFile(env, &mineID, "Mine 2.txt", 1),
				),
			},
			{
				// Only reading the room now: no new version, not even of its own file.
				PreConfig: func() {
					warnings.Reset()
					env.SetMember(t, room, creator.ID, docspace.FileShareRead)
				},
				Config:      provider + mine("Mine 2.txt", "v2") + adopted("Owner's.txt"),
				ExpectError: ruleRegexp(`The API key cannot upload a new version of this file`),
			},
			{
				PreConfig: func() {
					if err := warnings.Check("Applying this plan will fail here", "security flag Edit is false", strconv.FormatInt(mineID, 10))(nil); err != nil {
						t.Error(err)
					}
					warnings.Reset()
					env.SetMember(t, room, creator.ID, docspace.FileShareContentCreator)
				},
				Config:      provider + mine("Mine 2.txt", "v1"),
				ExpectError: ruleRegexp(`The API key cannot delete this file`),
			},
			{
				// A removed block lets the file go without deleting it.
				Config: provider + mine("Mine 2.txt", "v1") + removed,
				Check: resource.ComposeTestCheckFunc(
					warnings.Check("Applying this plan will fail here", "cannot delete this file", "removed block"),
					expectFile(env, &theirsID, "Owner's.txt", 2),
					expectFile(env, &mineID, "Mine 2.txt", 1),
				),
			},
		},
	})
}
