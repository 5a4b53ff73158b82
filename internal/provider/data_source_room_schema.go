package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func (d *roomDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: description}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one existing DocSpace room, by id or by its exact title, for example to give people " +
			"access to a room that Terraform does not manage. Room titles are not unique: a title that no room or several " +
			"rooms in the `area` carry is an error that names the candidates' ids (then look the room up by id). " +
			"Templates are not rooms: use `docspace_templates` for them.\n\n" +
			"A lookup by title asks the portal's search first, which costs one API call. On portals with full-text search " +
			"that search matches word by word, takes in new and renamed titles only after a while, and stops at 1000 " +
			"folders of the whole portal. So when it finds no room of the title in the `area`, or 1000 rooms or more, the " +
			"provider reads every room, active and archived (one API call per 100 rooms), before it answers; a room that " +
			"exists is always found. One gap remains on such portals: when the words of the title match 1000 folders or " +
			"more while fewer of them are rooms, a second room of the same title can go unnoticed, and the lookup returns " +
			"the room it found instead of failing. Look rooms whose titles repeat up by id.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The room's numeric id. Exactly one of `id` and `title` is required.",
				Optional:            true,
				Computed:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(numericID, "must be a numeric room id"),
					stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("title")),
				},
			},
			"title": schema.StringAttribute{
				MarkdownDescription: "The room's exact title (letter case included). How it is looked up is described above.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, maxTitleLength)},
			},
			"area": schema.StringAttribute{
				MarkdownDescription: "Where to look for the title: " + roomAreaValues(roomAreaActive) + " With `any`, a " +
					"title that an active and an archived room both carry is ambiguous. Only with `title`; when left out, " +
					"after the read it tells where the room is (`archived` tells it in every case).",
				Optional: true,
				Computed: true,
				Validators: []validator.String{
					stringvalidator.OneOf(roomAreas...),
					stringvalidator.ConflictsWith(path.MatchRoot("id")),
				},
			},
			"room_type": computed("The kind of room: one of " + quoted(roomTypeNameList()) + ", or `ai`."),
			"tags":      schema.SetAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Tags of the room."},
			"color":     computed("Colour of the room's logo as six hexadecimal digits; null when the room has an uploaded logo image."),
			"cover":     computed("Id of the room's cover from the cover gallery, or null."),
			"quota": schema.Int64Attribute{
				Computed: true,
				MarkdownDescription: "Storage quota of the room in bytes; `-1` means unlimited. Null when the portal does " +
					"not report it (room quotas off, or the room is archived).",
			},
			"indexing":      schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the room numbers its files and folders in a fixed order."},
			"deny_download": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether downloading, printing and copying the room's files is forbidden."},
			"lifetime": schema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Automatic removal of old files, or null.",
				Attributes: map[string]schema.Attribute{
					"value":              schema.Int64Attribute{Computed: true, MarkdownDescription: "How many periods files are kept."},
					"period":             computed("The unit of `value`: one of " + quoted(lifetimePeriods) + "."),
					"delete_permanently": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether old files skip the trash."},
				},
			},
			"watermark": schema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The watermark on the room's documents, or null.",
				Attributes: map[string]schema.Attribute{
					"text":        computed("Static text of the watermark."),
					"additions":   schema.SetAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Details added to the text: any of " + quoted(watermarkAdditionNames()) + "."},
					"rotate":      schema.Int64Attribute{Computed: true, MarkdownDescription: "Rotation in degrees."},
					"image_url":   computed("URL of an image watermark."),
					"image_scale": schema.Int64Attribute{Computed: true, MarkdownDescription: "Scale of the image watermark in percent."},
				},
			},
			"archived": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the room is in the archive."},
			"owner_id": computed("Id of the user who created the room."),
			"created":  schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the room was created (RFC 3339)."},
		},
	}
}
