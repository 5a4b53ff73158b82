package docspace_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
	"github.com/docspace-community/terraform-provider-docspace/internal/poll"
)

const key = "sk-jobs-test"

func newPortal(t testing.TB, opts fakeportal.Options) (*fakeportal.Portal, *docspace.Client) {
	t.Helper()
	opts.APIKeys = []string{key, "sk-someone-else"}
	portal := fakeportal.New(opts)
	srv := httptest.NewServer(portal)
	t.Cleanup(srv.Close)
	c, err := docspace.New(docspace.Config{Host: srv.URL, APIKey: key, MaxRetries: 3,
		PollBackoff: poll.Backoff{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond, Factor: 1.5}})
	if err != nil {
		t.Fatal(err)
	}
	return portal, c
}

func sourceAndTemplate(t testing.TB, c *docspace.Client) (roomID, templateID int64) {
	t.Helper()
	room, err := c.CreateRoom(context.Background(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: "source"}, RoomType: docspace.RoomTypeCustom})
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := idOf(c.CreateTemplate(context.Background(), docspace.CreateTemplateRequest{RoomID: room.ID, Title: "template"}))
	if err != nil {
		t.Fatal(err)
	}
	return room.ID, tpl
}

// idOf returns the id of a created object, or the id an incomplete creation left, or 0.
func idOf(r *docspace.Room, err error) (int64, error) {
	if r != nil {
		return r.ID, err
	}
	id, _ := strconv.ParseInt(docspace.CreatedID(err), 10, 64)
	return id, err
}

// createRooms creates n rooms from a template in parallel and returns the ids and errors.
func createRooms(c *docspace.Client, templateID int64, n int) ([]int64, []error) {
	ids, errs := make([]int64, n), make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			ids[i], errs[i] = idOf(c.CreateRoomFromTemplate(context.Background(),
				docspace.CreateRoomFromTemplateRequest{RoomSettings: docspace.RoomSettings{Title: fmt.Sprintf("room %d", i)}, TemplateID: templateID}))
		})
	}
	wg.Wait()
	return ids, errs
}

func TestParallelJobsAreSerialisedAndVerified(t *testing.T) {
	t.Parallel()
	portal, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond})
	_, tpl := sourceAndTemplate(t, c)
	ids, errs := createRooms(c, tpl, 10)
	seen := map[int64]bool{}
	for i, err := range errs {
		if err != nil {
			t.Fatalf("room %d: %v", i, err)
		}
		room, err := c.GetRoom(t.Context(), ids[i])
		if err != nil || room.Title != fmt.Sprintf("room %d", i) || seen[ids[i]] {
			t.Fatalf("room %d: id %d, %+v, %v; want its own distinct room", i, ids[i], room, err)
		}
		seen[ids[i]] = true
	}
	if n := len(portal.RoomTitles(false)); n != 11 {
		t.Fatalf("the portal holds %d rooms, want the source and 10 new ones", n)
	}
	if starts := portal.Counts()["POST /api/2.0/files/rooms/fromtemplate"]; starts != 10 {
		t.Fatalf("%d job starts for 10 rooms; serialised jobs never need a second start", starts)
	}
}

// TestParallelJobsGoWrongWithoutSerialisation shows what the lock prevents. The portal's single job slot
// drops the parameters of jobs started while another runs: a naive client (start, poll, trust the id)
// records the same room several times, and even the verifying client must start jobs again.
func TestParallelJobsGoWrongWithoutSerialisation(t *testing.T) {
	t.Parallel()
	portal, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond})
	_, tpl := sourceAndTemplate(t, c)

	naive := make([]int64, 10)
	var wg sync.WaitGroup
	for i := range naive {
		wg.Go(func() { naive[i] = naiveRoomFromTemplate(t, c.Host(), tpl, fmt.Sprintf("naive %d", i)) })
	}
	wg.Wait()
	distinct := map[int64]bool{}
	for _, id := range naive {
		distinct[id] = true
	}
	t.Logf("naive client: 10 creations recorded %d distinct room ids", len(distinct))
	if len(distinct) == 10 {
		t.Fatal("10 naive parallel jobs got 10 distinct rooms; the fake's single job slot is not modelled")
	}

	portal.ResetCounts()
	docspace.DisableJobLock(c)
	_, errs := createRooms(c, tpl, 10)
	starts := portal.Counts()["POST /api/2.0/files/rooms/fromtemplate"]
	t.Logf("verifying client without the lock: %d job starts for 10 rooms, errors: %v", starts, errs)
	if starts <= 10 {
		t.Fatalf("%d job starts for 10 rooms without the lock; the slot should have dropped some", starts)
	}
}

// naiveRoomFromTemplate is what a hand-written script does: start the job, poll until it completes, and
// trust the id it reports.
func naiveRoomFromTemplate(t *testing.T, host string, templateID int64, title string) int64 {
	call := func(method, path, body string) map[string]any {
		req, _ := http.NewRequest(method, host+"/api/2.0/"+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			return nil
		}
		defer resp.Body.Close()
		var env struct{ Response map[string]any }
		_ = json.NewDecoder(resp.Body).Decode(&env)
		return env.Response
	}
	call("POST", "files/rooms/fromtemplate", fmt.Sprintf(`{"templateId":%d,"title":%q}`, templateID, title))
	for range 500 {
		st := call("GET", "files/rooms/fromtemplate/status", "")
		if done, _ := st["isCompleted"].(bool); done {
			id, _ := st["roomId"].(float64)
			return int64(id)
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Error("the naive job never completed")
	return 0
}

func TestJobWaitsForForeignJobInSlot(t *testing.T) {
	t.Parallel()
	portal, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond})
	roomID, _ := sourceAndTemplate(t, c)
	portal.OccupyJobSlot(fakeportal.JobTemplate, 300*time.Millisecond)
	id, err := idOf(c.CreateTemplate(t.Context(), docspace.CreateTemplateRequest{RoomID: roomID, Title: "mine"}))
	if err != nil {
		t.Fatal(err)
	}
	if got := portal.RoomTitles(true)[id]; got != "mine" {
		t.Fatalf("recorded template %d is %q, want our own", id, got)
	}
}

func TestFailedJobLeavesNothing(t *testing.T) {
	t.Parallel()
	for _, when := range []fakeportal.JobFailure{fakeportal.FailBeforeCreate, fakeportal.FailAfterCreate, fakeportal.FailLeavingObject} {
		t.Run(fmt.Sprint(when), func(t *testing.T) {
			t.Parallel()
			portal, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond})
			roomID, _ := sourceAndTemplate(t, c)
			portal.FailNextJob(fakeportal.JobTemplate, "Disk quota exceeded", when)
			id, err := idOf(c.CreateTemplate(t.Context(), docspace.CreateTemplateRequest{RoomID: roomID, Title: "doomed"}))
			if id != 0 || !docspace.IsJobFailed(err) || !strings.Contains(err.Error(), "Disk quota exceeded") {
				t.Fatalf("got %d, %v; want a job failure carrying the portal's message", id, err)
			}
			for _, title := range portal.RoomTitles(true) {
				if title == "doomed" {
					t.Fatalf("the failed job left a template behind")
				}
			}
		})
	}
}

func TestJobBadSourceRoomFails(t *testing.T) {
	t.Parallel()
	_, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond})
	_, err := idOf(c.CreateTemplate(t.Context(), docspace.CreateTemplateRequest{RoomID: 999999, Title: "orphan"}))
	if !docspace.IsJobFailed(err) {
		t.Fatalf("got %v, want a failed job (the portal answers 200 and fails the job)", err)
	}
}

func TestJobRecoversWhenStatusExpires(t *testing.T) {
	t.Parallel()
	portal, c := newPortal(t, fakeportal.Options{JobDuration: 40 * time.Millisecond, JobRetention: time.Millisecond})
	roomID, _ := sourceAndTemplate(t, c)
	id, err := idOf(c.CreateTemplate(t.Context(), docspace.CreateTemplateRequest{RoomID: roomID, Title: "found again"}))
	if err != nil || portal.RoomTitles(true)[id] != "found again" {
		t.Fatalf("got %d, %v; want the template found by lookup", id, err)
	}
}

func TestJobTimeoutReturnsExistingObject(t *testing.T) {
	t.Parallel()
	// The job outlasts the caller's timeout and the salvage budget (30 × 50 ms): the object exists
	// and comes back as an incomplete creation, under its marker.
	portal, c := newPortal(t, fakeportal.Options{JobDuration: 6 * time.Second})
	room, err := c.CreateRoom(t.Context(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: "source"}, RoomType: docspace.RoomTypeCustom})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
	defer cancel()
	id, err := idOf(c.CreateTemplate(ctx, docspace.CreateTemplateRequest{RoomID: room.ID, Title: "slow"}))
	if err == nil || id == 0 || !strings.HasPrefix(portal.RoomTitles(true)[id], "slow [tf-pending-t-") {
		t.Fatalf("got %d, %v; want the half-built template's id with the timeout error", id, err)
	}
}

func TestJobInterruptedButDoneWithinTheBudgetIsFinished(t *testing.T) {
	t.Parallel()
	// The caller gives up, but the job ends within the salvage budget: the template is finished as
	// usual, with its real title, and nothing is left half-done.
	portal, c := newPortal(t, fakeportal.Options{JobDuration: 800 * time.Millisecond})
	room, err := c.CreateRoom(t.Context(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: "source"}, RoomType: docspace.RoomTypeCustom})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	tpl, err := c.CreateTemplate(ctx, docspace.CreateTemplateRequest{RoomID: room.ID, Title: "interrupted"})
	if err != nil || tpl.Title != "interrupted" || portal.RoomTitles(true)[tpl.ID] != "interrupted" {
		t.Fatalf("got %+v, %v; want the finished template", tpl, err)
	}
}

// TestTwoProcessesWithIdenticalTitles: two processes (two workspaces applying one module) use one API
// key and create a template and rooms from templates with the same titles at the same time. They
// compete for the portal's job slot, whose status either may read, and whose running job swallows the
// other's start. Each must still end with its own objects: no id in both, nothing duplicated, nothing
// orphaned, nothing left under a creation marker.
func TestTwoProcessesWithIdenticalTitles(t *testing.T) {
	t.Parallel()
	portal, a := newPortal(t, fakeportal.Options{JobDuration: 60 * time.Millisecond})
	b, err := docspace.New(docspace.Config{Host: a.Host(), APIKey: key, MaxRetries: 3,
		PollBackoff: poll.Backoff{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond, Factor: 1.5}})
	if err != nil {
		t.Fatal(err)
	}
	docspace.ActAsAnotherProcess(b)
	source, err := a.CreateRoom(t.Context(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: "source"}, RoomType: docspace.RoomTypeCustom})
	if err != nil {
		t.Fatal(err)
	}
	const rooms = 4
	owned := make([][]int64, 2)
	var wg sync.WaitGroup
	for p, c := range []*docspace.Client{a, b} {
		wg.Go(func() {
			tpl, err := idOf(c.CreateTemplate(t.Context(), docspace.CreateTemplateRequest{RoomID: source.ID, Title: "shared template"}))
			if err != nil {
				t.Errorf("process %d, template: %v", p, err)
				return
			}
			ids, errs := createRooms(c, tpl, rooms)
			for i, err := range errs {
				if err != nil {
					t.Errorf("process %d, room %d: %v", p, i, err)
				}
			}
			owned[p] = append(ids, tpl)
		})
	}
	wg.Wait()
	seen := map[int64]int{}
	for p := range owned {
		for _, id := range owned[p] {
			if other, dup := seen[id]; dup {
				t.Fatalf("object %d was recorded by process %d and process %d", id, other, p)
			}
			seen[id] = p
		}
	}
	titles := portal.RoomTitles(false)
	if len(titles) != 1+2*rooms {
		t.Fatalf("the portal holds %d rooms, want the source and %d per process: %v", len(titles), rooms, titles)
	}
	for id, title := range titles {
		if strings.Contains(title, "tf-pending") {
			t.Errorf("room %d still carries its creation marker: %q", id, title)
		}
	}
	if tpls := portal.RoomTitles(true); len(tpls) != 2 {
		t.Fatalf("the portal holds templates %v, want one per process", tpls)
	}
	t.Logf("job starts: %d templates, %d rooms", portal.Counts()["POST /api/2.0/files/roomtemplate"], portal.Counts()["POST /api/2.0/files/rooms/fromtemplate"])
}
