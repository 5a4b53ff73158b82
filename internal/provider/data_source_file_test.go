package provider_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
	"github.com/docspace-community/terraform-provider-docspace/internal/pdfform"
)

// uploadOutOfBand puts a file into a room or folder outside Terraform, as a person would.
func uploadOutOfBand(t *testing.T, env *acctest.Env, folder int64, title string, content []byte) *docspace.File {
	t.Helper()
	f, err := env.Client.CreateFile(t.Context(), docspace.Upload{FolderID: folder, Title: title, Size: int64(len(content)),
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(content)), nil }})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestAccFileDataSource finds a form people uploaded by its title (letter case as the portal ignores it)
// and by id, and refuses a title nobody uses.
func TestAccFileDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	room := outOfBandRoom(t, env, acctest.RandomName("files"))
	form := pdfform.Sample("Leave request", 500)
	f := uploadOutOfBand(t, env, room, "Leave request.pdf", form)
	uploadOutOfBand(t, env, room, "Other.txt", []byte("other"))
	byTitle := fmt.Sprintf(`
data "docspace_file" "t" {
  folder_id = %q
  title     = "leave REQUEST.pdf"
}
data "docspace_file" "i" {
  id = %q
}
`, sid(room), sid(f.ID))
	fileChecks := func(addr string) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(sid(f.ID))),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("title"), knownvalue.StringExact("Leave request.pdf")),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("folder_id"), knownvalue.StringExact(sid(room))),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("version"), knownvalue.Int64Exact(1)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("size"), knownvalue.Int64Exact(int64(len(form)))),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("is_form"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("web_url"), knownvalue.NotNull()),
		}
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config:            env.ProviderConfig() + byTitle,
			ConfigStateChecks: append(fileChecks("data.docspace_file.t"), fileChecks("data.docspace_file.i")...),
		},
		{
			Config: env.ProviderConfig() + fmt.Sprintf(`
data "docspace_file" "t" {
  folder_id = %q
  title     = "Missing.pdf"
}
`, sid(room)),
			ExpectError: wrapped(fmt.Sprintf(`(?s)No such file.*No file directly in room or folder %d is titled "Missing.pdf"`, room)),
		},
	}})
}
