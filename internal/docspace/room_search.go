package docspace

import "context"

// TextSearchCap is the most folders a portal with full-text search answers a text filter with
// (api-notes.md §33). The folders are those of the whole portal, rooms, templates and ordinary folders
// alike, so a listing's total can stay below the cap although the cap cut the answer.
const TextSearchCap = 1000

// ListRoomsByText returns the rooms opts selects that keep accepts, without missing any, on portals with
// and without full-text search (api-notes.md §33).
//
// opts.FilterValue is a text that the title of every room keep accepts contains, ignoring case. Both
// search engines then answer a superset of what keep accepts, as long as nothing is lost, and keep is
// applied to each room here. The portal's answer is used when found says that the kept rooms answer the
// question (for an exact title: a room of that title in the wanted area) and the total stays below
// TextSearchCap. Otherwise — nothing found (the room may be new or renamed and not yet in the index, or the
// index left it out), or an answer that reached the cap — the rooms opts selects are listed again without
// the text, 100 a request, and keep is applied to all of them. A nil found accepts any kept room.
//
// What remains: on a portal with full-text search whose index holds at least TextSearchCap folders that
// match the text, while fewer than that many are rooms the caller sees in the area, a room can be missing
// from an answer that found something else. An exact-title lookup that finds its room therefore may not
// see a second room of the same title.
func (c *Client) ListRoomsByText(ctx context.Context, opts ListRoomsOptions, keep func(*Room) bool, found func([]Room) bool) ([]Room, error) {
	if found == nil {
		found = func(kept []Room) bool { return len(kept) > 0 }
	}
	if opts.FilterValue != "" {
		rooms, total, err := c.listRooms(ctx, opts, TextSearchCap)
		if err != nil {
			return nil, err
		}
		if kept := keepRooms(rooms, keep); total < TextSearchCap && found(kept) {
			return kept, nil
		}
	}
	opts.FilterValue = ""
	rooms, err := c.ListRooms(ctx, opts)
	if err != nil {
		return nil, err
	}
	return keepRooms(rooms, keep), nil
}

func keepRooms(rooms []Room, keep func(*Room) bool) []Room {
	kept := rooms[:0]
	for i := range rooms {
		if keep(&rooms[i]) {
			kept = append(kept, rooms[i])
		}
	}
	return kept
}
