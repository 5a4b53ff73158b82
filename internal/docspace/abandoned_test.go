package docspace_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
	"github.com/docspace-community/terraform-provider-docspace/internal/poll"
)

// These tests play a process that was killed mid-creation, or one that is still alive and about to
// finish its creation, against the client, with the fake portal's controls. The client polls every
// 10 to 50 ms, so the grace for a marked object to be renamed is 500 ms.

const grace = 500 * time.Millisecond

// raw makes one request as a process of its own would, and returns the response of the envelope.
func raw(t testing.TB, host, method, path, body string) map[string]any {
	t.Helper()
	req, _ := http.NewRequest(method, host+"/api/2.0/"+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var env struct{ Response map[string]any }
	_ = json.NewDecoder(resp.Body).Decode(&env)
	return env.Response
}

// marked is title under a creation marker of kind ('r', 'f' or 't') that nobody else has.
func marked(kind byte, title string) string {
	return fmt.Sprintf("%s [tf-pending-%c-%012x]", title, kind, rand.Int64N(1<<48))
}

// crashedJob starts a job for title under its marker, as a process leaves it when it is killed right
// after the start: the job runs on, and nobody renames what it makes. It returns the marked title.
func crashedJob(t testing.TB, host string, kind docspace.JobKind, parent int64, title string) string {
	t.Helper()
	if kind == docspace.JobTemplate {
		m := marked('t', title)
		raw(t, host, "POST", "files/roomtemplate", fmt.Sprintf(`{"roomId":%d,"title":%q}`, parent, m))
		return m
	}
	m := marked('f', title)
	raw(t, host, "POST", "files/rooms/fromtemplate", fmt.Sprintf(`{"templateId":%d,"title":%q}`, parent, m))
	return m
}

// rename gives the object id a new title, as its live creator does once the object is complete.
func rename(t testing.TB, host string, id int64, title string) {
	t.Helper()
	raw(t, host, "PUT", fmt.Sprintf("files/rooms/%d", id), fmt.Sprintf(`{"title":%q}`, title))
}

// titled returns the ids of the objects (templates or rooms) titled title, marked or not.
func titled(portal *fakeportal.Portal, templates bool, title string) map[int64]string {
	out := map[int64]string{}
	for id, got := range portal.RoomTitles(templates) {
		if got == title || strings.HasPrefix(got, title+" [tf-pending-") {
			out[id] = got
		}
	}
	return out
}

// nextRun returns a client of the portal c calls, as the next terraform run (another process) has.
func nextRun(t testing.TB, c *docspace.Client) *docspace.Client {
	t.Helper()
	next, err := docspace.New(docspace.Config{Host: c.Host(), APIKey: key, MaxRetries: 3,
		PollBackoff: poll.Backoff{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond, Factor: 1.5}})
	if err != nil {
		t.Fatal(err)
	}
	docspace.ActAsAnotherProcess(next)
	return next
}

// idOfTitle returns the id of the object (template or room) titled exactly title, or 0.
func idOfTitle(portal *fakeportal.Portal, templates bool, title string) int64 {
	for id, got := range portal.RoomTitles(templates) {
		if got == title {
			return id
		}
	}
	return 0
}

// create runs the creation of kind for title from parent.
func create(ctx context.Context, c *docspace.Client, kind docspace.JobKind, parent int64, title string) (*docspace.Room, error) {
	if kind == docspace.JobTemplate {
		return c.CreateTemplate(ctx, docspace.CreateTemplateRequest{RoomID: parent, Title: title})
	}
	return c.CreateRoomFromTemplate(ctx, docspace.CreateRoomFromTemplateRequest{RoomSettings: docspace.RoomSettings{Title: title}, TemplateID: parent})
}

var jobKinds = []docspace.JobKind{docspace.JobTemplate, docspace.JobRoomFromTemplate}

// expectAbandoned checks that err names the object carrying want, and that the portal holds that one
// object of the title and no other.
func expectAbandoned(t *testing.T, portal *fakeportal.Portal, templates bool, title, want string, err error) {
	t.Helper()
	var abandoned *docspace.AbandonedError
	if !errors.As(err, &abandoned) || abandoned.Title != want {
		t.Fatalf("got %v, want the unfinished creation %q named", err, want)
	}
	id, err := strconv.ParseInt(abandoned.ID, 10, 64)
	if err != nil {
		t.Fatalf("the abandoned object's id %q: %v", abandoned.ID, err)
	}
	if objs := titled(portal, templates, title); len(objs) != 1 || objs[id] != want {
		t.Fatalf("the portal holds %v titled %q, want only %d %q", objs, title, id, want)
	}
}

// TestCrashedJobStillRunningIsWaitedOut: a process was killed right after starting its job, before the
// job made anything. The next creation of that title waits for the job, finds what it made and stops.
func TestCrashedJobStillRunningIsWaitedOut(t *testing.T) {
	t.Parallel()
	for _, kind := range jobKinds {
		t.Run(kind.String(), func(t *testing.T) {
			t.Parallel()
			portal, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond})
			roomID, tplID := sourceAndTemplate(t, c)
			parent := map[docspace.JobKind]int64{docspace.JobTemplate: roomID, docspace.JobRoomFromTemplate: tplID}[kind]
			portal.SetJobDuration(400 * time.Millisecond)
			left := crashedJob(t, c.Host(), kind, parent, "twice")
			if n := len(titled(portal, kind == docspace.JobTemplate, "twice")); n != 0 {
				t.Fatalf("the job made its object at once; the test needs it still to come")
			}
			_, err := create(t.Context(), c, kind, parent, "twice")
			expectAbandoned(t, portal, kind == docspace.JobTemplate, "twice", left, err)
		})
	}
}

// TestCrashedJobMissedByAnEarlierListing: the client listed the marked objects (for a room it created
// directly) while a killed process's room-from-template job was still running, before that job made its
// room. The later creation of the same title must not trust that listing, whether the job still runs,
// has ended, or has ended so long ago that the slot has forgotten it.
func TestCrashedJobMissedByAnEarlierListing(t *testing.T) {
	t.Parallel()
	for _, when := range []string{"running", "ended", "forgotten"} {
		t.Run(when, func(t *testing.T) {
			t.Parallel()
			opts := fakeportal.Options{JobDuration: 40 * time.Millisecond}
			if when == "forgotten" {
				opts.JobRetention = time.Millisecond
			}
			portal, c := newPortal(t, opts)
			_, tpl := sourceAndTemplate(t, c) // lists the marked rooms, once for the client
			portal.SetJobDuration(300 * time.Millisecond)
			left := crashedJob(t, c.Host(), docspace.JobRoomFromTemplate, tpl, "copy")
			if _, err := c.CreateRoom(t.Context(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: "unrelated"}, RoomType: docspace.RoomTypeCustom}); err != nil {
				t.Fatal(err)
			}
			if when != "running" {
				time.Sleep(400 * time.Millisecond)
				if st := raw(t, c.Host(), "GET", "files/rooms/fromtemplate/status", ""); (st == nil) != (when == "forgotten") {
					t.Fatalf("the slot holds %v; the test needs it %s", st, when)
				}
			}
			_, err := create(t.Context(), c, docspace.JobRoomFromTemplate, tpl, "copy")
			expectAbandoned(t, portal, false, "copy", left, err)
		})
	}
}

// TestCrashedJobRightAfterOurs: a killed process's job took the slot just after one of the client's own
// jobs ended. Whether the client sees it running, or starts its own job into it (the slot then runs the
// crashed job instead of ours), the next creation of that title finds the crashed job's object.
func TestCrashedJobRightAfterOurs(t *testing.T) {
	t.Parallel()
	for _, look := range []string{"slot just freed", "slot looked at"} {
		t.Run(look, func(t *testing.T) {
			t.Parallel()
			portal, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond})
			_, tpl := sourceAndTemplate(t, c)
			if _, err := create(t.Context(), c, docspace.JobRoomFromTemplate, tpl, "first"); err != nil {
				t.Fatal(err)
			}
			if look == "slot looked at" {
				time.Sleep(1100 * time.Millisecond) // past the time the client trusts a slot it saw free
			}
			portal.SetJobDuration(300 * time.Millisecond)
			left := crashedJob(t, c.Host(), docspace.JobRoomFromTemplate, tpl, "copy")
			_, err := create(t.Context(), c, docspace.JobRoomFromTemplate, tpl, "copy")
			expectAbandoned(t, portal, false, "copy", left, err)
		})
	}
}

// TestLiveCreatorIsWaitedFor: another process is finishing a creation of the same title; its object
// still carries the marker. The client waits until it is renamed, then creates its own.
func TestLiveCreatorIsWaitedFor(t *testing.T) {
	t.Parallel()
	for _, kind := range append([]docspace.JobKind{0}, jobKinds...) {
		name := map[docspace.JobKind]string{0: "room"}[kind]
		if kind != 0 {
			name = kind.String()
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			portal, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond})
			roomID, tplID := sourceAndTemplate(t, c)
			templates := kind == docspace.JobTemplate
			var other int64
			switch kind {
			case 0:
				other = portal.AddRoom(marked('r', "shared"), 5, nil, false)
			case docspace.JobTemplate:
				other = portal.AddTemplate(marked('t', "shared"), 5, nil, false)
			default:
				other = portal.AddRoom(marked('f', "shared"), 5, nil, false)
			}
			c = nextRun(t, c) // the other creator's object was there before this run began
			var renamed atomic.Bool
			go func() {
				time.Sleep(200 * time.Millisecond)
				rename(t, c.Host(), other, "shared")
				renamed.Store(true)
			}()
			var r *docspace.Room
			var err error
			if kind == 0 {
				r, err = c.CreateRoom(t.Context(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: "shared"}, RoomType: docspace.RoomTypeCustom})
			} else {
				r, err = create(t.Context(), c, kind, map[docspace.JobKind]int64{docspace.JobTemplate: roomID, docspace.JobRoomFromTemplate: tplID}[kind], "shared")
			}
			if err != nil {
				t.Fatalf("got %v; want the creation to go on once the other creator renamed its object", err)
			}
			if !renamed.Load() {
				t.Fatal("the creation went on before the other creator renamed its object")
			}
			objs := titled(portal, templates, "shared")
			if len(objs) != 2 || objs[other] != "shared" || objs[r.ID] != "shared" {
				t.Fatalf("the portal holds %v; want the other creator's object and ours, both renamed", objs)
			}
		})
	}
}

// TestEveryMarkedObjectIsWaitedFor: two objects of the same title carry markers; one is renamed by its
// live creator, the other was abandoned. The creation must not go on when the first is renamed.
func TestEveryMarkedObjectIsWaitedFor(t *testing.T) {
	t.Parallel()
	portal, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond})
	roomID, _ := sourceAndTemplate(t, c)
	live := portal.AddTemplate(marked('t', "report"), 5, nil, false)
	abandoned := marked('t', "report")
	portal.AddTemplate(abandoned, 5, nil, false)
	c = nextRun(t, c)
	go func() {
		time.Sleep(100 * time.Millisecond)
		rename(t, c.Host(), live, "report")
	}()
	start := time.Now()
	_, err := create(t.Context(), c, docspace.JobTemplate, roomID, "report")
	var ab *docspace.AbandonedError
	if !errors.As(err, &ab) || ab.Title != abandoned {
		t.Fatalf("got %v, want the abandoned template %q named", err, abandoned)
	}
	if waited := time.Since(start); waited < grace {
		t.Fatalf("it gave up after %s, within the grace of %s", waited, grace)
	}
	if n := len(titled(portal, true, "report")); n != 2 {
		t.Fatalf("the portal holds %d templates titled report, want the two that were there", n)
	}
}

// TestAbandonedObjectIsNamedAfterTheGrace: a marked room that nobody renames is named once the grace
// has passed, and not much later.
func TestAbandonedObjectIsNamedAfterTheGrace(t *testing.T) {
	t.Parallel()
	portal, c := newPortal(t, fakeportal.Options{})
	left := marked('r', "lonely")
	portal.AddRoom(left, 5, nil, false)
	start := time.Now()
	_, err := c.CreateRoom(t.Context(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: "lonely"}, RoomType: docspace.RoomTypeCustom})
	waited := time.Since(start)
	expectAbandoned(t, portal, false, "lonely", left, err)
	if waited < grace || waited > 3*grace {
		t.Fatalf("named after %s; want after the grace of %s and soon after it", waited, grace)
	}
}

// TestMarkersFoundPastTheIndex: on a portal whose full-text index lags, a marked object made moments
// ago is not found by the text search. The marker scan looks at the newest objects as well.
func TestMarkersFoundPastTheIndex(t *testing.T) {
	t.Parallel()
	for _, kind := range append([]docspace.JobKind{0}, jobKinds...) {
		name := "room"
		if kind != 0 {
			name = kind.String()
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			portal, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond})
			roomID, tplID := sourceAndTemplate(t, c)
			portal.SetIndexLag(time.Hour)
			templates := kind == docspace.JobTemplate
			var left string
			var err error
			switch kind {
			case 0:
				// A process killed while its POST was answered: the room exists under its marker.
				left = marked('r', "fresh")
				raw(t, c.Host(), "POST", "files/rooms", fmt.Sprintf(`{"title":%q,"roomType":5}`, left))
				_, err = nextRun(t, c).CreateRoom(t.Context(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: "fresh"}, RoomType: docspace.RoomTypeCustom})
			default:
				parent := map[docspace.JobKind]int64{docspace.JobTemplate: roomID, docspace.JobRoomFromTemplate: tplID}[kind]
				left = crashedJob(t, c.Host(), kind, parent, "fresh")
				_, err = create(t.Context(), c, kind, parent, "fresh")
			}
			if found := raw(t, c.Host(), "GET", "files/rooms?searchArea=2&filterValue=tf-pending-", ""); found["total"] != float64(0) && !templates {
				t.Fatalf("the text search found %v; the test needs the index to lag", found["total"])
			}
			expectAbandoned(t, portal, templates, "fresh", left, err)
		})
	}
}

// TestLostAnswerFoundPastTheIndex: the answer to a creation is lost, or the job's status expires, on a
// portal whose index does not know the new object yet. The object is found among the newest objects
// and finished; nothing is created twice.
func TestLostAnswerFoundPastTheIndex(t *testing.T) {
	t.Parallel()
	t.Run("room", func(t *testing.T) {
		t.Parallel()
		portal, c := newPortal(t, fakeportal.Options{IndexLag: time.Hour})
		portal.InjectFault(fakeportal.Fault{Drop: true, AfterProcessing: true, Method: "POST", PathPrefix: "/api/2.0/files/rooms", Count: 1})
		r, err := c.CreateRoom(t.Context(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: "lost"}, RoomType: docspace.RoomTypeCustom})
		if err != nil || r.Title != "lost" {
			t.Fatalf("got %+v, %v; want the room found by its marker and finished", r, err)
		}
		if objs := titled(portal, false, "lost"); len(objs) != 1 {
			t.Fatalf("the portal holds %v", objs)
		}
	})
	t.Run("template", func(t *testing.T) {
		t.Parallel()
		portal, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond, JobRetention: time.Millisecond, IndexLag: time.Hour})
		roomID, _ := sourceAndTemplate(t, c)
		r, err := c.CreateTemplate(t.Context(), docspace.CreateTemplateRequest{RoomID: roomID, Title: "expired"})
		if err != nil || r.Title != "expired" {
			t.Fatalf("got %+v, %v; want the template found by its marker and finished", r, err)
		}
		if objs := titled(portal, true, "expired"); len(objs) != 1 {
			t.Fatalf("the portal holds %v", objs)
		}
	})
}

// TestNothingIsFinishedForAGoneCaller: once the caller is gone for good (the provider lost Terraform),
// the client finishes no creation: the object keeps its marker, by which the next run recognises it.
func TestNothingIsFinishedForAGoneCaller(t *testing.T) {
	t.Parallel()
	t.Run("interrupted job", func(t *testing.T) {
		t.Parallel()
		// Terraform is killed while the job runs: the call's context ends and the caller is gone. Unlike
		// after a Ctrl-C, the job is not watched on and its object is not finished.
		portal, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond})
		roomID, _ := sourceAndTemplate(t, c)
		portal.SetJobDuration(600 * time.Millisecond)
		ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
		defer cancel()
		ctx = docspace.WithCallerGone(ctx, func() bool { return ctx.Err() != nil })
		start := time.Now()
		_, err := create(ctx, c, docspace.JobTemplate, roomID, "orphan")
		if !errors.Is(err, docspace.ErrCallerGone) || time.Since(start) > 400*time.Millisecond {
			t.Fatalf("got %v after %s; want the creation given up at once for a gone caller", err, time.Since(start))
		}
		time.Sleep(600 * time.Millisecond) // the job ends meanwhile
		objs := titled(portal, true, "orphan")
		for _, title := range objs {
			if !strings.HasPrefix(title, "orphan [tf-pending-t-") || len(objs) != 1 {
				t.Fatalf("the portal holds %v; want the job's template under its marker", objs)
			}
		}
		if len(objs) != 1 {
			t.Fatalf("the portal holds %v; want the job's template under its marker", objs)
		}
	})
	t.Run("job ended", func(t *testing.T) {
		t.Parallel()
		portal, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond})
		_, tpl := sourceAndTemplate(t, c)
		var gone atomic.Bool
		gone.Store(true)
		ctx := docspace.WithCallerGone(t.Context(), gone.Load)
		_, err := create(ctx, c, docspace.JobRoomFromTemplate, tpl, "unrecorded")
		id, parseErr := strconv.ParseInt(docspace.CreatedID(err), 10, 64)
		if !errors.Is(err, docspace.ErrCallerGone) || parseErr != nil {
			t.Fatalf("got %v; want the new room's id with the reason it was not finished", err)
		}
		if got := portal.RoomTitles(false)[id]; !strings.HasPrefix(got, "unrecorded [tf-pending-f-") {
			t.Fatalf("room %d is titled %q; want it under its marker", id, got)
		}
	})
	t.Run("lost answer", func(t *testing.T) {
		t.Parallel()
		portal, c := newPortal(t, fakeportal.Options{})
		portal.InjectFault(fakeportal.Fault{Drop: true, AfterProcessing: true, Method: "POST", PathPrefix: "/api/2.0/files/rooms", Count: 1})
		ctx := docspace.WithCallerGone(t.Context(), func() bool { return true })
		_, err := c.CreateRoom(ctx, docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: "unseen"}, RoomType: docspace.RoomTypeCustom})
		if !errors.Is(err, docspace.ErrCallerGone) {
			t.Fatalf("got %v; want the lookup skipped for a gone caller", err)
		}
		objs := titled(portal, false, "unseen")
		if len(objs) != 1 {
			t.Fatalf("the portal holds %v", objs)
		}
		for _, title := range objs {
			if !strings.HasPrefix(title, "unseen [tf-pending-r-") {
				t.Fatalf("the room is titled %q; want it under its marker", title)
			}
		}
	})
	t.Run("caller present", func(t *testing.T) {
		t.Parallel()
		// A caller that asked to stop (Ctrl-C) is still there: the interrupted job is finished as before.
		portal, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond})
		roomID, _ := sourceAndTemplate(t, c)
		portal.SetJobDuration(600 * time.Millisecond)
		ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
		defer cancel()
		ctx = docspace.WithCallerGone(ctx, func() bool { return false })
		tpl, err := create(ctx, c, docspace.JobTemplate, roomID, "kept")
		if err != nil || idOfTitle(portal, true, "kept") != tpl.ID {
			t.Fatalf("got %+v, %v; want the template finished after the interrupt", tpl, err)
		}
	})
}
