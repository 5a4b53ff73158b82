package provider

import (
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// Room areas of the room data sources: the search areas of api-notes.md §6 without templates.
const (
	roomAreaActive   = "active"
	roomAreaArchived = "archived"
	roomAreaAny      = "any"
)

// roomAreaOf names the area a room is in.
func roomAreaOf(room *docspace.Room) string {
	if room.IsArchived() {
		return roomAreaArchived
	}
	return roomAreaActive
}
