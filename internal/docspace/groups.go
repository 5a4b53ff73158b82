package docspace

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// Group is a portal group (GroupDto, api-notes.md §31). Members is filled only by GetGroup and the
// write calls; listings leave it empty and give MembersCount.
type Group struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Manager      *User  `json:"manager"`
	Members      []User `json:"members"`
	MembersCount int    `json:"membersCount"`
}

// GroupSummary is a group as a room member record names it.
type GroupSummary struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func groupPath(id string) string { return "group/" + url.PathEscape(id) }

func checkGroup(method, path string, g *Group) (*Group, error) {
	if g.ID == "" {
		return nil, fmt.Errorf("%s /api/2.0/%s: the answer has no group id: %w", method, path, ErrMissingObject)
	}
	return g, nil
}

// GetGroup reads a group with its members; a missing group is a 404 *APIError.
func (c *Client) GetGroup(ctx context.Context, id string) (*Group, error) {
	var g Group
	if err := c.do(ctx, "GET", groupPath(id), url.Values{"includeMembers": {"true"}}, nil, &g); err != nil {
		return nil, err
	}
	return checkGroup("GET", groupPath(id), &g)
}

// ListGroups returns every group whose name contains text (all groups for ""), without members,
// reading all pages. Names are not unique.
func (c *Client) ListGroups(ctx context.Context, text string) ([]Group, error) {
	q := url.Values{}
	if text != "" {
		q.Set("filterValue", text)
	}
	var groups []Group
	err := c.eachPage(ctx, "group", q, func(raw json.RawMessage) (int, error) {
		var page []Group
		if err := json.Unmarshal(raw, &page); err != nil {
			return 0, err
		}
		for _, g := range page {
			if g.ID == "" {
				return 0, fmt.Errorf("a group without an id: %w", ErrMissingObject)
			}
		}
		groups = append(groups, page...)
		return len(page), nil
	})
	return groups, err
}

// CreateGroupRequest is the body of POST /group. The portal refuses the whole request when a member or
// the manager is unknown, terminated or a guest (api-notes.md §31).
type CreateGroupRequest struct {
	Name    string   `json:"groupName"`
	Manager string   `json:"groupManager,omitempty"`
	Members []string `json:"members"`
}

// CreateGroup creates a group and returns it as stored. The manager is also made a member. Group names
// are not unique (api-notes.md §31), so the group is created by the creation protocol of creation.go,
// as rooms are: under a marked name, looked for by its marker when the answer is lost, renamed once it
// is verifiably this creation's. A group that exists but could not be renamed comes back as an
// *IncompleteCreateError with its id; an earlier creation of the same name that was abandoned halfway
// is an *AbandonedError.
func (c *Client) CreateGroup(ctx context.Context, req CreateGroupRequest) (*Group, error) {
	if req.Members == nil {
		req.Members = []string{}
	}
	cr := newCreation(creationGroup, req.Name)
	if err := c.checkAbandoned(ctx, cr); err != nil {
		return nil, err
	}
	req.Name = cr.markedTitle()
	var g Group
	err := c.do(ctx, "POST", "group", nil, req, &g)
	id, err := c.createdID(ctx, cr, "POST /api/2.0/group", &object{ID: g.ID, Title: g.Name}, err)
	if err != nil {
		return nil, err
	}
	return finishCreation(ctx, cr, id, func(ctx context.Context, name string) (*Group, error) {
		return c.UpdateGroup(ctx, id, UpdateGroupRequest{Name: name})
	})
}

// maxGroupName is the longest group name the portal accepts, in UTF-16 code units (api-notes.md §31).
const maxGroupName = 128

// groupObjects describes groups to the creation protocol (creation.go). The portal keeps a name as
// sent, and the listing's filterValue finds the names that contain the text, ignoring case
// (api-notes.md §31).
var groupObjects = objectKind{
	noun:     "group",
	maxTitle: maxGroupName,
	stored:   func(name string) string { return name },
	scope:    "group",
	list: func(ctx context.Context, c *Client, _, text string) ([]object, error) {
		return viewAll(groupObject)(c.ListGroups(ctx, text))
	},
	get: func(ctx context.Context, c *Client, id string) (*object, error) {
		return viewOne(groupObject)(c.GetGroup(ctx, id))
	},
}

// groupObject is g as the creation protocol sees it.
func groupObject(g *Group) *object { return &object{ID: g.ID, Title: g.Name} }

// UpdateGroupRequest is the body of PUT /group/{id}. An empty Name keeps the name; an empty Manager
// keeps the manager. Invalid members and managers are skipped by the portal without an error, so
// callers compare the answer with what they asked for.
type UpdateGroupRequest struct {
	Name            string   `json:"groupName,omitempty"`
	Manager         string   `json:"groupManager,omitempty"`
	MembersToAdd    []string `json:"membersToAdd,omitempty"`
	MembersToRemove []string `json:"membersToRemove,omitempty"`
}

// UpdateGroup changes a group and returns it as stored.
func (c *Client) UpdateGroup(ctx context.Context, id string, req UpdateGroupRequest) (*Group, error) {
	var g Group
	if err := c.do(ctx, "PUT", groupPath(id), nil, req, &g); err != nil {
		return nil, err
	}
	return checkGroup("PUT", groupPath(id), &g)
}

// DeleteGroup deletes a group, and with it the group's access to every room (api-notes.md §31). The
// portal answers 204 without a body; a 200 envelope is accepted too. A missing group is a 404 *APIError.
func (c *Client) DeleteGroup(ctx context.Context, id string) error {
	status, urlPath, raw, err := c.send(ctx, "DELETE", groupPath(id), nil, nil)
	if err != nil {
		return err
	}
	if status == http.StatusNoContent && len(raw) == 0 {
		return nil
	}
	_, err = decode(status, "DELETE", urlPath, raw, nil)
	return err
}
