package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSource              = (*fileDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*fileDataSource)(nil)
)

// NewFileDataSource returns the docspace_file data source.
func NewFileDataSource() datasource.DataSource { return &fileDataSource{} }

type fileDataSource struct{ dataSourceBase }

func (d *fileDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_file"
}

func (d *fileDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m fileDataModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var f *docspace.File
	var err error
	if m.ID.IsNull() {
		folderID, ok := attributeID(m.FolderID, "folder_id", &resp.Diagnostics)
		if !ok {
			return
		}
		// An exact title, as the portal matches titles (api-notes.md §37); several matches are an error.
		f, err = d.client.FindFile(ctx, folderID, m.Title.ValueString())
		if docspace.IsNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("title"), "No such file",
				fmt.Sprintf("No file directly in room or folder %d is titled %q.", folderID, m.Title.ValueString()))
			return
		}
	} else {
		id, ok := attributeID(m.ID, "id", &resp.Diagnostics)
		if !ok {
			return
		}
		f, err = d.client.GetFile(ctx, id)
		if docspace.IsNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("id"), "No such file", fmt.Sprintf("No DocSpace file has the id %d.", id))
			return
		}
	}
	switch {
	case err != nil:
		addAPIError(&resp.Diagnostics, "Error reading the file", err)
		return
	case f.InTrash():
		resp.Diagnostics.AddError("File is in the Trash",
			fmt.Sprintf("File %d (%q) is in the Trash of the API key's user. Restore it in DocSpace to read it here.", f.ID, f.Title))
		return
	}
	m.fill(f)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
