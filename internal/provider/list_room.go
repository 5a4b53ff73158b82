package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ list.ListResource              = (*roomListResource)(nil)
	_ list.ListResourceWithConfigure = (*roomListResource)(nil)
)

// NewRoomListResource returns the docspace_room list resource.
func NewRoomListResource() list.ListResource { return &roomListResource{} }

type roomListResource struct{ resourceBase }

type roomListConfig struct {
	Area          types.String `tfsdk:"area"`
	TitleContains types.String `tfsdk:"title_contains"`
	RoomType      types.String `tfsdk:"room_type"`
	Tags          types.List   `tfsdk:"tags"`
}

func (l *roomListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room"
}

func (l *roomListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the portal's rooms, active and archived, for `terraform query`. The listing costs " +
			"one API call per 100 rooms, with or without `include_resource`. Each result is named after the room's title and type.",
		Attributes: map[string]schema.Attribute{
			"area":           areaFilterAttribute(),
			"title_contains": titleContainsAttribute("rooms"),
			"room_type": schema.StringAttribute{
				MarkdownDescription: "Keep rooms of this type: one of " + quoted(roomTypeNameList()) + ".",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(roomTypeNameList()...)},
			},
			"tags": tagsFilterAttribute("rooms"),
		},
	}
}

func (l *roomListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg roomListConfig
	var diags diag.Diagnostics
	diags.Append(req.Config.Get(ctx, &cfg)...)
	wantTags := stringsFromList(ctx, cfg.Tags, &diags)
	if listFailed(stream, diags) {
		return
	}
	opts := docspace.ListRoomsOptions{FilterValue: cfg.TitleContains.ValueString(), Tags: wantTags}
	if !cfg.RoomType.IsNull() {
		opts.Types = []docspace.RoomType{roomTypeNames[cfg.RoomType.ValueString()]}
	}
	rooms, err := l.listRoomsIn(ctx, cfg.Area, opts, wantTags)
	if listAPIFailed(stream, &diags, "Error listing rooms", err) {
		return
	}
	streamListResults(ctx, req, stream, rooms, func(room *docspace.Room, result *list.ListResult) bool {
		result.DisplayName = roomDisplayName(room)
		if !room.CallerMayManage() {
			result.DisplayName = strings.TrimSuffix(result.DisplayName, ")") + notManageable + ")"
		}
		l.setObjectIdentity(ctx, result.Identity, formatObjectID(room.ID), &result.Diagnostics)
		if req.IncludeResource {
			m := roomModelV0{}
			m.Timeouts = nullTimeouts
			m.fill(ctx, room, &result.Diagnostics)
			result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
		}
		return true
	})
	warnUnmanagedRooms(stream, rooms, "They are listed, and their configuration can be generated and imported, but "+
		"the portal would refuse every change to them")
}

func roomDisplayName(room *docspace.Room) string {
	state := ""
	if room.IsArchived() {
		state = ", archived"
	}
	return fmt.Sprintf("%s (%s room%s)", room.Title, roomTypeName(room.RoomType), state)
}
