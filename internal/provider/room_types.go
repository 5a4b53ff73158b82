package provider

import (
	"fmt"
	"sort"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// roomTypeNames are the readable names of DocSpace room types (docspace-api.md §3.1), named after the UI.
var roomTypeNames = map[string]docspace.RoomType{
	"form_filling":  docspace.RoomTypeFillingForms,
	"collaboration": docspace.RoomTypeEditing,
	"custom":        docspace.RoomTypeCustom,
	"public":        docspace.RoomTypePublic,
	"virtual_data":  docspace.RoomTypeVirtualData,
	"ai":            docspace.RoomTypeAI,
}

func roomTypeNameList() []string {
	names := make([]string, 0, len(roomTypeNames))
	for n := range roomTypeNames {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// roomTypeName names a room type; a type this provider does not know yet keeps its number.
func roomTypeName(t docspace.RoomType) string {
	for n, v := range roomTypeNames {
		if v == t {
			return n
		}
	}
	return fmt.Sprintf("type_%d", int(t))
}
