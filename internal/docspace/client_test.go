package docspace

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/poll"
)

// testClient returns a client for srv whose retry sleeps are recorded instead of slept.
func testClient(t *testing.T, srv *httptest.Server, retries int) (*Client, *[]time.Duration) {
	t.Helper()
	c, err := New(Config{Host: srv.URL, APIKey: "sk-secret-key", UserAgent: "test-agent", MaxRetries: retries,
		PollBackoff: poll.Backoff{Initial: time.Millisecond, Max: 5 * time.Millisecond, Factor: 2}})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var waits []time.Duration
	c.http.Transport.(*retryTransport).sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		waits = append(waits, d)
		mu.Unlock()
		return ctx.Err()
	}
	return c, &waits
}

func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestRequestsCarryAuthAndUserAgent(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer sk-secret-key" || r.Header.Get("User-Agent") != "test-agent" ||
			r.URL.Path != "/api/2.0/files/rooms/7" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		io.WriteString(w, `{"response":{"id":7,"title":"x","roomType":42,"rootFolderType":36,"unknownField":{"a":1},
			"created":"2026-07-01T12:34:56.0000000+03:00","logo":{"color":"FF5733"}},"count":1,"status":0,"statusCode":200}`)
	})
	c, _ := testClient(t, srv, 0)
	room, err := c.GetRoom(t.Context(), 7)
	if err != nil {
		t.Fatal(err)
	}
	if room.RoomType != 42 || room.RootFolderType != 36 {
		t.Errorf("unknown enum values must decode as numbers, got %d/%d", room.RoomType, room.RootFolderType)
	}
	if want := time.Date(2026, 7, 1, 9, 34, 56, 0, time.UTC); !room.Created.Equal(want) {
		t.Errorf("created = %v, want the instant %v", room.Created, want)
	}
	if room.Color() != "FF5733" || room.QuotaLimit != nil || room.Lifetime != nil {
		t.Errorf("unexpected decode: %+v", room)
	}
}

func TestErrorShapes(t *testing.T) {
	cases := map[string]struct {
		status int
		body   string
		check  func(*testing.T, error)
	}{
		"error envelope": {404, `{"error":{"message":"The required folder was not found","type":"ASC.Files.Core.ItemNotFoundException","stack":"   at ASC.Files.Secret()"},"status":1,"statusCode":404}`,
			func(t *testing.T, err error) {
				if !IsNotFound(err) || !strings.Contains(err.Error(), "The required folder was not found") {
					t.Errorf("got %v", err)
				}
				if strings.Contains(err.Error(), "ASC.Files") {
					t.Errorf("the error leaks the server's exception type or stack: %v", err)
				}
			}},
		"validation in success envelope": {400, `{"response":{"title":"One or more validation errors occurred.","status":400,"errors":{"Title":["The field Title must be a string with a maximum length of 170."]}},"count":1,"status":1,"statusCode":400}`,
			func(t *testing.T, err error) {
				var e *APIError
				if !errors.As(err, &e) || e.StatusCode != 400 || len(e.Validation["Title"]) != 1 {
					t.Errorf("got %#v", err)
				}
				if !strings.Contains(err.Error(), "Title: The field Title must be") {
					t.Errorf("message lacks the field error: %v", err)
				}
			}},
		"validation with HTTP 200": {200, `{"response":{"title":"One or more validation errors occurred.","errors":{"Count":["out of range"]}},"status":1,"statusCode":400}`,
			func(t *testing.T, err error) {
				if StatusCode(err) != 400 {
					t.Errorf("got %v", err)
				}
			}},
		"error object in a 2xx body": {200, `{"error":{"message":"Access denied"},"status":1,"statusCode":403}`,
			func(t *testing.T, err error) {
				if !IsForbidden(err) {
					t.Errorf("got %v", err)
				}
			}},
		"401 without body": {401, ``,
			func(t *testing.T, err error) {
				if !IsUnauthorized(err) {
					t.Errorf("got %v", err)
				}
			}},
		"proxy HTML": {500, `<html><body>Internal error</body></html>`,
			func(t *testing.T, err error) {
				if StatusCode(err) != 500 || strings.Contains(err.Error(), "<html>") {
					t.Errorf("got %v", err)
				}
			}},
		"402 room limit": {402, `{"error":{"message":"The number of rooms exceeds the plan"},"status":1,"statusCode":402}`,
			func(t *testing.T, err error) {
				if !IsPaymentRequired(err) {
					t.Errorf("got %v", err)
				}
			}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(tc.status)
				io.WriteString(w, tc.body)
			})
			c, _ := testClient(t, srv, 0)
			_, err := c.GetRoom(t.Context(), 1)
			if err == nil {
				t.Fatal("expected an error")
			}
			tc.check(t, err)
		})
	}
}

func TestMissingResponse(t *testing.T) {
	for _, body := range []string{`{"count":0,"status":0,"statusCode":200}`, `{"response":null,"statusCode":200}`} {
		srv := serve(t, func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, body) })
		c, _ := testClient(t, srv, 0)
		var out *JobStatus
		if present, err := c.doOptional(t.Context(), "GET", "files/roomtemplate/status", nil, nil, &out); err != nil || present || out != nil {
			t.Fatalf("%s: optional answer: got %v, %t, %v; want nil, false, nil", body, out, present, err)
		}
		// A call that returns an object never yields an empty one (issue: a null refresh wrote an empty room).
		if room, err := c.GetRoom(t.Context(), 7); room != nil || !errors.Is(err, ErrMissingObject) {
			t.Fatalf("%s: GetRoom: got %+v, %v; want ErrMissingObject", body, room, err)
		}
	}
}

func TestAnswerWithoutTheObjectIsAnError(t *testing.T) {
	for name, body := range map[string]string{
		"id 0":        `{"response":{"id":0,"title":""},"statusCode":200}`,
		"another id":  `{"response":{"id":8,"title":"x"},"statusCode":200}`,
		"undecodable": `{"response":{"id":"seven"},"statusCode":200}`,
		"truncated":   `{"response":{"id":7,"ti`,
		"empty":       ``,
	} {
		srv := serve(t, func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, body) })
		c, _ := testClient(t, srv, 0)
		if room, err := c.GetRoom(t.Context(), 7); room != nil || err == nil || refused(err) {
			t.Errorf("%s: got %+v, %v; want an error that leaves the outcome unknown", name, room, err)
		}
	}
}

// A read whose answer arrives damaged is sent again, with backoff, up to damagedReadRetries times; a
// write is not (chaos: one null answer in fifty made a refresh of thirty rooms fail half the time).
func TestDamagedReadsAreReadAgain(t *testing.T) {
	for name, body := range map[string]string{
		"null":        `{"response":null,"statusCode":200}`,
		"undecodable": `{"response":{"id":"seven"},"statusCode":200}`,
		"truncated":   `{"response":{"id":7,"ti`,
	} {
		var calls atomic.Int32
		srv := serve(t, func(w http.ResponseWriter, _ *http.Request) {
			if calls.Add(1) <= 2 {
				io.WriteString(w, body)
				return
			}
			io.WriteString(w, `{"response":{"id":7,"title":"ok"},"statusCode":200}`)
		})
		c, waits := testClient(t, srv, 8)
		if room, err := c.GetRoom(t.Context(), 7); err != nil || room.Title != "ok" {
			t.Fatalf("%s: got %+v, %v; want the room on the third reading", name, room, err)
		}
		if calls.Load() != 3 || len(*waits) != 2 || (*waits)[1] < retryBase/2 {
			t.Errorf("%s: %d calls, waits %v; want 3 calls after 2 growing waits", name, calls.Load(), *waits)
		}

		calls.Store(-100) // damaged from now on
		if _, err := c.GetRoom(t.Context(), 7); !errors.Is(err, ErrMissingObject) && !errors.Is(err, ErrUnreadableAnswer) {
			t.Errorf("%s: an answer damaged every time: got %v", name, err)
		}
		if n := calls.Load() + 100; n != 1+damagedReadRetries {
			t.Errorf("%s: an answer damaged every time was read %d times; want %d", name, n, 1+damagedReadRetries)
		}

		// The pages of a list, too.
		calls.Store(0)
		pages := serve(t, func(w http.ResponseWriter, _ *http.Request) {
			if calls.Add(1) <= 2 {
				io.WriteString(w, body)
				return
			}
			io.WriteString(w, `{"response":[{"id":"g1","name":"Team"}],"count":1,"total":1,"statusCode":200}`)
		})
		lists, _ := testClient(t, pages, 8)
		if groups, err := lists.ListGroups(t.Context(), ""); err != nil || len(groups) != 1 || calls.Load() != 3 {
			t.Errorf("%s: a list page: got %+v, %v after %d calls; want the group on the third reading", name, groups, err, calls.Load())
		}

		calls.Store(-100)
		if _, err := c.RenameFile(t.Context(), 7, "x.docx"); err == nil {
			t.Errorf("%s: a damaged answer to a PUT passed", name)
		}
		if n := calls.Load() + 100; n != 1 {
			t.Errorf("%s: a PUT with a damaged answer was sent %d times; the client repeats only reads", name, n)
		}
	}
}

// flaky answers with the given statuses first, then succeeds.
func flaky(calls *atomic.Int32, statuses []int, header http.Header) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		n := int(calls.Add(1)) - 1
		if n < len(statuses) {
			for k, v := range header {
				w.Header()[k] = v
			}
			w.WriteHeader(statuses[n])
			return
		}
		io.WriteString(w, `{"response":{"id":5,"title":"ok"},"statusCode":200}`)
	}
}

func TestIdempotentCallsRetryTransientErrors(t *testing.T) {
	var calls atomic.Int32
	srv := serve(t, flaky(&calls, []int{503, 502, 504, 429}, nil))
	c, waits := testClient(t, srv, 8)
	if _, err := c.UpdateRoom(t.Context(), 5, UpdateRoomRequest{Indexing: &[]bool{true}[0]}); err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 5 || len(*waits) != 4 {
		t.Fatalf("calls = %d, waits = %v; want 5 calls and 4 waits", calls.Load(), *waits)
	}
	for i, w := range *waits {
		if limit := retryBase << i; w < limit/2 || w > limit {
			t.Errorf("wait %d = %v, want exponential backoff with jitter in [%v, %v]", i, w, limit/2, limit)
		}
	}
}

func TestRetryBudgetIsBounded(t *testing.T) {
	var calls atomic.Int32
	srv := serve(t, flaky(&calls, []int{503, 503, 503, 503, 503}, nil))
	c, _ := testClient(t, srv, 2)
	_, err := c.GetRoom(t.Context(), 5)
	if StatusCode(err) != 503 || calls.Load() != 3 {
		t.Fatalf("got %v after %d calls; want the last 503 after 3 calls", err, calls.Load())
	}
}

func TestRetryAfterAndRateLimitResetAreHonoured(t *testing.T) {
	var calls atomic.Int32
	srv := serve(t, flaky(&calls, []int{429, 429}, http.Header{"Retry-After": {"3"}, "X-Ratelimit-Reset": {"5"}}))
	c, waits := testClient(t, srv, 8)
	if _, err := c.GetRoom(t.Context(), 5); err != nil {
		t.Fatal(err)
	}
	for _, w := range *waits {
		if w < 5*time.Second || w > 5*time.Second+250*time.Millisecond {
			t.Errorf("wait %v; want the longer of Retry-After (3s) and X-RateLimit-Reset (5s), plus jitter", w)
		}
	}
}

// creationServer answers what a room creation calls: the marker scan and look-ups (the list holds the
// room once the portal has made it), the POST, after failing the first POSTs with failPosts, and the
// rename. It counts the POSTs; with acted set, a failed POST still makes the room.
type creationServer struct {
	mu        sync.Mutex
	failPosts func(n int, w http.ResponseWriter) bool
	acted     bool
	posts     int
	room      map[string]any
}

func (s *creationServer) handle(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var body struct{ Title string }
	_ = json.NewDecoder(r.Body).Decode(&body)
	switch {
	case r.Method == "GET" && r.URL.Path == "/api/2.0/files/rooms":
		folders := []any{}
		if s.room != nil && strings.Contains(s.room["title"].(string), r.URL.Query().Get("filterValue")) {
			folders = append(folders, s.room)
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"response": map[string]any{"folders": folders, "total": len(folders)}, "statusCode": 200})
	case r.Method == "POST":
		s.posts++
		failed := s.failPosts(s.posts, w)
		if !failed || s.acted {
			s.room = map[string]any{"id": 5, "title": body.Title, "rootFolderType": 14}
		}
		if !failed {
			_ = json.NewEncoder(w).Encode(map[string]any{"response": s.room, "statusCode": 200})
		}
	case r.Method == "PUT":
		s.room["title"] = body.Title
		_ = json.NewEncoder(w).Encode(map[string]any{"response": s.room, "statusCode": 200})
	default:
		w.WriteHeader(404)
	}
}

func failWith(statuses ...int) func(int, http.ResponseWriter) bool {
	return func(n int, w http.ResponseWriter) bool {
		if n > len(statuses) {
			return false
		}
		if statuses[n-1] == 429 {
			w.Header().Set("Retry-After", "0")
		}
		w.WriteHeader(statuses[n-1])
		return true
	}
}

func TestPostIsRetriedOnlyAfter429(t *testing.T) {
	s := &creationServer{failPosts: failWith(503)}
	c, _ := testClient(t, serve(t, s.handle), 8)
	if _, err := c.CreateRoom(t.Context(), CreateRoomRequest{RoomSettings: RoomSettings{Title: "x"}, RoomType: RoomTypeCustom}); StatusCode(err) != 503 || s.posts != 1 {
		t.Fatalf("POST after 503: %v after %d POSTs; want no retry", err, s.posts)
	}
	s = &creationServer{failPosts: failWith(429, 429)}
	c, _ = testClient(t, serve(t, s.handle), 8)
	if room, err := c.CreateRoom(t.Context(), CreateRoomRequest{RoomSettings: RoomSettings{Title: "x"}, RoomType: RoomTypeCustom}); err != nil || s.posts != 3 || room.Title != "x" {
		t.Fatalf("POST after 429: %+v, %v after %d POSTs; want success on the 3rd", room, err, s.posts)
	}
}

// TestLostCreateAnswerIsFoundByItsMarker: the portal acted, and then the answer was lost (a proxy's
// 502, a dropped connection) or could not be read. The POST is not repeated; the room is found by its
// creation marker and finished.
func TestLostCreateAnswerIsFoundByItsMarker(t *testing.T) {
	lost := map[string]func(int, http.ResponseWriter) bool{
		"502": failWith(502),
		"dropped": func(_ int, w http.ResponseWriter) bool {
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
			return true
		},
		"null": func(_ int, w http.ResponseWriter) bool {
			io.WriteString(w, `{"response":null,"statusCode":200}`)
			return true
		},
		"truncated": func(_ int, w http.ResponseWriter) bool {
			io.WriteString(w, `{"response":{"id":5,"tit`)
			return true
		},
	}
	for name, answer := range lost {
		s := &creationServer{failPosts: answer, acted: true}
		c, _ := testClient(t, serve(t, s.handle), 8)
		room, err := c.CreateRoom(t.Context(), CreateRoomRequest{RoomSettings: RoomSettings{Title: "Project X"}, RoomType: RoomTypeCustom})
		if err != nil || room.ID != 5 || room.Title != "Project X" || s.posts != 1 {
			t.Errorf("%s: got %+v, %v after %d POSTs; want room 5 found, renamed, and one POST", name, room, err, s.posts)
		}
		s = &creationServer{failPosts: answer}
		c, _ = testClient(t, serve(t, s.handle), 8)
		if room, err := c.CreateRoom(t.Context(), CreateRoomRequest{RoomSettings: RoomSettings{Title: "Project X"}, RoomType: RoomTypeCustom}); room != nil || err == nil ||
			!strings.Contains(err.Error(), "the portal created nothing") || s.posts != 1 {
			t.Errorf("%s, portal did nothing: got %+v, %v after %d POSTs; want an error saying nothing was created", name, room, err, s.posts)
		}
	}
}

func TestDroppedConnectionIsRetriedForGetOnly(t *testing.T) {
	var calls atomic.Int32
	c, _ := testClient(t, serve(t, dropFirst(&calls)), 8)
	if _, err := c.GetRoom(t.Context(), 5); err != nil || calls.Load() != 2 {
		t.Fatalf("GET: %v after %d calls; want success on the 2nd", err, calls.Load())
	}
	s := &creationServer{failPosts: lostOnce}
	c, _ = testClient(t, serve(t, s.handle), 8)
	if _, err := c.CreateRoom(t.Context(), CreateRoomRequest{RoomSettings: RoomSettings{Title: "x"}}); err == nil || s.posts != 1 {
		t.Fatalf("POST: %v after %d POSTs; a POST that may have reached the server must not be repeated", err, s.posts)
	}
}

func dropFirst(calls *atomic.Int32) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		if calls.Add(1) == 1 {
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
			return
		}
		io.WriteString(w, `{"response":{"id":5,"title":"ok"},"statusCode":200}`)
	}
}

func lostOnce(n int, w http.ResponseWriter) bool {
	if n > 1 {
		return false
	}
	conn, _, _ := w.(http.Hijacker).Hijack()
	conn.Close()
	return true
}

func TestCancellationStopsRetryWaitPromptly(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(429)
	})
	c, err := New(Config{Host: srv.URL, APIKey: "sk-x", MaxRetries: 5})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = c.GetRoom(ctx, 1)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Fatalf("got %v after %v; want a prompt deadline error", err, time.Since(start))
	}
}

func TestRequestTimeoutAppliesPerAttempt(t *testing.T) {
	var calls atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			<-r.Context().Done()
			return
		}
		io.WriteString(w, `{"response":{"id":5},"statusCode":200}`)
	})
	c, err := New(Config{Host: srv.URL, APIKey: "sk-x", MaxRetries: 2, RequestTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	c.http.Transport.(*retryTransport).sleep = func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
	if _, err := c.GetRoom(t.Context(), 5); err != nil || calls.Load() != 2 {
		t.Fatalf("got %v after %d calls; want the slow attempt abandoned and retried", err, calls.Load())
	}
}

func TestListRoomsFollowsPages(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("count") != "100" || q.Get("searchArea") != "4" || q.Get("tags") != `["a","b"]` || q.Get("filterValue") != "tfacc" {
			w.WriteHeader(400)
			return
		}
		start := q.Get("startIndex")
		var items []string
		n := map[string]int{"0": 100, "100": 100, "200": 30}[start]
		for i := range n {
			items = append(items, `{"id":`+strings.TrimLeft(start+"0", "0")+`1`+strings.Repeat("0", i%2)+`}`)
		}
		io.WriteString(w, `{"response":{"folders":[`+strings.Join(items, ",")+`],"files":[],"total":230},"statusCode":200}`)
	})
	c, _ := testClient(t, srv, 0)
	rooms, err := c.ListRooms(t.Context(), ListRoomsOptions{SearchArea: SearchAreaTemplates, FilterValue: "tfacc", Tags: []string{"a", "b"}})
	if err != nil || len(rooms) != 230 {
		t.Fatalf("got %d rooms, %v; want 230", len(rooms), err)
	}
}
