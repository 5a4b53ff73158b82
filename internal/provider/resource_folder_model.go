package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type folderModelV0 struct {
	ID              types.String   `tfsdk:"id"`
	Title           types.String   `tfsdk:"title"`
	RoomID          types.String   `tfsdk:"room_id"`
	ParentID        types.String   `tfsdk:"parent_id"`
	ForceDestroy    types.Bool     `tfsdk:"force_destroy"`
	PermanentDelete types.Bool     `tfsdk:"permanent_delete"`
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
}

// fill copies the portal's folder into m, with the id of its room (0 keeps the one m holds). Settings
// that only steer destroy keep their value, false when there is none (after an import).
func (m *folderModelV0) fill(f *docspace.Folder, roomID int64) {
	m.ID = types.StringValue(formatObjectID(f.ID))
	m.Title = types.StringValue(f.Title)
	m.ParentID = types.StringValue(formatObjectID(f.ParentID))
	if roomID != 0 {
		m.RoomID = types.StringValue(formatObjectID(roomID))
	}
	if m.ForceDestroy.IsNull() || m.ForceDestroy.IsUnknown() {
		m.ForceDestroy = types.BoolValue(false)
	}
	if m.PermanentDelete.IsNull() || m.PermanentDelete.IsUnknown() {
		m.PermanentDelete = types.BoolValue(false)
	}
}

// wantedParent is the id of the room or folder the configuration puts the folder in: parent_id, or the
// room itself; "" while it is not known.
func (m *folderModelV0) wantedParent() string {
	if !m.ParentID.IsNull() && !m.ParentID.IsUnknown() {
		return m.ParentID.ValueString()
	}
	if !m.RoomID.IsNull() && !m.RoomID.IsUnknown() {
		return m.RoomID.ValueString()
	}
	return ""
}
