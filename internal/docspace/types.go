package docspace

import (
	"encoding/json"
	"strings"
	"time"
)

// RoomType is the kind of a room (api-notes.md §6). Unknown values decode as they are.
type RoomType int

// Room types.
const (
	RoomTypeFillingForms RoomType = 1
	RoomTypeEditing      RoomType = 2 // "Collaboration room" in the UI
	RoomTypeCustom       RoomType = 5
	RoomTypePublic       RoomType = 6
	RoomTypeVirtualData  RoomType = 8
	RoomTypeAI           RoomType = 9
)

// FolderType is the kind of a folder; a room's rootFolderType tells where it lives.
type FolderType int

// Folder types that identify a room's state (api-notes.md §14).
const (
	FolderTypeVirtualRooms  FolderType = 14
	FolderTypeArchive       FolderType = 20
	FolderTypeRoomTemplates FolderType = 30
)

// SearchArea selects which rooms a listing returns.
type SearchArea int

// Search areas (api-notes.md §6).
const (
	SearchAreaActive    SearchArea = 0
	SearchAreaArchive   SearchArea = 1
	SearchAreaAny       SearchArea = 2
	SearchAreaTemplates SearchArea = 4
)

// FileShare is an access level (api-notes.md §21).
type FileShare int

// Access levels.
const (
	FileShareNone           FileShare = 0
	FileShareReadWrite      FileShare = 1
	FileShareRead           FileShare = 2
	FileShareRestrict       FileShare = 3
	FileShareVaries         FileShare = 4
	FileShareReview         FileShare = 5
	FileShareComment        FileShare = 6
	FileShareFillForms      FileShare = 7
	FileShareCustomFilter   FileShare = 8
	FileShareRoomManager    FileShare = 9
	FileShareEditing        FileShare = 10
	FileShareContentCreator FileShare = 11
)

// LinkType tells invitation links from external share links.
type LinkType int

// Link types. The server's default is an invitation link (api-notes.md §21).
const (
	LinkTypeInvitation LinkType = 0
	LinkTypeExternal   LinkType = 1
)

// Time is the portal's ApiDateTime: "2026-07-01T12:34:56.0000000+03:00", with the portal's offset.
// It decodes any RFC 3339 variant as an instant; the zero value means absent.
type Time struct{ time.Time }

var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.9999999", "2006-01-02T15:04:05"}

// UnmarshalJSON accepts RFC 3339 with any fraction, with or without an offset; an empty string or
// null is the zero time, like the server's own lenient reader (api-notes.md §3).
func (t *Time) UnmarshalJSON(b []byte) error {
	var s string
	_ = json.Unmarshal(b, &s) // anything but a date string reads as no date
	if strings.TrimSpace(s) == "" {
		t.Time = time.Time{}
		return nil
	}
	for _, layout := range timeLayouts {
		if v, err := time.Parse(layout, s); err == nil {
			t.Time = v
			return nil
		}
	}
	t.Time = time.Time{}
	return nil
}

// MarshalJSON writes RFC 3339 with the instant's offset.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.Format(time.RFC3339Nano))
}
