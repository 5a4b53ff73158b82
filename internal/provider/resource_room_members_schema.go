package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

func (r *roomMembersResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The complete member list of a DocSpace room, apart from its owner. The resource is " +
			"**authoritative**: every user or group with access to the room that is not listed here is removed on the next " +
			"apply, and destroying the resource removes every listed member. The room's owner is never touched (and cannot " +
			"be listed).\n\n" +
			"**Do not combine it with `docspace_room_member` for the same room**: the two undo each other's changes on every " +
			"apply. When both name the same room in one configuration and the room's id is known while planning, the plan " +
			"fails and says so.\n\n" + memberRulesDoc() +
			"\nEvery listed member is checked against these rules before anything changes, so a broken rule leaves the room " +
			"as it was. The changes themselves are made one member at a time; if one fails part-way, the state records what " +
			"the portal holds, and the next plan shows what is left.",
		Attributes: map[string]schema.Attribute{
			"id":      stableComputedString("The room's id, which is also the import ID."),
			"room_id": roomIDAttribute("Id of the room. Changing it forces a new resource."),
			"members": schema.SetNestedAttribute{
				MarkdownDescription: "The members: each with exactly one of `user_id` and `group_id`, and an `access`. An empty " +
					"set removes every member.",
				Required: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"user_id": schema.StringAttribute{
						MarkdownDescription: "Id of a user.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.RegexMatches(guidPattern, "must be a user id")},
					},
					"group_id": schema.StringAttribute{
						MarkdownDescription: "Id of a group.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.RegexMatches(guidPattern, "must be a group id")},
					},
					"access": memberAccessAttribute("The role: one of " + quoted(accessRoleList()) + "."),
				}},
			},
			"notify": notifyAttribute("Let the portal e-mail members when they are added or their role changes. Defaults to `false`."),
		},
	}
}

func (r *roomMembersResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = memberListIdentitySchema()
}
