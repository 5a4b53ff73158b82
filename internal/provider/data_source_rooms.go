package provider

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSource              = (*roomsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*roomsDataSource)(nil)
)

// NewRoomsDataSource returns the docspace_rooms data source.
func NewRoomsDataSource() datasource.DataSource { return &roomsDataSource{} }

type roomsDataSource struct{ dataSourceBase }

type roomsModelV0 struct {
	ID            types.String `tfsdk:"id"`
	Area          types.String `tfsdk:"area"`
	TitleContains types.String `tfsdk:"title_contains"`
	RoomType      types.String `tfsdk:"room_type"`
	Tags          types.Set    `tfsdk:"tags"`
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

// roomSearchAreas maps the data source's areas to the portal's search areas (api-notes.md §6).
var roomSearchAreas = map[string]docspace.SearchArea{
	roomAreaActive:   docspace.SearchAreaActive,
	roomAreaArchived: docspace.SearchAreaArchive,
	roomAreaAny:      docspace.SearchAreaAny,
}

func (d *roomsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_rooms"
}

func (d *roomsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the rooms the API key's user can see, optionally filtered, reading every page. Rooms " +
			"are sorted by title, then id. Templates are not listed: use `docspace_templates` for them.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "A fixed identifier of this listing."},
			"area": schema.StringAttribute{
				MarkdownDescription: "Which rooms to list: `active` (the default), `archived` or `any` (both).",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.OneOf(roomAreaActive, roomAreaArchived, roomAreaAny)},
			},
			"title_contains": schema.StringAttribute{
				MarkdownDescription: "Keep rooms whose title contains this text, ignoring case.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"room_type": schema.StringAttribute{
				MarkdownDescription: "Keep rooms of this type: one of " + quoted(append(roomTypeNameList(), aiRoomTypeName)) + ".",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(append(roomTypeNameList(), aiRoomTypeName)...)},
			},
			"tags": schema.SetAttribute{
				MarkdownDescription: "Keep rooms that carry all of these tags (compared ignoring case).",
				ElementType:         types.StringType,
				Optional:            true,
			},
			"rooms": schema.ListNestedAttribute{
				MarkdownDescription: "The matching rooms. Read one with the `docspace_room` data source for all its settings.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"id":        schema.StringAttribute{Computed: true, MarkdownDescription: "The room's id."},
						"title":     schema.StringAttribute{Computed: true, MarkdownDescription: "The room's title."},
						"room_type": schema.StringAttribute{Computed: true, MarkdownDescription: "The kind of room."},
						"tags":      schema.SetAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The room's tags."},
						"archived":  schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the room is in the archive."},
						"owner_id":  schema.StringAttribute{Computed: true, MarkdownDescription: "Id of the user who created the room."},
						"created":   schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When it was created (RFC 3339)."},
					},
				},
			},
		},
	}
}

func (d *roomsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg roomsModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if cfg.Area.IsNull() {
		cfg.Area = types.StringValue(roomAreaActive)
	}
	opts := docspace.ListRoomsOptions{SearchArea: roomSearchAreas[cfg.Area.ValueString()], FilterValue: cfg.TitleContains.ValueString()}
	if !cfg.RoomType.IsNull() {
		t := docspace.RoomTypeAI
		if name := cfg.RoomType.ValueString(); name != aiRoomTypeName {
			t = roomTypeNames[name]
		}
		opts.Types = []docspace.RoomType{t}
	}
	wantTags := stringsFromSet(ctx, cfg.Tags, &resp.Diagnostics)
	opts.Tags = wantTags
	rooms, err := d.client.ListRooms(ctx, opts)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error listing rooms", err)
		return
	}
	// The portal filters too; checking again keeps the result exact whatever its matching rules are
	// (its tag filter, for one, keeps rooms with any of the tags).
	kept := rooms[:0]
	for i := range rooms {
		r := &rooms[i]
		if !r.IsTemplate() && containsFold(r.Title, opts.FilterValue) && (opts.Types == nil || r.RoomType == opts.Types[0]) &&
			hasAllTags(r.Tags, wantTags) && (opts.SearchArea == docspace.SearchAreaAny || roomAreaOf(r) == cfg.Area.ValueString()) {
			kept = append(kept, *r)
		}
	}
	sort.Slice(kept, func(i, j int) bool {
		if kept[i].Title != kept[j].Title {
			return kept[i].Title < kept[j].Title
		}
		return kept[i].ID < kept[j].ID
	})
	items := make([]attr.Value, 0, len(kept))
	for i := range kept {
		// The resource's conversion, so a listed room reads as docspace_room would read it.
		var s sharedRoomModel
		s.fillShared(ctx, &kept[i], &resp.Diagnostics)
		items = append(items, types.ObjectValueMust(roomSummaryAttrTypes, map[string]attr.Value{
			"id":        s.ID,
			"title":     s.Title,
			"room_type": s.RoomType,
			"tags":      s.Tags,
			"archived":  types.BoolValue(kept[i].IsArchived()),
			"owner_id":  s.OwnerID,
			"created":   s.Created,
		}))
	}
	cfg.ID = types.StringValue("rooms")
	cfg.Rooms = types.ListValueMust(types.ObjectType{AttrTypes: roomSummaryAttrTypes}, items)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
