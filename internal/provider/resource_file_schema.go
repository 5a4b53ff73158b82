package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

func (r *fileResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	oneOf := stringvalidator.ExactlyOneOf(path.MatchRoot("source"), path.MatchRoot("content"), path.MatchRoot("content_base64"))
	resp.Schema = schema.Schema{
		MarkdownDescription: "A file in a room, or in a folder of a room, uploaded from a local file (`source`) or from " +
			"text or bytes in the configuration (`content`, `content_base64`).\n\n" +
			"**Content.** The portal keeps no checksum of a file, so the provider records `content_sha256`, the SHA-256 " +
			"of the bytes it sent, and computes it again at every plan (streaming `source` from disk): new bytes show " +
			"as a change of `content_sha256`, and the apply uploads them as a new version of the same file (same id, " +
			"`version` one higher). A refresh never downloads a file's content.\n\n" +
			"**Edited in DocSpace.** A refresh that finds a higher `version` than the one the provider uploaded last " +
			"means someone edited the file in DocSpace. The refresh warns, `content_sha256` reads back as " +
			"`changed in DocSpace (version N)`, and the next apply uploads the configured content again as a new " +
			"version (the edited version stays in the file's version history).\n\n" +
			"**Create.** An upload under a title the folder already holds would silently become a new version of " +
			"that file, or, when it is open in an editor, a second file with the same title. The provider therefore " +
			"checks the title first and never uploads over a file it did not create: an existing file is an error " +
			"that names the `terraform import` command that adopts it. A creation whose answer was lost is found again " +
			"by the creation marker in its title, never uploaded twice.\n\n" +
			"**Forms.** A form-filling room accepts only ONLYOFFICE PDF forms. When the destination is one, the " +
			"provider checks the form signature in the first 300 bytes of the content before anything is sent, and " +
			"the title must end in `.pdf`.\n\n" +
			"**Deleting.** By default a destroyed file moves into the Trash of the API key's user, from which it can " +
			"be restored in DocSpace; `permanent_delete = true` deletes it for good. A file found in the Trash, or " +
			"deleted, is removed from the state with a warning, and the next apply uploads it again.\n\n" +
			"**Who may change files.** Uploading takes the room's owner, a room manager or a content creator; a new " +
			"version also an editor; renaming and deleting the owner or a room manager, or a content creator for the " +
			"files it uploaded. Each read of a file keeps its security flags: a new version, a rename or a destroy " +
			"they refuse, or one of a file that is locked or open in an editor, is warned of at plan time and refused " +
			"by the apply before any call. These are warnings, not errors, so they never stop `terraform destroy`; a " +
			"file the key may not delete can be let go with a `removed` block.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The file's numeric id, which is also the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"folder_id": schema.StringAttribute{
				MarkdownDescription: "Id of the room or folder the file is in (a `docspace_room`'s or `docspace_folder`'s " +
					"`id`). The provider does not move files, and never replaces one on its own: a new value, or a file a " +
					"person moved elsewhere, is warned of at plan time and refused by the apply. Move the file back in " +
					"DocSpace, or set `folder_id` to where it is; to upload a new file in the configured place instead, " +
					"run `terraform apply -replace` on the resource, which deletes this one first (into the Trash unless " +
					"`permanent_delete` is true).",
				Required:   true,
				Validators: []validator.String{stringvalidator.RegexMatches(numericID, "must be a numeric room or folder id")},
			},
			"title": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The file's title with its extension, such as `Welcome.docx`: 1 to %d "+
					"characters, without leading or trailing white space, emoji or any of `%s`, and with the extension in "+
					"lower case, as the portal stores it. Formats the portal converts after the upload (such as `.doc`) "+
					"are refused: convert the file and name the modern format. Renamed in place. The portal keeps a "+
					"file's extension on rename, so a new extension, a new format, is warned of at plan time and refused "+
					"by the apply: run `terraform apply -replace` on the resource to upload a new file instead.",
					maxFileTitleLength, strings.ReplaceAll(titleRewrittenChars[1:], "|", "\\|")),
				Required:   true,
				Validators: []validator.String{fileTitle{}},
			},
			"source": schema.StringAttribute{
				MarkdownDescription: "Path of a local file to upload, such as `\"${path.module}/files/Welcome.docx\"`; " +
					"relative paths start at the working directory. It is read at every plan to compute " +
					"`content_sha256`, streamed, never held in memory whole; large files go up in chunks. A file that " +
					"changes between the plan and the apply stops the apply before anything is uploaded (Terraform " +
					"reports an inconsistent final plan for `content_sha256`): plan again. Exactly one of `source`, `content` and `content_base64` is required.",
				Optional:   true,
				Validators: []validator.String{oneOf, stringvalidator.LengthAtLeast(1)},
			},
			"content": schema.StringAttribute{
				MarkdownDescription: "The file's content as text, uploaded as UTF-8 bytes. Kept in the state.",
				Optional:            true,
			},
			"content_base64": schema.StringAttribute{
				MarkdownDescription: "The file's content as base64-encoded bytes (`filebase64(…)` or `base64encode(…)`), " +
					"for small binary files. Kept in the state.",
				Optional: true,
			},
			"content_sha256": schema.StringAttribute{
				MarkdownDescription: "Hex SHA-256 of the bytes the provider uploaded, computed at plan time. After an " +
					"import, or after someone edited the file in DocSpace, it reads back as a text that says so, and the " +
					"next apply uploads the configured content as a new version.",
				Computed: true,
			},
			"version": schema.Int64Attribute{
				MarkdownDescription: "The file's version number on the portal; each upload of new content adds one.",
				Computed:            true,
			},
			"size": schema.Int64Attribute{
				MarkdownDescription: "The size of the file's current version in bytes.",
				Computed:            true,
			},
			"is_form": schema.BoolAttribute{
				MarkdownDescription: "Whether the portal recognised the file as an ONLYOFFICE PDF form.",
				Computed:            true,
			},
			"web_url": schema.StringAttribute{
				MarkdownDescription: "The address that opens the file in DocSpace.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"room_id": schema.StringAttribute{
				MarkdownDescription: "Id of the room the file is in, however deep its folder is.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"permanent_delete": schema.BoolAttribute{
				MarkdownDescription: "Whether destroy deletes the file for good. Defaults to `false`: it moves into the " +
					"Trash of the API key's user, where that user can restore it (and nobody else sees it).",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"timeouts": timeoutsAttribute(ctx, waits{
				create: "Creating a file waits for the upload, and after a lost answer looks for the file",
				update: "Updating a file waits for the upload of a new version and for the rename",
				delete: "Deleting a file waits for the portal's file operation that moves or deletes it",
				dflt:   defaultFileTimeout,
			}),
		},
	}
}

func (r *fileResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = objectIdentitySchema("file")
}
