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
	// Security says what the caller may do with the folder: Create (inside it), Rename, Delete
	// (api-notes.md §36).
	Security map[string]bool `json:"security"`
}

// InTrash reports whether the folder is in the caller's Trash (no one else can read it there).
func (f *Folder) InTrash() bool { return f.RootFolderType == SectionTrash }

// FileEntry is a file as a content listing shows it.
type FileEntry struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

// FolderContent is one page of what a room or folder holds directly (FolderContentDto).
type FolderContent struct {
	Folders []Folder    `json:"folders"`
	Files   []FileEntry `json:"files"`
	Total   int         `json:"total"`
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
	return checkFolderID(&f, id, "GET")
}

// RenameFolder gives a folder a new title and returns it. The portal stores the title normalised, and
// does nothing when it equals the stored one (api-notes.md §36); a missing folder is a 404.
func (c *Client) RenameFolder(ctx context.Context, id int64, title string) (*Folder, error) {
	var f Folder
	if err := c.do(ctx, "PUT", folderPath(id), nil, map[string]string{"title": title}, &f); err != nil {
		return nil, err
	}
	return checkFolderID(&f, id, "PUT")
}

// FolderRoom returns the id of the room a folder is in, from its breadcrumbs: the section's root, the room,
// then the folders down to this one (api-notes.md §36). A folder's own answer names no room.
func (c *Client) FolderRoom(ctx context.Context, id int64) (int64, error) {
	var path []Folder
	if err := c.do(ctx, "GET", folderPath(id)+"/path", nil, nil, &path); err != nil {
		return 0, err
	}
	if len(path) < 3 || path[len(path)-1].ID != id {
		return 0, fmt.Errorf("GET /api/2.0/%s/path: the breadcrumbs do not lead from a room to folder %d: %w", folderPath(id), id, ErrMissingObject)
	}
	return path[1].ID, nil
}

func checkFolderID(f *Folder, id int64, method string) (*Folder, error) {
	if f.ID != id {
		return nil, fmt.Errorf("%s /api/2.0/%s: the answer describes folder %d: %w", method, folderPath(id), f.ID, ErrMissingObject)
	}
	return f, nil
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
	var all []Folder
	for {
		page, err := c.ListFolderContent(ctx, id, FolderContentOptions{FilterType: ContentFoldersOnly, FilterValue: text, StartIndex: len(all)})
		if err != nil {
			return nil, err
		}
		all = append(all, page.Folders...)
		if len(page.Folders) == 0 || len(all) >= page.Total {
			return all, nil
		}
	}
}

// DeleteFolder deletes a folder with everything in it and returns once the portal shows it deleted. By
// default the folder and its content move into the Trash of the API key's user; permanent deletes them
// for good (api-notes.md §36). A folder that is already gone is not an error. The start call answers
// with the caller's delete queue, which may name other operations: only the folder is watched.
func (c *Client) DeleteFolder(ctx context.Context, id int64, permanent bool) error {
	var ops []FileOperation
	_, err := c.doOptional(ctx, "DELETE", folderPath(id), nil, map[string]bool{"deleteAfter": false, "immediately": permanent}, &ops)
	if IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	c.ops.record(ops)
	return c.waitFileOperation(ctx, fileOpWait{
		verb: "delete folder", id: id, kind: fileOpDelete, startNamesOther: true,
		reached: func(ctx context.Context) (bool, error) {
			f, err := c.GetFolder(ctx, id)
			switch {
			case IsNotFound(err):
				return true, nil
			case err != nil:
				return false, err
			}
			return !permanent && f.InTrash(), nil
		},
	})
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
		folders, err := c.ListFolders(ctx, parseRoomID(in), text)
		if err != nil {
			return nil, err
		}
		objects := make([]object, len(folders))
		for i := range folders {
			objects[i] = *folderObject(&folders[i])
		}
		return objects, nil
	},
	get: func(ctx context.Context, c *Client, id string) (*object, error) {
		f, err := c.GetFolder(ctx, parseRoomID(id))
		if err != nil {
			return nil, err
		}
		return folderObject(f), nil
	},
}

// folderObject is f as the creation protocol sees it; a folder without an id has none there either.
func folderObject(f *Folder) *object {
	o := &object{Title: f.Title}
	if f.ID > 0 {
		o.ID = strconv.FormatInt(f.ID, 10)
	}
	return o
}
