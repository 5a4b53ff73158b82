package docspace

import (
	"context"
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

func TestMissingResponseIsNull(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, `{"count":0,"status":0,"statusCode":200}`)
	})
	c, _ := testClient(t, srv, 0)
	var out *Room
	if err := c.do(t.Context(), "GET", "files/roomtemplate/status", nil, nil, &out); err != nil || out != nil {
		t.Fatalf("got %v, %v; want nil, nil", out, err)
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

func TestPostIsRetriedOnlyAfter429(t *testing.T) {
	var calls atomic.Int32
	srv := serve(t, flaky(&calls, []int{503}, nil))
	c, _ := testClient(t, srv, 8)
	if _, err := c.CreateRoom(t.Context(), CreateRoomRequest{Title: "x", RoomType: RoomTypeCustom}); StatusCode(err) != 503 || calls.Load() != 1 {
		t.Fatalf("POST after 503: %v after %d calls; want no retry", err, calls.Load())
	}
	calls.Store(0)
	srv429 := serve(t, flaky(&calls, []int{429, 429}, http.Header{"Retry-After": {"0"}}))
	c, _ = testClient(t, srv429, 8)
	if _, err := c.CreateRoom(t.Context(), CreateRoomRequest{Title: "x", RoomType: RoomTypeCustom}); err != nil || calls.Load() != 3 {
		t.Fatalf("POST after 429: %v after %d calls; want success on the 3rd call", err, calls.Load())
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

func TestDroppedConnectionIsRetriedForGetOnly(t *testing.T) {
	var calls atomic.Int32
	c, _ := testClient(t, serve(t, dropFirst(&calls)), 8)
	if _, err := c.GetRoom(t.Context(), 5); err != nil || calls.Load() != 2 {
		t.Fatalf("GET: %v after %d calls; want success on the 2nd", err, calls.Load())
	}
	calls.Store(0)
	c, _ = testClient(t, serve(t, dropFirst(&calls)), 8)
	if _, err := c.CreateRoom(t.Context(), CreateRoomRequest{Title: "x"}); err == nil || calls.Load() != 1 {
		t.Fatalf("POST: %v after %d calls; a POST that may have reached the server must not be repeated", err, calls.Load())
	}
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
