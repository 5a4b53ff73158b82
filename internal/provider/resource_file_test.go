package provider_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	"github.com/docspace-community/terraform-provider-docspace/internal/pdfform"
)

// fileRoomConfig is a room, docspace_room.r, titled prefix and of roomType, with the given blocks.
func fileRoomConfig(env *acctest.Env, prefix, roomType string, blocks ...string) string {
	return env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "r" {
  title     = %q
  room_type = %q
}
`, prefix, roomType) + strings.Join(blocks, "")
}

// fileBlock is docspace_file.<name> in the room docspace_room.r, titled title, with body (the content
// attribute and any other).
func fileBlock(name, title, body string) string {
	return fmt.Sprintf(`
resource "docspace_file" %q {
  folder_id = docspace_room.r.id
  title     = %q
%s}
`, name, title, body)
}

// inline is the content attribute of a text file.
func inline(text string) string { return fmt.Sprintf("  content = %q\n", text) }

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func fileID(addr string, into *int64) func(*terraform.State) error {
	return func(s *terraform.State) (err error) {
		*into, err = stateID(s, addr)
		return err
	}
}

// checkFilesDestroyed confirms that the files of the state are deleted, or in the key's user's Trash.
func checkFilesDestroyed(env *acctest.Env) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for addr, rs := range s.RootModule().Resources {
			if rs.Type != "docspace_file" {
				continue
			}
			id, _ := strconv.ParseInt(rs.Primary.ID, 10, 64)
			f, err := env.Client.GetFile(context.Background(), id)
			if err == nil && !f.InTrash() {
				return fmt.Errorf("%s (file %d) still exists in %d", addr, id, f.FolderID)
			}
			if err != nil && !docspace.IsNotFound(err) {
				return fmt.Errorf("%s: %w", addr, err)
			}
		}
		return nil
	}
}

// checkPortalFile reads file *id from the portal and compares its version and, on the fake, its content.
func checkPortalFile(env *acctest.Env, id *int64, version int, content []byte) func(*terraform.State) error {
	return func(*terraform.State) error {
		f, err := env.Client.GetFile(context.Background(), *id)
		if err != nil {
			return err
		}
		if f.Version != version {
			return fmt.Errorf("file %d is at version %d, want %d", *id, f.Version, version)
		}
		if env.Fake != nil {
			stored, _ := env.Fake.File(*id)
			if !bytes.Equal(stored.Content, content) {
				return fmt.Errorf("file %d holds %q, want %q", *id, stored.Content, content)
			}
		}
		return nil
	}
}

// expectAction expects the plan to do action to docspace_file.f.
func expectAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("docspace_file.f", action)}}
}

// TestAccFile_lifecycle: an inline file is uploaded, imported, given new content (a new version of the
// same file), renamed in place, and given a new extension (a new file).
func TestAccFile_lifecycle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("files")
	v1, v2 := "Welcome to the project.\n", "Welcome to the project, second edition.\n"
	same := statecheck.CompareValue(compare.ValuesSame())
	var id int64
	env.Run(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(checkFilesDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{
				Config: fileRoomConfig(env, prefix, "custom", fileBlock("f", "Welcome.md", inline(v1))),
				ConfigStateChecks: []statecheck.StateCheck{
					same.AddStateValue("docspace_file.f", tfjsonpath.New("id")),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("title"), knownvalue.StringExact("Welcome.md")),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("content_sha256"), knownvalue.StringExact(sha([]byte(v1)))),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("version"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("size"), knownvalue.Int64Exact(int64(len(v1)))),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("is_form"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("permanent_delete"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("web_url"), knownvalue.NotNull()),
					statecheck.CompareValuePairs("docspace_file.f", tfjsonpath.New("folder_id"), "docspace_room.r", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs("docspace_file.f", tfjsonpath.New("room_id"), "docspace_room.r", tfjsonpath.New("id"), compare.ValuesSame()),
				},
				Check: resource.ComposeTestCheckFunc(fileID("docspace_file.f", &id), checkPortalFile(env, &id, 1, []byte(v1))),
			},
			{
				// What an import cannot read back: the content, which is never downloaded.
				ResourceName: "docspace_file.f", ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"content", "content_sha256"},
			},
			{
				// New content: a new version of the same file.
				Config:           fileRoomConfig(env, prefix, "custom", fileBlock("f", "Welcome.md", inline(v2))),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					same.AddStateValue("docspace_file.f", tfjsonpath.New("id")),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("version"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("content_sha256"), knownvalue.StringExact(sha([]byte(v2)))),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("size"), knownvalue.Int64Exact(int64(len(v2)))),
				},
				Check: checkPortalFile(env, &id, 2, []byte(v2)),
			},
			{
				// A new title with the same extension: renamed in place, the content untouched.
				Config:           fileRoomConfig(env, prefix, "custom", fileBlock("f", "Read me first.md", inline(v2))),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					same.AddStateValue("docspace_file.f", tfjsonpath.New("id")),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("title"), knownvalue.StringExact("Read me first.md")),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("version"), knownvalue.Int64Exact(2)),
				},
				Check: checkPortalFile(env, &id, 2, []byte(v2)),
			},
			{
				// Title and content at once: one new version, one rename.
				Config: fileRoomConfig(env, prefix, "custom", fileBlock("f", "Welcome.md", inline(v1))),
				ConfigStateChecks: []statecheck.StateCheck{
					same.AddStateValue("docspace_file.f", tfjsonpath.New("id")),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("title"), knownvalue.StringExact("Welcome.md")),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("version"), knownvalue.Int64Exact(3)),
				},
				Check: checkPortalFile(env, &id, 3, []byte(v1)),
			},
			{Config: fileRoomConfig(env, prefix, "custom", fileBlock("f", "Welcome.md", inline(v1))), PlanOnly: true},
			{
				// A new extension: the portal keeps extensions on rename, so only a new file could have it. The provider
				// replaces nothing on its own: the apply refuses it before any call, naming -replace.
				Config:           fileRoomConfig(env, prefix, "custom", fileBlock("f", "Welcome.txt", inline(v1))),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
				ExpectError:      wrapped(`(?s)A file's extension cannot change.*a .md file.*"Welcome.txt" would become "Welcome.txt.md".*terraform apply -replace`),
			},
			{
				// Replaced on purpose (as -replace does): a new file, and the old one is in the Trash.
				Config:           fileRoomConfig(env, prefix, "custom", fileBlock("f", "Welcome.txt", inline(v1))),
				Taint:            []string{"docspace_file.f"},
				ConfigPlanChecks: expectAction(plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("title"), knownvalue.StringExact("Welcome.txt")),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("version"), knownvalue.Int64Exact(1)),
				},
				Check: func(*terraform.State) error {
					old, err := env.Client.GetFile(context.Background(), id)
					if err != nil || !old.InTrash() {
						return fmt.Errorf("the replaced file %d: %+v, %v; want it in the Trash", id, old, err)
					}
					return nil
				},
			},
		},
	})
}

// TestAccFile_newPlaceIsRefused: a new folder_id is never a replacement. The apply refuses it before any
// call, naming -replace, the file stays where it is, and the pending change does not stop a destroy.
func TestAccFile_newPlaceIsRefused(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("files")
	other := fmt.Sprintf(`
resource "docspace_room" "o" {
  title     = "%s other"
  room_type = "custom"
}
`, prefix)
	in := func(folder string) string {
		return fmt.Sprintf(`
resource "docspace_file" "f" {
  folder_id = %s
  title     = "Notes.txt"
  content   = "notes"
}
`, folder)
	}
	var id, room int64
	env.Run(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(checkFilesDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{
				Config: fileRoomConfig(env, prefix, "custom", other, in("docspace_room.r.id")),
				Check:  resource.ComposeTestCheckFunc(fileID("docspace_file.f", &id), fileID("docspace_room.r", &room)),
			},
			{
				Config:           fileRoomConfig(env, prefix, "custom", other, in("docspace_room.o.id")),
				ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
				ExpectError:      wrapped(`(?s)File is not where the configuration puts it.*does not move files.*terraform apply -replace`),
			},
			{
				// The file was neither moved nor replaced, and the pending change does not stop a destroy.
				PreConfig: func() {
					f, err := env.Client.GetFile(context.Background(), id)
					if err != nil || f.FolderID != room {
						t.Fatalf("file %d after the refused apply: %+v, %v; want it unchanged in room %d", id, f, err, room)
					}
				},
				Config:  fileRoomConfig(env, prefix, "custom", other, in("docspace_room.o.id")),
				Destroy: true,
			},
		},
	})
}

// TestAccFile_source: a local file is hashed at plan time; a change of the file on disk is a new version,
// and content_base64 uploads bytes.
func TestAccFile_source(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("files")
	dir := t.TempDir()
	src := filepath.Join(dir, "Handbook.docx")
	v1 := bytes.Repeat([]byte("PK handbook v1 "), 1000)
	v2 := append(bytes.Clone(v1), []byte(" and an appendix")...)
	if err := os.WriteFile(src, v1, 0o600); err != nil {
		t.Fatal(err)
	}
	bin := []byte{0, 1, 2, 0xFF, 0xFE, 'x'}
	config := fileRoomConfig(env, prefix, "custom",
		fileBlock("doc", "Handbook.docx", fmt.Sprintf("  source = %q\n", src)),
		fileBlock("bin", "data.bin", fmt.Sprintf("  content_base64 = %q\n", "AAEC//54")))
	var id int64
	env.Run(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(checkFilesDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_file.doc", tfjsonpath.New("content_sha256"), knownvalue.StringExact(sha(v1))),
					statecheck.ExpectKnownValue("docspace_file.doc", tfjsonpath.New("size"), knownvalue.Int64Exact(int64(len(v1)))),
					statecheck.ExpectKnownValue("docspace_file.bin", tfjsonpath.New("content_sha256"), knownvalue.StringExact(sha(bin))),
					statecheck.ExpectKnownValue("docspace_file.bin", tfjsonpath.New("size"), knownvalue.Int64Exact(int64(len(bin)))),
				},
				Check: resource.ComposeTestCheckFunc(fileID("docspace_file.doc", &id), checkPortalFile(env, &id, 1, v1)),
			},
			{Config: config, PlanOnly: true},
			{
				// The file on disk changed: the plan shows its new hash, and the apply uploads version 2.
				PreConfig: func() {
					if err := os.WriteFile(src, v2, 0o600); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_file.doc", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("docspace_file.bin", plancheck.ResourceActionNoop),
					plancheck.ExpectKnownValue("docspace_file.doc", tfjsonpath.New("content_sha256"), knownvalue.StringExact(sha(v2))),
					plancheck.ExpectUnknownValue("docspace_file.doc", tfjsonpath.New("version")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_file.doc", tfjsonpath.New("version"), knownvalue.Int64Exact(2)),
				},
				Check: checkPortalFile(env, &id, 2, v2),
			},
			{
				// A source that cannot be read: a warning at plan time (destroy must still work), an error at apply.
				PreConfig: func() {
					if err := os.Remove(src); err != nil {
						t.Fatal(err)
					}
				},
				Config:      config,
				ExpectError: wrapped(`(?s)Cannot read the content to upload.*Nothing was uploaded`),
			},
		},
	})
}

// TestAccFile_editedInDocSpace: a new version made in DocSpace shows as drift; the apply uploads the
// configured content again, and the plan after it is empty.
func TestAccFile_editedInDocSpace(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "edits a file as a person in the DocSpace editor does")
	warnings := env.RecordWarnings()
	prefix := acctest.RandomName("files")
	text := "The policy, as approved.\n"
	config := fileRoomConfig(env, prefix, "custom", fileBlock("f", "Policy.md", inline(text)))
	var id int64
	env.Run(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(checkFilesDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{Config: config, Check: fileID("docspace_file.f", &id)},
			{
				PreConfig:          func() { warnings.Reset(); env.Fake.EditFile(id, []byte("The policy, as someone changed it.\n")) },
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr("docspace_file.f", "version", "2"),
					resource.TestCheckResourceAttr("docspace_file.f", "content_sha256", "changed in DocSpace (version 2)"),
					warnings.Check("File was changed in DocSpace", strconv.FormatInt(id, 10), "version 2", "uploaded last is 1"),
				),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_file.f", plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("content_sha256"), knownvalue.StringExact(sha([]byte(text)))),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("version"), knownvalue.Int64Exact(3)),
				},
				Check: checkPortalFile(env, &id, 3, []byte(text)),
			},
			{Config: config, PlanOnly: true},
		},
	})
}

// TestAccFile_gone: a file renamed outside Terraform is renamed back; one moved into the Trash, or
// deleted, is removed from the state with a warning, and uploaded again.
func TestAccFile_gone(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	warnings := env.RecordWarnings()
	prefix := acctest.RandomName("files")
	config := fileRoomConfig(env, prefix, "custom", fileBlock("f", "Notes.txt", inline("notes")))
	var id int64
	env.Run(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(checkFilesDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{Config: config, Check: fileID("docspace_file.f", &id)},
			{
				// Renamed in DocSpace: renamed back in place, the content untouched.
				PreConfig: func() {
					if _, err := env.Client.RenameFile(t.Context(), id, "Renamed by a person.txt"); err != nil {
						t.Fatal(err)
					}
				},
				Config:           config,
				ConfigPlanChecks: expectAction(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("title"), knownvalue.StringExact("Notes.txt")),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("version"), knownvalue.Int64Exact(1)),
				},
			},
			{
				PreConfig: func() {
					warnings.Reset()
					if err := env.Client.DeleteFile(t.Context(), id, false); err != nil {
						t.Fatal(err)
					}
				},
				Config:           config,
				ConfigPlanChecks: expectAction(plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(
					warnings.Check("File is in the Trash", strconv.FormatInt(id, 10), "restore it from the Trash"),
					fileID("docspace_file.f", &id),
				),
			},
			{
				PreConfig: func() {
					warnings.Reset()
					if err := env.Client.DeleteFile(t.Context(), id, true); err != nil {
						t.Fatal(err)
					}
				},
				Config:           config,
				ConfigPlanChecks: expectAction(plancheck.ResourceActionCreate),
				Check:            warnings.Check("File not found", strconv.FormatInt(id, 10), "lifetime"),
			},
		},
	})
}

// TestAccFile_existingTitle: a file of the same title (letter case aside) already in the room is never
// uploaded over: the error names the import command with its id, and the file keeps its one version.
func TestAccFile_existingTitle(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("files")
	room := outOfBandRoom(t, env, prefix)
	theirs := []byte("someone else's agenda")
	existing, err := env.Client.CreateFile(t.Context(), docspace.Upload{FolderID: room, Title: "Agenda.md", Size: int64(len(theirs)),
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(theirs)), nil }})
	if err != nil {
		t.Fatal(err)
	}
	block := fmt.Sprintf(`
resource "docspace_file" "f" {
  folder_id = %q
  title     = "agenda.md"
  content   = "our agenda"
}
`, sid(room))
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:      env.ProviderConfig() + block,
			ExpectError: wrapped(fmt.Sprintf(`(?s)A file with this title exists.*already holds file %d titled "Agenda.md". Nothing was uploaded.*terraform import docspace_file.<name> %d`, existing.ID, existing.ID)),
		}},
		CheckDestroy: func(*terraform.State) error {
			files, err := env.Client.ListFiles(context.Background(), room, "")
			if err != nil {
				return err
			}
			if len(files) != 1 || files[0].ID != existing.ID || files[0].Version != 1 {
				return fmt.Errorf("the room holds %+v; want only file %d, at version 1", files, existing.ID)
			}
			return nil
		},
	})
}

// TestAccFile_abandonedCreation: a file still carries the creation marker of an earlier creation of the
// same title whose process was killed before it renamed the file. The apply uploads nothing: it names the
// file and the import command, as for the other kinds.
func TestAccFile_abandonedCreation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "leaves a file with another creation's marker on the portal")
	room := outOfBandRoom(t, env, acctest.RandomName("files"))
	left := env.Fake.AddFileContent(room, "Notes [tf-pending-u-0123456789ab].txt", []byte("left behind"))
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:      env.ProviderConfig() + fileBlockIn(room, "Notes.txt", "ours"),
			ExpectError: wrapped(fmt.Sprintf(`(?s)Unfinished earlier creation.*DocSpace file %d, titled.*terraform import docspace_file.<name> %d`, left, left)),
		}},
		CheckDestroy: func(*terraform.State) error {
			if files := env.Fake.FilesIn(room); len(files) != 1 || files[0].ID != left {
				return fmt.Errorf("the room holds %+v; want only the abandoned file %d", files, left)
			}
			return nil
		},
	})
}

// fileBlockIn is the docspace_file "f" titled title in folder with the inline content.
func fileBlockIn(folder int64, title, content string) string {
	return fmt.Sprintf(`
resource "docspace_file" "f" {
  folder_id = %q
  title     = %q
  content   = %q
}
`, sid(folder), title, content)
}

// TestAccFile_forms: a form-filling room refuses what is not a PDF form before anything is uploaded; a
// form goes in, the room gains its two system folders, and the plan after it is empty.
func TestAccFile_forms(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	warnings := env.RecordWarnings()
	prefix := acctest.RandomName("forms")
	form, form2 := pdfform.Sample("Intake", 2000), pdfform.Sample("Intake, second edition", 2000)
	formB64 := base64.StdEncoding.EncodeToString(form)
	plainPDF := "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"
	var room, id int64
	// onlyFile checks that the room holds no file but *want (none when it is 0).
	onlyFile := func(want *int64) func(*terraform.State) error {
		return func(*terraform.State) error {
			files, err := env.Client.ListFiles(context.Background(), room, "")
			if err != nil || (*want == 0 && len(files) != 0) || (*want != 0 && (len(files) != 1 || files[0].ID != *want)) {
				return fmt.Errorf("the room holds %+v (%v); want only file %d", files, err, *want)
			}
			return nil
		}
	}
	formConfig := fileRoomConfig(env, prefix, "form_filling", fileBlock("f", "Intake.pdf", fmt.Sprintf("  content_base64 = %q\n", formB64)))
	env.Run(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(checkFilesDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{Config: fileRoomConfig(env, prefix, "form_filling"), Check: env.CaptureRoomID("docspace_room.r", &room)},
			{
				// A plain PDF: warned of at plan time, refused by the apply before any upload.
				PreConfig:   warnings.Reset,
				Config:      fileRoomConfig(env, prefix, "form_filling", fileBlock("f", "Intake.pdf", fmt.Sprintf("  content_base64 = %q\n", base64.StdEncoding.EncodeToString([]byte(plainPDF))))),
				ExpectError: wrapped(`(?s)Not an ONLYOFFICE PDF form.*form-filling room.*Nothing was changed`),
			},
			{
				// Nothing was uploaded, and the plan had warned.
				Config: fileRoomConfig(env, prefix, "form_filling"),
				Check: resource.ComposeTestCheckFunc(onlyFile(&id),
					warnings.Check("Applying this plan will fail here", "lack the form signature")),
			},
			{
				// A form under a title that is no .pdf.
				Config:      fileRoomConfig(env, prefix, "form_filling", fileBlock("f", "Intake.docx", fmt.Sprintf("  content_base64 = %q\n", formB64))),
				ExpectError: wrapped(`(?s)A form-filling room takes only PDF forms.*does not end in .pdf`),
			},
			{
				Config: formConfig,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("is_form"), knownvalue.Bool(true)),
				},
				Check: resource.ComposeTestCheckFunc(
					fileID("docspace_file.f", &id),
					onlyFile(&id), // no leftovers of the refused steps
					func(s *terraform.State) error {
						if env.Fake == nil {
							return nil
						}
						titles := map[string]bool{}
						for _, title := range env.Fake.SystemFolders(room) {
							titles[title] = true
						}
						if !titles["Complete"] || !titles["In process"] || len(titles) != 2 {
							return fmt.Errorf("the room's system folders are %v; want Complete and In process", titles)
						}
						return nil
					},
				),
			},
			// The system folders the form made are the room's: nothing to do.
			{Config: formConfig, PlanOnly: true},
			{
				// New content that is no form: refused before any upload.
				Config:      fileRoomConfig(env, prefix, "form_filling", fileBlock("f", "Intake.pdf", fmt.Sprintf("  content_base64 = %q\n", base64.StdEncoding.EncodeToString([]byte(plainPDF))))),
				ExpectError: wrapped(`(?s)Not an ONLYOFFICE PDF form.*Nothing was changed`),
			},
			{
				// A new version of the form: uploaded, with a warning that a started filling stops.
				PreConfig: warnings.Reset,
				Config:    fileRoomConfig(env, prefix, "form_filling", fileBlock("f", "Intake.pdf", fmt.Sprintf("  content_base64 = %q\n", base64.StdEncoding.EncodeToString(form2)))),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("version"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("is_form"), knownvalue.Bool(true)),
				},
				Check: resource.ComposeTestCheckFunc(onlyFile(&id), warnings.Check("A new version of a form", "stops any filling")),
			},
		},
	})
}

// TestAccFile_locked: new content for a locked file is warned of at plan time and refused by the apply,
// which uploads nothing: the portal would make a second file of the title.
func TestAccFile_locked(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "locks a file as a person in the web interface does")
	warnings := env.RecordWarnings()
	prefix := acctest.RandomName("files")
	var id, room int64
	env.Run(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(checkFilesDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{
				Config: fileRoomConfig(env, prefix, "custom", fileBlock("f", "Budget.csv", inline("a,b\n"))),
				Check:  resource.ComposeTestCheckFunc(fileID("docspace_file.f", &id), env.CaptureRoomID("docspace_room.r", &room)),
			},
			{
				PreConfig:   func() { warnings.Reset(); env.Fake.LockFile(id, "", true) },
				Config:      fileRoomConfig(env, prefix, "custom", fileBlock("f", "Budget.csv", inline("a,b\n1,2\n"))),
				ExpectError: wrapped(`(?s)The file is being edited.*locked by.*second file with the same title.*Nothing was changed`),
			},
			{
				// Unlocked: the new content goes up as version 2 of the one file.
				PreConfig: func() {
					if err := warnings.Check("Applying this plan will fail here", "is locked")(nil); err != nil {
						t.Error(err)
					}
					if files := env.Fake.FilesIn(room); len(files) != 1 || files[0].Versions != 1 {
						t.Errorf("after the refused apply the room holds %+v; want the one file at version 1", files)
					}
					env.Fake.LockFile(id, "", false)
				},
				Config: fileRoomConfig(env, prefix, "custom", fileBlock("f", "Budget.csv", inline("a,b\n1,2\n"))),
				Check:  checkPortalFile(env, &id, 2, []byte("a,b\n1,2\n")),
			},
		},
	})
}

// TestAccFile_permanentDelete: permanent_delete deletes the file for good.
func TestAccFile_permanentDelete(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("files")
	var id int64
	env.Run(t, resource.TestCase{
		CheckDestroy: func(s *terraform.State) error {
			if _, err := env.Client.GetFile(context.Background(), id); !docspace.IsNotFound(err) {
				return fmt.Errorf("file %d after destroy: %v; want 404", id, err)
			}
			return env.CheckRoomsDestroyed("docspace_room")(s)
		},
		Steps: []resource.TestStep{{
			Config: fileRoomConfig(env, prefix, "custom", fileBlock("f", "Scratch.txt", inline("x")+"  permanent_delete = true\n")),
			Check:  fileID("docspace_file.f", &id),
		}},
	})
}

// TestAccFile_trashByDefault: destroy moves the file into the Trash of the key's user, where it can be
// restored.
func TestAccFile_trashByDefault(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("files")
	room := outOfBandRoom(t, env, prefix)
	var id int64
	env.Run(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			f, err := env.Client.GetFile(context.Background(), id)
			if err != nil || !f.InTrash() {
				return fmt.Errorf("file %d after destroy: %+v, %v; want it in the Trash", id, f, err)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_file" "f" {
  folder_id = %q
  title     = "Minutes.txt"
  content   = "minutes"
}
`, sid(room)),
			Check: fileID("docspace_file.f", &id),
		}},
	})
}

// TestAccFile_planTimeValidation: what the portal would refuse, rewrite or convert is refused at plan time,
// naming the title to write.
func TestAccFile_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("files")
	step := func(title, body, want string) resource.TestStep {
		return resource.TestStep{
			Config:      fileRoomConfig(env, prefix, "custom", fileBlock("f", title, body)),
			PlanOnly:    true,
			ExpectError: wrapped(want),
		}
	}
	text := inline("x")
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		step("Q1: plan.txt", text, `(?s)Invalid file title.*would store it as "Q1_ plan.txt": write title = "Q1_ plan.txt"`),
		step("Report.PDF", text, `(?s)extension in lower case.*write title = "Report.pdf"`),
		step("Minutes.doc", text, `(?s)converts .doc files to .docx.*write title = "Minutes.docx"`),
		step("Figures.xls", text, `(?s)converts .xls files to .xlsx.*write title = "Figures.xlsx"`),
		step(strings.Repeat("x", 162)+".txt", text, `(?s)is 166 characters long; the portal allows at most 165`),
		step(" Notes.txt", text, `(?s)must not start or end with white space.*write title = "Notes.txt"`),
		step("Notes.txt", "", `(?s)Invalid Attribute Combination.*source.*content.*content_base64`),
		step("Notes.txt", text+"  source = \"x.txt\"\n", `(?s)Invalid Attribute Combination`),
		step("Notes.txt", "  content_base64 = \"not base64!\"\n", `(?s)Invalid base64 content`),
	}})
}

// TestAccIdentity_file: a file's identity is its id and the portal's host, and an import block can name
// it (Terraform 1.12 and later).
func TestAccIdentity_file(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	config := fileRoomConfig(env, acctest.RandomName("files"), "custom", fileBlock("f", "Agenda.md", inline("agenda")))
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		CheckDestroy:           resource.ComposeTestCheckFunc(checkFilesDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity("docspace_file.f", map[string]knownvalue.Check{
						"id": knownvalue.NotNull(), "host": knownvalue.NotNull(),
					}),
				},
			},
			{
				ResourceName: "docspace_file.f", ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
				// An imported file's content is not known to Terraform until the next apply uploads it.
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_file.f", plancheck.ResourceActionUpdate),
				}},
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// rewriteFile is a pre-apply plan check that writes content to a file between the plan and the apply.
type rewriteFile struct {
	path    string
	content []byte
}

func (c rewriteFile) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if err := os.WriteFile(c.path, c.content, 0o600); err != nil {
		resp.Error = err
	}
}

// TestAccFile_largeSource: a file above the simple-upload size goes up in chunks, and an apply whose
// source changed after the plan stops before uploading anything.
func TestAccFile_largeSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("files")
	src := filepath.Join(t.TempDir(), "Recording.bin")
	big := bytes.Repeat([]byte("0123456789abcdef"), 25<<20/16) // 25 MiB: three chunks of 10 MiB
	if err := os.WriteFile(src, big, 0o600); err != nil {
		t.Fatal(err)
	}
	config := fileRoomConfig(env, prefix, "custom", fileBlock("f", "Recording.bin", fmt.Sprintf("  source = %q\n", src)))
	var id int64
	env.Run(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(checkFilesDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("size"), knownvalue.Int64Exact(int64(len(big)))),
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("content_sha256"), knownvalue.StringExact(sha(big))),
				},
				Check: resource.ComposeTestCheckFunc(fileID("docspace_file.f", &id), checkPortalFile(env, &id, 1, big), func(*terraform.State) error {
					if env.Fake == nil {
						return nil
					}
					if n := env.Fake.Counts()["POST /api/2.0/files/{id}/session/{id}"]; n != 3 {
						return fmt.Errorf("%d chunks were sent, want 3", n)
					}
					if n := env.Fake.UploadSessions(); n != 0 {
						return fmt.Errorf("%d upload sessions are left open", n)
					}
					return nil
				}),
			},
			{
				// Changed on disk after the plan: the plan Terraform makes again while applying reads the new
				// hash, Terraform stops the apply, and nothing is uploaded. (The upload itself also compares the
				// bytes it is about to send with the plan's hash.)
				PreConfig: func() {
					if err := os.WriteFile(src, []byte("plan this"), 0o600); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					rewriteFile{src, []byte("but apply this")},
				}},
				ExpectError: wrapped(`(?s)inconsistent final plan.*content_sha256`),
			},
			{
				PreConfig: func() {
					if f, _ := env.Client.GetFile(t.Context(), id); f == nil || f.Version != 1 {
						t.Errorf("after the refused apply the file is %+v; want version 1", f)
					}
				},
				Config: config,
				Check:  checkPortalFile(env, &id, 2, []byte("but apply this")),
			},
		},
	})
}

// TestAccFile_contentKnownOnlyAtApply: content that the plan cannot know (it names another resource that
// is being replaced) is compared at apply time, and unchanged content is not uploaded again.
func TestAccFile_contentKnownOnlyAtApply(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("files")
	config := fileRoomConfig(env, prefix, "custom", `
resource "docspace_room" "o" {
  title     = "`+prefix+` other"
  room_type = "custom"
}
`, fileBlock("f", "Notes.txt", `  content   = "notes${substr(docspace_room.o.id, 0, 0)}"
`))
	var id int64
	env.Run(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(checkFilesDestroyed(env), env.CheckRoomsDestroyed("docspace_room")),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeTestCheckFunc(fileID("docspace_file.f", &id), checkPortalFile(env, &id, 1, []byte("notes")))},
			{
				Config: config,
				Taint:  []string{"docspace_room.o"},
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_file.f", plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue("docspace_file.f", tfjsonpath.New("content_sha256")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_file.f", tfjsonpath.New("content_sha256"), knownvalue.StringExact(sha([]byte("notes")))),
				},
				Check: checkPortalFile(env, &id, 1, []byte("notes")),
			},
		},
	})
}
