package docspace

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/docspace-community/terraform-provider-docspace/internal/poll"
)

// Creations are not idempotent, and the portal lets many objects share a title, so a creation whose
// answer is lost, or which the portal ran as a background job, cannot be told from another client's by
// its title. Every creation therefore carries a marker: the object is created under its title plus a
// random token, found by that token whenever the outcome is unclear, and renamed to its real title once
// it is verifiably this creation's object. An object that still carries a marker after its creator
// should have renamed it was abandoned by a process that was killed or cut off; the next creation of
// the same title stops and names it instead of making a second one. The API facts this rests on are in
// api-notes.md §28; what users see is in docs/guides/template-jobs.md.

// creationKind tells the three ways an object is created apart; each kind only ever meets its own markers.
type creationKind byte

const (
	creationRoom             creationKind = 'r' // POST files/rooms
	creationRoomFromTemplate creationKind = 'f' // the room-from-template job
	creationTemplate         creationKind = 't' // the template job
)

func (k creationKind) noun() string {
	if k == creationTemplate {
		return "room template"
	}
	return "room"
}

// searchArea is where objects of this kind are listed: rooms may have been archived meanwhile.
func (k creationKind) searchArea() SearchArea {
	if k == creationTemplate {
		return SearchAreaTemplates
	}
	return SearchAreaAny
}

const markerPrefix = "tf-pending-"

// markerPattern matches a marked title: the base, a space, and [tf-pending-<kind>-<12 hex digits>].
var markerPattern = regexp.MustCompile(`^(.*) \[` + markerPrefix + `([rft])-([0-9a-f]{12})\]$`)

// creation is one attempt to create an object titled title.
type creation struct {
	kind  creationKind
	title string // as the caller asked for it
	token string // "tf-pending-r-0123456789ab"
}

func newCreation(kind creationKind, title string) creation {
	b := make([]byte, 6)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	return creation{kind: kind, title: title, token: markerPrefix + string(kind) + "-" + hex.EncodeToString(b)}
}

// markedTitle is the title the object carries until it is renamed: the sanitised title, shortened so
// the whole fits the portal's limit, then " [token]". It contains none of the characters the portal
// rewrites, so the portal stores it unchanged.
func (cr creation) markedTitle() string {
	return markedBase(cr.title, len(cr.token)) + " [" + cr.token + "]"
}

// markedBase is the part of title that fits before a marker of tokenLen characters.
func markedBase(title string, tokenLen int) string {
	units := utf16.Encode([]rune(SanitizeTitle(title)))
	if room := MaxTitleLength - tokenLen - 3; len(units) > room {
		units = units[:room]
	}
	return string(utf16.Decode(units))
}

// owns reports whether r is the object this creation made: it carries the creation's token, which
// nobody else has, and is of the right kind.
func (cr creation) owns(r *Room) bool {
	return r != nil && r.ID > 0 && strings.Contains(r.Title, cr.token) && r.IsTemplate() == (cr.kind == creationTemplate)
}

// sameAs reports whether the marked title t belongs to a creation of the same kind and title as cr,
// made by someone else.
func (cr creation) sameAs(t string) bool {
	m := markerPattern.FindStringSubmatch(t)
	if m == nil || creationKind(m[2][0]) != cr.kind {
		return false
	}
	return m[1] == markedBase(cr.title, len(cr.token)) && markerPrefix+m[2]+"-"+m[3] != cr.token
}

// AbandonedError is an object left carrying its creation marker by a creation that never finished: its
// process was killed, or lost its connection for good. Creating the same object again would duplicate it.
type AbandonedError struct {
	ID    int64
	Title string // the marked title it carries
	Noun  string // "room" or "room template"
}

func (e *AbandonedError) Error() string {
	return fmt.Sprintf("%s %d (%q) was left behind by an earlier creation of the same title that never finished", e.Noun, e.ID, e.Title)
}

// IncompleteCreateError is a creation whose object exists, with id ID, although the creation did not
// finish: it was interrupted, timed out, or could not rename the object. The caller must record ID.
type IncompleteCreateError struct {
	ID  int64
	Err error
}

func (e *IncompleteCreateError) Error() string {
	return fmt.Sprintf("%v (the new object %d exists)", e.Err, e.ID)
}

func (e *IncompleteCreateError) Unwrap() error { return e.Err }

// CreatedID returns the id of the object an incomplete creation left, or 0.
func CreatedID(err error) int64 {
	var e *IncompleteCreateError
	if errors.As(err, &e) {
		return e.ID
	}
	return 0
}

// abandonGrace is how long an object carrying another creation's marker is watched before it is called
// abandoned: a live creator renames its object within a poll interval and a few requests of seeing it
// finished. lookTimeout bounds the search for an object whose creation answer was lost, while the portal
// may still be working on the request. Both are counted in the longest poll interval.
func (c *Client) abandonGrace() time.Duration { return 10 * c.pollBackoff.Max }
func (c *Client) lookTimeout() time.Duration  { return 5 * c.pollBackoff.Max }

// markerScan lists, once per client and search area, the objects that carry a creation marker. Objects
// abandoned by an earlier process exist before this one starts, so one listing serves every creation;
// a job creation has it made again when a job it did not start may have made such an object since
// (forgetMarkers), and adds what such a job made (noteMarked).
type markerScan struct {
	mu     sync.Mutex
	done   bool
	marked []Room
}

func (c *Client) scanOf(area SearchArea) *markerScan {
	c.scansMu.Lock()
	defer c.scansMu.Unlock()
	s := c.scans[area]
	if s == nil {
		s = &markerScan{}
		c.scans[area] = s
	}
	return s
}

// markedObjects lists the marked objects in area: those the text search finds, and those among the
// newest objects, which a portal with full-text search may not have indexed yet (api-notes.md §5, §28).
func (c *Client) markedObjects(ctx context.Context, area SearchArea) ([]Room, error) {
	s := c.scanOf(area)
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.done {
		rooms, err := c.ListRooms(ctx, ListRoomsOptions{SearchArea: area, FilterValue: markerPrefix})
		if err != nil {
			return nil, fmt.Errorf("looking for unfinished creations: %w", err)
		}
		newest, err := c.newestRooms(ctx, area)
		if err != nil {
			return nil, fmt.Errorf("looking for unfinished creations: %w", err)
		}
		for _, r := range newest {
			if markerPattern.MatchString(r.Title) && !slices.ContainsFunc(rooms, func(l Room) bool { return l.ID == r.ID }) {
				rooms = append(rooms, r)
			}
		}
		s.marked, s.done = rooms, true
	}
	return s.marked, nil
}

// forgetMarkers makes the next creation in area list the marked objects again.
func (c *Client) forgetMarkers(area SearchArea) {
	s := c.scanOf(area)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.done = false
}

// noteMarked adds r, which carries a creation marker, to the marked objects of area.
func (c *Client) noteMarked(ctx context.Context, area SearchArea, r Room) error {
	if _, err := c.markedObjects(ctx, area); err != nil {
		return err
	}
	s := c.scanOf(area)
	s.mu.Lock()
	defer s.mu.Unlock()
	if !slices.ContainsFunc(s.marked, func(l Room) bool { return l.ID == r.ID }) {
		s.marked = append(s.marked, r)
	}
	return nil
}

// checkAbandoned fails with an *AbandonedError when an object of cr's kind and title still carries
// another creation's marker after the grace period. Every such object is waited for: a live creator
// renames its object as soon as it is complete, and creation goes on once all of them are renamed or
// gone. Job creations call it while the job slot is idle, so no job of that kind is still building such
// an object.
func (c *Client) checkAbandoned(ctx context.Context, cr creation) error {
	marked, err := c.markedObjects(ctx, cr.kind.searchArea())
	if err != nil {
		return err
	}
	var pending []Room
	for i := range marked {
		if cr.sameAs(marked[i].Title) {
			pending = append(pending, marked[i])
		}
	}
	if len(pending) == 0 {
		return nil
	}
	left, err := c.renamedWithin(ctx, pending)
	if err != nil || len(left) == 0 {
		return err
	}
	return &AbandonedError{ID: left[0].ID, Title: left[0].Title, Noun: cr.kind.noun()}
}

// renamedWithin watches the objects for the grace period and returns those that still carry the title
// they were listed with when it ends; it returns early once every one is renamed or gone.
func (c *Client) renamedWithin(ctx context.Context, objects []Room) ([]Room, error) {
	graceCtx, cancel := context.WithTimeout(ctx, c.abandonGrace())
	defer cancel()
	left := objects
	_, err := poll.Until(graceCtx, c.pollBackoff, false, func(ctx context.Context) (struct{}, bool, error) {
		var still []Room
		for _, o := range left {
			r, err := c.GetRoom(ctx, o.ID)
			switch {
			case IsNotFound(err) || (err == nil && r.Title != o.Title):
			case err != nil:
				return struct{}{}, false, err
			default:
				still = append(still, o)
			}
		}
		left = still
		return struct{}{}, len(left) == 0, nil
	})
	if err != nil && ctx.Err() == nil && graceCtx.Err() != nil {
		return left, nil // still marked when the grace ended
	}
	return left, err
}

// findCreated looks up the object cr made, by its marker; nil when there is none. The text search may
// not know an object made moments ago (a portal with full-text search indexes it in the background), so
// when it finds nothing, the newest objects are looked at as well (api-notes.md §20 step 5).
func (c *Client) findCreated(ctx context.Context, cr creation) (*Room, error) {
	rooms, err := c.ListRooms(ctx, ListRoomsOptions{SearchArea: cr.kind.searchArea(), FilterValue: cr.token})
	if err != nil {
		return nil, err
	}
	for i := range rooms {
		if cr.owns(&rooms[i]) {
			return &rooms[i], nil
		}
	}
	if rooms, err = c.newestRooms(ctx, cr.kind.searchArea()); err != nil {
		return nil, err
	}
	for i := range rooms {
		if cr.owns(&rooms[i]) {
			return &rooms[i], nil
		}
	}
	return nil, nil
}

// lookAfterLostAnswer searches, for a few poll intervals, for the object of a creation whose answer was
// lost: the portal may still be working on the request. It keeps looking when the caller's context has
// ended, within the cleanup budget, because an interrupt is exactly when an answer gets lost; but not
// once the caller is gone for good (caller.go): then nobody would record what it finds.
func (c *Client) lookAfterLostAnswer(ctx context.Context, cr creation) (*Room, error) {
	if CallerGone(ctx) {
		return nil, ErrCallerGone // the object, if any, keeps its marker
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.lookTimeout())
	defer cancel()
	found, err := poll.Until(ctx, c.pollBackoff, true, func(ctx context.Context) (*Room, bool, error) {
		if CallerGone(ctx) {
			return nil, false, ErrCallerGone
		}
		r, err := c.findCreated(ctx, cr)
		return r, r != nil, err
	})
	if found == nil && ctx.Err() != nil {
		return nil, nil
	}
	return found, err
}

// finishCreation gives the object id, verifiably made by cr, its real title (with whatever else
// finish carries) and returns it. Until then the object is not complete: every failure returns an
// *IncompleteCreateError carrying its id. When the caller is gone for good (caller.go), nobody would
// record the object: it keeps its marker, so that the next run recognises it instead of meeting an
// orphan that looks like any other object.
func (c *Client) finishCreation(ctx context.Context, cr creation, id int64, finish UpdateRoomRequest) (*Room, error) {
	if CallerGone(ctx) {
		return nil, &IncompleteCreateError{ID: id, Err: fmt.Errorf("the new %s was left as %q: %w", cr.kind.noun(), cr.markedTitle(), ErrCallerGone)}
	}
	if err := ctx.Err(); err != nil {
		return nil, &IncompleteCreateError{ID: id, Err: fmt.Errorf("interrupted before the new %s was renamed from %q: %w", cr.kind.noun(), cr.markedTitle(), err)}
	}
	finish.Title = &cr.title
	r, err := c.UpdateRoom(ctx, id, finish)
	if err != nil {
		return nil, &IncompleteCreateError{ID: id, Err: fmt.Errorf("renaming the new %s from %q: %w", cr.kind.noun(), cr.markedTitle(), err)}
	}
	return r, nil
}
