package fakeportal

import (
	"testing"
	"time"
)

// TestIndexLag: with IndexLag, a listing with filterValue is answered from an index that learns of new
// rooms and titles late (api-notes.md §5); a listing without it sees everything at once.
func TestIndexLag(t *testing.T) {
	const lag = 150 * time.Millisecond
	p, owner, _ := newFake(t, Options{IndexLag: lag})
	total := func(query string) any { return owner.call("GET", "files/rooms?"+query, "").response()["total"] }

	p.AddRoom("Old room", typeCustom, nil, false) // made long ago: indexed
	id := owner.id(owner.call("POST", "files/rooms", `{"title":"Fresh room","roomType":5}`))
	if got := total("filterValue=fresh"); got != 0.0 {
		t.Errorf("the text search found a room made just now: total %v", got)
	}
	if got := total("filterValue=old"); got != 1.0 {
		t.Errorf("the text search missed a room made long ago: total %v", got)
	}
	if got := total("sortBy=DateAndTime&sortOrder=1"); got != 2.0 {
		t.Errorf("the listing without a text filter shows %v rooms, want both", got)
	}
	time.Sleep(lag)
	if got := total("filterValue=fresh"); got != 1.0 {
		t.Errorf("the text search still misses the room after the lag: total %v", got)
	}

	// A renamed room is found by its old title, showing its new one, until the index catches up.
	owner.call("PUT", "files/rooms/"+id, `{"title":"Renamed room"}`)
	if got := total("filterValue=renamed"); got != 0.0 {
		t.Errorf("the text search found the new title at once: total %v", got)
	}
	found := owner.call("GET", "files/rooms?filterValue=fresh", "").response()
	if folders, _ := found["folders"].([]any); len(folders) != 1 || folders[0].(map[string]any)["title"] != "Renamed room" {
		t.Errorf("the text search for the old title answers %v, want the room under its new title", found["folders"])
	}
	time.Sleep(lag)
	if got, gone := total("filterValue=renamed"), total("filterValue=fresh"); got != 1.0 || gone != 0.0 {
		t.Errorf("after the lag the new title finds %v rooms and the old one %v, want 1 and 0", got, gone)
	}

	p.SetIndexLag(0)
	owner.call("POST", "files/rooms", `{"title":"Instant room","roomType":5}`)
	if got := total("filterValue=instant"); got != 1.0 {
		t.Errorf("without a lag the text search misses a new room: total %v", got)
	}
}
