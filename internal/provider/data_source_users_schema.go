package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

func (d *usersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the portal's users, optionally filtered, reading every page. Users are sorted by e-mail " +
			"address. The portal lets only DocSpace admins and room admins list people: with the API key of a user of " +
			"type `user` or of a guest, reading this data source fails.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "A fixed identifier of this listing."},
			"search": schema.StringAttribute{
				MarkdownDescription: "Keep users in whose first name, last name or e-mail address every word of this text " +
					"occurs, in any order and ignoring case: `ann berg` finds Ann Berg and Berg Annika.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "Keep users of this type: one of " + quoted(userTypeList) + ".",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(userTypeList...)},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Keep `active` or `terminated` users. The portal shows terminated users to DocSpace " +
					"admins only: with a room admin's API key they are never listed.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf("active", "terminated")},
			},
			"group_id": schema.StringAttribute{
				MarkdownDescription: "Keep the members of this group.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(guidPattern, "must be a group id")},
			},
			"users": schema.ListNestedAttribute{
				MarkdownDescription: "The matching users.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":           schema.StringAttribute{Computed: true, MarkdownDescription: "The user's id."},
					"email":        schema.StringAttribute{Computed: true, MarkdownDescription: "E-mail address."},
					"display_name": schema.StringAttribute{Computed: true, MarkdownDescription: "The name the portal shows."},
					"type":         schema.StringAttribute{Computed: true, MarkdownDescription: "The user's type: " + userTypeDoc},
					"status":       schema.StringAttribute{Computed: true, MarkdownDescription: "`active` or `terminated`."},
					"is_owner":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the user owns the portal."},
				}},
			},
		},
	}
}
