package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type roomsModelV0 struct {
	ID            types.String `tfsdk:"id"`
	Area          types.String `tfsdk:"area"`
	TitleContains types.String `tfsdk:"title_contains"`
	RoomType      types.String `tfsdk:"room_type"`
	Tags          types.List   `tfsdk:"tags"`
	Rooms         types.List   `tfsdk:"rooms"`
}

var roomSummaryAttrTypes = map[string]attr.Type{
	"id":        types.StringType,
	"title":     types.StringType,
	"room_type": types.StringType,
	"tags":      types.SetType{ElemType: types.StringType},
	"archived":  types.BoolType,
	"owner_id":  types.StringType,
	"created":   timetypes.RFC3339Type{},
}

// fill lists rooms in m, in their order.
func (m *roomsModelV0) fill(ctx context.Context, rooms []docspace.Room, diags *diag.Diagnostics) {
	items := make([]attr.Value, 0, len(rooms))
	for i := range rooms {
		// The resource's conversion, so a listed room reads as docspace_room would read it.
		var s sharedRoomModel
		s.fillShared(ctx, &rooms[i], diags)
		items = append(items, types.ObjectValueMust(roomSummaryAttrTypes, map[string]attr.Value{
			"id":        s.ID,
			"title":     s.Title,
			"room_type": s.RoomType,
			"tags":      s.Tags,
			"archived":  types.BoolValue(rooms[i].IsArchived()),
			"owner_id":  s.OwnerID,
			"created":   s.Created,
		}))
	}
	m.ID = types.StringValue("rooms")
	m.Rooms = types.ListValueMust(types.ObjectType{AttrTypes: roomSummaryAttrTypes}, items)
}
