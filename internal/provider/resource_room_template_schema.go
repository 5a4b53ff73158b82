package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func (r *roomTemplateResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DocSpace room template, built from an existing room: its type, settings and contents, " +
			"from which new rooms are created (see `template_id` on `docspace_room`). The portal builds templates in " +
			"a background job; the provider serialises these jobs per portal and waits until the template really " +
			"exists. See the guide \"How template jobs work\".",
		Attributes: map[string]schema.Attribute{
			"deletion_protection": deletionProtectionAttribute("room template"),
			"id":                  stableComputedString("The template's numeric id."),
			"room_id": schema.StringAttribute{
				MarkdownDescription: "Id of the active room the template is built from. The template copies its type, " +
					"contents, indexing, quota, lifetime, download ban and watermark, but not its members, links or tags. " +
					"Required to create a template; an imported template may leave it out. A template is a copy of the room " +
					"as it was when the template was built, and later changes of the room do not reach it. " +
					fmt.Sprintf(creationInputNote, "template"),
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{stringvalidator.RegexMatches(numericID, "must be a numeric room id")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), recordedCreationInput("template", "room")},
			},
			"title": schema.StringAttribute{
				MarkdownDescription: "The template's name, with the same rules as a room title.",
				Required:            true,
				Validators:          []validator.String{roomTitle{}},
			},
			"public": schema.BoolAttribute{
				MarkdownDescription: "Let every room admin of the portal use the template. Changing it, either way, makes " +
					"the portal revoke every other sharing of the template, which is why it cannot be combined with " +
					"`share_user_ids` or `share_group_ids`: making a template public plans them empty, and making it private " +
					"again grants the configured ones anew. Changed in place. Defaults to `false`.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"share_user_ids": schema.SetAttribute{
				MarkdownDescription: "Ids (GUIDs) of portal users who may use the template (read access), as " +
					"`docspace_user` and `docspace_users` report them. Only existing, active DocSpace admins and room admins " +
					"can be given a template: an unknown id, a user of type `user`, a guest or a terminated user is refused " +
					"before anything changes. People are named by id, never by e-mail address, because an address sent to " +
					"the portal can create a guest account. " + shareNote,
				ElementType: types.StringType,
				Optional:    true,
				Computed:    true,
				Validators: []validator.Set{setvalidator.ValueStringsAre(stringvalidator.RegexMatches(guidPattern,
					"must be a user id such as 6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f, not an e-mail address; look the id up with the docspace_user data source"))},
				PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
			},
			"share_group_ids": schema.SetAttribute{
				MarkdownDescription: "Ids (GUIDs) of groups whose members may use the template (read access), as " +
					"`docspace_group` reports them. An unknown group is refused before anything changes. " + shareNote,
				ElementType:   types.StringType,
				Optional:      true,
				Computed:      true,
				Validators:    []validator.Set{setvalidator.ValueStringsAre(stringvalidator.RegexMatches(guidPattern, "must be a group id such as 6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"))},
				PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
			},
			"tags":  tagsAttribute("Tags of the template (not copied to rooms created from it). Defaults to no tags."),
			"color": colorAttribute("Logo colour as six hexadecimal digits without `#`. When omitted the portal picks one."),
			"cover": coverAttribute("Id of a cover image from the portal's cover gallery."),
			"quota": quotaAttribute("Storage quota in bytes for rooms created from the template; `-1` means unlimited. " +
				"When omitted the source room's quota is kept."),
			"copy_logo": schema.BoolAttribute{
				MarkdownDescription: "Copy the source room's uploaded logo image to the template when it is built. " +
					"Only an uploaded image is copied, never the colour or cover; while the template shows an image the " +
					"portal reports no `color` or `cover`, and the configured values are kept as they are. Defaults to " +
					"`false`. It has no effect on an existing template.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"room_type": schema.StringAttribute{
				MarkdownDescription: "The type of rooms created from the template, taken from the source room.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"owner_id": stableComputedString("Id of the user who created the template."),
			"created":  createdAttribute("template"),
			"timeouts": timeoutsAttribute(ctx, waits{
				create: "Creating a template waits for a free job slot and for the portal's job that builds it",
				update: "Updating a template makes a few calls and waits for none of the portal's jobs",
				delete: "Deleting a template waits for the portal's file operation that removes it",
				dflt:   defaultTemplateTimeout,
			}),
		},
	}
}

// shareNote is said of both share sets.
const shareNote = "Granted right after the template is built, and changed in place: the provider grants what is added " +
	"and revokes what is removed, by id, through the portal's sharing of the template (one API call for all of it), " +
	"and never replaces the template for it. Sharing given outside Terraform is left alone. Set `[]` to revoke all; " +
	"leaving it out keeps the recorded value (the portal does not report it to this attribute, so after an import it " +
	"is taken from the configuration)."

func (r *roomTemplateResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = objectIdentitySchema("template")
}
