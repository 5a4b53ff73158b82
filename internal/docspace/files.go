package docspace

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Files in rooms and folders (api-notes.md §37): documents and PDF forms, uploaded from disk.

// MaxFileTitleLength is the longest title a rename takes, in UTF-16 code units; an upload cuts a longer
// title to 170 silently (api-notes.md §37).
const MaxFileTitleLength = 165

// maxUploadTitle is where an upload cuts a title.
const maxUploadTitle = 170

// SimpleUploadMax is the largest file sent in one request (the raw /insert); larger ones go in chunks of
// ChunkSize through an upload session. The portal's own simple limit is larger (100 MiB by default), but
// a request that fails late costs the whole file again, and a chunk is the unit the portal is configured
// for (api-notes.md §37).
const (
	SimpleUploadMax = 10 << 20
	ChunkSize       = 10 << 20
)

// FileStatusEditing is the fileStatus flag of a file open in an editor.
const FileStatusEditing = 1

// File is a file's FileDto (api-notes.md §37).
type File struct {
	ID                int64           `json:"id"`
	Title             string          `json:"title"`
	FolderID          int64           `json:"folderId"`
	Version           int             `json:"version"`
	VersionGroup      int             `json:"versionGroup"`
	PureContentLength int64           `json:"pureContentLength"`
	FileExst          string          `json:"fileExst"`
	IsForm            bool            `json:"isForm"`
	Locked            bool            `json:"locked"`
	LockedBy          string          `json:"lockedBy"`
	FileStatus        int             `json:"fileStatus"`
	RootFolderType    int             `json:"rootFolderType"`
	ParentRoomType    int             `json:"parentRoomType"`
	WebURL            string          `json:"webUrl"`
	ViewURL           string          `json:"viewUrl"`
	Created           Time            `json:"created"`
	Updated           Time            `json:"updated"`
	CreatedBy         *Employee       `json:"createdBy"`
	Security          map[string]bool `json:"security"`
	Comment           string          `json:"comment"`
	OriginID          int64           `json:"originId"`
}

// InTrash reports whether the file is in the caller's Trash (no one else can read it there).
func (f *File) InTrash() bool { return f.RootFolderType == SectionTrash }

// BeingEdited reports whether the file is locked or open in an editor: an upload of the same title
// would then make a second file instead of a new version (api-notes.md §37).
func (f *File) BeingEdited() bool { return f.Locked || f.FileStatus&FileStatusEditing != 0 }

// EditState says in words why BeingEdited holds, or "" when it does not (api-notes.md §37).
func (f *File) EditState() string {
	switch {
	case f.Locked && f.LockedBy != "":
		return "locked by " + f.LockedBy
	case f.Locked:
		return "locked"
	case f.BeingEdited():
		return "open in an editor"
	}
	return ""
}

func filePath(id int64) string { return "files/file/" + strconv.FormatInt(id, 10) }

// FileExtension returns the extension of a title as the portal reads it: from the last dot on ("" when
// there is none).
func FileExtension(title string) string {
	if i := strings.LastIndexByte(title, '.'); i >= 0 {
		return title[i:]
	}
	return ""
}

// NormalizeFileTitle returns the title an upload stores for title (api-notes.md §37): trimmed, the
// characters \t * + : " < > ? | \ / and every UTF-16 surrogate replaced by "_", cut to 170 UTF-16 units
// (keeping an extension that starts within the last 20), and the extension lower-cased.
func NormalizeFileTitle(title string) string {
	units := utf16.Encode([]rune(strings.TrimSpace(title)))
	if len(units) > maxUploadTitle {
		dot := -1
		for i, u := range units {
			if u == '.' {
				dot = i
			}
		}
		if dot > maxUploadTitle-20 {
			ext := units[dot:]
			units = append(append([]uint16{}, units[:maxUploadTitle-len(ext)]...), ext...)
		} else {
			units = units[:maxUploadTitle]
		}
	}
	for i, u := range units {
		if strings.ContainsRune("\t*+:\"<>?|\\/", rune(u)) || (u >= 0xD800 && u <= 0xDFFF) {
			units[i] = '_'
		}
	}
	t := string(utf16.Decode(units))
	ext := FileExtension(t)
	return strings.TrimSuffix(t, ext) + strings.ToLower(ext)
}

// autoConverted are the extensions portals commonly convert after an upload, legacy binary and
// OpenDocument formats, with the Office Open XML format each becomes (api-notes.md §37; the list is the
// portal's configuration, UNCONFIRMED).
var autoConverted = map[string]string{
	".doc": ".docx", ".dot": ".docx", ".rtf": ".docx", ".odt": ".docx", ".ott": ".docx", ".fodt": ".docx", ".mht": ".docx", ".mhtml": ".docx",
	".xls": ".xlsx", ".xlt": ".xlsx", ".ods": ".xlsx", ".ots": ".xlsx", ".fods": ".xlsx",
	".ppt": ".pptx", ".pot": ".pptx", ".pps": ".pptx", ".odp": ".pptx", ".otp": ".pptx", ".fodp": ".pptx",
}

// AutoConvertedTo returns the extension the portal is likely to convert a file with extension ext (".doc")
// to, asynchronously after its upload, changing its title and content under the same id (api-notes.md
// §37); false when it keeps ext.
func AutoConvertedTo(ext string) (string, bool) {
	to, ok := autoConverted[strings.ToLower(ext)]
	return to, ok
}

// Upload is content to send. Open returns a fresh reader at offset 0; it is called once per upload (or
// again for a retry of a request that never reached the portal). When the reader is an io.ReaderAt (an
// *os.File), chunks are read as sections of it. Size is exact. Content is streamed, never held whole.
type Upload struct {
	FolderID int64
	Title    string
	Size     int64
	Open     func() (io.ReadCloser, error)
}

// Errors of uploads the caller can explain (api-notes.md §37). They wrap the portal's *APIError.
var (
	// ErrFormsOnly: a form-filling room accepts only ONLYOFFICE PDF forms.
	ErrFormsOnly = errors.New("a form-filling room accepts only ONLYOFFICE PDF forms")
	// ErrFileTooLarge: the portal refused the file's or a chunk's size (402).
	ErrFileTooLarge = errors.New("the file is larger than the portal accepts")
	// ErrBeingEdited: the file is locked or open in an editor, so an upload would not become its new version.
	ErrBeingEdited = errors.New("the file is locked or open in an editor")
)

// kindError is an error of a recognised kind: errors.Is finds the kind, errors.As the portal's error.
type kindError struct {
	kind error
	err  error
}

func (e *kindError) Error() string   { return e.kind.Error() + ": " + e.err.Error() }
func (e *kindError) Unwrap() []error { return []error{e.kind, e.err} }

// formsOnlyMessage is how the portal's refusal of a non-form in a form-filling room begins.
const formsOnlyMessage = "The file cannot be uploaded to this room"

// classifyUpload gives an upload's error its kind: the form-filling room's refusal (a 500 from a simple
// upload, a 403 from a chunk) and size refusals (402).
func classifyUpload(err error) error {
	var e *APIError
	switch {
	case !errors.As(err, &e):
		return err
	case strings.HasPrefix(e.Message, formsOnlyMessage):
		return &kindError{kind: ErrFormsOnly, err: err}
	case IsPaymentRequired(err):
		return &kindError{kind: ErrFileTooLarge, err: err}
	}
	return err
}

// FileExistsError is a creation refused because a file of the title (compared case-insensitively, as the
// portal does) is already in the folder: uploading would make a new version of it. ID is that file's id
// (0 when it could not be found by title).
type FileExistsError struct {
	FolderID int64
	Title    string
	ID       int64
}

func (e *FileExistsError) Error() string {
	return fmt.Sprintf("folder %d already holds a file titled %q (id %d); an upload of that title would become its new version", e.FolderID, e.Title, e.ID)
}

// GetFile reads a file. A missing one is a 404; one in another user's Trash, or in a room the caller
// cannot read, a 403; one in the caller's Trash reads with InTrash.
func (c *Client) GetFile(ctx context.Context, id int64) (*File, error) {
	var f File
	if err := c.do(ctx, "GET", filePath(id), nil, nil, &f); err != nil {
		return nil, err
	}
	return answerAbout(&f, f.ID, id, "file", "GET /api/2.0/"+filePath(id))
}

// RenameFile gives a file a new title. The portal keeps the extension whatever the title says (a title
// without it gets it appended), ignores a blank title and refuses one longer than 165 (api-notes.md §37).
func (c *Client) RenameFile(ctx context.Context, id int64, title string) (*File, error) {
	var f File
	if err := c.do(ctx, "PUT", filePath(id), nil, map[string]string{"title": title}, &f); err != nil {
		return nil, err
	}
	return answerAbout(&f, f.ID, id, "file", "PUT /api/2.0/"+filePath(id))
}

// DeleteFile deletes a file and returns once the portal shows it deleted: moved into the Trash of the API
// key's user, or, with permanent, deleted for good. A file that is already gone is not an error. The
// start call asks for this operation alone (returnSingleOperation).
func (c *Client) DeleteFile(ctx context.Context, id int64, permanent bool) error {
	return c.deleteEntry(ctx, "file", filePath(id), id, permanent, true, func(ctx context.Context) (bool, error) {
		f, err := c.GetFile(ctx, id)
		return err == nil && f.InTrash(), err
	})
}

// ListFiles returns every file directly in the room or folder id whose title contains text, case
// ignored, page by page.
func (c *Client) ListFiles(ctx context.Context, folderID int64, text string) ([]File, error) {
	all, _, err := listContent(ctx, c, folderID, ContentFilesOnly, text, func(p *FolderContent) []File { return p.Files })
	return all, err
}

// FindFile returns the file directly in the room or folder folderID whose title is title as an upload
// stores it, letter case ignored as the portal's own same-title check does (api-notes.md §37). None is a
// 404 (IsNotFound); several are an error. It lists the whole folder, without the text filter.
func (c *Client) FindFile(ctx context.Context, folderID int64, title string) (*File, error) {
	files, err := c.ListFiles(ctx, folderID, "")
	if err != nil {
		return nil, err
	}
	found := sameTitled(files, NormalizeFileTitle(title))
	switch len(found) {
	case 0:
		return nil, &APIError{StatusCode: http.StatusNotFound, Method: "GET", Path: "/api/2.0/files/" + strconv.FormatInt(folderID, 10),
			Message: fmt.Sprintf("no file titled %q", title)}
	case 1:
		return &found[0], nil
	}
	return nil, fmt.Errorf("folder %d holds %d files titled %q (ids %d and %d): the title names none of them", folderID, len(found), title, found[0].ID, found[1].ID)
}

// sameTitled returns the files whose title equals title, case ignored.
func sameTitled(files []File, title string) []File {
	var out []File
	for _, f := range files {
		if strings.EqualFold(f.Title, title) {
			out = append(out, f)
		}
	}
	return out
}

// CheckUploadTitles returns those of titles that a file in the room or folder already has, as the portal
// compares them (letter case ignored).
func (c *Client) CheckUploadTitles(ctx context.Context, folderID int64, titles []string) ([]string, error) {
	var taken []string
	if titles == nil {
		titles = []string{}
	}
	path := "files/" + strconv.FormatInt(folderID, 10) + "/upload/check"
	if _, err := c.doOptional(ctx, "POST", path, nil, map[string][]string{"filesTitle": titles}, &taken); err != nil {
		return nil, err
	}
	return taken, nil
}

// fileObjects describes files to the creation protocol (creation.go). A file is made in a room or folder,
// its marker goes before the extension (the portal keeps the extension apart and derives the type from
// it), and it is looked for among the folder's files by a piece of the title.
var fileObjects = objectKind{
	noun:           "file",
	maxTitle:       maxUploadTitle,
	stored:         NormalizeFileTitle,
	keepsExtension: true,
	scope:          "files/file",
	list: func(ctx context.Context, c *Client, in, text string) ([]object, error) {
		return viewAll(fileObject)(c.ListFiles(ctx, parseRoomID(in), text))
	},
	get: func(ctx context.Context, c *Client, id string) (*object, error) {
		return viewOne(fileObject)(c.GetFile(ctx, parseRoomID(id)))
	},
}

// fileObject is f as the creation protocol sees it; a file without an id has none there either.
func fileObject(f *File) *object {
	if f == nil {
		return &object{}
	}
	return numberedObject(f.ID, f.Title)
}
