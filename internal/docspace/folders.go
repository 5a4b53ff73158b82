package docspace

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
)

// Folders inside rooms (api-notes.md §36): a folder lives in a room or in a folder below one.

// MaxFolderTitleLength is the longest folder title the portal accepts on create and rename, in UTF-16
// code units: 165, where rooms take 170 (api-notes.md §36).
const MaxFolderTitleLength = 165

// Sections a folder can be in (rootFolderType, api-notes.md §36).
const (
	SectionRooms     = 14
	SectionArchive   = 20
	SectionTemplates = 30
	SectionTrash     = 3
)

// Folder is a folder's FolderDto. It carries no room id; a folder in a Trash carries where it came from.
type Folder struct {
	ID             int64  `json:"id"`
	Title          string `json:"title"`
	ParentID       int64  `json:"parentId"`
	RootFolderID   int64  `json:"rootFolderId"`
	RootFolderType int    `json:"rootFolderType"`
	FilesCount     int    `json:"filesCount"`
	FoldersCount   int    `json:"foldersCount"`
	OriginID       int64  `json:"originId"`
	OriginTitle    string `json:"originTitle"`
	OriginRoomID   int64  `json:"originRoomId"`
	// Created and CreatedBy are when and by whom the folder was made, as for rooms.
	Created   Time      `json:"created"`
	CreatedBy *Employee `json:"createdBy"`
	// Security says what the caller may do with the folder: Create (inside it), Rename, Delete
	// (api-notes.md §36).
	Security map[string]bool `json:"security"`
	// RoomType is the room's type when the entry is a room, as in the breadcrumbs; 0 for a folder, and
	// when the portal leaves it out (api-notes.md §36).
	RoomType RoomType `json:"roomType"`
}

// InTrash reports whether the folder is in the caller's Trash (no one else can read it there).
func (f *Folder) InTrash() bool { return f.RootFolderType == SectionTrash }

// FolderContent is one page of what a room or folder holds directly (FolderContentDto). PathParts are the
// listed room's or folder's breadcrumbs, as GET /files/folder/{id}/path answers them (api-notes.md §36).
type FolderContent struct {
	Folders   []Folder `json:"folders"`
	Files     []File   `json:"files"`
	Total     int      `json:"total"`
	PathParts []Folder `json:"pathParts"`
}

// Content filters of GET /files/{folderId} (filterType, api-notes.md §36).
const (
	ContentAll         = 0
	ContentFilesOnly   = 1
	ContentFoldersOnly = 2
)

// FolderContentOptions select a page of a content listing. Count 0 means the portal's maximum, 100.
type FolderContentOptions struct {
	FilterType  int
	FilterValue string
	StartIndex  int
	Count       int
}

const contentPageSize = 100

func folderPath(id int64) string { return "files/folder/" + strconv.FormatInt(id, 10) }

// CreateFolder creates a folder titled title in the room or folder parentID and returns it. Titles are
// not unique and the POST is not idempotent (api-notes.md §36), so the creation protocol of creation.go
// applies: a creation whose answer is lost is found by its marker among the parent's folders, never
// made twice. A folder that exists but could not be finished is an *IncompleteCreateError with its id.
func (c *Client) CreateFolder(ctx context.Context, parentID int64, title string) (*Folder, error) {
	cr := newCreationIn(creationFolder, strconv.FormatInt(parentID, 10), title)
	if err := c.checkAbandoned(ctx, cr); err != nil {
		return nil, err
	}
	var f Folder
	request := "POST /api/2.0/" + folderPath(parentID)
	err := c.do(ctx, "POST", folderPath(parentID), nil, map[string]string{"title": cr.markedTitle()}, &f)
	id, err := c.createdID(ctx, cr, request, folderObject(&f), err)
	if err != nil {
		return nil, err
	}
	return finishCreation(ctx, cr, id, func(ctx context.Context, title string) (*Folder, error) {
		return c.RenameFolder(ctx, parseRoomID(id), title)
	})
}

// GetFolder reads a folder. A missing one is a 404; one in another user's Trash, or in a room the caller
// cannot read, a 403; one in the caller's Trash reads with InTrash (api-notes.md §36).
func (c *Client) GetFolder(ctx context.Context, id int64) (*Folder, error) {
	var f Folder
	if err := c.do(ctx, "GET", folderPath(id), nil, nil, &f); err != nil {
		return nil, err
	}
	return answerAbout(&f, f.ID, id, "folder", "GET /api/2.0/"+folderPath(id))
}

// RenameFolder gives a folder a new title and returns it. The portal stores the title normalised, and
// does nothing when it equals the stored one (api-notes.md §36); a missing folder is a 404.
func (c *Client) RenameFolder(ctx context.Context, id int64, title string) (*Folder, error) {
	var f Folder
	if err := c.do(ctx, "PUT", folderPath(id), nil, map[string]string{"title": title}, &f); err != nil {
		return nil, err
	}
	return answerAbout(&f, f.ID, id, "folder", "PUT /api/2.0/"+folderPath(id))
}

// FolderRoom returns the id of the room a folder is in, from its breadcrumbs: the section's root, the room,
// then the folders down to this one (api-notes.md §36). A folder's own answer names no room.
func (c *Client) FolderRoom(ctx context.Context, id int64) (int64, error) {
	path, err := c.FolderBreadcrumbs(ctx, id)
	if err != nil {
		return 0, err
	}
	if len(path) < 3 {
		return 0, fmt.Errorf("GET /api/2.0/%s/path: the breadcrumbs do not lead from a room to folder %d: %w", folderPath(id), id, ErrMissingObject)
	}
	return path[1].ID, nil
}

// FolderBreadcrumbs returns the breadcrumbs of a room or folder: the section's root, the room, then the
// folders down to this one, itself last (api-notes.md §36). A room's are two: the root and the room.
func (c *Client) FolderBreadcrumbs(ctx context.Context, id int64) ([]Folder, error) {
	var path []Folder
	if err := c.do(ctx, "GET", folderPath(id)+"/path", nil, nil, &path); err != nil {
		return nil, err
	}
	return checkBreadcrumbs(path, id, "GET /api/2.0/"+folderPath(id)+"/path", "the breadcrumbs")
}

// ContentBreadcrumbs returns the breadcrumbs of a room or folder from a one-entry listing of its content
// (one call; the listing works for rooms and folders alike, api-notes.md §36): the section's root, the room,
// then the folders down to id, itself last.
func (c *Client) ContentBreadcrumbs(ctx context.Context, id int64) ([]Folder, error) {
	page, err := c.ListFolderContent(ctx, id, FolderContentOptions{FilterType: ContentFoldersOnly, Count: 1})
	if err != nil {
		return nil, err
	}
	return checkContentBreadcrumbs(page.PathParts, id)
}

// checkBreadcrumbs returns crumbs when they lead from a room to id: at least the section's root and the
// room, and id last (api-notes.md §36). Otherwise the object is missing from the answer of request, whose
// breadcrumbs the error calls what.
func checkBreadcrumbs(crumbs []Folder, id int64, request, what string) ([]Folder, error) {
	if len(crumbs) < 2 || crumbs[len(crumbs)-1].ID != id {
		return nil, fmt.Errorf("%s: %s do not lead from a room to %d: %w", request, what, id, ErrMissingObject)
	}
	return crumbs, nil
}

// checkContentBreadcrumbs checks the breadcrumbs (pathParts) of a listing of the content of room or
// folder id.
func checkContentBreadcrumbs(crumbs []Folder, id int64) ([]Folder, error) {
	return checkBreadcrumbs(crumbs, id, "GET /api/2.0/files/"+strconv.FormatInt(id, 10), "the breadcrumbs (pathParts)")
}

// ListFolderContent returns one page of what the room or folder id holds directly.
func (c *Client) ListFolderContent(ctx context.Context, id int64, opts FolderContentOptions) (*FolderContent, error) {
	q := url.Values{}
	if opts.FilterType != ContentAll {
		q.Set("filterType", strconv.Itoa(opts.FilterType))
	}
	if opts.FilterValue != "" {
		q.Set("filterValue", opts.FilterValue)
	}
	if opts.Count == 0 {
		opts.Count = contentPageSize
	}
	q.Set("count", strconv.Itoa(opts.Count))
	q.Set("startIndex", strconv.Itoa(opts.StartIndex))
	var content FolderContent
	if err := c.do(ctx, "GET", "files/"+strconv.FormatInt(id, 10), q, nil, &content); err != nil {
		return nil, err
	}
	return &content, nil
}

// ListFolders returns every folder directly in the room or folder id whose title contains text, case
// ignored, page by page.
func (c *Client) ListFolders(ctx context.Context, id int64, text string) ([]Folder, error) {
	all, _, err := c.listFolders(ctx, id, text)
	return all, err
}

// FolderChildren returns every folder directly in the room or folder id, page by page, and the
// breadcrumbs of id itself: the section's root, the room, then the folders down to id (api-notes.md §36).
// So one listing also says which room id is in, and whether id is a room (two breadcrumbs) or a folder.
func (c *Client) FolderChildren(ctx context.Context, id int64) (folders, breadcrumbs []Folder, err error) {
	folders, breadcrumbs, err = c.listFolders(ctx, id, "")
	if err != nil {
		return nil, nil, err
	}
	if breadcrumbs, err = checkContentBreadcrumbs(breadcrumbs, id); err != nil {
		return nil, nil, err
	}
	return folders, breadcrumbs, nil
}

func (c *Client) listFolders(ctx context.Context, id int64, text string) (all, breadcrumbs []Folder, err error) {
	return listContent(ctx, c, id, ContentFoldersOnly, text, func(p *FolderContent) []Folder { return p.Folders })
}

// listContent reads every page of what the room or folder id holds directly, of filterType and with
// text, and returns the entries entries picks from each page, and the breadcrumbs of id (api-notes.md §36).
func listContent[T any](ctx context.Context, c *Client, id int64, filterType int, text string, entries func(*FolderContent) []T) (all []T, breadcrumbs []Folder, err error) {
	for {
		page, err := c.ListFolderContent(ctx, id, FolderContentOptions{FilterType: filterType, FilterValue: text, StartIndex: len(all)})
		if err != nil {
			return nil, nil, err
		}
		if breadcrumbs == nil {
			breadcrumbs = page.PathParts
		}
		got := entries(page)
		all = append(all, got...)
		if len(got) == 0 || len(all) >= page.Total {
			return all, breadcrumbs, nil
		}
	}
}

// DeleteFolder deletes a folder with everything in it and returns once the portal shows it deleted. By
// default the folder and its content move into the Trash of the API key's user; permanent deletes them
// for good (api-notes.md §36). A folder that is already gone is not an error. The start call answers
// with the caller's delete queue, which may name other operations: only the folder is watched.
func (c *Client) DeleteFolder(ctx context.Context, id int64, permanent bool) error {
	return c.deleteEntry(ctx, "folder", folderPath(id), id, permanent, false, func(ctx context.Context) (bool, error) {
		f, err := c.GetFolder(ctx, id)
		return err == nil && f.InTrash(), err
	})
}

// deleteEntry deletes the file or folder (noun) id at path and waits for its Delete operation: until
// the entry is gone, or, unless permanent, in the Trash of the API key's user, as inTrash reads it. A
// file's start call can ask for its own operation alone (single, returnSingleOperation); a folder's
// answers with the caller's whole delete queue, which may name other operations (api-notes.md §36, §37).
// An entry that is already gone is not an error.
func (c *Client) deleteEntry(ctx context.Context, noun, path string, id int64, permanent, single bool, inTrash func(context.Context) (bool, error)) error {
	var q url.Values
	if single {
		q = url.Values{"returnSingleOperation": {"true"}}
	}
	var ops []FileOperation
	_, err := c.doOptional(ctx, "DELETE", path, q, map[string]bool{"deleteAfter": false, "immediately": permanent}, &ops)
	if IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	c.ops.record(ops)
	ownOnly := single && len(ops) == 1 // the answer is the entry's own operation alone
	w := fileOpWait{
		verb: "delete " + noun, id: id, kind: fileOpDelete, startNamesOther: !ownOnly,
		reached: func(ctx context.Context) (bool, error) {
			trashed, err := inTrash(ctx)
			switch {
			case IsNotFound(err):
				return true, nil
			case err != nil:
				return false, err
			}
			return !permanent && trashed, nil
		},
	}
	if ownOnly {
		w.start = ops[0]
	}
	return c.waitFileOperation(ctx, w)
}

// folderObjects describes folders to the creation protocol (creation.go). A folder is made in a parent,
// and its marker is looked for among that parent's folders by a piece of the title (api-notes.md §36);
// the portal stores a title normalised as room titles are.
var folderObjects = objectKind{
	noun:     "folder",
	maxTitle: MaxFolderTitleLength,
	stored:   SanitizeTitle,
	scope:    "files/folder",
	list: func(ctx context.Context, c *Client, in, text string) ([]object, error) {
		return viewAll(folderObject)(c.ListFolders(ctx, parseRoomID(in), text))
	},
	get: func(ctx context.Context, c *Client, id string) (*object, error) {
		return viewOne(folderObject)(c.GetFolder(ctx, parseRoomID(id)))
	},
}

// folderObject is f as the creation protocol sees it; a folder without an id has none there either.
func folderObject(f *Folder) *object {
	return numberedObject(f.ID, f.Title)
}

// TreeFolder is a folder of a tree with its path: the titles from the listing's start down to it, joined
// by "/".
type TreeFolder struct {
	Folder
	Path string
}

// FolderTree returns every folder below the room or folder id, each with its path below id, in the order
// they were found (level by level), and the breadcrumbs of id (FolderChildren). It lists the content of id
// and of every folder that holds folders (foldersCount, api-notes.md §36), all pages of each; folders
// without subfolders cost no call.
func (c *Client) FolderTree(ctx context.Context, id int64) ([]TreeFolder, []Folder, error) {
	type pending struct {
		id   int64
		path string
	}
	var all []TreeFolder
	var start []Folder
	queue := []pending{{id: id}}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		folders, crumbs, err := c.FolderChildren(ctx, p.id)
		if err != nil {
			return nil, nil, err
		}
		if p.id == id {
			start = crumbs
		}
		for _, f := range folders {
			path := f.Title
			if p.path != "" {
				path = p.path + "/" + f.Title
			}
			all = append(all, TreeFolder{Folder: f, Path: path})
			if f.FoldersCount > 0 {
				queue = append(queue, pending{id: f.ID, path: path})
			}
		}
	}
	return all, start, nil
}
