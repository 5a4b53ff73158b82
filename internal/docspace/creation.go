package docspace

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/docspace-community/terraform-provider-docspace/internal/poll"
)

// Creations are not idempotent, and the portal lets many objects share a title (rooms, templates,
// groups), so a creation whose answer is lost, or which the portal ran as a background job, cannot be
// told from another client's by its title. Every creation therefore carries a marker: the object is
// created under its title plus a random token, found by that token whenever the outcome is unclear, and
// renamed to its real title once it is verifiably this creation's object. An object that still carries a marker after its creator
// should have renamed it was abandoned by a process that was killed or cut off; the next creation of
// the same title stops and names it instead of making a second one. The API facts this rests on are in
// api-notes.md §28 (rooms and templates) and §31 (groups); what users see is in
// docs/guides/template-jobs.md.
//
// The protocol is the same for every kind of object; what differs is described by an objectKind, kept
// with the kind's other calls (rooms.go, groups.go, folders.go, webhooks.go). A creating call of a new kind:
//  1. newCreation, then checkAbandoned;
//  2. the creating request, with the title cr.markedTitle(), never repeated (refused tells a refusal,
//     which created nothing, from an unknown outcome);
//  3. createdID, which takes the answer when it carries the marker and otherwise, unless the portal
//     refused the request, looks for the object by its marker (lookAfterLostAnswer);
//  4. finishCreation, whose rename gives the object its real title.
// Job creations (jobs.go) run steps 1, 2 and 4 the same way and watch the job for step 3.

// creationKind tells the ways an object is created apart; each kind only ever meets its own markers.
type creationKind byte

const (
	creationRoom             creationKind = 'r' // POST files/rooms
	creationRoomFromTemplate creationKind = 'f' // the room-from-template job
	creationTemplate         creationKind = 't' // the template job
	creationGroup            creationKind = 'g' // POST group
	creationFolder           creationKind = 'd' // POST files/folder/{parentId}
	creationFile             creationKind = 'u' // an upload into files/{folderId} (files.go)
	creationWebhook          creationKind = 'w' // POST settings/webhook
)

// objectKind is what the creation protocol needs to know of the objects one creationKind makes.
type objectKind struct {
	noun string // "room", "group": in messages
	// maxTitle is the longest title the portal keeps, in UTF-16 code units; stored returns the title
	// the portal keeps for a title sent, within maxTitle.
	maxTitle int
	stored   func(title string) string
	// keepsExtension is set for kinds whose title ends in an extension the portal keeps apart (files):
	// the marker goes before the extension, so the object keeps its type while it carries the marker.
	keepsExtension bool
	// scope names the listing that shows objects of this kind: kinds with one scope share a marker scan,
	// one per container (creation.in).
	scope string
	// list returns the objects of this kind in the container in ("" for kinds without one) whose title
	// contains text, case-insensitively.
	list func(ctx context.Context, c *Client, in, text string) ([]object, error)
	// get reads one object of this kind; a missing one is a 404.
	get func(ctx context.Context, c *Client, id string) (*object, error)
	// newest, when the kind's text search may lag behind the portal (a full-text index), returns the
	// newest objects of this kind without a text filter (api-notes.md §5, §28).
	newest func(ctx context.Context, c *Client, in string) ([]object, error)
}

// objectKinds describes each creationKind.
var objectKinds = map[creationKind]*objectKind{
	creationRoom:             &roomObjects,
	creationRoomFromTemplate: &roomObjects,
	creationTemplate:         &templateObjects,
	creationGroup:            &groupObjects,
	creationFolder:           &folderObjects,
	creationFile:             &fileObjects,
	creationWebhook:          &webhookObjects,
}

func (k creationKind) objects() *objectKind { return objectKinds[k] }

func (k creationKind) noun() string { return k.objects().noun }

// object is an object of any kind as the creation protocol sees it.
type object struct {
	ID    string // as the portal writes it: a room's number, a group's GUID
	Title string // for a group, its name
}

// numberedObject is an object of a kind with numeric ids (rooms, folders, files, webhooks); an id of 0,
// an answer without one, is none there either.
func numberedObject(id int64, title string) *object {
	o := &object{Title: title}
	if id > 0 {
		o.ID = strconv.FormatInt(id, 10)
	}
	return o
}

const markerPrefix = "tf-pending-"

// markerPattern matches a marked title: the base, a space, and [tf-pending-<kind>-<12 hex digits>], then,
// for kinds that keep an extension, the extension.
var markerPattern = regexp.MustCompile(`^(.*) \[` + markerPrefix + `([a-z])-([0-9a-f]{12})\]((?:\.[^.]*)?)$`)

// creation is one attempt to create an object titled title.
type creation struct {
	kind  creationKind
	in    string // the container the object is made in (a folder's parent), "" for kinds without one
	title string // as the caller asked for it
	token string // "tf-pending-r-0123456789ab"
}

func newCreation(kind creationKind, title string) creation {
	return newCreationIn(kind, "", title)
}

// newCreationIn is a creation of an object of a kind that lives in a container, such as a folder in its
// parent: its markers are looked for in that container only.
func newCreationIn(kind creationKind, in, title string) creation {
	b := make([]byte, 6)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	return creation{kind: kind, in: in, title: title, token: markerPrefix + string(kind) + "-" + hex.EncodeToString(b)}
}

// markedTitle is the title the object carries until it is renamed: the title as the portal stores it
// (sanitised, for rooms), shortened so the whole fits the portal's limit, then " [token]". It contains
// none of the characters the portal rewrites, so the portal stores it unchanged.
func (cr creation) markedTitle() string {
	return cr.markedBase() + " [" + cr.token + "]" + cr.markedExt()
}

// markedBase is the part of the title that fits before the marker.
func (cr creation) markedBase() string {
	k := cr.kind.objects()
	ext := cr.markedExt()
	units := utf16.Encode([]rune(strings.TrimSuffix(k.stored(cr.title), ext)))
	if room := k.maxTitle - len(cr.token) - 3 - len(utf16.Encode([]rune(ext))); len(units) > room {
		units = units[:max(room, 0)]
	}
	return string(utf16.Decode(units))
}

// markedExt is the extension that follows the marker: the stored title's, for kinds that keep one.
func (cr creation) markedExt() string {
	k := cr.kind.objects()
	if !k.keepsExtension {
		return ""
	}
	return FileExtension(k.stored(cr.title))
}

// owns reports whether o is the object this creation made: it carries the creation's token, which
// nobody else has. Each kind's list and get return objects of that kind only.
func (cr creation) owns(o *object) bool {
	return o != nil && o.ID != "" && strings.Contains(o.Title, cr.token)
}

// sameAs reports whether the marked title t belongs to a creation of the same kind and title as cr,
// made by someone else.
func (cr creation) sameAs(t string) bool {
	m := markerPattern.FindStringSubmatch(t)
	if m == nil || creationKind(m[2][0]) != cr.kind {
		return false
	}
	return m[1] == cr.markedBase() && m[4] == cr.markedExt() && markerPrefix+m[2]+"-"+m[3] != cr.token
}

// AbandonedError is an object left carrying its creation marker by a creation that never finished: its
// process was killed, or lost its connection for good. Creating the same object again would duplicate it.
type AbandonedError struct {
	ID    string // as the portal writes it
	Title string // the marked title it carries
	Noun  string // "room", "room template", "group"
}

func (e *AbandonedError) Error() string {
	return fmt.Sprintf("%s %s (%q) was left behind by an earlier creation of the same title that never finished", e.Noun, e.ID, e.Title)
}

// IncompleteCreateError is a creation whose object exists, with id ID, although the creation did not
// finish: it was interrupted, timed out, or could not rename the object. The caller must record ID.
type IncompleteCreateError struct {
	ID  string // as the portal writes it
	Err error
}

func (e *IncompleteCreateError) Error() string {
	return fmt.Sprintf("%v (the new object %s exists)", e.Err, e.ID)
}

func (e *IncompleteCreateError) Unwrap() error { return e.Err }

// CreatedID returns the id of the object an incomplete creation left, or "".
func CreatedID(err error) string {
	var e *IncompleteCreateError
	if errors.As(err, &e) {
		return e.ID
	}
	return ""
}

// abandonGrace is how long an object carrying another creation's marker is watched before it is called
// abandoned: a live creator renames its object within a poll interval and a few requests of seeing it
// finished. lookTimeout bounds the search for an object whose creation answer was lost, while the portal
// may still be working on the request. Both are counted in the longest poll interval.
func (c *Client) abandonGrace() time.Duration { return 10 * c.pollBackoff.Max }
func (c *Client) lookTimeout() time.Duration  { return 5 * c.pollBackoff.Max }

// markerScan lists, once per client and kind scope, the objects that carry a creation marker. Objects
// abandoned by an earlier process exist before this one starts, so one listing serves every creation;
// a job creation has it made again when a job it did not start may have made such an object since
// (forgetMarkers), and adds what such a job made (noteMarked).
type markerScan struct {
	mu     sync.Mutex
	done   bool
	marked []object
}

func (c *Client) scanOf(cr creation) *markerScan {
	c.scansMu.Lock()
	defer c.scansMu.Unlock()
	key := cr.kind.objects().scope + "\x00" + cr.in
	s := c.scans[key]
	if s == nil {
		s = &markerScan{}
		c.scans[key] = s
	}
	return s
}

// markedObjects lists the marked objects of cr's kind in its container: those the text search finds, and those among the
// newest objects, which a portal with full-text search may not have indexed yet (api-notes.md §5, §28).
func (c *Client) markedObjects(ctx context.Context, cr creation) ([]object, error) {
	s := c.scanOf(cr)
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.done {
		objects, err := cr.kind.objects().list(ctx, c, cr.in, markerPrefix)
		if err != nil {
			return nil, fmt.Errorf("looking for unfinished creations: %w", err)
		}
		newest, err := c.newestObjects(ctx, cr)
		if err != nil {
			return nil, fmt.Errorf("looking for unfinished creations: %w", err)
		}
		for _, o := range newest {
			if markerPattern.MatchString(o.Title) && !slices.ContainsFunc(objects, func(l object) bool { return l.ID == o.ID }) {
				objects = append(objects, o)
			}
		}
		s.marked, s.done = objects, true
	}
	return s.marked, nil
}

// newestObjects returns the newest objects of cr's kind in its container, or none when the kind's text
// search does not lag.
func (c *Client) newestObjects(ctx context.Context, cr creation) ([]object, error) {
	if cr.kind.objects().newest == nil {
		return nil, nil
	}
	return cr.kind.objects().newest(ctx, c, cr.in)
}

// forgetMarkers makes the next creation of cr's kind in its container list the marked objects again.
func (c *Client) forgetMarkers(cr creation) {
	s := c.scanOf(cr)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.done = false
}

// noteListing gives the marker scan of cr's kind and container, when it has not run yet, the objects of
// a complete listing of that kind the caller has just read, so that the scan needs no listing of its
// own. Only kinds whose listing never lags (without newest) may be given one.
func (c *Client) noteListing(cr creation, all []object) {
	if cr.kind.objects().newest != nil {
		return
	}
	s := c.scanOf(cr)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return
	}
	var marked []object
	for _, o := range all {
		if strings.Contains(strings.ToLower(o.Title), markerPrefix) {
			marked = append(marked, o)
		}
	}
	s.marked, s.done = marked, true
}

// noteMarked adds o, which carries a creation marker, to the marked objects of cr's kind.
func (c *Client) noteMarked(ctx context.Context, cr creation, o object) error {
	if _, err := c.markedObjects(ctx, cr); err != nil {
		return err
	}
	s := c.scanOf(cr)
	s.mu.Lock()
	defer s.mu.Unlock()
	if !slices.ContainsFunc(s.marked, func(l object) bool { return l.ID == o.ID }) {
		s.marked = append(s.marked, o)
	}
	return nil
}

// checkAbandoned fails with an *AbandonedError when an object of cr's kind and title still carries
// another creation's marker after the grace period. Every such object is waited for: a live creator
// renames its object as soon as it is complete, and creation goes on once all of them are renamed or
// gone. Job creations call it while the job slot is idle, so no job of that kind is still building such
// an object.
func (c *Client) checkAbandoned(ctx context.Context, cr creation) error {
	marked, err := c.markedObjects(ctx, cr)
	if err != nil {
		return err
	}
	var pending []object
	for i := range marked {
		if cr.sameAs(marked[i].Title) {
			pending = append(pending, marked[i])
		}
	}
	if len(pending) == 0 {
		return nil
	}
	left, err := c.renamedWithin(ctx, cr.kind, pending)
	if err != nil || len(left) == 0 {
		return err
	}
	return &AbandonedError{ID: left[0].ID, Title: left[0].Title, Noun: cr.kind.noun()}
}

// renamedWithin watches the objects of kind for the grace period and returns those that still carry the
// title they were listed with when it ends; it returns early once every one is renamed or gone.
func (c *Client) renamedWithin(ctx context.Context, kind creationKind, objects []object) ([]object, error) {
	graceCtx, cancel := context.WithTimeout(ctx, c.abandonGrace())
	defer cancel()
	left := objects
	_, err := poll.Until(graceCtx, c.pollBackoff, false, func(ctx context.Context) (struct{}, bool, error) {
		var still []object
		for _, o := range left {
			now, err := kind.objects().get(ctx, c, o.ID)
			switch {
			case IsNotFound(err) || (err == nil && now.Title != o.Title):
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
func (c *Client) findCreated(ctx context.Context, cr creation) (*object, error) {
	objects, err := cr.kind.objects().list(ctx, c, cr.in, cr.token)
	if err != nil {
		return nil, err
	}
	for i := range objects {
		if cr.owns(&objects[i]) {
			return &objects[i], nil
		}
	}
	if objects, err = c.newestObjects(ctx, cr); err != nil {
		return nil, err
	}
	for i := range objects {
		if cr.owns(&objects[i]) {
			return &objects[i], nil
		}
	}
	return nil, nil
}

// lookAfterLostAnswer searches, for a few poll intervals, for the object of a creation whose answer was
// lost: the portal may still be working on the request. It keeps looking when the caller's context has
// ended, within the cleanup budget, because an interrupt is exactly when an answer gets lost; but not
// once the caller is gone for good (caller.go): then nobody would record what it finds.
func (c *Client) lookAfterLostAnswer(ctx context.Context, cr creation) (*object, error) {
	if CallerGone(ctx) {
		return nil, ErrCallerGone // the object, if any, keeps its marker
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.lookTimeout())
	defer cancel()
	found, err := poll.Until(ctx, c.pollBackoff, true, func(ctx context.Context) (*object, bool, error) {
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

// createdID settles the outcome of a creating request (step 3 above) and returns the new object's id.
// answer is the object the request's answer describes and err its error. An answer that does not carry
// cr's marker describes no object of this creation. A refusal created nothing; any other failure leaves
// the outcome unknown, and the object is looked for by its marker before anything is reported.
func (c *Client) createdID(ctx context.Context, cr creation, request string, answer *object, err error) (string, error) {
	if err == nil && !cr.owns(answer) {
		err = fmt.Errorf("%s: the answer describes another object (id %q, title %q): %w", request, answer.ID, answer.Title, ErrMissingObject)
	}
	if err == nil {
		return answer.ID, nil
	}
	if refused(err) {
		return "", err
	}
	found, lookErr := c.lookAfterLostAnswer(ctx, cr)
	switch {
	case found != nil:
		return found.ID, nil
	case lookErr != nil:
		return "", fmt.Errorf("%w; looking for the %s afterwards failed too: %w", err, cr.kind.noun(), lookErr)
	}
	return "", fmt.Errorf("%w; no %s carrying this creation's marker %q appeared, so the portal created nothing", err, cr.kind.noun(), cr.token)
}

// finishCreation gives the object id, verifiably made by cr, its real title with rename (which may
// change more at the same time) and returns what rename returns: the whole object. Until then the object
// is not complete: every failure returns an *IncompleteCreateError carrying its id. When the caller is
// gone for good (caller.go), nobody would record the object: it keeps its marker, so that the next run
// recognises it instead of meeting an orphan that looks like any other object.
func finishCreation[T any](ctx context.Context, cr creation, id string, rename func(ctx context.Context, title string) (T, error)) (T, error) {
	var none T
	if CallerGone(ctx) {
		return none, &IncompleteCreateError{ID: id, Err: fmt.Errorf("the new %s was left as %q: %w", cr.kind.noun(), cr.markedTitle(), ErrCallerGone)}
	}
	if err := ctx.Err(); err != nil {
		return none, &IncompleteCreateError{ID: id, Err: fmt.Errorf("interrupted before the new %s was renamed from %q: %w", cr.kind.noun(), cr.markedTitle(), err)}
	}
	obj, err := rename(ctx, cr.title)
	if err != nil {
		return none, &IncompleteCreateError{ID: id, Err: fmt.Errorf("renaming the new %s from %q: %w", cr.kind.noun(), cr.markedTitle(), err)}
	}
	return obj, nil
}

// viewAll turns a typed listing into what the creation protocol sees, for an objectKind's list: view
// gives each item's object.
func viewAll[T any](view func(*T) *object) func([]T, error) ([]object, error) {
	return func(items []T, err error) ([]object, error) {
		if err != nil {
			return nil, err
		}
		objects := make([]object, len(items))
		for i := range items {
			objects[i] = *view(&items[i])
		}
		return objects, nil
	}
}

// viewOne turns a typed read into what the creation protocol sees, for an objectKind's get.
func viewOne[T any](view func(*T) *object) func(*T, error) (*object, error) {
	return func(item *T, err error) (*object, error) {
		if err != nil {
			return nil, err
		}
		return view(item), nil
	}
}
