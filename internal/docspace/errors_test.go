package docspace

import (
	"fmt"
	"testing"
)

// The two answers addAPIError explains from the request they answer: a missing room on a room's own calls
// (api-notes.md §9, §22, §29), and a 403 on people and group calls (§2).
func TestErrorsExplainedByTheirRequest(t *testing.T) {
	wrap := func(e *APIError) error { return fmt.Errorf("reading room: %w", e) }
	cases := []struct {
		err   error
		room  int64
		scope string
	}{
		{wrap(&APIError{StatusCode: 404, Method: "PUT", Path: "/api/2.0/files/rooms/123/links"}), 123, ""},
		{&APIError{StatusCode: 404, Method: "PUT", Path: "/api/2.0/files/rooms/77/share"}, 77, ""},
		{&APIError{StatusCode: 404, Method: "PUT", Path: "/docspace/api/2.0/files/rooms/9"}, 9, ""},
		{&APIError{StatusCode: 404, Method: "GET", Path: "/api/2.0/files/rooms/covers"}, 0, ""},
		{&APIError{StatusCode: 403, Method: "PUT", Path: "/api/2.0/files/rooms/123/links"}, 0, ""},
		{&APIError{StatusCode: 403, Method: "PUT", Path: "/api/2.0/files/rooms/123", Message: "The required folder was not found"}, 123, ""},
		{&APIError{StatusCode: 403, Method: "PUT", Path: "/api/2.0/files/rooms/123", Message: "You don't have permission to edit the room"}, 0, ""},
		{&APIError{StatusCode: 403, Method: "GET", Path: "/api/2.0/people/abc"}, 0, "accounts:read"},
		{wrap(&APIError{StatusCode: 403, Method: "GET", Path: "/api/2.0/group/abc"}), 0, "accounts:read"},
		{&APIError{StatusCode: 403, Method: "PUT", Path: "/api/2.0/group/abc"}, 0, "accounts:write"},
		{&APIError{StatusCode: 404, Method: "GET", Path: "/api/2.0/people/abc"}, 0, ""},
		{&APIError{StatusCode: 403, Method: "GET", Path: "/api/2.0/peoplefoo"}, 0, ""},
		{fmt.Errorf("no answer"), 0, ""},
	}
	for _, c := range cases {
		if got := MissingRoom(c.err); got != c.room {
			t.Errorf("MissingRoom(%v) = %d, want %d", c.err, got, c.room)
		}
		if got := AccountsScopeRefused(c.err); got != c.scope {
			t.Errorf("AccountsScopeRefused(%v) = %q, want %q", c.err, got, c.scope)
		}
	}
}
