package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ list.ListResource              = (*fileListResource)(nil)
	_ list.ListResourceWithConfigure = (*fileListResource)(nil)
)

// NewFileListResource returns the docspace_file list resource.
func NewFileListResource() list.ListResource { return &fileListResource{} }

type fileListResource struct{ resourceBase }

type fileListConfig struct {
	FolderID types.String `tfsdk:"folder_id"`
}

func (l *fileListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_file"
}

func (l *fileListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the files directly in one room or folder, for `terraform query`: files people " +
			"uploaded, or that a template copied into a room, to adopt them into Terraform. Each result is named after " +
			"the file's title. The listing costs one API call per 100 files, and with `include_resource` one more for " +
			"the room's id. Content is never downloaded: a generated configuration has no `source` or `content`; add " +
			"one before applying, and the first apply then uploads it as a new version of the file.",
		Attributes: map[string]schema.Attribute{
			"folder_id": schema.StringAttribute{
				MarkdownDescription: "Id of the room or folder whose files are listed (files in its folders are not).",
				Required:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(numericID, "must be a numeric room or folder id")},
			},
		},
	}
}

func (l *fileListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg fileListConfig
	var diags diag.Diagnostics
	if !listConfig(ctx, req, stream, &cfg, &diags) {
		return
	}
	folderID, err := parseID(cfg.FolderID.ValueString())
	if err != nil {
		diags.AddError("Invalid folder id", err.Error())
		listFailed(stream, diags)
		return
	}
	files, err := l.client.ListFiles(ctx, folderID, "")
	if listAPIFailed(stream, &diags, "Error listing the files of room or folder "+cfg.FolderID.ValueString(), err) {
		return
	}
	var roomID int64
	if req.IncludeResource && len(files) > 0 {
		page, err := l.client.ListFolderContent(ctx, folderID, docspace.FolderContentOptions{FilterType: docspace.ContentFoldersOnly, Count: 1})
		if listAPIFailed(stream, &diags, "Error reading the room of folder "+cfg.FolderID.ValueString(), err) {
			return
		}
		if len(page.PathParts) > 1 {
			roomID = page.PathParts[1].ID
		}
	}
	streamListResults(ctx, req, stream, files, func(f *docspace.File, result *list.ListResult) bool {
		m := fileModelV0{Timeouts: nullTimeouts, Source: types.StringNull(), Content: types.StringNull(), ContentBase64: types.StringNull(),
			RoomID: types.StringNull(), ContentSHA256: types.StringValue(contentImported)}
		m.fill(f, roomID)
		result.DisplayName = f.Title
		l.setObjectIdentity(ctx, result.Identity, m.ID.ValueString(), &result.Diagnostics)
		setListedResource(ctx, req, result, &m)
		return true
	})
}
