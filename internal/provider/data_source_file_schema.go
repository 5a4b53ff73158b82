package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

func (d *fileDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one existing file, by id or by its title inside a room or folder (`folder_id`), for " +
			"example a form that people uploaded, to link other resources to it. A lookup by title matches the title as " +
			"the portal does, letter case ignored; a title that no file or several files directly in that room or folder " +
			"carry is an error. A file in the Trash is an error. The content is never downloaded.\n\n" +
			"A lookup by id costs one API call; a lookup by title lists the files directly in the room or folder, one " +
			"API call per 100 files. To adopt files into Terraform, use the `docspace_file` list resource with " +
			"`terraform query`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The file's numeric id. Exactly one of `id` and `title` is required.",
				Optional:            true,
				Computed:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(numericID, "must be a numeric file id"),
					stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("title")),
				},
			},
			"title": schema.StringAttribute{
				MarkdownDescription: "The file's title with its extension; with it, set `folder_id`.",
				Optional:            true,
				Computed:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, maxFileTitleLength+5),
					stringvalidator.AlsoRequires(path.MatchRoot("folder_id")),
				},
			},
			"folder_id": schema.StringAttribute{
				MarkdownDescription: "With `title`: the id of the room or folder the file is directly in. After the read: " +
					"the id of the room or folder the file is in.",
				Optional: true,
				Computed: true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(numericID, "must be a numeric room or folder id"),
					stringvalidator.ConflictsWith(path.MatchRoot("id")),
				},
			},
			"version": schema.Int64Attribute{Computed: true, MarkdownDescription: "The file's version number."},
			"size":    schema.Int64Attribute{Computed: true, MarkdownDescription: "The size of the file's current version in bytes."},
			"is_form": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the file is an ONLYOFFICE PDF form."},
			"web_url": schema.StringAttribute{Computed: true, MarkdownDescription: "The address that opens the file in DocSpace."},
		},
	}
}
