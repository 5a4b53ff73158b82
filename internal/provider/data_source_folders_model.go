package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type foldersModelV0 struct {
	ID       types.String `tfsdk:"id"`
	RoomID   types.String `tfsdk:"room_id"`
	ParentID types.String `tfsdk:"parent_id"`
	Folders  types.List   `tfsdk:"folders"`
}

var folderSummaryAttrTypes = map[string]attr.Type{
	"id":        types.StringType,
	"title":     types.StringType,
	"parent_id": types.StringType,
	"path":      types.StringType,
}

// fill lists the folders of tree in m, in their order; start is where the listing began.
func (m *foldersModelV0) fill(tree []docspace.TreeFolder, start int64) {
	items := make([]attr.Value, 0, len(tree))
	for i := range tree {
		// The resource's conversion, so a listed folder reads as docspace_folder would read it.
		var f folderModelV0
		f.fill(&tree[i].Folder, 0)
		items = append(items, types.ObjectValueMust(folderSummaryAttrTypes, map[string]attr.Value{
			"id":        f.ID,
			"title":     f.Title,
			"parent_id": f.ParentID,
			"path":      types.StringValue(tree[i].Path),
		}))
	}
	m.ID = types.StringValue(formatObjectID(start))
	m.Folders = types.ListValueMust(types.ObjectType{AttrTypes: folderSummaryAttrTypes}, items)
}
