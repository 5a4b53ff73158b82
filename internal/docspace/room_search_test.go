package docspace

import (
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// TestListRoomsByText looks rooms up by exact title on portals with and without full-text search, with
// 1000 rooms that share the title's word (api-notes.md §33), and counts the listing calls each lookup costs.
func TestListRoomsByText(t *testing.T) {
	const listing = "GET /api/2.0/files/rooms"
	for _, index := range []bool{false, true} {
		t.Run(fmt.Sprintf("full-text search %v", index), func(t *testing.T) {
			p := fakeportal.New(fakeportal.Options{APIKeys: []string{"sk-owner"}, FullTextSearch: index})
			srv := httptest.NewServer(p)
			t.Cleanup(srv.Close)
			c, err := New(Config{Host: srv.URL, APIKey: "sk-owner"})
			if err != nil {
				t.Fatal(err)
			}
			for i := range TextSearchCap {
				p.AddRoom(fmt.Sprintf("Report %04d", i), 5, nil, false)
			}
			// The newest rooms: on a portal with full-text search the cap leaves them out of the answer.
			twin1, twin2 := p.AddRoom("Report", 5, nil, false), p.AddRoom("Report", 2, nil, false)
			review := p.AddRoom("Quarterly review", 5, nil, false)
			titled := func(title string) func(*Room) bool { return func(r *Room) bool { return r.Title == title } }
			lookup := func(title string) ([]Room, int) {
				t.Helper()
				p.ResetCounts()
				rooms, err := c.ListRoomsByText(t.Context(), ListRoomsOptions{SearchArea: SearchAreaAny, FilterValue: title}, titled(title), nil)
				if err != nil {
					t.Fatal(err)
				}
				return rooms, p.Counts()[listing]
			}

			// A title the search answers: one call.
			if rooms, calls := lookup("Quarterly review"); len(rooms) != 1 || rooms[0].ID != review || calls != 1 {
				t.Errorf("a unique title: %d rooms, %d calls", len(rooms), calls)
			}
			// A title whose word matches 1000 rooms or more: the first page reports the total, then every room is
			// read, 100 a call. Both twins are found.
			rooms, calls := lookup("Report")
			if len(rooms) != 2 || rooms[0].ID != twin1 || rooms[1].ID != twin2 {
				t.Errorf("a title whose word 1000 rooms carry: %+v", rooms)
			}
			if want := 1 + (TextSearchCap+3+99)/100; calls != want {
				t.Errorf("a title whose word 1000 rooms carry: %d calls, want %d", calls, want)
			}
			// No room of the title: every room is read before the answer is "none".
			rooms, calls = lookup("Annual review")
			if want := 1 + (TextSearchCap+3+99)/100; len(rooms) != 0 || calls != want {
				t.Errorf("no such title: %d rooms, %d calls, want 0 and %d", len(rooms), calls, want)
			}
		})
	}
}
