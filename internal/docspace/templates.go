package docspace

import (
	"context"
	"strconv"
)

// CreateTemplateRequest is the body of POST /files/roomtemplate (api-notes.md §15).
type CreateTemplateRequest struct {
	RoomID   int64    `json:"roomId"`
	Title    string   `json:"title"`
	CopyLogo *bool    `json:"copyLogo,omitempty"`
	Share    []string `json:"share,omitempty"`  // e-mails that get read access
	Groups   []string `json:"groups,omitempty"` // group ids that get read access
	Public   *bool    `json:"public,omitempty"` // true: everyone may use it, and Share is ignored
	Tags     []string `json:"tags,omitempty"`
	Color    string   `json:"color,omitempty"`
	Cover    string   `json:"cover,omitempty"`
	Quota    *int64   `json:"quota,omitempty"`
}

// CreateRoomFromTemplateRequest is the body of POST /files/rooms/fromtemplate (api-notes.md §19).
// Unset settings take the template's values, except lifetime and watermark, which are not inherited.
type CreateRoomFromTemplateRequest struct {
	RoomSettings
	TemplateID int64 `json:"templateId"`
	CopyLogo   *bool `json:"copyLogo,omitempty"`
}

// CreateTemplate builds a template from a room and returns it once it verifiably exists under its
// title. See runJob for what happens on failure, on interrupt and on timeout.
func (c *Client) CreateTemplate(ctx context.Context, req CreateTemplateRequest) (*Room, error) {
	return c.runJob(ctx, JobTemplate, req.Title, func(marked string) any { req.Title = marked; return req })
}

// CreateRoomFromTemplate creates a room from a template and returns it once it verifiably exists.
func (c *Client) CreateRoomFromTemplate(ctx context.Context, req CreateRoomFromTemplateRequest) (*Room, error) {
	return c.runJob(ctx, JobRoomFromTemplate, req.Title, func(marked string) any { req.Title = marked; return req })
}

// TemplateIsPublic reports whether everyone on the portal may use the template.
func (c *Client) TemplateIsPublic(ctx context.Context, id int64) (bool, error) {
	var public bool
	err := c.do(ctx, "GET", "files/roomtemplate/"+strconv.FormatInt(id, 10)+"/public", nil, nil, &public)
	return public, err
}

// SetTemplatePublic makes a template public or private. The portal also revokes every other user and
// group share of the template except the caller's own (api-notes.md §18).
func (c *Client) SetTemplatePublic(ctx context.Context, id int64, public bool) error {
	return c.do(ctx, "PUT", "files/roomtemplate/public", nil, map[string]any{"id": id, "public": public}, nil)
}
