package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSource              = (*folderDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*folderDataSource)(nil)
)

// NewFolderDataSource returns the docspace_folder data source.
func NewFolderDataSource() datasource.DataSource { return &folderDataSource{} }

type folderDataSource struct{ dataSourceBase }

func (d *folderDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_folder"
}

func (d *folderDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m folderDataModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if m.ID.IsNull() {
		d.readByTitle(ctx, &m, &resp.Diagnostics)
	} else {
		d.readByID(ctx, &m, &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// readByID reads the folder m.ID names, and its room from its breadcrumbs.
func (d *folderDataSource) readByID(ctx context.Context, m *folderDataModelV0, diags *diag.Diagnostics) {
	id, ok := attributeID(m.ID, "id", diags)
	if !ok {
		return
	}
	f, err := d.client.GetFolder(ctx, id)
	switch {
	case docspace.IsNotFound(err):
		diags.AddAttributeError(path.Root("id"), "No such folder", fmt.Sprintf("No DocSpace folder has the id %d.", id))
		return
	case err != nil:
		addAPIError(diags, "Error reading the folder", err)
		return
	case f.InTrash():
		diags.AddAttributeError(path.Root("id"), "Folder is in the Trash",
			fmt.Sprintf("Folder %d (%q) is in the Trash of the API key's user, deleted from folder %d (%q) of room %d. Restore it in "+
				"DocSpace to read it here.", id, f.Title, f.OriginID, f.OriginTitle, f.OriginRoomID))
		return
	}
	crumbs, err := d.client.FolderBreadcrumbs(ctx, id)
	if err != nil {
		addAPIError(diags, "Error reading the folder's room", err)
		return
	}
	if len(crumbs) == 2 {
		diags.AddAttributeError(path.Root("id"), "Not a folder",
			fmt.Sprintf("DocSpace object %d is the room %q, not a folder in a room. Read rooms with the docspace_room data source.", id, f.Title))
		return
	}
	m.fill(f, crumbs[1].ID)
}

// readByTitle finds the one folder titled exactly m.Title directly in m.ParentID, or else directly in
// m.RoomID. Every folder of that parent is listed, not searched for by text (a search index may lag,
// api-notes.md §36), so a folder that exists is always found; folders whose title differs only in letter
// case are named as candidates when none matches. The listing's breadcrumbs name the room.
func (d *folderDataSource) readByTitle(ctx context.Context, m *folderDataModelV0, diags *diag.Diagnostics) {
	attr, where := "parent_id", m.ParentID
	if where.IsNull() {
		attr, where = "room_id", m.RoomID
	}
	if where.IsNull() {
		diags.AddAttributeError(path.Root("title"), "Where to look for the folder",
			"A folder is looked up by title inside one room or folder: set room_id (for a folder directly in a room) or "+
				"parent_id (for a folder inside another folder), or look the folder up by id.")
		return
	}
	parentID, ok := attributeID(where, attr, diags)
	if !ok {
		return
	}
	title := m.Title.ValueString()
	folders, crumbs, err := d.client.FolderChildren(ctx, parentID)
	if err != nil {
		addAPIError(diags, "Error listing the folders of "+attr+" "+where.ValueString(), err)
		return
	}
	// The listing's breadcrumbs name the room (api-notes.md §36): room_id must be one.
	if attr == "room_id" && len(crumbs) != 2 {
		diags.AddAttributeError(path.Root("room_id"), "Not a room",
			fmt.Sprintf("%d is folder %q of room %d (%q), not a room. To look a folder up inside it, set parent_id instead of room_id.",
				parentID, crumbs[len(crumbs)-1].Title, crumbs[1].ID, crumbs[1].Title))
		return
	}
	sort.Slice(folders, func(i, j int) bool { return folders[i].ID < folders[j].ID })
	var exact, near []string
	var found *docspace.Folder
	for i := range folders {
		f := &folders[i]
		switch {
		case f.Title == title:
			exact, found = append(exact, formatObjectID(f.ID)), f
		case strings.EqualFold(f.Title, title):
			near = append(near, fmt.Sprintf("%s (%q)", formatObjectID(f.ID), f.Title))
		}
	}
	container := "room " + where.ValueString()
	if attr == "parent_id" {
		container = "folder " + where.ValueString()
	}
	switch len(exact) {
	case 1:
	case 0:
		detail := fmt.Sprintf("No folder directly in %s is titled %q.", container, title)
		if len(near) > 0 {
			detail += " Folders whose titles differ only in letter case: " + strings.Join(near, ", ") + "."
		}
		diags.AddAttributeError(path.Root("title"), "No such folder", detail)
		return
	default:
		diags.AddAttributeError(path.Root("title"), "Several folders have this title",
			fmt.Sprintf("%d folders directly in %s are titled %q (ids %s): folder titles are not unique. Look the folder up by id instead.",
				len(exact), container, title, strings.Join(exact, ", ")))
		return
	}
	m.fill(found, crumbs[1].ID)
}
