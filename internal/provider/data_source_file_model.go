package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// fileDataModelV0 holds the file attributes the portal reports, as the docspace_file resource names them.
// What only the resource has (content, content_sha256, permanent_delete, room_id, timeouts) is left out.
type fileDataModelV0 struct {
	ID       types.String `tfsdk:"id"`
	Title    types.String `tfsdk:"title"`
	FolderID types.String `tfsdk:"folder_id"`
	Version  types.Int64  `tfsdk:"version"`
	Size     types.Int64  `tfsdk:"size"`
	IsForm   types.Bool   `tfsdk:"is_form"`
	WebURL   types.String `tfsdk:"web_url"`
}

// fill copies the file through the docspace_file resource's own conversion, so both read a file alike.
func (m *fileDataModelV0) fill(f *docspace.File) {
	var r fileModelV0
	r.fill(f, 0)
	m.ID, m.Title, m.FolderID, m.Version, m.Size, m.IsForm, m.WebURL = r.ID, r.Title, r.FolderID, r.Version, r.Size, r.IsForm, r.WebURL
}
