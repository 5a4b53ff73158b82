package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

func (d *userDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one DocSpace user by e-mail address or id, or, with neither, the user the API key " +
			"belongs to. Use it to find the `user_id` of a room member. A lookup never creates an account: an e-mail " +
			"address that belongs to no user is an error.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The user's id. Set it to look the user up by id.",
				Optional:            true,
				Computed:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(guidPattern, "must be a user id such as 6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"),
					stringvalidator.ConflictsWith(path.MatchRoot("email")),
				},
			},
			"email": schema.StringAttribute{
				MarkdownDescription: "The user's e-mail address. Set it to look the user up by address; the portal compares it as given.",
				Optional:            true,
				Computed:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(3, 255),
					stringvalidator.RegexMatches(emailAddress, "must be an e-mail address such as colleague@example.com; to look a user up by id, set id instead"),
				},
			},
			"display_name": schema.StringAttribute{Computed: true, MarkdownDescription: "The name the portal shows."},
			"first_name":   schema.StringAttribute{Computed: true, MarkdownDescription: "First name."},
			"last_name":    schema.StringAttribute{Computed: true, MarkdownDescription: "Last name."},
			"type":         schema.StringAttribute{Computed: true, MarkdownDescription: "The user's type: " + userTypeDoc},
			"status":       schema.StringAttribute{Computed: true, MarkdownDescription: "`active` or `terminated` (blocked)."},
			"is_owner":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the user owns the portal."},
		},
	}
}
