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

// EmployeeType is a user's type (api-notes.md §30).
type EmployeeType int

// User types.
const (
	EmployeeTypeRoomAdmin     EmployeeType = 1
	EmployeeTypeGuest         EmployeeType = 2
	EmployeeTypeDocSpaceAdmin EmployeeType = 3
	EmployeeTypeUser          EmployeeType = 4
)

// EmployeeStatus is whether an account is active or terminated (blocked).
type EmployeeStatus int

// Account statuses.
const (
	EmployeeStatusActive     EmployeeStatus = 1
	EmployeeStatusTerminated EmployeeStatus = 2
)

// User is a portal account as the people endpoints describe it (EmployeeFullDto, api-notes.md §30).
type User struct {
	ID               string         `json:"id"`
	DisplayName      string         `json:"displayName"`
	FirstName        string         `json:"firstName"`
	LastName         string         `json:"lastName"`
	UserName         string         `json:"userName"`
	Email            string         `json:"email"`
	Status           EmployeeStatus `json:"status"`
	ActivationStatus int            `json:"activationStatus"`
	IsAdmin          bool           `json:"isAdmin"`
	IsRoomAdmin      bool           `json:"isRoomAdmin"`
	IsCollaborator   bool           `json:"isCollaborator"`
	IsVisitor        bool           `json:"isVisitor"`
	IsOwner          bool           `json:"isOwner"`
	// Groups are the groups the account belongs to, blocked or not (api-notes.md §32). The portal leaves
	// them out when there are none, and for User-type callers reading someone else.
	Groups []GroupSummary `json:"groups"`
}

// InGroup reports whether the account's own record lists the group with id.
func (u *User) InGroup(id string) bool {
	for _, g := range u.Groups {
		if strings.EqualFold(g.ID, id) {
			return true
		}
	}
	return false
}

// Type derives the user's type from the flags. The portal owner reports isAdmin false and isOwner
// true, and is a DocSpace admin (api-notes.md §30).
func (u *User) Type() EmployeeType {
	switch {
	case u.IsOwner || u.IsAdmin:
		return EmployeeTypeDocSpaceAdmin
	case u.IsRoomAdmin:
		return EmployeeTypeRoomAdmin
	case u.IsVisitor:
		return EmployeeTypeGuest
	}
	return EmployeeTypeUser
}

// getUser reads one user and refuses an answer without an id.
func (c *Client) getUser(ctx context.Context, path string, query url.Values) (*User, error) {
	var u User
	if err := c.do(ctx, "GET", path, query, nil, &u); err != nil {
		return nil, err
	}
	if u.ID == "" {
		return nil, fmt.Errorf("GET /api/2.0/%s: the answer has no user id: %w", path, ErrMissingObject)
	}
	return &u, nil
}

// UserByEmail finds the account with an e-mail address. An unknown address is a 404 *APIError; it
// never creates an account.
func (c *Client) UserByEmail(ctx context.Context, email string) (*User, error) {
	return c.getUser(ctx, "people/email", url.Values{"email": {email}})
}

// GetUser reads the account with id; a missing one is a 404 *APIError.
func (c *Client) GetUser(ctx context.Context, id string) (*User, error) {
	return c.getUser(ctx, "people/"+url.PathEscape(id), nil)
}

// CurrentUser reads the account the API key belongs to, uncached.
func (c *Client) CurrentUser(ctx context.Context) (*User, error) {
	return c.getUser(ctx, "people/@self", nil)
}

// UserFilter narrows ListUsers. Zero values do not filter.
type UserFilter struct {
	Text    string
	Type    EmployeeType
	Status  EmployeeStatus
	GroupID string
}

// ListUsers returns every account that matches, reading all pages. Users and guests may not list
// people: the portal answers them 403.
func (c *Client) ListUsers(ctx context.Context, f UserFilter) ([]User, error) {
	q := url.Values{}
	if f.Text != "" {
		q.Set("filterValue", f.Text)
	}
	if f.Type != 0 {
		q.Set("employeeType", strconv.Itoa(int(f.Type)))
	}
	if f.Status != 0 {
		q.Set("employeeStatus", strconv.Itoa(int(f.Status)))
	}
	if f.GroupID != "" {
		q.Set("groupId", f.GroupID)
	}
	var users []User
	err := c.eachPage(ctx, "people/filter", q, func(raw json.RawMessage) (int, error) {
		var page []User
		if err := json.Unmarshal(raw, &page); err != nil {
			return 0, err
		}
		for _, u := range page {
			if u.ID == "" {
				return 0, fmt.Errorf("a user without an id: %w", ErrMissingObject)
			}
		}
		users = append(users, page...)
		return len(page), nil
	})
	return users, err
}

// pageSize is the largest page the list endpoints serve (count 1..100).
const pageSize = 100

// eachPage reads a paged list (count and total in the envelope, api-notes.md §3) until startIndex
// reaches total, handing each page's response to read, which returns how many items it held. A page whose
// answer arrives damaged is read again (again).
func (c *Client) eachPage(ctx context.Context, path string, query url.Values, read func(json.RawMessage) (int, error)) error {
	for start := 0; ; {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		q.Set("startIndex", strconv.Itoa(start))
		q.Set("count", strconv.Itoa(pageSize))
		var n, total int
		err := c.again(ctx, "GET", func() (string, error) {
			var urlPath string
			var err error
			urlPath, n, total, err = c.readPage(ctx, path, q, read)
			return urlPath, err
		})
		if err != nil {
			return err
		}
		start += n
		if n == 0 || start >= total {
			return nil
		}
	}
}

// readPage reads one page of eachPage's list and hands its response to read. It returns the URL path,
// how many items the page held and the list's total.
func (c *Client) readPage(ctx context.Context, path string, q url.Values, read func(json.RawMessage) (int, error)) (string, int, int, error) {
	status, urlPath, raw, err := c.send(ctx, "GET", path, q, nil)
	if err != nil {
		return urlPath, 0, 0, err
	}
	var response json.RawMessage
	present, err := decode(status, "GET", urlPath, raw, &response)
	if err != nil {
		return urlPath, 0, 0, err
	}
	if !present {
		return urlPath, 0, 0, fmt.Errorf("GET %s: %w", urlPath, ErrMissingObject)
	}
	var env struct {
		Total *int `json:"total"`
	}
	if err := json.Unmarshal(raw, &env); err != nil || env.Total == nil {
		return urlPath, 0, 0, fmt.Errorf("GET %s: the answer has no total: %w", urlPath, ErrMissingObject)
	}
	n, err := read(response)
	if errors.Is(err, ErrMissingObject) {
		return urlPath, 0, 0, fmt.Errorf("GET %s: %w", urlPath, err)
	}
	if err != nil {
		return urlPath, 0, 0, fmt.Errorf("GET %s: decoding the response: %v: %w", urlPath, err, ErrUnreadableAnswer)
	}
	return urlPath, n, *env.Total, nil
}
