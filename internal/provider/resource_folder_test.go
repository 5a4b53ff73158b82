package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// folderRoomConfig is a custom room, docspace_room.r, titled prefix, with the given folder blocks.
func folderRoomConfig(env *acctest.Env, prefix string, blocks ...string) string {
	return env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "r" {
  title     = %q
  room_type = "custom"
}
`, prefix) + strings.Join(blocks, "")
}

// folderBlock is docspace_folder.<name> titled title in place, which is `room_id = …` or `parent_id = …`,
// with extra attributes.
func folderBlock(name, place, title, extra string) string {
	return fmt.Sprintf(`
resource "docspace_folder" %q {
  %s
  title = %q
%s}
`, name, place, title, extra)
}

// outOfBandRoom makes a room outside Terraform, deleted when the test ends.
func outOfBandRoom(t *testing.T, env *acctest.Env, title string) int64 {
	t.Helper()
	room, err := env.Client.CreateRoom(t.Context(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: title}, RoomType: docspace.RoomTypeCustom})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = env.Client.DeleteRoom(context.Background(), room.ID) })
	return room.ID
}

// stateFolderID is the id of the folder at addr in s.
func stateFolderID(s *terraform.State, addr string) (int64, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return 0, fmt.Errorf("%s is not in the state", addr)
	}
	return strconv.ParseInt(rs.Primary.ID, 10, 64)
}

// checkFoldersDestroyed confirms that the folders of the state are deleted, or in the key's user's Trash.
func checkFoldersDestroyed(env *acctest.Env) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for addr, rs := range s.RootModule().Resources {
			if rs.Type != "docspace_folder" {
				continue
			}
			id, _ := strconv.ParseInt(rs.Primary.ID, 10, 64)
			f, err := env.Client.GetFolder(context.Background(), id)
			if err == nil && !f.InTrash() {
				return fmt.Errorf("%s (folder %d) still exists in %d", addr, id, f.ParentID)
			}
			if err != nil && !docspace.IsNotFound(err) {
				return fmt.Errorf("%s: %w", addr, err)
			}
		}
		return nil
	}
}

// folderID captures the id of the folder at addr.
func folderID(addr string, into *int64) func(*terraform.State) error {
	return func(s *terraform.State) (err error) {
		*into, err = stateFolderID(s, addr)
		return err
	}
}

func TestAccFolder_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("folders")
	top := folderBlock("top", "room_id = docspace_room.r.id", "Contracts", "")
	sub := folderBlock("sub", "parent_id = docspace_folder.top.id", "Signed", "")
	env.Run(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(checkFoldersDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{
				Config: folderRoomConfig(env, prefix, top, sub),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_folder.top", tfjsonpath.New("title"), knownvalue.StringExact("Contracts")),
					statecheck.CompareValuePairs("docspace_folder.top", tfjsonpath.New("room_id"), "docspace_room.r", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs("docspace_folder.top", tfjsonpath.New("parent_id"), "docspace_room.r", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs("docspace_folder.sub", tfjsonpath.New("parent_id"), "docspace_folder.top", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs("docspace_folder.sub", tfjsonpath.New("room_id"), "docspace_room.r", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("docspace_folder.sub", tfjsonpath.New("force_destroy"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue("docspace_folder.sub", tfjsonpath.New("permanent_delete"), knownvalue.Bool(false)),
				},
			},
			{ResourceName: "docspace_folder.top", ImportState: true, ImportStateVerify: true},
			{ResourceName: "docspace_folder.sub", ImportState: true, ImportStateVerify: true},
			{
				// Titles the portal would rewrite or refuse are refused at plan time.
				Config:      folderRoomConfig(env, prefix, folderBlock("top", "room_id = docspace_room.r.id", "a:b", ""), sub),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Invalid title`),
			},
			{
				Config:      folderRoomConfig(env, prefix, folderBlock("top", "room_id = docspace_room.r.id", strings.Repeat("x", 166), ""), sub),
				PlanOnly:    true,
				ExpectError: ruleRegexp(`the portal allows at most 165`),
			},
			{
				Config:      folderRoomConfig(env, prefix, folderBlock("top", "room_id = docspace_room.r.id\n  parent_id = docspace_room.r.id", "Agreements", ""), sub),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Conflicting folder location`),
			},
			{
				// A new title is a rename in place.
				Config: folderRoomConfig(env, prefix, folderBlock("top", "room_id = docspace_room.r.id", "Agreements", ""), sub),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_folder.top", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("docspace_folder.sub", plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_folder.top", tfjsonpath.New("title"), knownvalue.StringExact("Agreements")),
				},
			},
		},
	})
}

// TestAccIdentity_folder: a folder's identity is its id and the portal's host, and an import block can
// name it (Terraform 1.12 and later).
func TestAccIdentity_folder(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	config := folderRoomConfig(env, acctest.RandomName("folders"),
		folderBlock("top", "room_id = docspace_room.r.id", "Contracts", ""),
		folderBlock("sub", "parent_id = docspace_folder.top.id", "Signed", ""))
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		CheckDestroy:           resource.ComposeTestCheckFunc(checkFoldersDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity("docspace_folder.sub", map[string]knownvalue.Check{
						"id": knownvalue.NotNull(), "host": knownvalue.NotNull(),
					}),
				},
			},
			{ResourceName: "docspace_folder.sub", ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}

// TestAccFolder_drift: a folder renamed, deleted or moved to the Trash outside Terraform.
func TestAccFolder_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	warnings := env.RecordWarnings()
	prefix := acctest.RandomName("folders")
	config := folderRoomConfig(env, prefix, folderBlock("f", "room_id = docspace_room.r.id", "Contracts", ""))
	var id int64
	expect := func(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
		return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("docspace_folder.f", action)}}
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(checkFoldersDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{Config: config, Check: folderID("docspace_folder.f", &id)},
			{
				// Renamed in DocSpace: renamed back in place.
				PreConfig: func() {
					if _, err := env.Client.RenameFolder(t.Context(), id, "Renamed by a person"); err != nil {
						t.Fatal(err)
					}
				},
				Config:           config,
				ConfigPlanChecks: expect(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_folder.f", tfjsonpath.New("title"), knownvalue.StringExact("Contracts")),
				},
			},
			{
				// Moved into the Trash of the key's user: gone, with a warning that says where it is.
				PreConfig: func() {
					warnings.Reset()
					if err := env.Client.DeleteFolder(t.Context(), id, false); err != nil {
						t.Fatal(err)
					}
				},
				Config:           config,
				ConfigPlanChecks: expect(plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(
					warnings.Check("Folder is in the Trash", strconv.FormatInt(id, 10), "restore it from the Trash"),
					folderID("docspace_folder.f", &id),
				),
			},
			{
				// Deleted for good: gone, and made again.
				PreConfig: func() {
					warnings.Reset()
					if err := env.Client.DeleteFolder(t.Context(), id, true); err != nil {
						t.Fatal(err)
					}
				},
				Config:           config,
				ConfigPlanChecks: expect(plancheck.ResourceActionCreate),
				Check:            warnings.Check("Folder not found", strconv.FormatInt(id, 10)),
			},
		},
	})
}

// TestAccFolder_moved: a folder a person moved is recorded where it is; the plan shows the configured
// place with a warning, and the apply refuses it without touching anything. Configuring the new place
// makes the plan empty.
func TestAccFolder_moved(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "moves a folder as a person would, which the client has no call for")
	warnings := env.RecordWarnings()
	prefix := acctest.RandomName("folders")
	a := folderBlock("a", "room_id = docspace_room.r.id", "A", "")
	b := folderBlock("b", "room_id = docspace_room.r.id", "B", "")
	var idA, idB int64
	env.Run(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(checkFoldersDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{Config: folderRoomConfig(env, prefix, a, b), Check: resource.ComposeTestCheckFunc(folderID("docspace_folder.a", &idA), folderID("docspace_folder.b", &idB))},
			{
				PreConfig:          func() { env.Fake.MoveFolder(idB, idA) },
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttrPair("docspace_folder.b", "parent_id", "docspace_folder.a", "id"),
					resource.TestCheckResourceAttrPair("docspace_folder.b", "room_id", "docspace_room.r", "id"),
				),
			},
			{
				PreConfig: warnings.Reset,
				Config:    folderRoomConfig(env, prefix, a, b),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_folder.b", plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue("docspace_folder.b", tfjsonpath.New("title"), knownvalue.StringExact("B")),
				}},
				ExpectError: ruleRegexp(`Folder is not where the configuration puts it`),
			},
			{
				// Configuring where it now is: nothing to do, nothing replaced.
				Config: folderRoomConfig(env, prefix, a, folderBlock("b", "parent_id = docspace_folder.a.id", "B", "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_folder.b", plancheck.ResourceActionNoop),
				}},
				Check: resource.ComposeTestCheckFunc(
					// The refused step's plan warned before the apply refused.
					warnings.Check("Applying this plan will fail here", "does not move folders", strconv.FormatInt(idB, 10)),
					func(s *terraform.State) error {
						if got, _ := stateFolderID(s, "docspace_folder.b"); got != idB {
							return fmt.Errorf("folder b is %d, want %d: it was replaced", got, idB)
						}
						return nil
					},
				),
			},
		},
	})
}

// TestAccFolder_destroyWithContent: destroy refuses a folder holding a file the configuration does not
// manage; with force_destroy the folder goes into the Trash, the file with it, and nothing else changes.
func TestAccFolder_destroyWithContent(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "puts a file into a folder, which the client has no call for")
	prefix := acctest.RandomName("folders")
	room := outOfBandRoom(t, env, prefix)
	sibling, err := env.Client.CreateFolder(t.Context(), room, "Not managed")
	if err != nil {
		t.Fatal(err)
	}
	place := fmt.Sprintf("room_id = %q", strconv.FormatInt(room, 10))
	var id, file int64
	env.Run(t, resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			f, err := env.Client.GetFolder(context.Background(), id)
			if err != nil || !f.InTrash() {
				return fmt.Errorf("folder %d after destroy: %+v, %v; want it in the Trash", id, f, err)
			}
			if !env.Fake.FileExists(file) {
				return fmt.Errorf("file %d went missing; it should be in the Trash with its folder", file)
			}
			if titles := env.Fake.FolderTitles(room); len(titles) != 1 || titles[sibling.ID] != "Not managed" {
				return fmt.Errorf("the room holds %v; the folder outside the configuration must be untouched", titles)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: env.ProviderConfig() + folderBlock("f", place, "Contracts", ""),
				Check: resource.ComposeTestCheckFunc(folderID("docspace_folder.f", &id), func(*terraform.State) error {
					file = env.Fake.AddFile(id, "signed.pdf")
					return nil
				}),
			},
			{
				Config:      env.ProviderConfig() + folderBlock("f", place, "Contracts", ""),
				Destroy:     true,
				ExpectError: ruleRegexp(`Folder is not empty`),
			},
			{
				Config: env.ProviderConfig() + folderBlock("f", place, "Contracts", "  force_destroy = true\n"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_folder.f", plancheck.ResourceActionUpdate),
				}},
				Check: func(*terraform.State) error {
					if !env.Fake.FolderExists(id) || !env.Fake.FileExists(file) {
						return fmt.Errorf("the refused destroy changed something")
					}
					return nil
				},
			},
		},
	})
}

// TestAccFolder_permanentDelete: permanent_delete deletes the folder for good.
func TestAccFolder_permanentDelete(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("folders")
	var id int64
	env.Run(t, resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			if _, err := env.Client.GetFolder(context.Background(), id); !docspace.IsNotFound(err) {
				return fmt.Errorf("folder %d after destroy: %v; want 404", id, err)
			}
			return env.CheckRoomsDestroyed("docspace_room")(s)
		},
		Steps: []resource.TestStep{{
			Config: folderRoomConfig(env, prefix, folderBlock("f", "room_id = docspace_room.r.id", "Scratch", "  permanent_delete = true\n")),
			Check:  folderID("docspace_folder.f", &id),
		}},
	})
}

// TestAccFolder_inAnotherUsersTrash: a folder someone else deleted into their own Trash answers 403; the
// refresh fails and the folder stays in the state, as 403 never removes anything.
func TestAccFolder_inAnotherUsersTrash(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{APIKeys: []string{acctest.FakeAPIKey, "sk-someone-else"}})
	env.RequireFake(t, "deletes a folder as another user, whose key only the fake hands out")
	prefix := acctest.RandomName("folders")
	config := folderRoomConfig(env, prefix, folderBlock("f", "room_id = docspace_room.r.id", "Contracts", ""))
	var id int64
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: config, Check: folderID("docspace_folder.f", &id)},
			{
				PreConfig:   func() { env.Fake.TrashFolderNow(id, "sk-someone-else") },
				Config:      config,
				ExpectError: ruleRegexp(`refuses to show folder \d+ to the API key's user: it is in another user's Trash`),
			},
			{
				// Restored: the same folder, nothing to do.
				PreConfig: func() { env.Fake.RestoreFolderNow(id) },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_folder.f", plancheck.ResourceActionNoop),
				}},
			},
		},
	})
}

// TestAccFolder_inArchivedRoom: a folder stays in state when its room is archived; a rename there is warned
// of at plan time and refused by the apply with the reason (the room is archived) and the way out; after the
// room is restored, the rename goes through.
func TestAccFolder_inArchivedRoom(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("folders")
	config := func(archived bool, title string) string {
		return env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "r" {
  title     = %q
  room_type = "custom"
  archived  = %t
}
`, prefix, archived) + folderBlock("top", "room_id = docspace_room.r.id", title, "")
	}
	same := statecheck.CompareValue(compare.ValuesSame())
	env.Run(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(checkFoldersDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{Config: config(false, "Contracts"), ConfigStateChecks: []statecheck.StateCheck{same.AddStateValue("docspace_folder.top", tfjsonpath.New("id"))}},
			{
				// Archived: the folder stays, unchanged.
				Config:            config(true, "Contracts"),
				ConfigStateChecks: []statecheck.StateCheck{same.AddStateValue("docspace_folder.top", tfjsonpath.New("id"))},
			},
			{Config: config(true, "Contracts"), PlanOnly: true},
			{
				Config:      config(true, "Agreements"),
				ExpectError: wrapped(`(?s)The folder's room is archived.*set archived = false on its docspace_room and apply.*Nothing was changed`),
			},
			{Config: config(false, "Contracts")},
			{
				Config: config(false, "Agreements"),
				ConfigStateChecks: []statecheck.StateCheck{
					same.AddStateValue("docspace_folder.top", tfjsonpath.New("id")),
					statecheck.ExpectKnownValue("docspace_folder.top", tfjsonpath.New("title"), knownvalue.StringExact("Agreements")),
				},
			},
		},
	})
}
