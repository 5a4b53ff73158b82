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
	_ datasource.DataSource              = (*templatesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*templatesDataSource)(nil)
)

// NewTemplatesDataSource returns the docspace_templates data source.
func NewTemplatesDataSource() datasource.DataSource { return &templatesDataSource{} }

type templatesDataSource struct{ dataSourceBase }

type templatesModelV0 struct {
	ID            types.String `tfsdk:"id"`
	TitleContains types.String `tfsdk:"title_contains"`
	RoomType      types.String `tfsdk:"room_type"`
	Tags          types.Set    `tfsdk:"tags"`
	Templates     types.List   `tfsdk:"templates"`
}

var templateSummaryAttrTypes = map[string]attr.Type{
	"id":        types.StringType,
	"title":     types.StringType,
	"room_type": types.StringType,
	"tags":      types.SetType{ElemType: types.StringType},
	"public":    types.BoolType,
	"created":   timetypes.RFC3339Type{},
}

func (d *templatesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_templates"
}

func (d *templatesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the room templates the API key's user can see, optionally filtered, for example to " +
			"pick a template by name for `docspace_room.template_id`. Templates are sorted by title, then id.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "A fixed identifier of this listing.",
				Computed:            true,
			},
			"title_contains": schema.StringAttribute{
				MarkdownDescription: "Keep templates whose title contains this text, ignoring case.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"room_type": schema.StringAttribute{
				MarkdownDescription: "Keep templates of this room type: one of " + quoted(roomTypeNameList()) + ".",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(roomTypeNameList()...)},
			},
			"tags": schema.SetAttribute{
				MarkdownDescription: "Keep templates that carry all of these tags (compared ignoring case).",
				ElementType:         types.StringType,
				Optional:            true,
			},
			"templates": schema.ListNestedAttribute{
				MarkdownDescription: "The matching templates.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"id":        schema.StringAttribute{Computed: true, MarkdownDescription: "The template's id, for `docspace_room.template_id`."},
						"title":     schema.StringAttribute{Computed: true, MarkdownDescription: "The template's title."},
						"room_type": schema.StringAttribute{Computed: true, MarkdownDescription: "The type of rooms made from it."},
						"tags":      schema.SetAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The template's tags."},
						"public":    schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether every room admin may use it."},
						"created":   schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When it was created (RFC 3339)."},
					},
				},
			},
		},
	}
}

func (d *templatesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg templatesModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	opts := docspace.ListRoomsOptions{SearchArea: docspace.SearchAreaTemplates, FilterValue: cfg.TitleContains.ValueString()}
	if !cfg.RoomType.IsNull() {
		opts.Types = []docspace.RoomType{roomTypeNames[cfg.RoomType.ValueString()]}
	}
	wantTags := stringsFromSet(ctx, cfg.Tags, &resp.Diagnostics)
	opts.Tags = wantTags
	templates, err := d.client.ListRooms(ctx, opts)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error listing room templates", err)
		return
	}
	// The portal filters too; checking again keeps the result exact whatever its matching rules are.
	kept := templates[:0]
	for _, t := range templates {
		if t.IsTemplate() && containsFold(t.Title, opts.FilterValue) && (opts.Types == nil || t.RoomType == opts.Types[0]) && hasAllTags(t.Tags, wantTags) {
			kept = append(kept, t)
		}
	}
	sort.Slice(kept, func(i, j int) bool {
		if kept[i].Title != kept[j].Title {
			return kept[i].Title < kept[j].Title
		}
		return kept[i].ID < kept[j].ID
	})
	items := make([]attr.Value, 0, len(kept))
	for _, t := range kept {
		public, err := d.client.TemplateIsPublic(ctx, t.ID)
		if err != nil {
			addAPIError(&resp.Diagnostics, "Error reading room template access", err)
			return
		}
		items = append(items, types.ObjectValueMust(templateSummaryAttrTypes, map[string]attr.Value{
			"id":        types.StringValue(formatObjectID(t.ID)),
			"title":     types.StringValue(t.Title),
			"room_type": types.StringValue(roomTypeName(t.RoomType)),
			"tags":      tagsToSet(ctx, t.Tags, types.SetNull(types.StringType), &resp.Diagnostics),
			"public":    types.BoolValue(public),
			"created":   timetypes.NewRFC3339TimeValue(t.Created.UTC()),
		}))
	}
	cfg.ID = types.StringValue("templates")
	cfg.Templates = types.ListValueMust(types.ObjectType{AttrTypes: templateSummaryAttrTypes}, items)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
