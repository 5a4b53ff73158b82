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
				MarkdownDescription: titleContainsDescription("templates"),
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"room_type": schema.StringAttribute{
				MarkdownDescription: "Keep templates of this room type: one of " + quoted(roomTypeNameList()) + ".",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(roomTypeNameList()...)},
			},
			"tags": schema.ListAttribute{
				MarkdownDescription: tagsFilterDescription("templates"),
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
