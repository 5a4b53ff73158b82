package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ list.ListResource              = (*folderListResource)(nil)
	_ list.ListResourceWithConfigure = (*folderListResource)(nil)
)

// NewFolderListResource returns the docspace_folder list resource.
func NewFolderListResource() list.ListResource { return &folderListResource{} }

type folderListResource struct{ resourceBase }

type folderListConfig struct {
	RoomID types.String `tfsdk:"room_id"`
}

func (l *folderListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_folder"
}

func (l *folderListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds every folder of one room, however deep, for `terraform query`: folders made by hand " +
			"in DocSpace or copied into the room by a template, to adopt them into Terraform. Each result is named after " +
			"the folder's path, the titles from the room down joined by `/` (`01 Contracts/Signed`), followed by " +
			"`(not manageable with this API key)` in a room the API key's user may read but not manage, and results come " +
			"sorted by path. The listing reads the room (for its title) and the content of the room and of every folder " +
			"that holds folders, one API call per 100 folders each, with or without `include_resource`. A generated " +
			"configuration names each folder's place by id: `room_id` for a folder directly in the room, `parent_id` " +
			"for one inside another folder, which can be rewritten as a reference to that folder's block.",
		Attributes: map[string]schema.Attribute{
			"room_id": listRoomIDAttribute("folders"),
		},
	}
}

func (l *folderListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg folderListConfig
	var diags diag.Diagnostics
	if !listConfig(ctx, req, stream, &cfg, &diags) {
		return
	}
	var tree []docspace.TreeFolder
	room := l.listRoomContents(ctx, stream, &diags, cfg.RoomID, "folders", func(roomID int64) (err error) {
		tree, _, err = l.client.FolderTree(ctx, roomID)
		return err
	})
	if room == nil {
		return
	}
	sortFolderTree(tree, "")
	streamListResults(ctx, req, stream, tree, func(f *docspace.TreeFolder, result *list.ListResult) bool {
		m := folderModelV0{Timeouts: nullTimeouts}
		m.fill(&f.Folder, room.ID)
		// The resource takes one of room_id and parent_id, and reads the other from the portal: a generated
		// configuration names only the one that says where the folder is.
		if f.ParentID == room.ID {
			m.ParentID = types.StringNull()
		} else {
			m.RoomID = types.StringNull()
		}
		result.DisplayName = f.Path
		if !room.CallerMayManage() {
			result.DisplayName += " (" + strings.TrimPrefix(notManageable, ", ") + ")"
		}
		l.setObjectIdentity(ctx, result.Identity, m.ID.ValueString(), &result.Diagnostics)
		setListedResource(ctx, req, result, &m)
		return true
	})
	// Rename and delete take the room's owner or a room manager; a content creator only its own folders
	// (api-notes.md §36).
	warnUnmanagedRooms(stream, []docspace.Room{*room}, "Its folders are listed and can be imported, but the portal "+
		"would refuse to rename or delete them, except folders the API key's user created as a content creator")
}
