package provider

import (
	"context"
	"fmt"

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
	start := roomID
	if !m.ParentID.IsNull() {
		if start, ok = attributeID(m.ParentID, "parent_id", &resp.Diagnostics); !ok {
			return
		}
	}
	tree, crumbs, err := d.client.FolderTree(ctx, start)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error listing the folders of "+formatObjectID(start), err)
		return
	}
	// The start's breadcrumbs (api-notes.md §36): the section's root, the room, the folders down to start.
	switch {
	case m.ParentID.IsNull() && len(crumbs) != 2:
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Not a room",
			fmt.Sprintf("%d is folder %q of room %d (%q), not a room. To list the folders below it, set room_id = %q and "+
				"parent_id = %q.", roomID, crumbs[len(crumbs)-1].Title, crumbs[1].ID, crumbs[1].Title,
				formatObjectID(crumbs[1].ID), formatObjectID(roomID)))
		return
	case crumbs[1].ID != roomID:
		resp.Diagnostics.AddAttributeError(path.Root("parent_id"), "Folder in another room",
			fmt.Sprintf("Folder %d (%q) is in room %d (%q), not in room %d.", start, crumbs[len(crumbs)-1].Title,
				crumbs[1].ID, crumbs[1].Title, roomID))
		return
	}
	prefix := ""
	for _, c := range crumbs[2:] {
		prefix += c.Title + "/"
	}
	sortFolderTree(tree, prefix)
	m.fill(tree, start)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
