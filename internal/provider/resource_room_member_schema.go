package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

func (r *roomMemberResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "One user's or one group's access to a DocSpace room. The resource is **not authoritative**: it " +
			"manages its own member and leaves the room's other members alone. To manage a room's whole member list, use " +
			"`docspace_room_members` instead — do not use both for the same room, or they undo each other's changes.\n\n" +
			memberRulesDoc() +
			"\nFind user ids with the `docspace_user` data source (by e-mail) and group ids with `docspace_group`. E-mail " +
			"addresses are never sent to the portal, which would create a guest account for an unknown address.\n\n" +
			"If the member is removed in DocSpace, or its group is deleted (deleting a group removes its access to every " +
			"room), the next refresh removes the resource from the state with a warning and the next apply adds it again.",
		Attributes: map[string]schema.Attribute{
			"id":      stableComputedString("`<room_id>/<user_or_group_id>`, the import ID."),
			"room_id": roomIDAttribute("Id of the room. Changing it forces a new member."),
			"user_id": schema.StringAttribute{
				MarkdownDescription: "Id of the user. Exactly one of `user_id` and `group_id` is required. Changing it forces a new member.",
				Optional:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(guidPattern, "must be a user id such as 6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"),
					stringvalidator.ExactlyOneOf(path.MatchRoot("user_id"), path.MatchRoot("group_id")),
				},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"group_id": schema.StringAttribute{
				MarkdownDescription: "Id of the group; its members get the group's role. Changing it forces a new member.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(guidPattern, "must be a group id such as 6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"access": memberAccessAttribute("The member's role: one of " + quoted(accessRoleList()) + ", the roles `docspace_room_link.access` grants too. The room type narrows this (see the table)."),
			"notify": notifyAttribute("Let the portal e-mail the member when it is added or its role changes. Defaults to `false`."),
		},
	}
}

func (r *roomMemberResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = memberIdentitySchema()
}
