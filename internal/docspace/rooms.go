package docspace

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
)

// Employee is a user as the portal describes it (EmployeeDto).
type Employee struct {
	ID          string `json:"id"`
	DisplayName string `json:"displayName,omitempty"`
	Email       string `json:"email,omitempty"`
}

// Logo holds a room's colour and cover (api-notes.md §8: both live under `logo`).
type Logo struct {
	Original string `json:"original,omitempty"`
	Large    string `json:"large,omitempty"`
	Medium   string `json:"medium,omitempty"`
	Small    string `json:"small,omitempty"`
	Color    string `json:"color,omitempty"`
	Cover    *Cover `json:"cover,omitempty"`
}

// Cover is an image from the portal's cover gallery.
type Cover struct {
	ID   string `json:"id"`
	Data string `json:"data,omitempty"`
}

// Lifetime removes files older than Value periods (Period: 0 days, 1 months, 2 years).
type Lifetime struct {
	DeletePermanently bool  `json:"deletePermanently"`
	Period            int   `json:"period"`
	Value             int   `json:"value,omitempty"` // 1..999; omitted in a removal, which the server validates too
	Enabled           *bool `json:"enabled,omitempty"`
}

// Watermark is shown on a room's documents. Additions is a set of flags: 1 user name, 2 e-mail,
// 4 IP address, 8 current date, 16 room name.
type Watermark struct {
	Enabled     *bool   `json:"enabled,omitempty"`
	Additions   int     `json:"additions"`
	Text        string  `json:"text,omitempty"`
	Rotate      int     `json:"rotate"`
	ImageScale  int     `json:"imageScale"`
	ImageURL    string  `json:"imageUrl,omitempty"`
	ImageHeight float64 `json:"imageHeight,omitempty"`
	ImageWidth  float64 `json:"imageWidth,omitempty"`
}

// Room is a room or room template (FolderDto, api-notes.md §8). Fields the server omits stay zero.
type Room struct {
	ID             int64      `json:"id"`
	Title          string     `json:"title"`
	RoomType       RoomType   `json:"roomType"`
	RootFolderType FolderType `json:"rootFolderType"`
	RootFolderID   int64      `json:"rootFolderId"`
	ParentID       int64      `json:"parentId"`
	Private        bool       `json:"private"`
	Indexing       bool       `json:"indexing"`
	DenyDownload   bool       `json:"denyDownload"`
	Tags           []string   `json:"tags"`
	Logo           *Logo      `json:"logo"`
	// QuotaLimit is nil when the portal does not report room quotas.
	QuotaLimit    *int64     `json:"quotaLimit"`
	IsCustomQuota bool       `json:"isCustomQuota"`
	Lifetime      *Lifetime  `json:"lifetime"`
	Watermark     *Watermark `json:"watermark"`
	Created       Time       `json:"created"`
	Updated       Time       `json:"updated"`
	CreatedBy     *Employee  `json:"createdBy"`
	UpdatedBy     *Employee  `json:"updatedBy"`
	OwnedBy       *Employee  `json:"ownedBy"`
	// CanShare and Security describe what the caller may do with the room (api-notes.md §8).
	CanShare bool            `json:"canShare"`
	Security map[string]bool `json:"security"`
}

// IsArchived reports whether the room is in the archive. There is no flag for it (api-notes.md §8).
func (r *Room) IsArchived() bool { return r.RootFolderType == FolderTypeArchive }

// IsTemplate reports whether the object is a room template.
func (r *Room) IsTemplate() bool { return r.RootFolderType == FolderTypeRoomTemplates }

// CanManageLinks reports whether the caller may see and change the room's links: canShare, or the
// EditAccess right in `security`. Without it GET /rooms/{id}/links answers an empty list
// (api-notes.md §23).
func (r *Room) CanManageLinks() bool { return r.CanShare || r.Security["EditAccess"] }

// CallerMayManage reports whether the API key's user may change the room, its tags, links and members.
// DocSpace admins, the portal owner included, read every room but manage only those they created or
// hold room manager in; the room's security flags EditRoom and EditAccess say which (api-notes.md §34).
// It answers true when the flags cannot tell: the answer carries none, or the room is archived (where
// nobody edits) or a template.
func (r *Room) CallerMayManage() bool {
	if r.Security == nil || r.IsArchived() || r.IsTemplate() {
		return true
	}
	return r.Security["EditRoom"] || r.Security["EditAccess"]
}

// HasUploadedLogo reports whether the room shows an uploaded logo image; while it does, the portal
// reports no colour and no cover (api-notes.md §8).
func (r *Room) HasUploadedLogo() bool { return r.Logo != nil && r.Logo.Original != "" }

// Color returns the logo colour, or "".
func (r *Room) Color() string {
	if r.Logo == nil {
		return ""
	}
	return r.Logo.Color
}

// CoverID returns the cover's id, or "".
func (r *Room) CoverID() string {
	if r.Logo == nil || r.Logo.Cover == nil {
		return ""
	}
	return r.Logo.Cover.ID
}

// RoomSettings are what a new room is given, whether it is created directly or from a template
// (api-notes.md §7, §19). Nil pointers and empty strings are left out: the portal's default applies, or
// for a room from a template the template's value where it is inherited.
type RoomSettings struct {
	Title        string     `json:"title"`
	Quota        *int64     `json:"quota,omitempty"`
	Indexing     *bool      `json:"indexing,omitempty"`
	DenyDownload *bool      `json:"denyDownload,omitempty"`
	Lifetime     *Lifetime  `json:"lifetime,omitempty"`
	Watermark    *Watermark `json:"watermark,omitempty"`
	Tags         []string   `json:"tags,omitempty"`
	Color        string     `json:"color,omitempty"`
	Cover        string     `json:"cover,omitempty"`
}

// CreateRoomRequest is the body of POST /files/rooms (api-notes.md §7).
type CreateRoomRequest struct {
	RoomSettings
	RoomType RoomType `json:"roomType"`
}

// UpdateRoomRequest is the body of PUT /files/rooms/{id}. It is PATCH-like: nil fields stay unchanged,
// a non-nil empty Tags clears the tags, Cover "" removes the cover, and a lifetime or watermark with
// Enabled false removes it (api-notes.md §9).
type UpdateRoomRequest struct {
	Title        *string    `json:"title,omitempty"`
	Quota        *int64     `json:"quota,omitempty"`
	Indexing     *bool      `json:"indexing,omitempty"`
	DenyDownload *bool      `json:"denyDownload,omitempty"`
	Lifetime     *Lifetime  `json:"lifetime,omitempty"`
	Watermark    *Watermark `json:"watermark,omitempty"`
	Tags         *[]string  `json:"tags,omitempty"`
	Color        *string    `json:"color,omitempty"`
	Cover        *string    `json:"cover,omitempty"`
}

func roomPath(id int64) string { return "files/rooms/" + strconv.FormatInt(id, 10) }

// CreateRoom creates a room and returns it. The POST is not idempotent, so it is never repeated (the
// transport retries it only after a 429, which the portal sends before doing anything). When its answer
// is lost or unreadable, the room is looked for by its creation marker before anything is reported; a
// room that exists but could not be finished comes back as an *IncompleteCreateError with its id.
// An earlier creation of the same title that was abandoned halfway is an *AbandonedError. The procedure
// is the creation protocol of creation.go.
func (c *Client) CreateRoom(ctx context.Context, req CreateRoomRequest) (*Room, error) {
	cr := newCreation(creationRoom, req.Title)
	if err := c.checkAbandoned(ctx, cr); err != nil {
		return nil, err
	}
	req.Title = cr.markedTitle()
	var room Room
	err := c.do(ctx, "POST", "files/rooms", nil, req, &room)
	id, err := c.createdID(ctx, cr, "POST /api/2.0/files/rooms", roomObject(&room), err)
	if err != nil {
		return nil, err
	}
	// The portal stores a quota of 0 sent at creation as its default room quota, while an update
	// stores 0 as sent (api-notes.md §7, §9): the finishing update carries it.
	var finish UpdateRoomRequest
	if req.Quota != nil && *req.Quota == 0 {
		finish.Quota = req.Quota
	}
	return c.finishRoom(ctx, cr, parseRoomID(id), finish)
}

// finishRoom renames the room or template id, made by cr, with the update finish (finishCreation).
func (c *Client) finishRoom(ctx context.Context, cr creation, id int64, finish UpdateRoomRequest) (*Room, error) {
	return finishCreation(ctx, cr, formatRoomID(id), func(ctx context.Context, title string) (*Room, error) {
		finish.Title = &title
		return c.UpdateRoom(ctx, id, finish)
	})
}

// roomObjects and templateObjects describe rooms and templates to the creation protocol (creation.go).
// Rooms are looked for in every area, as they may have been archived meanwhile.
var (
	roomObjects     = roomKind("room", SearchAreaAny, false)
	templateObjects = roomKind("room template", SearchAreaTemplates, true)
)

func roomKind(noun string, area SearchArea, templates bool) objectKind {
	// ofKind keeps the rooms or the templates of a listing.
	ofKind := func(rooms []Room, err error) ([]object, error) {
		if err != nil {
			return nil, err
		}
		var objects []object
		for i := range rooms {
			if rooms[i].IsTemplate() == templates {
				objects = append(objects, *roomObject(&rooms[i]))
			}
		}
		return objects, nil
	}
	return objectKind{
		noun:     noun,
		maxTitle: MaxTitleLength,
		stored:   SanitizeTitle,
		scope:    "files/rooms?searchArea=" + strconv.Itoa(int(area)),
		list: func(ctx context.Context, c *Client, _, text string) ([]object, error) {
			return ofKind(c.ListRooms(ctx, ListRoomsOptions{SearchArea: area, FilterValue: text}))
		},
		get: func(ctx context.Context, c *Client, id string) (*object, error) {
			return viewOne(roomObject)(c.GetRoom(ctx, parseRoomID(id)))
		},
		newest: func(ctx context.Context, c *Client, _ string) ([]object, error) {
			return ofKind(c.newestRooms(ctx, area))
		},
	}
}

// roomObject is r as the creation protocol sees it; a room without an id has none there either.
func roomObject(r *Room) *object {
	return numberedObject(r.ID, r.Title)
}

// ownsRoom reports whether r is the room or template cr made.
func (cr creation) ownsRoom(r *Room) bool {
	return r != nil && r.IsTemplate() == (cr.kind == creationTemplate) && cr.owns(roomObject(r))
}

func formatRoomID(id int64) string { return strconv.FormatInt(id, 10) }

// parseRoomID reads an id that formatRoomID wrote; anything else is 0, which no room has.
func parseRoomID(id string) int64 {
	n, _ := strconv.ParseInt(id, 10, 64)
	return n
}

// GetRoom reads a room or template. A deleted room is a 404.
func (c *Client) GetRoom(ctx context.Context, id int64) (*Room, error) {
	var room Room
	if err := c.do(ctx, "GET", roomPath(id), nil, nil, &room); err != nil {
		return nil, err
	}
	return answerAbout(&room, room.ID, id, "room", "GET /api/2.0/"+roomPath(id))
}

// UpdateRoom changes a room's settings and returns the room.
func (c *Client) UpdateRoom(ctx context.Context, id int64, req UpdateRoomRequest) (*Room, error) {
	var room Room
	if err := c.do(ctx, "PUT", roomPath(id), nil, req, &room); err != nil {
		return nil, err
	}
	return answerAbout(&room, room.ID, id, "room", "PUT /api/2.0/"+roomPath(id))
}

// ListRoomsOptions filters a room listing (api-notes.md §5).
type ListRoomsOptions struct {
	SearchArea SearchArea
	// FilterValue is the portal's text filter: a case-insensitive title substring on portals without
	// full-text search, a capped per-word index search on portals with it (api-notes.md §33). Lookups
	// that must be complete use ListRoomsByText.
	FilterValue string
	Types       []RoomType
	Tags        []string
	SortBy      string // "DateAndTime", "AZ", …
	SortOrder   int    // 0 ascending, 1 descending
}

type roomPage struct {
	Folders []Room `json:"folders"`
	Total   int    `json:"total"`
}

// listPageSize is the server's maximum page size.
const listPageSize = 100

// ListRooms returns every room matching opts, following all pages.
func (c *Client) ListRooms(ctx context.Context, opts ListRoomsOptions) ([]Room, error) {
	rooms, _, err := c.listRooms(ctx, opts, 0)
	return rooms, err
}

// listRooms returns every room matching opts and the total the portal reported. When stopAt is above 0
// and the first page reports a total of at least stopAt, it returns that total and no rooms.
func (c *Client) listRooms(ctx context.Context, opts ListRoomsOptions, stopAt int) ([]Room, int, error) {
	q := url.Values{}
	q.Set("searchArea", strconv.Itoa(int(opts.SearchArea)))
	q.Set("count", strconv.Itoa(listPageSize))
	if opts.FilterValue != "" {
		q.Set("filterValue", opts.FilterValue)
	}
	for _, t := range opts.Types {
		q.Add("type", strconv.Itoa(int(t)))
	}
	if len(opts.Tags) > 0 {
		tags, _ := json.Marshal(opts.Tags) // the server expects a JSON-encoded array
		q.Set("tags", string(tags))
	}
	if opts.SortBy != "" {
		q.Set("sortBy", opts.SortBy)
		q.Set("sortOrder", strconv.Itoa(opts.SortOrder))
	}
	var rooms []Room
	for {
		q.Set("startIndex", strconv.Itoa(len(rooms)))
		var page roomPage
		if err := c.do(ctx, "GET", "files/rooms", q, nil, &page); err != nil {
			return nil, 0, err
		}
		if stopAt > 0 && len(rooms) == 0 && page.Total >= stopAt {
			return nil, page.Total, nil
		}
		rooms = append(rooms, page.Folders...)
		if len(page.Folders) == 0 || len(rooms) >= page.Total {
			return rooms, page.Total, nil
		}
	}
}

// newestRooms returns the first page of rooms in area, newest first, without a text filter. A portal with
// full-text search answers a filtered listing from its index, which learns of a new room or a new title
// in the background and may lag; a listing without filterValue never uses the index (api-notes.md §5).
func (c *Client) newestRooms(ctx context.Context, area SearchArea) ([]Room, error) {
	q := url.Values{}
	q.Set("searchArea", strconv.Itoa(int(area)))
	q.Set("count", strconv.Itoa(listPageSize))
	q.Set("startIndex", "0")
	q.Set("sortBy", "DateAndTime")
	q.Set("sortOrder", "1")
	var page roomPage
	if err := c.do(ctx, "GET", "files/rooms", q, nil, &page); err != nil {
		return nil, err
	}
	return page.Folders, nil
}

// Self returns the user the API key belongs to, read once per client: a provider process asks at most
// once (api-notes.md §30).
func (c *Client) Self(ctx context.Context) (*User, error) {
	c.selfMu.Lock()
	defer c.selfMu.Unlock()
	if c.self != nil {
		return c.self, nil
	}
	me, err := c.CurrentUser(ctx)
	if err != nil {
		return nil, err
	}
	c.self = me
	return c.self, nil
}

// MayCreateRooms reports whether a user of type t may create rooms: DocSpace admins and room admins
// may, users of type User and guests may not (api-notes.md §35).
func MayCreateRooms(t EmployeeType) bool {
	return t != EmployeeTypeUser && t != EmployeeTypeGuest
}
