package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func (d *groupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one DocSpace group by its exact name or by id, for example to give it access to a " +
			"room with `docspace_room_member`. Group names are not unique on a portal: a name that no group or several " +
			"groups carry is an error (then look the group up by id).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The group's id. Exactly one of `id` and `name` is required.",
				Optional:            true,
				Computed:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(guidPattern, "must be a group id such as 6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"),
					stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
				},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The group's exact name (letter case included).",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 128)},
			},
			"manager_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The id of the group's manager, or null."},
			"member_ids": schema.SetAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The ids of the group's members; the manager is one of them. Members who are blocked in DocSpace, a blocked manager included, are not listed: the portal hides them, although they still belong to the group."},
		},
	}
}
