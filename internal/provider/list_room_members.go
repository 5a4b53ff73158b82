package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ list.ListResource              = (*roomMembersListResource)(nil)
	_ list.ListResourceWithConfigure = (*roomMembersListResource)(nil)
)

// NewRoomMembersListResource returns the docspace_room_members list resource.
func NewRoomMembersListResource() list.ListResource { return &roomMembersListResource{} }

type roomMembersListResource struct{ resourceBase }

type roomMembersListConfig struct {
	Area          types.String `tfsdk:"area"`
	TitleContains types.String `tfsdk:"title_contains"`
}

func (l *roomMembersListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_members"
}

func (l *roomMembersListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the portal's rooms, active and archived, for `terraform query`, one result per room for " +
			"the room's whole member list. The listing costs one API call per 100 rooms; `include_resource` adds one call " +
			"per room (one more per further 100 members), which reads its members. Each result is named \"Members of\" and the room's title.",
		Attributes: map[string]schema.Attribute{
			"area":           areaFilterAttribute(),
			"title_contains": titleContainsAttribute("rooms"),
		},
	}
}

func (l *roomMembersListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg roomMembersListConfig
	var diags diag.Diagnostics
	if !listConfig(ctx, req, stream, &cfg, &diags) {
		return
	}
	rooms, err := l.listRoomsIn(ctx, cfg.Area, docspace.ListRoomsOptions{FilterValue: cfg.TitleContains.ValueString()}, nil)
	if listAPIFailed(stream, &diags, "Error listing rooms", err) {
		return
	}
	streamListResults(ctx, req, stream, rooms, func(room *docspace.Room, result *list.ListResult) bool {
		roomID := formatObjectID(room.ID)
		result.DisplayName = "Members of " + room.Title
		if !room.CallerMayManage() {
			result.DisplayName += " (" + strings.TrimPrefix(notManageable, ", ") + ")"
		}
		l.setMemberListIdentity(ctx, result.Identity, roomID, &result.Diagnostics)
		if req.IncludeResource {
			members, err := l.listedMembers(ctx, room.ID)
			if err != nil {
				addAPIError(&result.Diagnostics, "Error reading the members of room "+roomID, err)
			} else {
				m := roomMembersModelV0{RoomID: types.StringValue(roomID)}
				m.fill(ctx, members)
				result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
			}
		}
		return true
	})
	warnUnmanagedRooms(stream, rooms, "Their member lists are listed and can be imported, but the portal would refuse "+
		"every change to them")
}
