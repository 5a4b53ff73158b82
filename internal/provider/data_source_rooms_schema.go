package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func (d *roomsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the rooms the API key's user can see, optionally filtered, reading every page. Rooms " +
			"are sorted by title, then id. Templates are not listed: use `docspace_templates` for them.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "A fixed identifier of this listing."},
			"area": schema.StringAttribute{
				MarkdownDescription: "Which rooms to list: " + roomAreaValues(roomAreaActive),
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.OneOf(roomAreas...)},
			},
			"title_contains": schema.StringAttribute{
				MarkdownDescription: titleContainsDescription("rooms"),
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"room_type": schema.StringAttribute{
				MarkdownDescription: "Keep rooms of this type: one of " + quoted(append(roomTypeNameList(), aiRoomTypeName)) + ".",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(append(roomTypeNameList(), aiRoomTypeName)...)},
			},
			"tags": schema.ListAttribute{
				MarkdownDescription: tagsFilterDescription("rooms"),
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
