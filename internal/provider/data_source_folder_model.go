package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// folderDataModelV0 holds the folder attributes the portal reports, as the docspace_folder resource names
// them, and who made the folder and when. The resource's Terraform-only attributes (force_destroy,
// permanent_delete, timeouts) are left out.
type folderDataModelV0 struct {
	ID       types.String      `tfsdk:"id"`
	Title    types.String      `tfsdk:"title"`
	RoomID   types.String      `tfsdk:"room_id"`
	ParentID types.String      `tfsdk:"parent_id"`
	OwnerID  types.String      `tfsdk:"owner_id"`
	Created  timetypes.RFC3339 `tfsdk:"created"`
}

// fill copies the folder through the docspace_folder resource's own conversion, so both read a folder alike.
func (m *folderDataModelV0) fill(f *docspace.Folder, roomID int64) {
	var r folderModelV0
	r.fill(f, roomID)
	m.ID, m.Title, m.RoomID, m.ParentID = r.ID, r.Title, r.RoomID, r.ParentID
	// What the resource does not keep: who made the folder, and when.
	m.OwnerID = types.StringNull()
	if f.CreatedBy != nil {
		m.OwnerID = types.StringValue(f.CreatedBy.ID)
	}
	m.Created = timetypes.NewRFC3339TimeValue(f.Created.UTC())
}
