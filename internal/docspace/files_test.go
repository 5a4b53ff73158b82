package docspace_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
	"github.com/docspace-community/terraform-provider-docspace/internal/pdfform"
	"github.com/docspace-community/terraform-provider-docspace/internal/poll"
)

// bytesUpload is an upload of content held in memory (tests only).
func bytesUpload(folder int64, title string, content []byte) docspace.Upload {
	return docspace.Upload{FolderID: folder, Title: title, Size: int64(len(content)), Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(content)), nil
	}}
}

// TestFileLifecycle: upload, read, find, rename, list, delete to the Trash and for good.
func TestFileLifecycle(t *testing.T) {
	ctx := context.Background()
	portal, c := newPortal(t, fakeportal.Options{})
	room := folderRoom(t, c)
	content := []byte("hello, portal")
	f, err := c.CreateFile(ctx, bytesUpload(room, "Report.DOCX", content))
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Report.docx" || f.FolderID != room || f.Version != 1 || f.PureContentLength != int64(len(content)) || f.FileExst != ".docx" {
		t.Fatalf("created %+v", f)
	}
	if stored, ok := portal.File(f.ID); !ok || !bytes.Equal(stored.Content, content) || stored.Title != "Report.docx" {
		t.Fatalf("the portal holds %+v", stored)
	}
	if got, err := c.GetFile(ctx, f.ID); err != nil || got.Title != "Report.docx" || got.BeingEdited() || got.InTrash() {
		t.Fatalf("read %+v, %v", got, err)
	}
	if got, err := c.FindFile(ctx, room, "report.docx"); err != nil || got.ID != f.ID {
		t.Fatalf("find %+v, %v", got, err)
	}
	if _, err := c.FindFile(ctx, room, "other.docx"); !docspace.IsNotFound(err) {
		t.Fatalf("find of a missing title: %v", err)
	}
	if f, err = c.RenameFile(ctx, f.ID, "Summary"); err != nil || f.Title != "Summary.docx" {
		t.Fatalf("rename: %+v, %v", f, err)
	}
	files, err := c.ListFiles(ctx, room, "summ")
	if err != nil || len(files) != 1 || files[0].ID != f.ID {
		t.Fatalf("listing: %+v, %v", files, err)
	}
	if len(portal.AllFiles()) != 1 {
		t.Fatalf("the portal holds %+v", portal.AllFiles())
	}

	if err := c.DeleteFile(ctx, f.ID, false); err != nil {
		t.Fatal(err)
	}
	if got, err := c.GetFile(ctx, f.ID); err != nil || !got.InTrash() || got.OriginID != room {
		t.Fatalf("after a delete to the Trash: %+v, %v", got, err)
	}
	if err := c.DeleteFile(ctx, f.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetFile(ctx, f.ID); !docspace.IsNotFound(err) {
		t.Fatalf("after a permanent delete: %v", err)
	}
	if err := c.DeleteFile(ctx, f.ID, true); err != nil {
		t.Errorf("deleting a file that is gone: %v", err)
	}
}

// TestCreateFileRefusesATakenTitle: a title a file already has, in any letter case, is refused before
// any upload, naming the file.
func TestCreateFileRefusesATakenTitle(t *testing.T) {
	ctx := context.Background()
	portal, c := newPortal(t, fakeportal.Options{})
	room := folderRoom(t, c)
	existing := portal.AddFile(room, "Plan.pdf")
	portal.ResetCounts()
	_, err := c.CreateFile(ctx, bytesUpload(room, "PLAN.PDF", []byte("x")))
	var taken *docspace.FileExistsError
	if !errors.As(err, &taken) || taken.ID != existing || taken.Title != "Plan.pdf" {
		t.Fatalf("got %v", err)
	}
	if n := portal.Counts()["POST /api/2.0/files/{id}/insert"]; n != 0 {
		t.Errorf("%d uploads", n)
	}
	if f, _ := portal.File(existing); f.Versions != 1 {
		t.Errorf("the existing file has %d versions", f.Versions)
	}
}

// newFilePortal is newPortal with a transport of the test's under the client's own, at the bottom of its
// chain: it sees each request as it goes out on the wire, after retries, logging and headers.
func newFilePortal(t *testing.T, opts fakeportal.Options, wrap func(http.RoundTripper) http.RoundTripper) (*fakeportal.Portal, *docspace.Client) {
	t.Helper()
	opts.APIKeys = []string{key, "sk-someone-else"}
	portal := fakeportal.New(opts)
	srv := httptest.NewServer(portal)
	t.Cleanup(srv.Close)
	c, err := docspace.New(docspace.Config{Host: srv.URL, APIKey: key, MaxRetries: 3, HTTPClient: &http.Client{Transport: wrap(http.DefaultTransport)},
		PollBackoff: poll.Backoff{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond, Factor: 1.5}})
	if err != nil {
		t.Fatal(err)
	}
	return portal, c
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// pattern is deterministic content of n bytes, produced on demand: byte i is a function of i.
type pattern struct {
	n  int64
	mu sync.Mutex
	// high is one past the furthest byte read so far; opens counts Open calls.
	high  int64
	opens int
}

func patternByte(i int64) byte { return byte(i*31 + i>>11) }

// ReadAt serves bytes from off; it is the only way to read a pattern: it is no io.Seeker and holds no
// buffer, so a client that wanted the whole content at once would have to ask for it here.
func (p *pattern) ReadAt(b []byte, off int64) (int, error) {
	if off >= p.n {
		return 0, io.EOF
	}
	n := int(min(int64(len(b)), p.n-off))
	for i := range n {
		b[i] = patternByte(off + int64(i))
	}
	p.mu.Lock()
	p.high = max(p.high, off+int64(n))
	p.mu.Unlock()
	if n < len(b) {
		return n, io.EOF
	}
	return n, nil
}

func (p *pattern) highWater() int64 { p.mu.Lock(); defer p.mu.Unlock(); return p.high }

func (p *pattern) sum() [32]byte {
	h := sha256.New()
	_, _ = io.Copy(h, io.NewSectionReader(p, 0, p.n))
	var s [32]byte
	copy(s[:], h.Sum(nil))
	return s
}

// patternFile is an open pattern: a ReaderAt (for chunks) and a forward reader (for /insert).
type patternFile struct {
	*io.SectionReader
	p *pattern
}

func (patternFile) Close() error { return nil }

func (p *pattern) upload(folder int64, title string) docspace.Upload {
	return docspace.Upload{FolderID: folder, Title: title, Size: p.n, Open: func() (io.ReadCloser, error) {
		p.mu.Lock()
		p.opens++
		p.mu.Unlock()
		return patternFile{io.NewSectionReader(p, 0, p.n), p}, nil
	}}
}

const (
	insertRoute  = "POST /api/2.0/files/{id}/insert"
	sessionRoute = "POST /api/2.0/files/{id}/session"
	chunkRoute   = "POST /api/2.0/files/{id}/session/{id}"
)

// TestChunkedUploadRoundTrip: 25 MiB in three chunks arrive byte for byte, and the client reads the
// content lazily: when a chunk's request goes out, nothing of it (or beyond) has been read, and the file
// is opened once, although the API subsystem logs at TRACE.
func TestChunkedUploadRoundTrip(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_DOCSPACE_API", "TRACE")
	content := &pattern{n: 25 << 20}
	var chunkStarts []int64
	var mu sync.Mutex
	portal, c := newFilePortal(t, fakeportal.Options{}, func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(r *http.Request) (*http.Response, error) {
			if strings.Contains(r.URL.Path, "/session/") && r.Method == "POST" {
				mu.Lock()
				chunkStarts = append(chunkStarts, content.highWater())
				mu.Unlock()
			}
			return next.RoundTrip(r)
		})
	})
	room := folderRoom(t, c)
	portal.ResetCounts()
	f, err := c.CreateFile(context.Background(), content.upload(room, "Big.bin"))
	if err != nil {
		t.Fatal(err)
	}
	stored, ok := portal.File(f.ID)
	if !ok || sha256.Sum256(stored.Content) != content.sum() || stored.Title != "Big.bin" || f.Title != "Big.bin" || f.PureContentLength != 25<<20 {
		t.Fatalf("stored %q (%d bytes), answered %+v", stored.Title, len(stored.Content), f)
	}
	counts := portal.Counts()
	if counts[sessionRoute] != 1 || counts[chunkRoute] != 3 || counts[insertRoute] != 0 {
		t.Errorf("calls: %v", counts)
	}
	if want := []int64{0, docspace.ChunkSize, 2 * docspace.ChunkSize}; !slices.Equal(chunkStarts, want) {
		t.Errorf("read before each chunk went out: %v, want %v", chunkStarts, want)
	}
	if content.opens != 1 {
		t.Errorf("the content was opened %d times", content.opens)
	}
	if portal.UploadSessions() != 0 {
		t.Error("the session stays open")
	}
}

// forwardOnly is content that can only be read forward, once: no io.Seeker, no io.ReaderAt.
type forwardOnly struct {
	r    io.Reader
	read *atomic.Int64
}

func (f forwardOnly) Read(b []byte) (int, error) {
	n, err := f.r.Read(b)
	f.read.Add(int64(n))
	return n, err
}
func (forwardOnly) Close() error { return nil }

// TestInsertStreamsItsBody: the raw /insert sends the reader it was given, with its length, read only
// while the request is written, opened once, and its bytes never reach the logs.
func TestInsertStreamsItsBody(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_DOCSPACE_API", "TRACE")
	var read atomic.Int64
	var before int64 = -1
	var length int64
	var contentType string
	portal, c := newFilePortal(t, fakeportal.Options{}, func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(r *http.Request) (*http.Response, error) {
			if strings.HasSuffix(r.URL.Path, "/insert") {
				before, length, contentType = read.Load(), r.ContentLength, r.Header.Get("Content-Type")
			}
			return next.RoundTrip(r)
		})
	})
	room := folderRoom(t, c)
	secret := bytes.Repeat([]byte("CONTENT-NOT-FOR-LOGS "), 1000)
	opens := 0
	up := docspace.Upload{FolderID: room, Title: "notes.txt", Size: int64(len(secret)), Open: func() (io.ReadCloser, error) {
		opens++
		return forwardOnly{bytes.NewReader(secret), &read}, nil
	}}
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	f, err := c.CreateFile(ctx, up)
	if err != nil {
		t.Fatal(err)
	}
	if before != 0 || length != int64(len(secret)) || contentType != "application/octet-stream" || opens != 1 || read.Load() != int64(len(secret)) {
		t.Errorf("read %d bytes before the request went out, Content-Length %d, Content-Type %q, opened %d times, read %d", before, length, contentType, opens, read.Load())
	}
	if stored, _ := portal.File(f.ID); !bytes.Equal(stored.Content, secret) {
		t.Error("the content differs")
	}
	if strings.Contains(logs.String(), "CONTENT-NOT-FOR-LOGS") || !strings.Contains(logs.String(), "not logged") {
		t.Errorf("the logs show the content, or do not say it was left out:\n%.2000s", logs.String())
	}
}

// TestCreateFileLostAnswers: the answer to the /insert, or to the last chunk, is lost after the portal
// stored the file: the client finds it by its marker, renames it, and never uploads twice.
func TestCreateFileLostAnswers(t *testing.T) {
	for name, tc := range map[string]struct {
		size  int64
		fault fakeportal.Fault
		route string
	}{
		"insert":     {1000, fakeportal.Fault{Method: "POST", PathSuffix: "/insert", Status: http.StatusBadGateway, AfterProcessing: true, Count: 1}, insertRoute},
		"last chunk": {docspace.ChunkSize + 5, fakeportal.Fault{Method: "POST", PathPrefix: "/api/2.0/files/", PathSuffix: "", Drop: true, AfterProcessing: true, Count: 1, Skip: 0}, chunkRoute},
	} {
		t.Run(name, func(t *testing.T) {
			portal, c := newPortal(t, fakeportal.Options{})
			room := folderRoom(t, c)
			if name == "last chunk" {
				// The session create and the first chunk pass; the second (last) chunk's answer is lost.
				tc.fault.PathPrefix = fmt.Sprintf("/api/2.0/files/%d/session/", room)
				tc.fault.Skip = 1
			}
			portal.InjectFault(tc.fault)
			content := &pattern{n: tc.size}
			portal.ResetCounts()
			f, err := c.CreateFile(context.Background(), content.upload(room, "Lost.docx"))
			if err != nil {
				t.Fatal(err)
			}
			files := portal.FilesIn(room)
			if len(files) != 1 || files[0].ID != f.ID || files[0].Title != "Lost.docx" || sha256.Sum256(files[0].Content) != content.sum() {
				t.Fatalf("the room holds %+v; answered %+v", files, f)
			}
			if len(portal.FaultsFired()) != 1 {
				t.Errorf("faults fired: %v", portal.FaultsFired())
			}
			want := map[string]int{insertRoute: 1}
			if tc.route == chunkRoute {
				want = map[string]int{sessionRoute: 1, chunkRoute: 2}
			}
			for route, n := range want {
				if got := portal.Counts()[route]; got != n {
					t.Errorf("%s: %d calls, want %d", route, got, n)
				}
			}
		})
	}
}

// TestCreateFileNoBlindRetry: a 502 before the portal did anything is not retried for an upload: the
// marker shows nothing was made, and the error says so. A 429, sent before any work, is retried.
func TestCreateFileNoBlindRetry(t *testing.T) {
	portal, c := newPortal(t, fakeportal.Options{})
	room := folderRoom(t, c)
	portal.InjectFault(fakeportal.Fault{Method: "POST", PathSuffix: "/insert", Status: http.StatusBadGateway, Count: 1})
	portal.ResetCounts()
	_, err := c.CreateFile(context.Background(), bytesUpload(room, "a.docx", []byte("x")))
	if err == nil || !strings.Contains(err.Error(), "created nothing") {
		t.Fatalf("got %v", err)
	}
	if n := portal.Counts()[insertRoute]; n != 1 || len(portal.FilesIn(room)) != 0 {
		t.Errorf("%d uploads, %d files", n, len(portal.FilesIn(room)))
	}
	portal.InjectFault(fakeportal.Fault{Method: "POST", PathSuffix: "/insert", Status: http.StatusTooManyRequests, Count: 1})
	content := &pattern{n: 5000}
	portal.ResetCounts()
	f, err := c.CreateFile(context.Background(), content.upload(room, "b.docx"))
	if err != nil {
		t.Fatal(err)
	}
	if stored, _ := portal.File(f.ID); sha256.Sum256(stored.Content) != content.sum() || portal.Counts()[insertRoute] != 2 || content.opens != 2 {
		t.Errorf("after a 429: %d uploads, %d opens", portal.Counts()[insertRoute], content.opens)
	}
}

// TestFormsOnlyRoom: a non-form into a form-filling room is ErrFormsOnly, by simple upload (500) and in
// chunks (403), and nothing remains; a form goes in, renamed to its title, and brings the system folders.
func TestFormsOnlyRoom(t *testing.T) {
	ctx := context.Background()
	portal, c := newPortal(t, fakeportal.Options{})
	room, err := c.CreateRoom(ctx, docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: "forms"}, RoomType: docspace.RoomTypeFillingForms})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = c.CreateFile(ctx, bytesUpload(room.ID, "plain.pdf", []byte("%PDF-1.7\n")))
	if !errors.Is(err, docspace.ErrFormsOnly) || docspace.StatusCode(err) != http.StatusInternalServerError {
		t.Fatalf("simple upload: %v", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("the refusal took %s: it was taken for a lost answer", time.Since(start))
	}
	big := &pattern{n: docspace.ChunkSize + 1} // not a form: chunked, refused at the first chunk
	_, err = c.CreateFile(ctx, big.upload(room.ID, "big.pdf"))
	if !errors.Is(err, docspace.ErrFormsOnly) || docspace.StatusCode(err) != http.StatusForbidden {
		t.Fatalf("chunked upload: %v", err)
	}
	if n := len(portal.AllFiles()); n != 0 || portal.UploadSessions() != 0 {
		t.Fatalf("%d files, %d sessions left", n, portal.UploadSessions())
	}
	f, err := c.CreateFile(ctx, bytesUpload(room.ID, "Leave.pdf", pdfform.Sample("Leave", 2000)))
	if err != nil || !f.IsForm || f.Title != "Leave.pdf" {
		t.Fatalf("a form: %+v, %v", f, err)
	}
	if len(portal.SystemFolders(room.ID)) != 2 {
		t.Errorf("system folders: %v", portal.SystemFolders(room.ID))
	}
}

// TestUploadTooLarge: the portal's size refusal is ErrFileTooLarge, and nothing remains.
func TestUploadTooLarge(t *testing.T) {
	portal, c := newPortal(t, fakeportal.Options{SimpleUploadLimit: 100})
	room := folderRoom(t, c)
	_, err := c.CreateFile(context.Background(), bytesUpload(room, "a.docx", make([]byte, 101)))
	if !errors.Is(err, docspace.ErrFileTooLarge) || !docspace.IsPaymentRequired(err) {
		t.Fatalf("got %v", err)
	}
	if len(portal.AllFiles()) != 0 {
		t.Error("a refused upload left a file")
	}
}

// TestUploadFileVersion: a new version keeps the id and replaces the content; a locked file or one open
// in an editor is refused before any upload call.
func TestUploadFileVersion(t *testing.T) {
	ctx := context.Background()
	portal, c := newPortal(t, fakeportal.Options{})
	room := folderRoom(t, c)
	f, err := c.CreateFile(ctx, bytesUpload(room, "Plan.docx", []byte("v1")))
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.UploadFileVersion(ctx, f.ID, bytesUpload(0, "", []byte("version two")))
	if err != nil || got.ID != f.ID || got.Version != 2 || got.PureContentLength != 11 {
		t.Fatalf("version: %+v, %v", got, err)
	}
	if stored, _ := portal.File(f.ID); string(stored.Content) != "version two" {
		t.Errorf("stored %q", stored.Content)
	}
	for name, set := range map[string]func(bool){
		"locked":  func(on bool) { portal.LockFile(f.ID, "", on) },
		"editing": func(on bool) { portal.SetFileEditing(f.ID, on) },
	} {
		set(true)
		portal.ResetCounts()
		_, err := c.UploadFileVersion(ctx, f.ID, bytesUpload(0, "", []byte("v3")))
		if !errors.Is(err, docspace.ErrBeingEdited) {
			t.Errorf("%s: %v", name, err)
		}
		for route, n := range portal.Counts() {
			if strings.HasPrefix(route, "POST") && n > 0 {
				t.Errorf("%s: %s was called %d times", name, route, n)
			}
		}
		set(false)
	}
	if stored, _ := portal.File(f.ID); stored.Versions != 2 || len(portal.FilesIn(room)) != 1 {
		t.Errorf("after the refusals: %+v", portal.FilesIn(room))
	}
}

// TestUploadFileVersionDropsADuplicate: a file locked between the check and the upload makes the portal
// store a second file of the title; the client deletes it for good and reports the failure.
func TestUploadFileVersionDropsADuplicate(t *testing.T) {
	ctx := context.Background()
	var portal *fakeportal.Portal
	var target atomic.Int64
	portal, c := newFilePortal(t, fakeportal.Options{}, func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(r *http.Request) (*http.Response, error) {
			if id := target.Load(); id != 0 && strings.HasSuffix(r.URL.Path, "/insert") {
				portal.LockFile(id, "", true) // a person opens the file just now
			}
			return next.RoundTrip(r)
		})
	})
	room := folderRoom(t, c)
	f, err := c.CreateFile(ctx, bytesUpload(room, "Plan.docx", []byte("v1")))
	if err != nil {
		t.Fatal(err)
	}
	target.Store(f.ID)
	_, err = c.UploadFileVersion(ctx, f.ID, bytesUpload(0, "", []byte("v2")))
	if err == nil || !strings.Contains(err.Error(), "second file") {
		t.Fatalf("got %v", err)
	}
	files := portal.AllFiles()
	if len(files) != 1 || files[0].ID != f.ID || files[0].Versions != 1 {
		t.Errorf("the portal holds %+v", files)
	}
}

// TestAbandonedFileMarker: a file left with another creation's marker of the same title stops a new
// creation of that title, naming the file.
func TestAbandonedFileMarker(t *testing.T) {
	portal, c := newPortal(t, fakeportal.Options{})
	room := folderRoom(t, c)
	left := portal.AddFile(room, "Plan [tf-pending-u-0123456789ab].docx")
	_, err := c.CreateFile(context.Background(), bytesUpload(room, "Plan.docx", []byte("x")))
	var abandoned *docspace.AbandonedError
	if !errors.As(err, &abandoned) || abandoned.ID != fmt.Sprint(left) || abandoned.Noun != "file" {
		t.Fatalf("got %v", err)
	}
	if _, err := c.CreateFile(context.Background(), bytesUpload(room, "Plan.xlsx", []byte("x"))); err != nil {
		t.Errorf("another extension is another title: %v", err)
	}
}

// sink is a portal that takes uploads and drops their content, counting it: whatever the test process
// allocates during an upload to it is the client's doing.
type sink struct {
	received atomic.Int64
	size     int64
	marked   atomic.Value // the marked title of the upload
}

func (s *sink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	answer := func(status int, response string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = fmt.Fprintf(w, `{"response":%s,"status":0,"statusCode":%d}`, response, status)
	}
	file := func(title string) string {
		b, _ := json.Marshal(map[string]any{"id": 77, "title": title, "folderId": 5, "version": 1, "pureContentLength": s.size})
		return string(b)
	}
	switch {
	case strings.HasSuffix(r.URL.Path, "/upload/check"):
		answer(200, `[]`)
	case r.Method == "GET":
		answer(200, `{"files":[],"folders":[],"total":0,"pathParts":[]}`)
	case strings.HasSuffix(r.URL.Path, "/session"):
		var body struct{ FileName string }
		_ = json.NewDecoder(r.Body).Decode(&body)
		s.marked.Store(body.FileName)
		answer(200, `{"id":"s1","bytesTotal":`+fmt.Sprint(s.size)+`}`)
	case strings.Contains(r.URL.Path, "/session/"):
		mr, _ := r.MultipartReader()
		part, _ := mr.NextPart()
		n, _ := io.Copy(io.Discard, part)
		if s.received.Add(n) < s.size {
			answer(200, `{"uploaded":false}`)
			return
		}
		answer(201, `{"uploaded":true,"file":`+file(s.marked.Load().(string))+`}`)
	case strings.HasSuffix(r.URL.Path, "/insert"):
		n, _ := io.Copy(io.Discard, r.Body)
		s.received.Add(n)
		answer(200, file(r.URL.Query().Get("title")))
	case r.Method == "PUT":
		var body struct{ Title string }
		_ = json.NewDecoder(r.Body).Decode(&body)
		answer(200, file(body.Title))
	default:
		answer(404, `null`)
	}
}

// TestUploadMemoryIsFlat: uploading 100 MiB, in chunks, and 10 MiB in one request, allocates a small
// fraction of the content in the whole process: no chunk and no body is ever held whole.
func TestUploadMemoryIsFlat(t *testing.T) {
	for _, size := range []int64{100 << 20, docspace.SimpleUploadMax} {
		s := &sink{size: size}
		srv := httptest.NewServer(s)
		c, err := docspace.New(docspace.Config{Host: srv.URL, APIKey: key})
		if err != nil {
			t.Fatal(err)
		}
		content := &pattern{n: size}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		f, err := c.CreateFile(context.Background(), content.upload(5, "big.bin"))
		runtime.ReadMemStats(&after)
		srv.Close()
		if err != nil || f.Title != "big.bin" || s.received.Load() != size {
			t.Fatalf("%d bytes: %+v, %v; received %d", size, f, err, s.received.Load())
		}
		if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 4<<20 {
			t.Errorf("uploading %d MiB allocated %d KiB", size>>20, allocated>>10)
		} else {
			t.Logf("uploading %d MiB allocated %d KiB", size>>20, allocated>>10)
		}
	}
}

// TestUploadThatCannotOpen: content that cannot be opened fails at once, without looking for a file.
func TestUploadThatCannotOpen(t *testing.T) {
	portal, c := newPortal(t, fakeportal.Options{})
	room := folderRoom(t, c)
	for _, size := range []int64{10, docspace.ChunkSize + 1} {
		portal.ResetCounts()
		up := docspace.Upload{FolderID: room, Title: "gone.docx", Size: size, Open: func() (io.ReadCloser, error) { return nil, os.ErrNotExist }}
		start := time.Now()
		if _, err := c.CreateFile(context.Background(), up); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%d bytes: %v", size, err)
		}
		if time.Since(start) > time.Second || portal.UploadSessions() != 0 || len(portal.AllFiles()) != 0 {
			t.Errorf("%d bytes: took %s, %d sessions open", size, time.Since(start), portal.UploadSessions())
		}
	}
}

// TestUploadFileVersionNeedsTheEditRight: a caller who may upload but not edit the file (a guest content
// creator) would make a second file; the version upload is refused before any upload call.
func TestUploadFileVersionNeedsTheEditRight(t *testing.T) {
	ctx := context.Background()
	portal := fakeportal.New(fakeportal.Options{APIKeys: []string{key, "sk-guest"}})
	srv := httptest.NewServer(portal)
	defer srv.Close()
	owner, _ := docspace.New(docspace.Config{Host: srv.URL, APIKey: key})
	guest, _ := docspace.New(docspace.Config{Host: srv.URL, APIKey: "sk-guest"})
	room := folderRoom(t, owner)
	f, err := owner.CreateFile(ctx, bytesUpload(room, "Plan.docx", []byte("v1")))
	if err != nil {
		t.Fatal(err)
	}
	portal.AddMember(room, "sk-guest", int(docspace.FileShareContentCreator))
	portal.SetUserType(portal.UserID("sk-guest"), fakeportal.TypeGuest)
	portal.ResetCounts()
	if _, err := guest.UploadFileVersion(ctx, f.ID, bytesUpload(0, "", []byte("v2"))); err == nil || !strings.Contains(err.Error(), "may not edit") {
		t.Fatalf("got %v", err)
	}
	if n := portal.Counts()[insertRoute]; n != 0 || len(portal.AllFiles()) != 1 {
		t.Errorf("%d uploads, %d files", n, len(portal.AllFiles()))
	}
}
