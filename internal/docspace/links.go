package docspace

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// Link subject types (api-notes.md §21).
const (
	SubjectExternalLink        = 1
	SubjectInvitationLink      = 3
	SubjectPrimaryExternalLink = 4
)

// Link is a room's invitation or external share link (FileShareDto with its sharedLink, api-notes.md §24).
type Link struct {
	Access                FileShare  `json:"access"`
	SubjectType           int        `json:"subjectType"`
	CanEditInternal       bool       `json:"canEditInternal"`
	CanEditExpirationDate bool       `json:"canEditExpirationDate"`
	CanRevoke             bool       `json:"canRevoke"`
	Shared                LinkDetail `json:"sharedLink"`
}

// LinkDetail holds a link's own settings. Password comes back in clear text, and ShareLink and
// RequestToken grant access to the room: all three are secrets.
type LinkDetail struct {
	ID              string   `json:"id"`
	Title           string   `json:"title"`
	ShareLink       string   `json:"shareLink"`
	ExpirationDate  Time     `json:"expirationDate"`
	LinkType        LinkType `json:"linkType"`
	Password        string   `json:"password"`
	DenyDownload    bool     `json:"denyDownload"`
	IsExpired       bool     `json:"isExpired"`
	Primary         bool     `json:"primary"`
	Internal        bool     `json:"internal"`
	RequestToken    string   `json:"requestToken"`
	MaxUseCount     int      `json:"maxUseCount"`
	CurrentUseCount int      `json:"currentUseCount"`
}

// SetLinkRequest is the body of PUT /files/rooms/{id}/links. Every call replaces the whole link: an
// omitted password, expiry or download ban is cleared (api-notes.md §22).
type SetLinkRequest struct {
	LinkID         string    `json:"linkId,omitempty"`
	Access         FileShare `json:"access"`
	LinkType       LinkType  `json:"linkType"` // always sent: the server's default is an invitation link
	Title          string    `json:"title,omitempty"`
	ExpirationDate *Time     `json:"expirationDate,omitempty"`
	Password       string    `json:"password,omitempty"`
	DenyDownload   bool      `json:"denyDownload"`
	Internal       bool      `json:"internal"`
	MaxUseCount    *int      `json:"maxUseCount,omitempty"`
}

func linksPath(roomID int64) string { return roomPath(roomID) + "/links" }

// SetRoomLink creates (new LinkID), replaces (existing LinkID) or, with access None, removes a link.
// It returns the link as stored, or nil when the link was removed. Revoking the primary link of a public
// or form-filling room returns the new primary link that replaces it.
func (c *Client) SetRoomLink(ctx context.Context, roomID int64, req SetLinkRequest) (*Link, error) {
	var link Link
	present, err := c.doOptional(ctx, "PUT", linksPath(roomID), nil, req, &link)
	switch {
	case err != nil:
		return nil, err
	case req.Access == FileShareNone && !present:
		return nil, nil
	case !present || link.Shared.ID == "":
		return nil, fmt.Errorf("PUT /api/2.0/%s: the answer has no link: %w", linksPath(roomID), ErrMissingObject)
	}
	return &link, nil
}

// ListRoomLinks returns a room's links, optionally of one type. The list is not paginated.
func (c *Client) ListRoomLinks(ctx context.Context, roomID int64, linkType *LinkType) ([]Link, error) {
	var q url.Values
	if linkType != nil {
		q = url.Values{"type": {strconv.Itoa(int(*linkType))}}
	}
	var links []Link
	err := c.do(ctx, "GET", linksPath(roomID), q, nil, &links)
	return links, err
}

// GetRoomLink finds one link of a room. A missing link is a 404 *APIError, like a missing room.
func (c *Client) GetRoomLink(ctx context.Context, roomID int64, linkID string) (*Link, error) {
	links, err := c.ListRoomLinks(ctx, roomID, nil)
	if err != nil {
		return nil, err
	}
	for i := range links {
		if links[i].Shared.ID == linkID {
			return &links[i], nil
		}
	}
	return nil, &APIError{StatusCode: http.StatusNotFound, Message: "the room has no link " + linkID, Method: "GET", Path: "/api/2.0/" + linksPath(roomID)}
}

// EnsurePrimaryLink returns the room's primary external link, CREATING it when the room has none
// (GET /files/rooms/{id}/link has that side effect, api-notes.md §23). Never use it to refresh.
func (c *Client) EnsurePrimaryLink(ctx context.Context, roomID int64) (*Link, error) {
	var link Link
	if err := c.do(ctx, "GET", roomPath(roomID)+"/link", nil, nil, &link); err != nil {
		return nil, err
	}
	return &link, nil
}
