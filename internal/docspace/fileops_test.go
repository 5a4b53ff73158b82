package docspace

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// opsPortal is a scripted portal: rooms move when their operation's deadline passes, and the
// per-user operation list returns finished operations once, as api-notes.md §12 describes.
type opsPortal struct {
	mu         sync.Mutex
	rooms      map[int64]int // id → rootFolderType; absent = deleted
	ops        []*scriptedOp
	fail       string        // error of the next operation
	answerOld  bool          // DELETE answers with the oldest delete operation (api-notes.md §11)
	forbidList bool          // GET /fileops answers 403, as for a key without files:read
	lateBy     time.Duration // rooms change this long after their operation finished
	calls      map[string]int
}

type scriptedOp struct {
	FileOperation
	due   time.Time
	apply func()
}

func (p *opsPortal) handler(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls[r.Method+" "+r.URL.Path]++
	write := func(v any) {
		b, _ := json.Marshal(map[string]any{"response": v, "statusCode": 200})
		w.Write(b)
	}
	for _, op := range p.ops { // operations finish on time whether or not anyone lists them
		if !op.Finished && time.Now().After(op.due) {
			op.Finished, op.Progress = true, 100
			if op.Error == "" {
				p.applyLate(op.apply)
			}
		}
	}
	var id int64
	fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/api/2.0/files/rooms/"), "%d", &id)
	switch {
	case r.URL.Path == "/api/2.0/files/fileops" && p.forbidList:
		w.WriteHeader(403)
		w.Write([]byte(`{"error":{"message":"Access denied"},"statusCode":403}`))
	case r.URL.Path == "/api/2.0/files/fileops":
		list := []FileOperation{}
		kept := p.ops[:0]
		for _, op := range p.ops {
			list = append(list, op.FileOperation)
			if !op.Finished {
				kept = append(kept, op)
			}
		}
		p.ops = kept
		write(list)
	case r.Method == "GET":
		rt, ok := p.rooms[id]
		if !ok {
			w.WriteHeader(404)
			w.Write([]byte(`{"error":{"message":"The required folder was not found"},"statusCode":404}`))
			return
		}
		write(map[string]any{"id": id, "rootFolderType": rt})
	default:
		kind, apply := fileOpMove, func() { p.rooms[id] = 20 }
		switch {
		case strings.HasSuffix(r.URL.Path, "/unarchive"):
			apply = func() { p.rooms[id] = 14 }
		case r.Method == "DELETE":
			kind, apply = fileOpDelete, func() { delete(p.rooms, id) }
		}
		op := &scriptedOp{FileOperation{ID: fmt.Sprintf("op-%d-%d", id, len(p.calls)), Operation: kind, Error: p.fail}, time.Now().Add(20 * time.Millisecond), apply}
		p.ops = append(p.ops, op)
		answer := op.FileOperation
		if p.answerOld && kind == fileOpDelete {
			for _, o := range p.ops {
				if o.Operation == fileOpDelete {
					answer = o.FileOperation
					break
				}
			}
		}
		write(answer)
	}
}

// applyLate applies a finished operation's effect now, or lateBy later.
func (p *opsPortal) applyLate(apply func()) {
	if p.lateBy == 0 {
		apply()
		return
	}
	time.AfterFunc(p.lateBy, func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		apply()
	})
}

func newOpsPortal(t *testing.T, rooms map[int64]int) (*opsPortal, *Client) {
	p := &opsPortal{rooms: rooms, calls: map[string]int{}}
	c, _ := testClient(t, serve(t, p.handler), 0)
	return p, c
}

func TestArchiveWaitsForTheRoomToMove(t *testing.T) {
	p, c := newOpsPortal(t, map[int64]int{1: 14})
	if err := c.ArchiveRoom(t.Context(), 1); err != nil {
		t.Fatal(err)
	}
	if p.rooms[1] != 20 {
		t.Fatalf("ArchiveRoom returned before the room was archived")
	}
	if err := c.UnarchiveRoom(t.Context(), 1); err != nil || p.rooms[1] != 14 {
		t.Fatalf("UnarchiveRoom: %v, root folder %d", err, p.rooms[1])
	}
}

func TestFailedOperationIsReported(t *testing.T) {
	p, c := newOpsPortal(t, map[int64]int{1: 14})
	p.fail = "The room is locked"
	err := c.ArchiveRoom(t.Context(), 1)
	if err == nil || !strings.Contains(err.Error(), "The room is locked") {
		t.Fatalf("got %v, want the operation's error", err)
	}
}

func TestFailureIsReportedWhenTheWaitIsExpectedToEndSoon(t *testing.T) {
	// Once a wait of a kind has ended, the next one reads only the room until it is overdue; a failed
	// operation, whose room never changes, must still be reported then.
	p, c := newOpsPortal(t, map[int64]int{1: 14})
	if err := c.ArchiveRoom(t.Context(), 1); err != nil {
		t.Fatal(err)
	}
	if err := c.UnarchiveRoom(t.Context(), 1); err != nil {
		t.Fatal(err)
	}
	p.fail = "The room is locked"
	err := c.ArchiveRoom(t.Context(), 1)
	if err == nil || !strings.Contains(err.Error(), "The room is locked") || p.rooms[1] != 14 {
		t.Fatalf("got %v, room %d; want the operation's error and the room where it was", err, p.rooms[1])
	}
}

func TestParallelWaitersShareFinishedResults(t *testing.T) {
	// Each finished operation is listed once; with several waiters polling the same list, most
	// see other operations' results. Every waiter must still learn its own failure.
	p, c := newOpsPortal(t, map[int64]int{1: 14, 2: 14, 3: 14, 4: 14})
	p.fail = "disk full"
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range 4 {
		wg.Go(func() { errs[i] = c.ArchiveRoom(t.Context(), int64(i+1)) })
	}
	wg.Wait()
	for i, err := range errs {
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("room %d: got %v, want its failure", i+1, err)
		}
	}
}

func TestDeleteWaitsForRoomGoneEvenWhenAnswerNamesAnotherOperation(t *testing.T) {
	p, c := newOpsPortal(t, map[int64]int{1: 14, 2: 14, 3: 14})
	p.answerOld = true
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range 3 {
		wg.Go(func() { errs[i] = c.DeleteRoom(t.Context(), int64(i+1)) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("room %d: %v", i+1, err)
		}
	}
	if len(p.rooms) != 0 {
		t.Fatalf("rooms left: %v", p.rooms)
	}
	if err := c.DeleteRoom(t.Context(), 1); err != nil {
		t.Fatalf("deleting a room that is already gone: %v", err)
	}
}

func TestWaitHonoursContext(t *testing.T) {
	p, c := newOpsPortal(t, map[int64]int{1: 14})
	p.lateBy = time.Hour // the operation ends, but the room never disappears
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	if err := c.DeleteRoom(ctx, 1); err == nil {
		t.Fatal("expected the wait to end with the context")
	}
}

// TestDeleteDoesNotWaitForOtherDeletes: the DELETE answer names the caller's first delete operation, so a
// wait that followed every delete operation would queue behind a slow, unrelated one. The wait watches
// its own room instead.
func TestDeleteDoesNotWaitForOtherDeletes(t *testing.T) {
	p, c := newOpsPortal(t, map[int64]int{1: 14})
	p.answerOld = true
	p.mu.Lock()
	p.ops = append(p.ops, &scriptedOp{FileOperation{ID: "slow", Operation: fileOpDelete}, time.Now().Add(time.Hour), func() {}})
	p.mu.Unlock()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
	defer cancel()
	if err := c.DeleteRoom(ctx, 1); err != nil {
		t.Fatalf("deleting room 1 while another delete runs for an hour: %v", err)
	}
	if _, gone := p.rooms[1]; gone {
		t.Fatal("DeleteRoom returned before the room was gone")
	}
}

// TestOperationFinishedBeforeTheAnswer: the start call reports an operation that has already finished,
// and consumes it, so no later list shows it (api-notes.md §10-§12). Its failure is reported at once, not as a timeout.
func TestOperationFinishedBeforeTheAnswer(t *testing.T) {
	for _, fail := range []string{"", "The room is being edited"} {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			switch {
			case r.URL.Path == "/api/2.0/files/fileops":
				io.WriteString(w, `{"response":[],"statusCode":200}`)
			case r.Method == "GET":
				root := 14
				if fail == "" {
					root = 20
				}
				fmt.Fprintf(w, `{"response":{"id":1,"rootFolderType":%d},"statusCode":200}`, root)
			default:
				fmt.Fprintf(w, `{"response":{"id":"op","Operation":0,"progress":100,"finished":true,"error":%q},"statusCode":200}`, fail)
			}
		})
		c, _ := testClient(t, srv, 0)
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
		err := c.ArchiveRoom(ctx, 1)
		timedOut := ctx.Err() != nil
		cancel()
		if fail == "" && err != nil {
			t.Fatalf("a move that finished before the answer: %v", err)
		}
		if fail != "" && (err == nil || !strings.Contains(err.Error(), fail) || timedOut) {
			t.Fatalf("got %v; want the portal's own error at once, not a timeout", err)
		}
	}
}

func TestWaitWatchesTheRoomWhenTheOperationListIsForbidden(t *testing.T) {
	p, c := newOpsPortal(t, map[int64]int{1: 14})
	p.forbidList = true
	if err := c.ArchiveRoom(t.Context(), 1); err != nil {
		t.Fatalf("a key without files:read must still archive: %v", err)
	}
	if p.rooms[1] != 20 || p.calls["GET /api/2.0/files/fileops"] != 1 {
		t.Fatalf("room %d, %d list reads; want archived after one refused list read", p.rooms[1], p.calls["GET /api/2.0/files/fileops"])
	}
}

func TestWaitToleratesARoomThatChangesLate(t *testing.T) {
	p, c := newOpsPortal(t, map[int64]int{1: 14})
	p.lateBy = 60 * time.Millisecond // the room moves after the operation is no longer listed
	if err := c.ArchiveRoom(t.Context(), 1); err != nil || p.rooms[1] != 20 {
		t.Fatalf("got %v, room %d; want the wait to outlast the lag", err, p.rooms[1])
	}
	ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond) // well past the 20 ms operation, even on a busy machine
	defer cancel()
	p.lateBy = time.Hour
	err := c.UnarchiveRoom(ctx, 1)
	if err == nil || !strings.Contains(err.Error(), "last seen: no operation running, but the room has not changed yet") {
		t.Fatalf("got %v; want a timeout that says what was last seen", err)
	}
}
