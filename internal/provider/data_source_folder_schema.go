package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

func (d *folderDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one existing folder of a room, by id or by its exact title inside a room (`room_id`) " +
			"or inside a folder (`parent_id`), for example a folder made by hand or copied into a room by a template. " +
			"Folder titles are not unique: a title that no folder or several folders directly in that room or folder " +
			"carry is an error that names the candidates' ids (then look the folder up by id).\n\n" +
			"A lookup by id costs two API calls (the folder and its breadcrumbs, which name its room). A lookup by title " +
			"lists every folder directly in the room or folder, one API call per 100 folders, so a folder that exists is " +
			"always found; the listing also names the room. A folder in the Trash is an error. To adopt folders into Terraform, use the `docspace_folder` list resource with `terraform query`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The folder's numeric id. Exactly one of `id` and `title` is required.",
				Optional:            true,
				Computed:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(numericID, "must be a numeric folder id"),
					stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("title")),
				},
			},
			"title": schema.StringAttribute{
				MarkdownDescription: "The folder's exact title (letter case included); with it, set `room_id` or `parent_id`.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, maxFolderTitleLength)},
			},
			"room_id": schema.StringAttribute{
				MarkdownDescription: "With `title`: the id of the room the folder is directly in. After the read: the id of " +
					"the folder's room, however deep it is.",
				Optional: true,
				Computed: true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(numericID, "must be a numeric room id"),
					stringvalidator.ConflictsWith(path.MatchRoot("id"), path.MatchRoot("parent_id")),
				},
			},
			"parent_id": schema.StringAttribute{
				MarkdownDescription: "With `title`: the id of the folder the folder is directly in. After the read: the id " +
					"of the folder's parent, a folder or the room itself.",
				Optional: true,
				Computed: true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(numericID, "must be a numeric folder id"),
					stringvalidator.ConflictsWith(path.MatchRoot("id")),
				},
			},
			"owner_id": schema.StringAttribute{Computed: true, MarkdownDescription: "Id of the user who created the folder."},
			"created":  schema.StringAttribute{Computed: true, CustomType: timetypes.RFC3339Type{}, MarkdownDescription: "When the folder was created (RFC 3339)."},
		},
	}
}
