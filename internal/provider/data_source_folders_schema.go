package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

func (d *foldersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: description}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the folder tree of a room, or of one folder in it, as a flat list sorted by path: every " +
			"folder however deep, whether made by hand, by Terraform or copied by a template. The listing reads the room " +
			"(or folder) and every folder that holds folders, one API call per 100 folders each; folders without " +
			"subfolders cost nothing more.",
		Attributes: map[string]schema.Attribute{
			"id": computed("Id of the room or folder the listing starts in."),
			"room_id": schema.StringAttribute{
				MarkdownDescription: "Id of the room whose folders are listed.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(numericID, "must be a numeric room id")},
			},
			"parent_id": schema.StringAttribute{
				MarkdownDescription: "Id of a folder of the room: only the folders below it are listed (it must be in `room_id`), with their paths " +
					"from the room.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.RegexMatches(numericID, "must be a numeric folder id")},
			},
			"folders": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The folders, sorted by `path`, then `id`.",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"id":        computed("The folder's numeric id."),
						"title":     computed("The folder's title."),
						"parent_id": computed("Id of the folder's parent: a folder, or the room itself."),
						"path": computed("The titles from the room down to the folder, joined by `/`, such as " +
							"`01 Contracts/Signed` (the portal keeps `/` out of titles)."),
					},
				},
			},
		},
	}
}
