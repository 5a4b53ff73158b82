package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

func (r *folderResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A folder in a room, or in another folder of a room. Set `room_id` for a folder directly in " +
			"a room, or `parent_id` for a folder inside another folder (usually `docspace_folder.<name>.id`).\n\n" +
			"Folder titles need not be unique, so the provider creates a folder under its title followed by a creation " +
			"marker, such as `Contracts [tf-pending-d-3fa9c2d1e0b7]`, and renames it at once: an apply whose answer was " +
			"lost finds the folder by its marker instead of creating a second one.\n\n" +
			"**Nothing replaces a folder.** A folder a person moved elsewhere is recorded where it now is, and the plan " +
			"shows the difference with a warning; the apply then fails without changing anything, because the provider " +
			"does not move folders. Move it back in DocSpace, or set `parent_id` (or `room_id`) to where it is now. The " +
			"same holds for a changed `room_id` or `parent_id` in the configuration: to make a new folder in the new " +
			"place instead, use `terraform apply -replace`, which deletes this one first (see `permanent_delete`).\n\n" +
			"**Deleting.** By default a destroyed folder, with everything in it, moves into the Trash of the API key's " +
			"user, from which it can be restored in DocSpace; `permanent_delete = true` deletes it for good. Destroy " +
			"refuses a folder that still holds files or folders (folders managed by this configuration are destroyed " +
			"first) unless `force_destroy = true`.\n\n" +
			"A folder found in the API key's user's Trash, or deleted, is removed from the state with a warning, and the " +
			"next apply creates it again.\n\n" +
			"**Folders copied by templates are not managed.** A `docspace_room_template` copies its source room's " +
			"folders, and a `docspace_room` made from a template copies the template's: the copies are new folders that " +
			"Terraform does not track (give the template `depends_on` on the source room's folders so that it is built " +
			"after them). To manage one, find its id with the `docspace_folders` data source or the `docspace_folder` " +
			"list resource and adopt it with an `import` block. See the guide on template jobs.\n\n" +
			"**Who may manage folders.** The API key's user must be the room's owner, one of its room managers or a " +
			"content creator to create folders in it; a content creator may rename and delete only the folders it " +
			"created. When the room or parent folder is known at plan time, the plan reads its security flags and warns " +
			"of a folder the portal would refuse; a rename or destroy the last read of the folder shows refused is warned " +
			"of the same way. The apply then refuses it before any call. These are warnings, not errors, so they never " +
			"stop `terraform destroy`; a folder the key may not delete can be let go with a `removed` block.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The folder's numeric id, which is also the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"title": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The folder's title, 1 to %d characters (rooms allow 170), without leading or "+
					"trailing white space, emoji or any of `%s`, which the portal would rewrite. Changed in place.",
					maxFolderTitleLength, strings.ReplaceAll(titleRewrittenChars[1:], "|", "\\|")),
				Required:   true,
				Validators: []validator.String{roomTitle{max: maxFolderTitleLength}},
			},
			"room_id": schema.StringAttribute{
				MarkdownDescription: "Id of the room the folder is in. Set it (and not `parent_id`) for a folder directly in " +
					"the room; with `parent_id` set it is read from the portal.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{stringvalidator.RegexMatches(numericID, "must be a numeric room id")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"parent_id": schema.StringAttribute{
				MarkdownDescription: "Id of the folder this folder is in. Set it (and not `room_id`) for a folder inside " +
					"another folder; with `room_id` set it is the room's id. Always the folder's parent as the portal has it.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{stringvalidator.RegexMatches(numericID, "must be a numeric folder id")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"force_destroy": schema.BoolAttribute{
				MarkdownDescription: "Whether destroy may delete the folder while it holds files or folders this configuration " +
					"does not manage. Defaults to `false`: destroy then fails and names what the folder holds.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"permanent_delete": schema.BoolAttribute{
				MarkdownDescription: "Whether destroy deletes the folder and its content for good. Defaults to `false`: they " +
					"move into the Trash of the API key's user, where that user can restore them (and nobody else sees them).",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"timeouts": timeoutsAttribute(ctx, waits{
				create: "Creating a folder waits for the portal's answer, and after a lost answer looks for the folder",
				update: "Renaming a folder waits for the portal's answer",
				delete: "Deleting a folder waits for the portal's file operation that moves or deletes it",
				dflt:   defaultFolderTimeout,
			}),
		},
	}
}

func (r *folderResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = objectIdentitySchema("folder")
}
