package provider

import (
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// Room areas: where rooms are, as every filter of rooms by archive state spells it (the `area` of data
// sources and list resources). They are the search areas of api-notes.md §6 without templates, which are
// never archived.
const (
	roomAreaActive   = "active"
	roomAreaArchived = "archived"
	roomAreaAny      = "any"
)

// roomAreas are the values of an `area` filter.
var roomAreas = []string{roomAreaActive, roomAreaArchived, roomAreaAny}

// roomSearchAreas maps the room areas to the portal's search areas (api-notes.md §6).
var roomSearchAreas = map[string]docspace.SearchArea{
	roomAreaActive:   docspace.SearchAreaActive,
	roomAreaArchived: docspace.SearchAreaArchive,
	roomAreaAny:      docspace.SearchAreaAny,
}

// roomAreaOf names the area a room is in.
func roomAreaOf(room *docspace.Room) string {
	if room.IsArchived() {
		return roomAreaArchived
	}
	return roomAreaActive
}

// inRoomArea reports whether room is in area; every room is in roomAreaAny.
func inRoomArea(room *docspace.Room, area string) bool {
	return area == roomAreaAny || roomAreaOf(room) == area
}

// roomAreaValues describes the values of an `area` filter whose default, when it is left out, is dflt.
func roomAreaValues(dflt string) string {
	return "`active` rooms, `archived` ones, or `any` (both). Defaults to `" + dflt + "`."
}
