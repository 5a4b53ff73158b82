package docspace

import (
	"context"
	"strconv"
)

// CreateTemplateRequest is the body of POST /files/roomtemplate (api-notes.md §15). It has no `share` and
// no `groups`: a new template is shared afterwards, by id, through ShareTemplate, so that no e-mail address
// ever reaches the portal, where an unknown one can create a guest account (api-notes.md §15, §29).
type CreateTemplateRequest struct {
	RoomID   int64    `json:"roomId"`
	Title    string   `json:"title"`
	CopyLogo *bool    `json:"copyLogo,omitempty"`
	Public   *bool    `json:"public,omitempty"` // true: every room admin may use it
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

// ShareTemplate grants (FileShareRead) or revokes (FileShareNone) the use of a template for users and
// groups, by id, in one PUT /files/rooms/{id}/share. For templates the portal checks the whole request
// before it applies any entry, and refuses it all with 403 when one entry asks for another role, names a
// guest or a user of type user, or is an e-mail (api-notes.md §29), so one request is safe here. The
// answer is checked entry by entry, as SetRoomMember checks its one.
func (c *Client) ShareTemplate(ctx context.Context, id int64, invitations []Invitation) error {
	if len(invitations) == 0 {
		return nil
	}
	res, err := c.SetRoomMembers(ctx, id, SetMembersRequest{Invitations: invitations})
	if err != nil {
		return err
	}
	for _, inv := range invitations {
		if _, err := checkMember(id, inv, res.Members); err != nil {
			return err
		}
	}
	return nil
}
