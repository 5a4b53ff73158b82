package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func (r *roomResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DocSpace room: a shared space with its own members, links and settings. " +
			"Rooms can be archived (read-only) with `archived = true`; destroying the resource deletes the room " +
			"permanently, with all its files. `deletion_protection = true` refuses that; to stop managing a room " +
			"without deleting it, use a `removed` block with `lifecycle { destroy = false }`. No change of another object " +
			"replaces a room: a room made from a template keeps its files when the template changes or is rebuilt, and " +
			"`template_id` then only records the new id.",
		Attributes: map[string]schema.Attribute{
			"deletion_protection": deletionProtectionAttribute("room"),
			"id":                  stableComputedString("The room's numeric id."),
			"title": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The room's name: 1 to %d characters. Characters the portal would rewrite "+
					"(`%s`, tab, emoji) and leading or trailing spaces are refused at plan time. Titles need not be unique.",
					maxTitleLength, strings.ReplaceAll(titleRewrittenChars[1:], "|", "\\|")),
				Required:   true,
				Validators: []validator.String{roomTitle{}},
			},
			"room_type": schema.StringAttribute{
				MarkdownDescription: "The kind of room: one of " + quoted(roomTypeNameList()) + " (form filling, collaboration, " +
					"custom, public, virtual data room). Required unless `template_id` is set, in which case the " +
					"room takes the template's type. It cannot change once the room exists: DocSpace has no way to change " +
					"a room's type, and a new room would not have this room's files, so it forces no replacement. A plan " +
					"that changes it warns, and the apply refuses it before changing anything; to delete the room with its " +
					"files and create one of the new type, run `terraform apply -replace=<address>`. AI rooms (agents) are not offered: " +
					"DocSpace creates them through its AI agents endpoint, and the rooms endpoint would make a folder " +
					"without chat settings instead; an imported AI room reads as `ai`.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{roomTypeValidator{}},
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
			"template_id": schema.StringAttribute{
				MarkdownDescription: "Id of a room template to create the room from; leave it out for a room made directly " +
					"(the plan then shows it as null). The room gets the template's type, " +
					"contents and settings; `indexing`, `deny_download` and `quota` are inherited unless set here, while " +
					"tags, colour, lifetime and watermark come only from this resource. The portal builds the room in a " +
					"background job, which the provider waits for. " + fmt.Sprintf(creationInputNote, "room") + " Changing the " +
					"template, or anything that gives the template a new id, therefore never deletes the room.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{stringvalidator.RegexMatches(numericID, "must be a numeric template id")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), recordedCreationInput("room", "template")},
			},
			"tags": tagsAttribute("Tags of the room. The set replaces the room's tags as a whole; unknown tags are created " +
				"in the portal's catalogue. Tags match case-insensitively. Defaults to no tags."),
			"color": colorAttribute("Colour of the room's logo as six hexadecimal digits without `#`, such as `FF5733`. " +
				"When omitted the portal picks a random colour, which is then kept."),
			"cover": coverAttribute("Id of a cover image from the portal's cover gallery (`GET /api/2.0/files/rooms/covers`). " +
				"Removing it removes the cover."),
			"indexing": schema.BoolAttribute{
				MarkdownDescription: "Number the room's files and folders in a fixed order (used by virtual data rooms). " +
					"When omitted the portal's value is kept (for rooms from a template, the template's).",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"deny_download": schema.BoolAttribute{
				MarkdownDescription: "Forbid downloading, printing and copying the room's files. " +
					"When omitted the portal's value is kept (for rooms from a template, the template's).",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"quota": quotaAttribute("Storage quota of the room in bytes; `-1` means unlimited. When omitted the room uses " +
				"the portal's default room quota, which is then recorded. Only portals with room quotas enabled " +
				"report it, and never for archived rooms; then the configured or last known value is kept as is."),
			"lifetime": schema.SingleNestedAttribute{
				MarkdownDescription: "Automatic removal of files older than a period. Omit it to keep files forever.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"value": schema.Int64Attribute{
						MarkdownDescription: "How many periods files are kept: 1 to 999.",
						Required:            true,
						Validators:          []validator.Int64{int64validator.Between(1, 999)},
					},
					"period": schema.StringAttribute{
						MarkdownDescription: "The unit of `value`: one of " + quoted(lifetimePeriods) + ".",
						Required:            true,
						Validators:          []validator.String{stringvalidator.OneOf(lifetimePeriods...)},
					},
					"delete_permanently": schema.BoolAttribute{
						MarkdownDescription: "Delete old files permanently instead of moving them to the trash. Defaults to `false`.",
						Optional:            true,
						Computed:            true,
						Default:             booldefault.StaticBool(false),
					},
				},
			},
			"watermark": schema.SingleNestedAttribute{
				MarkdownDescription: "A watermark shown on the room's documents: text and `additions`, or an image. Omit it for none.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"text": schema.StringAttribute{
						MarkdownDescription: "Static text of the watermark, at most 255 characters.",
						Optional:            true,
						Computed:            true,
						Default:             stringdefault.StaticString(""),
						Validators:          []validator.String{stringvalidator.LengthAtMost(255)},
					},
					"additions": schema.SetAttribute{
						MarkdownDescription: "Details added to the text watermark: any of " + quoted(watermarkAdditionNames()) + ".",
						ElementType:         types.StringType,
						Optional:            true,
						Computed:            true,
						Default:             setdefault.StaticValue(types.SetValueMust(types.StringType, []attr.Value{})),
						Validators:          []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(watermarkAdditionNames()...))},
					},
					"rotate": schema.Int64Attribute{
						MarkdownDescription: "Rotation of the watermark in degrees, from -90 to 90. Defaults to `0`.",
						Optional:            true,
						Computed:            true,
						Default:             int64default.StaticInt64(0),
						Validators:          []validator.Int64{int64validator.Between(-90, 90)},
					},
					"image_url": schema.StringAttribute{
						MarkdownDescription: "Absolute `http` or `https` URL of an image watermark. Other values are refused: " +
							"the portal would take them for the name of an uploaded file and store a URL of its own.",
						Optional: true,
						Computed: true,
						Default:  stringdefault.StaticString(""),
					},
					"image_scale": schema.Int64Attribute{
						MarkdownDescription: "Scale of the image watermark in percent; `0` keeps the image's size. Needs " +
							"`image_url`: the portal drops the scale of a watermark without an image.",
						Optional:   true,
						Computed:   true,
						Default:    int64default.StaticInt64(0),
						Validators: []validator.Int64{int64validator.Between(0, 1000)},
					},
				},
			},
			"archived": schema.BoolAttribute{
				MarkdownDescription: "Whether the room is in the archive. Archived rooms are read-only: change other " +
					"attributes only together with `archived = false`; a plan that changes them in a room that stays " +
					"archived warns, and its apply fails without changing anything (`terraform destroy` is not affected). " +
					"Defaults to `false`.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"owner_id": stableComputedString("Id of the user who created the room."),
			"created":  createdAttribute("room"),
			"timeouts": timeoutsAttribute(ctx, waits{
				create: "Creating a room from a template waits for the portal's job that builds it",
				update: "Archiving or restoring a room waits for the portal to move it",
				delete: "Deleting a room waits for the portal's file operation that removes it",
				dflt:   defaultRoomTimeout,
			}),
		},
	}
}

func (r *roomResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = objectIdentitySchema("room")
}
