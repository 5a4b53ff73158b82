package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// handmadeTree is a room whose folders were made outside Terraform, as by hand or by a template:
//
//	01 Contracts/            contracts
//	01 Contracts/Drafts      drafts
//	01 Contracts/Signed      signed
//	01 Contracts/Signed/2025 signed2025
//	02 Invoices              invoices
//	Dup, Dup                 dup1, dup2 (one title twice)
type handmadeTree struct {
	room                                                        int64
	contracts, drafts, signed, signed2025, invoices, dup1, dup2 int64
}

func newHandmadeTree(t *testing.T, env *acctest.Env) *handmadeTree {
	t.Helper()
	ctx := context.Background()
	tr := &handmadeTree{room: outOfBandRoom(t, env, acctest.RandomName("handmade"))}
	mk := func(parent int64, title string) int64 {
		f, err := env.Client.CreateFolder(ctx, parent, title)
		if err != nil {
			t.Fatalf("creating folder %q: %v", title, err)
		}
		return f.ID
	}
	tr.contracts = mk(tr.room, "01 Contracts")
	tr.signed = mk(tr.contracts, "Signed")
	tr.drafts = mk(tr.contracts, "Drafts")
	tr.signed2025 = mk(tr.signed, "2025")
	tr.invoices = mk(tr.room, "02 Invoices")
	tr.dup1 = mk(tr.room, "Dup")
	tr.dup2 = mk(tr.room, "Dup")
	return tr
}

func sid(id int64) string { return strconv.FormatInt(id, 10) }

// folderValues checks a docspace_folder data source's attributes.
func folderValues(addr string, id int64, title string, room, parent int64) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(sid(id))),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("title"), knownvalue.StringExact(title)),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("room_id"), knownvalue.StringExact(sid(room))),
		statecheck.ExpectKnownValue(addr, tfjsonpath.New("parent_id"), knownvalue.StringExact(sid(parent))),
	}
}

func TestAccFolderDataSource_lookups(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	tr := newHandmadeTree(t, env)
	config := env.ProviderConfig() + fmt.Sprintf(`
data "docspace_folder" "by_id" {
  id = %[2]q
}

data "docspace_folder" "in_room" {
  room_id = %[1]q
  title   = "01 Contracts"
}

data "docspace_folder" "in_folder" {
  parent_id = data.docspace_folder.in_room.id
  title     = "Signed"
}

data "docspace_folder" "deep" {
  parent_id = data.docspace_folder.in_folder.id
  title     = "2025"
}
`, sid(tr.room), sid(tr.signed2025))
	var checks []statecheck.StateCheck
	checks = append(checks, folderValues("data.docspace_folder.by_id", tr.signed2025, "2025", tr.room, tr.signed)...)
	checks = append(checks, folderValues("data.docspace_folder.in_room", tr.contracts, "01 Contracts", tr.room, tr.room)...)
	checks = append(checks, folderValues("data.docspace_folder.in_folder", tr.signed, "Signed", tr.room, tr.contracts)...)
	checks = append(checks, folderValues("data.docspace_folder.deep", tr.signed2025, "2025", tr.room, tr.signed)...)
	made, err := env.Client.GetFolder(t.Context(), tr.signed2025)
	if err != nil || made.CreatedBy == nil || made.CreatedBy.ID == "" || made.Created.IsZero() {
		t.Fatalf("reading folder 2025: %+v, %v", made, err)
	}
	for _, addr := range []string{"data.docspace_folder.by_id", "data.docspace_folder.deep"} {
		checks = append(checks,
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("owner_id"), knownvalue.StringExact(made.CreatedBy.ID)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("created"), knownvalue.StringExact(made.Created.UTC().Format(time.RFC3339))))
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{Config: config, ConfigStateChecks: checks}}})
}

func TestAccFolderDataSource_errors(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	tr := newHandmadeTree(t, env)
	lookup := func(body string) string {
		return env.ProviderConfig() + "\ndata \"docspace_folder\" \"x\" {\n" + body + "\n}\n"
	}
	inRoom := func(title string) string { return lookup(fmt.Sprintf("room_id = %q\ntitle = %q", sid(tr.room), title)) }
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			// Titles are not unique: the error names every candidate.
			Config: inRoom("Dup"),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Several folders have this title.*2 folders directly in room %d are\s+titled "Dup"\s+\(ids %d,\s+%d\)`,
				tr.room, tr.dup1, tr.dup2)),
		},
		{
			Config:      inRoom("03 Reports"),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)No such folder.*No folder directly in room %d is titled "03 Reports"\.`, tr.room)),
		},
		{
			// Letter case counts; the near miss is named.
			Config:      inRoom("01 contracts"),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)No such folder.*differ only in letter case: %d\s+\("01 Contracts"\)`, tr.contracts)),
		},
		{
			// Only the folders directly in the parent count: "2025" is one level deeper.
			Config:      lookup(fmt.Sprintf("parent_id = %q\ntitle = \"2025\"", sid(tr.contracts))),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`No folder directly in folder %d is titled "2025"`, tr.contracts)),
		},
		{
			// room_id names a room; a folder there is refused, with the way to look inside it.
			Config:      lookup(fmt.Sprintf("room_id = %q\ntitle = \"Signed\"", sid(tr.contracts))),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Not a room.*%d is folder "01 Contracts" of room %d`, tr.contracts, tr.room)),
		},
		{
			Config:      lookup(`title = "01 Contracts"`),
			ExpectError: regexp.MustCompile(`Where to look for the folder`),
		},
		{
			// A room is not a folder. The fake answers 404 to a room's id on the folder call; a portal that answers
			// with the room gets "Not a folder" from its two breadcrumbs.
			Config:      lookup(fmt.Sprintf("id = %q", sid(tr.room))),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`No DocSpace folder has the id %[1]d|DocSpace object %[1]d is the room`, tr.room)),
		},
		{
			Config:      lookup(`id = "999999999"`),
			ExpectError: regexp.MustCompile(`No DocSpace folder has the id 999999999`),
		},
		{
			Config:      lookup(fmt.Sprintf("id = %q\nroom_id = %q", sid(tr.contracts), sid(tr.room))),
			ExpectError: regexp.MustCompile(`Invalid Attribute Combination`),
		},
	}})
}

// folderEntry checks one entry of docspace_folders.
func folderEntry(id int64, title string, parent int64, path string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id": knownvalue.StringExact(sid(id)), "title": knownvalue.StringExact(title),
		"parent_id": knownvalue.StringExact(sid(parent)), "path": knownvalue.StringExact(path),
	})
}

func TestAccFoldersDataSource_tree(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	tr := newHandmadeTree(t, env)
	config := env.ProviderConfig() + fmt.Sprintf(`
data "docspace_folders" "all" {
  room_id = %[1]q
}

data "docspace_folders" "contracts" {
  room_id   = %[1]q
  parent_id = %[2]q
}

data "docspace_folders" "leaf" {
  room_id   = %[1]q
  parent_id = %[3]q
}
`, sid(tr.room), sid(tr.contracts), sid(tr.signed2025))
	dups := []knownvalue.Check{folderEntry(tr.dup1, "Dup", tr.room, "Dup"), folderEntry(tr.dup2, "Dup", tr.room, "Dup")}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.docspace_folders.all", tfjsonpath.New("folders"), knownvalue.ListExact(append([]knownvalue.Check{
					folderEntry(tr.contracts, "01 Contracts", tr.room, "01 Contracts"),
					folderEntry(tr.drafts, "Drafts", tr.contracts, "01 Contracts/Drafts"),
					folderEntry(tr.signed, "Signed", tr.contracts, "01 Contracts/Signed"),
					folderEntry(tr.signed2025, "2025", tr.signed, "01 Contracts/Signed/2025"),
					folderEntry(tr.invoices, "02 Invoices", tr.room, "02 Invoices"),
				}, dups...))),
				statecheck.ExpectKnownValue("data.docspace_folders.all", tfjsonpath.New("id"), knownvalue.StringExact(sid(tr.room))),
				// Below a folder: paths still start at the room.
				statecheck.ExpectKnownValue("data.docspace_folders.contracts", tfjsonpath.New("folders"), knownvalue.ListExact([]knownvalue.Check{
					folderEntry(tr.drafts, "Drafts", tr.contracts, "01 Contracts/Drafts"),
					folderEntry(tr.signed, "Signed", tr.contracts, "01 Contracts/Signed"),
					folderEntry(tr.signed2025, "2025", tr.signed, "01 Contracts/Signed/2025"),
				})),
				statecheck.ExpectKnownValue("data.docspace_folders.leaf", tfjsonpath.New("folders"), knownvalue.ListExact(nil)),
			},
		},
		{
			// A folder of another room is refused.
			Config: env.ProviderConfig() + fmt.Sprintf(`
data "docspace_folders" "elsewhere" {
  room_id   = %q
  parent_id = %q
}
`, sid(outOfBandRoom(t, env, acctest.RandomName("other"))), sid(tr.contracts)),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`Folder %d \("01 Contracts"\) is in room %d`, tr.contracts, tr.room)),
		},
		{
			// room_id names a room.
			Config: env.ProviderConfig() + fmt.Sprintf(`
data "docspace_folders" "folder" {
  room_id = %q
}
`, sid(tr.signed)),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Not a room.*set room_id = "%d"\s+and\s+parent_id = "%d"`, tr.room, tr.signed)),
		},
	}})
}
