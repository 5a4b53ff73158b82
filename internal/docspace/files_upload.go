package docspace

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Uploads (api-notes.md §37). Content is streamed from its source: the raw /insert body is the source's
// reader with a Content-Length, and each chunk of an upload session is a multipart body assembled from a
// fixed head, a section of the source and a fixed tail, read only while the request is being written.
// None of these POSTs is repeated once it may have reached the portal (retry.go): a creation whose
// answer is lost is settled by its marker (creation.go).

func (up Upload) check() error {
	switch {
	case up.Open == nil:
		return errors.New("an upload needs its content")
	case up.Size < 0:
		return fmt.Errorf("an upload's size cannot be negative (%d)", up.Size)
	}
	return nil
}

// CreateFile uploads a new file into the room or folder up.FolderID and returns it. The portal would turn
// an upload of a title that a file there already has into a new version of that file, so the title is
// checked first (upload/check): a taken one is a *FileExistsError naming the file. The upload itself
// follows the creation protocol of creation.go, with the marker before the extension: an upload whose
// answer is lost is found by its marker, never repeated, and renamed to its title once it is verifiably
// this creation's file. Files up to SimpleUploadMax go in one request, larger ones in chunks. A
// form-filling room's refusal of a non-form is ErrFormsOnly, a size refusal ErrFileTooLarge.
func (c *Client) CreateFile(ctx context.Context, up Upload) (*File, error) {
	if strings.TrimSpace(up.Title) == "" {
		return nil, errors.New("an upload needs a title")
	}
	if err := up.check(); err != nil {
		return nil, err
	}
	stored := NormalizeFileTitle(up.Title)
	taken, err := c.CheckUploadTitles(ctx, up.FolderID, []string{stored})
	if err != nil {
		return nil, err
	}
	if len(taken) > 0 {
		e := &FileExistsError{FolderID: up.FolderID, Title: stored}
		if f, err := c.FindFile(ctx, up.FolderID, stored); err == nil {
			e.ID, e.Title = f.ID, f.Title
		}
		return nil, e
	}
	cr := newCreationIn(creationFile, strconv.FormatInt(up.FolderID, 10), up.Title)
	if err := c.checkAbandoned(ctx, cr); err != nil {
		return nil, err
	}
	answer, err := c.upload(ctx, up.FolderID, cr.markedTitle(), up, true)
	if errors.Is(err, ErrFormsOnly) || madeNoFile(err) {
		return nil, err // the portal removed what it had saved, or cannot have saved anything (api-notes.md §37)
	}
	id, err := c.createdID(ctx, cr, "uploading "+strconv.Quote(cr.markedTitle()), fileObject(answer), err)
	if err != nil {
		return nil, err
	}
	return finishCreation(ctx, cr, id, func(ctx context.Context, title string) (*File, error) {
		return c.RenameFile(ctx, parseRoomID(id), NormalizeFileTitle(title))
	})
}

// UploadFileVersion uploads up as the new version of file id and returns the file. The portal makes a
// version only when an upload of the same title finds an editable file; a locked one, or one open in an
// editor, would get a second file of the same title instead. So the file is read first and refused
// (ErrBeingEdited) when it is locked or being edited, and its title must name it alone in its folder.
// The upload goes into the file's folder under its current title (up.FolderID and up.Title are not
// used). Should the portal make a second file after all, that file is deleted for good and the
// result is an error.
func (c *Client) UploadFileVersion(ctx context.Context, id int64, up Upload) (*File, error) {
	if err := up.check(); err != nil {
		return nil, err
	}
	f, err := c.GetFile(ctx, id)
	if err != nil {
		return nil, err
	}
	switch {
	case f.InTrash():
		return nil, fmt.Errorf("file %d (%q) is in the Trash: a new version cannot be uploaded", id, f.Title)
	case f.BeingEdited():
		return nil, &kindError{kind: ErrBeingEdited, err: fmt.Errorf("file %d (%q) is %s; an upload now would make a second file of that title instead of a new version", id, f.Title, f.EditState())}
	case f.Security != nil && !f.Security["Edit"]:
		return nil, fmt.Errorf("the API key's user may not edit file %d (%q) (its security flags deny Edit); an upload would make a second file of that title instead of a new version", id, f.Title)
	}
	before, err := c.ListFiles(ctx, f.FolderID, "")
	if err != nil {
		return nil, err
	}
	if same := sameTitled(before, f.Title); len(same) != 1 || same[0].ID != id {
		return nil, fmt.Errorf("the title %q of file %d does not name it alone in folder %d (%d files have it): an upload of that title could reach another file", f.Title, id, f.FolderID, len(same))
	}
	answer, err := c.upload(ctx, f.FolderID, f.Title, up, false)
	if err != nil {
		if refused(err) || errors.Is(err, ErrFormsOnly) || madeNoFile(err) {
			return nil, err
		}
		return c.settleVersion(ctx, f, before, err)
	}
	if answer.ID != id {
		return nil, c.dropDuplicate(ctx, f, answer.ID)
	}
	return answer, nil
}

// settleVersion finds out what a version upload whose answer was lost did: a second file of the title is
// deleted for good; a file whose version went up received the upload.
func (c *Client) settleVersion(ctx context.Context, f *File, before []File, cause error) (*File, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.lookTimeout())
	defer cancel()
	after, err := c.ListFiles(ctx, f.FolderID, "")
	if err != nil {
		return nil, fmt.Errorf("%w; looking for what the upload did failed too: %w", cause, err)
	}
	for _, g := range sameTitled(after, f.Title) {
		if g.ID != f.ID && !slices.ContainsFunc(before, func(b File) bool { return b.ID == g.ID }) {
			return nil, errors.Join(cause, c.dropDuplicate(ctx, f, g.ID))
		}
	}
	now, err := c.GetFile(ctx, f.ID)
	if err != nil {
		return nil, fmt.Errorf("%w; reading file %d afterwards failed too: %w", cause, f.ID, err)
	}
	if now.Version > f.Version {
		return now, nil
	}
	return nil, cause
}

// dropDuplicate deletes for good the file dup that a version upload of f made beside it, and returns the
// error that reports it.
func (c *Client) dropDuplicate(ctx context.Context, f *File, dup int64) error {
	err := fmt.Errorf("the portal stored the upload as a second file %d beside file %d (%q) instead of a new version (the file was locked or opened meanwhile)", dup, f.ID, f.Title)
	if delErr := c.DeleteFile(context.WithoutCancel(ctx), dup, true); delErr != nil {
		return fmt.Errorf("%w; deleting that second file failed: %w", err, delErr)
	}
	return fmt.Errorf("%w; the second file was deleted", err)
}

// upload sends up's content into folderID under title, in one request or in chunks.
func (c *Client) upload(ctx context.Context, folderID int64, title string, up Upload, createNew bool) (*File, error) {
	if up.Size <= SimpleUploadMax {
		f, err := c.insert(ctx, folderID, title, up, createNew)
		return f, classifyUpload(err)
	}
	f, err := c.uploadChunked(ctx, folderID, title, up, createNew)
	return f, classifyUpload(err)
}

// insert is POST /files/{folderId}/insert?title=…&createNewIfExist=… with the content as the raw body.
func (c *Client) insert(ctx context.Context, folderID int64, title string, up Upload, createNew bool) (*File, error) {
	q := url.Values{"title": {title}, "createNewIfExist": {strconv.FormatBool(createNew)}}
	open := func() (io.ReadCloser, error) {
		rc, err := up.Open()
		if err != nil {
			return nil, fmt.Errorf("opening the content of %q: %w", up.Title, err)
		}
		return readCloser{io.LimitReader(rc, up.Size), rc}, nil
	}
	var f File
	path := "files/" + strconv.FormatInt(folderID, 10) + "/insert"
	if err := c.doStream(ctx, path, q, "application/octet-stream", up.Size, open, &f); err != nil {
		return nil, err
	}
	if f.ID == 0 {
		return nil, fmt.Errorf("POST /api/2.0/%s: the answer names no file: %w", path, ErrMissingObject)
	}
	return &f, nil
}

// noFileError is an upload that failed where it cannot have stored a file: its content could not be
// opened, or its session failed before the last chunk. Its outcome is known, unlike a lost answer to
// the request that completes an upload.
type noFileError struct{ err error }

func (e *noFileError) Error() string { return e.err.Error() }
func (e *noFileError) Unwrap() error { return e.err }

func madeNoFile(err error) bool {
	var e *noFileError
	return errors.As(err, &e)
}

// readCloser reads from one reader and closes another.
type readCloser struct {
	io.Reader
	io.Closer
}

// uploadSession is the answer of POST /files/{folderId}/session.
type uploadSession struct {
	ID string `json:"id"`
}

// chunkAnswer is the answer of a chunk; the one that completes an upload (HTTP 201) says uploaded and
// carries the file. Its other members (the file's id, or the session's before the end) are not read.
type chunkAnswer struct {
	Uploaded bool  `json:"uploaded"`
	File     *File `json:"file"`
}

// uploadChunked creates an upload session and sends the content in chunks of ChunkSize, one after the
// other; the last one's answer carries the file. A failed chunk aborts the session.
func (c *Client) uploadChunked(ctx context.Context, folderID int64, title string, up Upload, createNew bool) (*File, error) {
	base := "files/" + strconv.FormatInt(folderID, 10) + "/session"
	var s uploadSession
	if err := c.do(ctx, "POST", base, nil, map[string]any{"fileName": title, "fileSize": up.Size, "createNewIfExist": createNew}, &s); err != nil {
		return nil, &noFileError{err} // a session left open, if any, expires
	}
	if s.ID == "" {
		return nil, &noFileError{fmt.Errorf("POST /api/2.0/%s: the answer names no session: %w", base, ErrMissingObject)}
	}
	rc, err := up.Open()
	if err != nil {
		c.abortSession(ctx, base, s.ID)
		return nil, &noFileError{fmt.Errorf("opening the content of %q: %w", up.Title, err)}
	}
	defer func() { _ = rc.Close() }()
	ra, seekable := rc.(io.ReaderAt)
	head, tail, contentType := multipartFrame("File", "chunk")
	path := base + "/" + url.PathEscape(s.ID)
	for off := int64(0); off < up.Size; off += ChunkSize {
		n := min(ChunkSize, up.Size-off)
		var open func() (io.ReadCloser, error)
		if seekable {
			open = func() (io.ReadCloser, error) {
				return io.NopCloser(io.MultiReader(bytes.NewReader(head), io.NewSectionReader(ra, off, n), bytes.NewReader(tail))), nil
			}
		} else {
			used := false // a plain reader goes forward only: the chunk can be sent once
			open = func() (io.ReadCloser, error) {
				if used {
					return nil, errors.New("the content cannot be read again")
				}
				used = true
				return io.NopCloser(io.MultiReader(bytes.NewReader(head), io.LimitReader(rc, n), bytes.NewReader(tail))), nil
			}
		}
		var answer chunkAnswer
		err := c.doStream(ctx, path, nil, contentType, int64(len(head))+n+int64(len(tail)), open, &answer)
		last := off+n >= up.Size
		switch {
		case err != nil && !last:
			c.abortSession(ctx, base, s.ID)
			return nil, &noFileError{err} // the file is incomplete: the portal stores nothing
		case err != nil:
			if refused(err) || madeNoFile(err) {
				c.abortSession(ctx, base, s.ID)
			}
			return nil, err
		case last:
			if !answer.Uploaded || answer.File == nil || answer.File.ID == 0 {
				return nil, fmt.Errorf("POST /api/2.0/%s: the last chunk's answer names no file: %w", path, ErrMissingObject)
			}
			return answer.File, nil
		}
	}
	return nil, fmt.Errorf("POST /api/2.0/%s: the upload ended without the portal's file: %w", path, ErrMissingObject)
}

// abortSession deletes an upload session that will not be finished; failures are left to its expiry.
func (c *Client) abortSession(ctx context.Context, base, id string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	_, _ = c.doOptional(ctx, "DELETE", base+"/"+url.PathEscape(id), nil, nil, nil)
}

// multipartFrame returns what comes before and after the content of a multipart body with one file part
// named field, and the body's content type.
func multipartFrame(field, filename string) (head, tail []byte, contentType string) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%q; filename=%q`, field, filename))
	h.Set("Content-Type", "application/octet-stream")
	_, _ = w.CreatePart(h)
	head = bytes.Clone(b.Bytes())
	b.Reset()
	_ = w.Close()
	return head, bytes.Clone(b.Bytes()), w.FormDataContentType()
}

// doStream POSTs a body of length bytes that open produces, and decodes the envelope's response into
// out. The body is read while the request is written, never held; open is called again only when the
// transport retries a request that did not reach the portal (retry.go).
func (c *Client) doStream(ctx context.Context, path string, query url.Values, contentType string, length int64, open func() (io.ReadCloser, error), out any) error {
	req, err := http.NewRequestWithContext(ctx, "POST", c.apiURL(path, query), nil)
	if err != nil {
		return &noFileError{err}
	}
	body, err := open()
	if err != nil {
		return &noFileError{err}
	}
	req.Body, req.GetBody, req.ContentLength = body, open, length
	if length == 0 {
		_ = body.Close()
		req.Body, req.GetBody = http.NoBody, func() (io.ReadCloser, error) { return http.NoBody, nil }
	}
	req.Header.Set("Content-Type", contentType)
	status, urlPath, raw, err := c.exchange(req, "POST", path)
	if err != nil {
		return err
	}
	present, err := decode(status, "POST", urlPath, raw, out)
	return required(present, err, "POST", path, out)
}
