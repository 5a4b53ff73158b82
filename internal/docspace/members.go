package docspace

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Member subject types (SubjectType, api-notes.md §29).
const (
	SubjectUser  = 0
	SubjectGroup = 2
)

// Member is one entry of a room's member list: a user's or a group's record, or the synthetic entry
// of the room's owner, which is not a record (IsOwner).
type Member struct {
	Access        FileShare     `json:"access"`
	SubjectType   int           `json:"subjectType"`
	IsOwner       bool          `json:"isOwner"`
	CanEditAccess bool          `json:"canEditAccess"`
	User          *User         `json:"sharedToUser"`
	Group         *GroupSummary `json:"sharedToGroup"`
}

// SubjectID is the id of the user or group the entry is for, or "".
func (m *Member) SubjectID() string {
	switch {
	case m.Group != nil:
		return m.Group.ID
	case m.User != nil:
		return m.User.ID
	}
	return ""
}

// Invitation is one entry of PUT /files/rooms/{id}/share. The provider always sends an id, never an
// e-mail address, which could create an account (api-notes.md §29).
type Invitation struct {
	ID     string    `json:"id"`
	Access FileShare `json:"access"`
}

// SetMembersRequest is the body of PUT /files/rooms/{id}/share.
type SetMembersRequest struct {
	Invitations []Invitation `json:"invitations"`
	Notify      bool         `json:"notify"`
}

// SetMembersResult is the answer (RoomSecurityDto): the current records of the ids sent.
type SetMembersResult struct {
	Members []Member `json:"members"`
	Warning string   `json:"warning"`
	Error   int      `json:"error"`
}

// ErrFormRoles is the portal's refusal to remove a virtual data room member who holds form roles: the
// request answers 200 with error 1 and changes nothing (api-notes.md §29).
var ErrFormRoles = errors.New("the member holds form roles in this virtual data room; the portal removes such members only when forced, from its web interface")

// SkippedError is a grant the portal answered with success but did not apply: the subject is missing
// from the answer. The portal skips terminated or removed users, removed groups and users the API key's
// user may not see (api-notes.md §29).
type SkippedError struct {
	RoomID    int64
	SubjectID string
	// Removal is set when the skipped entry was a removal: the subject keeps its access.
	Removal bool
}

func (e *SkippedError) Error() string {
	what := "did not give " + e.SubjectID + " access"
	if e.Removal {
		what = "still lists " + e.SubjectID + " as a member"
	}
	return fmt.Sprintf("the portal answered PUT /api/2.0/files/rooms/%d/share with success but %s: "+
		"it silently skips terminated or deleted users, deleted groups and users the API key's user may not see",
		e.RoomID, what)
}

func sharePath(roomID int64) string { return roomPath(roomID) + "/share" }

// SetRoomMembers sends one PUT /share. Entries are applied in order and not atomically: a refused
// entry leaves the earlier ones applied, so callers send one subject per request.
func (c *Client) SetRoomMembers(ctx context.Context, roomID int64, req SetMembersRequest) (*SetMembersResult, error) {
	var res SetMembersResult
	if err := c.do(ctx, "PUT", sharePath(roomID), nil, req, &res); err != nil {
		return nil, err
	}
	if res.Error == 1 {
		return nil, fmt.Errorf("PUT /api/2.0/%s: %w", sharePath(roomID), ErrFormRoles)
	}
	return &res, nil
}

// SetRoomMember gives one user or group access to a room, or removes it with FileShareNone, and checks
// the answer against the request: a subject missing from a grant's answer, or still present after a
// removal, is a *SkippedError; a subject with another access than asked is an error too.
func (c *Client) SetRoomMember(ctx context.Context, roomID int64, subjectID string, access FileShare, notify bool) (*Member, error) {
	inv := Invitation{ID: subjectID, Access: access}
	res, err := c.SetRoomMembers(ctx, roomID, SetMembersRequest{Invitations: []Invitation{inv}, Notify: notify})
	if err != nil {
		return nil, err
	}
	return checkMember(roomID, inv, res.Members)
}

// checkMember checks one entry of a PUT /share against the answer's members: a subject missing from a
// grant's answer, or still present after a removal, is a *SkippedError; another access than asked is an
// error too. It returns the subject's record after a grant.
func checkMember(roomID int64, inv Invitation, members []Member) (*Member, error) {
	subjectID, access := inv.ID, inv.Access
	var got *Member
	for i := range members {
		if strings.EqualFold(members[i].SubjectID(), subjectID) {
			got = &members[i]
		}
	}
	switch {
	case access == FileShareNone && got != nil:
		return nil, &SkippedError{RoomID: roomID, SubjectID: subjectID, Removal: true}
	case access == FileShareNone:
		return nil, nil
	case got == nil:
		return nil, &SkippedError{RoomID: roomID, SubjectID: subjectID}
	case got.Access != access:
		return nil, fmt.Errorf("the portal answered PUT /api/2.0/%s with success but gave %s the access level %d instead of the %d "+
			"that was asked for", sharePath(roomID), subjectID, got.Access, access)
	}
	return got, nil
}

// ListRoomMembers returns a room's owner entry and member records, reading every page (count and total
// in the envelope, api-notes.md §29). A caller who cannot read the room gets an empty list; a missing
// room is a 404 *APIError.
func (c *Client) ListRoomMembers(ctx context.Context, roomID int64) ([]Member, error) {
	var members []Member
	err := c.eachPage(ctx, sharePath(roomID), url.Values{"filterType": {strconv.Itoa(0)}}, func(raw json.RawMessage) (int, error) {
		var page []Member
		if err := json.Unmarshal(raw, &page); err != nil {
			return 0, err
		}
		for _, m := range page {
			if m.SubjectID() == "" {
				return 0, fmt.Errorf("a member entry without a user or group: %w", ErrMissingObject)
			}
		}
		members = append(members, page...)
		return len(page), nil
	})
	return members, err
}
