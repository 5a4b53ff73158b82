package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

var (
	_ datasource.DataSource              = (*foldersDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*foldersDataSource)(nil)
)

// NewFoldersDataSource returns the docspace_folders data source.
func NewFoldersDataSource() datasource.DataSource { return &foldersDataSource{} }

type foldersDataSource struct{ dataSourceBase }

func (d *foldersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_folders"
}

func (d *foldersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m foldersModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	roomID, ok := attributeID(m.RoomID, "room_id", &resp.Diagnostics)
	if !ok {
		return
	}
	start, prefix := roomID, ""
	if !m.ParentID.IsNull() {
		parentID, ok := attributeID(m.ParentID, "parent_id", &resp.Diagnostics)
		if !ok {
			return
		}
		crumbs, err := d.client.FolderBreadcrumbs(ctx, parentID)
		if err != nil {
			addAPIError(&resp.Diagnostics, "Error reading folder "+m.ParentID.ValueString(), err)
			return
		}
		if crumbs[1].ID != roomID {
			resp.Diagnostics.AddAttributeError(path.Root("parent_id"), "Folder in another room",
				fmt.Sprintf("Folder %d (%q) is in room %d (%q), not in room %d.", parentID, crumbs[len(crumbs)-1].Title,
					crumbs[1].ID, crumbs[1].Title, roomID))
			return
		}
		titles := make([]string, 0, len(crumbs)-2)
		for _, c := range crumbs[2:] {
			titles = append(titles, c.Title)
		}
		start, prefix = parentID, strings.Join(titles, "/")+"/"
	}
	tree, err := d.client.FolderTree(ctx, start)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error listing the folders of room "+m.RoomID.ValueString(), err)
		return
	}
	sortFolderTree(tree, prefix)
	m.fill(tree, start)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
