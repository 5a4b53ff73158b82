package provider

import (
	"sort"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// A room's folder tree as docspace_folders and the docspace_folder list resource show it (api-notes.md §36).

// sortFolderTree puts prefix before every path of tree and sorts it by path, then id.
func sortFolderTree(tree []docspace.TreeFolder, prefix string) {
	for i := range tree {
		tree[i].Path = prefix + tree[i].Path
	}
	sort.SliceStable(tree, func(i, j int) bool {
		if tree[i].Path != tree[j].Path {
			return tree[i].Path < tree[j].Path
		}
		return tree[i].ID < tree[j].ID
	})
}
