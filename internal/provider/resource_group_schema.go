package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func (r *groupResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A portal group: a name, a manager and members. Groups can be given access to rooms with " +
			"`docspace_room_member` or `docspace_room_members`, and their members get the group's role.\n\n" +
			"**Deleting a group removes its access to every room** it was a member of; the member resources that name " +
			"it then leave the state on their next refresh.\n\n" +
			"Members and the manager must be active accounts that are not guests. Creating a group with any other " +
			"account fails and creates nothing; when an update names one, the portal skips it without an error, which " +
			"the provider reports. The manager is always a member too, so a `member_ids` list must include `manager_id`; " +
			"without `member_ids` the members are not managed, and a new group has its manager alone. " +
			"Group names need not be unique, so the provider creates a group under its name followed by a creation marker, " +
			"such as `Team [tf-pending-g-3fa9c2d1e0b7]`, and renames it at once: an apply whose answer was lost finds the group " +
			"by its marker instead of creating a second one (see the guide on template jobs and creation markers).\n\n" +
			"**Blocked members.** A member who is blocked in DocSpace stays in the group, but the portal leaves them out " +
			"of the group's members and will not add them again. While the portal still has them in the group, the " +
			"provider keeps them in `member_ids` as configured, without a change to plan, and warns about each one on " +
			"every refresh: unblock them, or remove them from `member_ids` (which removes them from the group). A blocked " +
			"account cannot be added to a group: creating a group with one fails.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The group's id, which is also the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The group's name, 1 to 128 characters, without surrounding white space.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 128),
					stringvalidator.RegexMatches(trimmedText, "must not start or end with white space"),
				},
			},
			"manager_id": schema.StringAttribute{
				MarkdownDescription: "Id of the group's manager. Once set it can be changed but not removed (the portal's API cannot remove it).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(guidPattern, "must be a user id")},
			},
			"member_ids": schema.SetAttribute{
				MarkdownDescription: "Ids of the group's members, the manager included. When omitted the provider leaves the " +
					"members alone and reports them; a group created without them has its manager alone (or no member).",
				Optional:    true,
				Computed:    true,
				ElementType: types.StringType,
				Validators:  []validator.Set{setvalidator.ValueStringsAre(stringvalidator.RegexMatches(guidPattern, "must be a user id"))},
			},
		},
	}
}

func (r *groupResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = groupIdentitySchema()
}
