package fakeportal

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/pdfform"
)

// Uploads (api-notes.md §37). Their bodies are read before the store is locked, straight into the
// buffer that becomes the file's content (or the upload session's), so a slow upload holds no other
// request and the content is held once.

// uploadBody is what an upload request carried.
type uploadBody struct {
	content   []byte
	filename  string            // the file part's file name (multipart)
	fields    map[string]string // lower-cased names: title, createnewifexist, from the query and the form
	multipart bool
	tooLarge  bool // the content passed the limit; it was read to its end and dropped
	session   *uploadSession
	chunk     int64  // the bytes a chunk added to its session
	status    int    // with err: the request is refused before the handler's checks
	err       string // a body that could not be read
}

// readUpload reads the body of an upload route: a chunk into its session (args[1], the route's
// {sessionId}), anything else into a buffer, at most limit bytes of content.
func (p *Portal) readUpload(r *http.Request, rt *route, args []string) *uploadBody {
	up := &uploadBody{fields: map[string]string{}}
	for k, v := range r.URL.Query() {
		up.fields[strings.ToLower(k)] = v[0]
	}
	p.mu.Lock()
	limit := p.simpleLimit()
	var s *uploadSession
	if rt.chunk {
		limit = p.opts.ChunkSize
		s = p.sessions[args[1]]
	}
	p.mu.Unlock()
	if rt.chunk {
		if s == nil {
			_, _ = io.Copy(io.Discard, r.Body)
			up.status, up.err = http.StatusNotFound, sessionNotFound
			return up
		}
		s.mu.Lock() // chunks of one session are taken one at a time; ServeHTTP unlocks once answered
		up.session = s
	}
	into := func() *bytes.Buffer {
		if s != nil {
			return &s.buf
		}
		b := &bytes.Buffer{}
		if r.ContentLength > 0 && r.ContentLength <= limit {
			b.Grow(int(r.ContentLength))
		}
		return b
	}
	mediaType, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if !strings.HasPrefix(mediaType, "multipart/") {
		if rt.chunk {
			_, _ = io.Copy(io.Discard, r.Body)
			up.status, up.err = http.StatusBadRequest, "No file"
			return up
		}
		buf := into()
		up.tooLarge = readLimited(buf, r.Body, limit)
		up.content = buf.Bytes()
		return up
	}
	up.multipart = true
	mr := multipart.NewReader(r.Body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			up.status, up.err = http.StatusBadRequest, "The multipart body could not be read"
			_, _ = io.Copy(io.Discard, r.Body)
			return up
		}
		switch {
		case part.FileName() == "":
			v, _ := io.ReadAll(io.LimitReader(part, 64<<10))
			up.fields[strings.ToLower(part.FormName())] = string(v)
		case up.filename == "" && !up.tooLarge && up.content == nil:
			up.filename = part.FileName()
			buf := into()
			before := int64(buf.Len())
			up.tooLarge = readLimited(buf, part, limit+before) // a chunk is limited on its own
			if up.tooLarge && s != nil {
				buf.Truncate(int(before))
			}
			up.chunk = int64(buf.Len()) - before
			up.content = buf.Bytes()
			if up.content == nil {
				up.content = []byte{}
			}
		}
		_, _ = io.Copy(io.Discard, part) // later file parts are ignored
	}
	return up
}

// readLimited copies from src into buf up to limit bytes in all, and reports whether src held more; then
// it reads src to its end and drops what it holds beyond the limit, as the server's binder reads every body
// before it looks at the size.
func readLimited(buf *bytes.Buffer, src io.Reader, limit int64) bool {
	_, _ = buf.ReadFrom(io.LimitReader(src, limit-int64(buf.Len())+1))
	if int64(buf.Len()) <= limit {
		return false
	}
	buf.Truncate(int(limit))
	_, _ = io.Copy(io.Discard, src)
	return true
}

// uploadSession is a chunked upload in progress.
type uploadSession struct {
	mu        sync.Mutex // held while a chunk streams in
	id        string
	owner     *user
	parent    int64
	title     string
	size      int64
	createNew bool
	buf       bytes.Buffer
	checked   bool // the first chunk was looked at (form detection)
	expires   time.Time
}

// sessionTTL is how long a session lives after its last chunk (sliding).
const sessionTTL = 12 * time.Hour

// createSession is POST /files/{folderId}/session {fileName, fileSize, createNewIfExist, …}: the parent
// checks of an upload, the size against the file size limit (402), then {id, path, created, expired,
// location, bytesTotal} (api-notes.md §37).
func (p *Portal) createSession(c *call) {
	b := c.object()
	name, _ := b.str("fileName")
	size, _ := b.int64("fileSize")
	createNew, _ := b.boolean("createNewIfExist")
	if b.failed {
		return
	}
	if strings.TrimSpace(name) == "" {
		c.invalid("FileName", "The FileName field is required.")
		return
	}
	_, parent, ok := p.uploadTarget(c)
	if !ok {
		return
	}
	if size < 0 || (p.opts.MaxFileSize > 0 && size > p.opts.MaxFileSize) {
		c.tooLarge(p.opts.MaxFileSize)
		return
	}
	s := &uploadSession{id: p.guid(), owner: c.user, parent: parent, title: name, size: size, createNew: createNew,
		expires: p.now().Add(sessionTTL)}
	if size <= 64<<20 {
		s.buf.Grow(int(size))
	}
	p.sessions[s.id] = s
	now := p.now()
	c.ok(map[string]any{"id": s.id, "path": []any{parent}, "created": p.apiTime(now), "expired": p.apiTime(s.expires),
		"location": "/api/2.0/files/" + strconv.FormatInt(parent, 10) + "/session/" + s.id, "bytesTotal": size})
}

// uploadChunk is POST /files/{folderId}/session/{sessionId} with multipart File: the next chunk, at most
// the chunk size (402). The first chunk tells a form: into a form-filling room a PDF that is not one is
// refused with 403. The chunk that completes the file stores it and answers 201 with {id, folderId,
// version, title, uploaded, file}.
func (p *Portal) uploadChunk(c *call) {
	up := c.upload
	if up.err != "" {
		c.fail(up.status, up.err)
		return
	}
	s := up.session
	if p.sessions[s.id] != s || s.owner != c.user || strconv.FormatInt(s.parent, 10) != c.args[0] || p.now().After(s.expires) {
		c.fail(http.StatusNotFound, sessionNotFound)
		return
	}
	r, _ := p.container(s.parent)
	if r == nil {
		delete(p.sessions, s.id)
		c.fail(http.StatusNotFound, folderNotFound)
		return
	}
	if up.tooLarge {
		c.tooLarge(p.opts.ChunkSize)
		return
	}
	if int64(s.buf.Len()) > s.size {
		s.buf.Truncate(s.buf.Len() - int(up.chunk))
		c.fail(http.StatusBadRequest, "The chunk goes beyond the file's size")
		return
	}
	s.expires = p.now().Add(sessionTTL)
	if !s.checked && s.buf.Len() > 0 {
		s.checked = true
		if r.roomType == typeFillingForms && fileExt(uploadTitle(s.title)) == ".pdf" && !pdfform.Signed(s.buf.Bytes()) {
			delete(p.sessions, s.id)
			c.fail(http.StatusForbidden, formsOnly)
			return
		}
	}
	if int64(s.buf.Len()) < s.size {
		c.ok(map[string]any{"id": s.id, "uploaded": false, "bytesUploaded": s.buf.Len(), "bytesTotal": s.size})
		return
	}
	delete(p.sessions, s.id)
	f, answer := p.storeUpload(c, r, s.parent, s.title, s.buf.Bytes(), s.createNew)
	if f == nil {
		return
	}
	c.okWith(http.StatusCreated, map[string]any{"id": f.id, "folderId": f.parent, "version": len(f.versions), "title": f.title,
		"uploaded": true, "file": answer})
}

// abortSession is DELETE /files/{folderId}/session/{sessionId}.
func (p *Portal) abortSession(c *call) {
	s := p.sessions[c.args[1]]
	if s == nil || s.owner != c.user {
		c.fail(http.StatusNotFound, sessionNotFound)
		return
	}
	delete(p.sessions, s.id)
	c.empty()
}
