package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSource              = (*roomDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*roomDataSource)(nil)
)

// NewRoomDataSource returns the docspace_room data source.
func NewRoomDataSource() datasource.DataSource { return &roomDataSource{} }

type roomDataSource struct{ dataSourceBase }

// roomDataModelV0 holds the room attributes the portal reports, as the docspace_room resource names them,
// and the lookup's `area`. The resource's Terraform-only attributes (template_id, deletion_protection,
// timeouts) are not on the portal, so they are left out.
type roomDataModelV0 struct {
	ID           types.String      `tfsdk:"id"`
	Title        types.String      `tfsdk:"title"`
	Area         types.String      `tfsdk:"area"`
	RoomType     types.String      `tfsdk:"room_type"`
	Tags         types.Set         `tfsdk:"tags"`
	Color        types.String      `tfsdk:"color"`
	Cover        types.String      `tfsdk:"cover"`
	Quota        types.Int64       `tfsdk:"quota"`
	Indexing     types.Bool        `tfsdk:"indexing"`
	DenyDownload types.Bool        `tfsdk:"deny_download"`
	Lifetime     types.Object      `tfsdk:"lifetime"`
	Watermark    types.Object      `tfsdk:"watermark"`
	Archived     types.Bool        `tfsdk:"archived"`
	OwnerID      types.String      `tfsdk:"owner_id"`
	Created      timetypes.RFC3339 `tfsdk:"created"`
}

func (d *roomDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room"
}

func (d *roomDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: description}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one existing DocSpace room, by id or by its exact title, for example to give people " +
			"access to a room that Terraform does not manage. Room titles are not unique: a title that no room or several " +
			"rooms of the `area` carry is an error that names the candidates' ids (then look the room up by id). " +
			"Templates are not rooms: use `docspace_templates` for them.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The room's numeric id. Exactly one of `id` and `title` is required.",
				Optional:            true,
				Computed:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(numericID, "must be a numeric room id"),
					stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("title")),
				},
			},
			"title": schema.StringAttribute{
				MarkdownDescription: "The room's exact title (letter case included).",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, maxTitleLength)},
			},
			"area": schema.StringAttribute{
				MarkdownDescription: "Where to look for the title: `active` (the default) or `archived` rooms. Only with " +
					"`title`; after the read it tells where the room is.",
				Optional: true,
				Computed: true,
				Validators: []validator.String{
					stringvalidator.OneOf(roomAreaActive, roomAreaArchived),
					stringvalidator.ConflictsWith(path.MatchRoot("id")),
				},
			},
			"room_type": computed("The kind of room: one of " + quoted(roomTypeNameList()) + ", or `ai`."),
			"tags":      schema.SetAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Tags of the room."},
			"color":     computed("Colour of the room's logo as six hexadecimal digits; null when the room has an uploaded logo image."),
			"cover":     computed("Id of the room's cover from the cover gallery, or null."),
			"quota": schema.Int64Attribute{
				Computed: true,
				MarkdownDescription: "Storage quota of the room in bytes; `-1` means unlimited. Null when the portal does " +
					"not report it (room quotas off, or the room is archived).",
			},
			"indexing":      schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the room numbers its files and folders in a fixed order."},
			"deny_download": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether downloading, printing and copying the room's files is forbidden."},
			"lifetime": schema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Automatic removal of old files, or null.",
				Attributes: map[string]schema.Attribute{
					"value":              schema.Int64Attribute{Computed: true, MarkdownDescription: "How many periods files are kept."},
					"period":             computed("The unit of `value`: one of " + quoted(lifetimePeriods) + "."),
					"delete_permanently": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether old files skip the trash."},
				},
			},
			"watermark": schema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The watermark on the room's documents, or null.",
				Attributes: map[string]schema.Attribute{
					"text":        computed("Static text of the watermark."),
					"additions":   schema.SetAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Details added to the text: any of " + quoted(watermarkAdditionNames()) + "."},
					"rotate":      schema.Int64Attribute{Computed: true, MarkdownDescription: "Rotation in degrees."},
					"image_url":   computed("URL of an image watermark."),
					"image_scale": schema.Int64Attribute{Computed: true, MarkdownDescription: "Scale of the image watermark in percent."},
				},
			},
			"archived": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the room is in the archive."},
			"owner_id": computed("Id of the user who created the room."),
			"created":  schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the room was created (RFC 3339)."},
		},
	}
}

func (d *roomDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m roomDataModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var id int64
	if m.ID.IsNull() {
		area := roomAreaActive
		if !m.Area.IsNull() {
			area = m.Area.ValueString()
		}
		found, ok := d.roomIDByTitle(ctx, m.Title.ValueString(), area, &resp.Diagnostics)
		if !ok {
			return
		}
		id = found
	} else {
		var err error
		if id, err = parseObjectID(m.ID.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid room id", err.Error())
			return
		}
	}
	room, err := d.client.GetRoom(ctx, id)
	if docspace.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "No such room", fmt.Sprintf("No DocSpace room has the id %d.", id))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading the room", err)
		return
	}
	if room.IsTemplate() {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Not a room",
			fmt.Sprintf("DocSpace object %d is a room template, not a room. Find templates with the docspace_templates data source.", id))
		return
	}
	m.fill(ctx, room, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// roomIDByTitle finds the one room of area titled exactly title. Rooms of the other area with that title,
// and rooms whose title differs only in letter case, are named as candidates when no room matches.
func (d *roomDataSource) roomIDByTitle(ctx context.Context, title, area string, diags *diag.Diagnostics) (int64, bool) {
	// One listing of both areas: the other area's rooms make a better "not found" message.
	rooms, err := d.client.ListRooms(ctx, docspace.ListRoomsOptions{SearchArea: docspace.SearchAreaAny, FilterValue: title})
	if err != nil {
		addAPIError(diags, "Error listing rooms", err)
		return 0, false
	}
	sort.Slice(rooms, func(i, j int) bool { return rooms[i].ID < rooms[j].ID })
	var exact, near []string
	var id int64
	for i := range rooms {
		r := &rooms[i]
		if r.IsTemplate() || !strings.EqualFold(r.Title, title) {
			continue
		}
		if r.Title == title && roomAreaOf(r) == area {
			exact, id = append(exact, formatObjectID(r.ID)), r.ID
		} else {
			near = append(near, fmt.Sprintf("%s (%q, %s)", formatObjectID(r.ID), r.Title, roomAreaOf(r)))
		}
	}
	switch len(exact) {
	case 1:
		return id, true
	case 0:
		detail := fmt.Sprintf("No %s DocSpace room is titled %q.", area, title)
		if len(near) > 0 {
			detail += " Similar rooms: " + strings.Join(near, ", ") + ". Check the title's letter case and the area, or look the room up by id."
		}
		diags.AddAttributeError(path.Root("title"), "No such room", detail)
	default:
		diags.AddAttributeError(path.Root("title"), "Several rooms have this title",
			fmt.Sprintf("%d %s DocSpace rooms are titled %q (ids %s): room titles are not unique. Look the room up by id instead.",
				len(exact), area, title, strings.Join(exact, ", ")))
	}
	return 0, false
}

// fill copies the room through the docspace_room resource's own conversion, so both read a room alike.
func (m *roomDataModelV0) fill(ctx context.Context, room *docspace.Room, diags *diag.Diagnostics) {
	var r roomModelV0
	r.fill(ctx, room, diags)
	m.ID, m.Title, m.RoomType, m.Tags = r.ID, r.Title, r.RoomType, r.Tags
	m.Color, m.Cover, m.Quota = r.Color, r.Cover, r.Quota
	m.Indexing, m.DenyDownload, m.Lifetime, m.Watermark = r.Indexing, r.DenyDownload, r.Lifetime, r.Watermark
	m.Archived, m.OwnerID, m.Created = r.Archived, r.OwnerID, r.Created
	m.Area = types.StringValue(roomAreaOf(room))
}
