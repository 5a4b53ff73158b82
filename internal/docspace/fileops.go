package docspace

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/poll"
)

// Kinds of file operation (the `Operation` member; api-notes.md §12).
const (
	fileOpMove   = 0 // archive and unarchive
	fileOpDelete = 2
)

// FileOperation is a long-running file operation (FileOperationDto). Note the capital "Operation" key.
type FileOperation struct {
	ID        string `json:"id"`
	Operation int    `json:"Operation"`
	Progress  int    `json:"progress"`
	Error     string `json:"error"`
	Finished  bool   `json:"finished"`
	Status    int    `json:"status"`
}

// finishedOps remembers the failed operations any poll has seen. The portal lists a finished operation
// once and then forgets it, and every waiter of this client polls the same per-user list, so one waiter
// may see another's failure; this is where the other finds it. Successes need no record: an operation
// that is no longer listed as running has ended, and the room's state tells the rest.
type finishedOps struct {
	mu   sync.Mutex
	seen map[string]FileOperation
}

func (f *finishedOps) record(ops []FileOperation) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, op := range ops {
		if op.Finished && op.Error != "" {
			f.seen[op.ID] = op
		}
	}
}

// take returns and forgets the failed operation with the given id, or, when id is empty, any failed
// operation of the given kind.
func (f *finishedOps) take(id string, kind int) (FileOperation, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for key, op := range f.seen {
		if key == id || (id == "" && op.Operation == kind) {
			delete(f.seen, key)
			return op, true
		}
	}
	return FileOperation{}, false
}

// ListFileOperations returns the caller's file operations; finished ones appear in one answer only.
func (c *Client) ListFileOperations(ctx context.Context) ([]FileOperation, error) {
	var ops []FileOperation
	if err := c.do(ctx, "GET", "files/fileops", nil, nil, &ops); err != nil {
		return nil, err
	}
	c.ops.record(ops)
	return ops, nil
}

// ArchiveRoom moves a room into the archive and returns once the portal shows it there.
func (c *Client) ArchiveRoom(ctx context.Context, id int64) error {
	return c.moveRoom(ctx, id, "archive", true)
}

// UnarchiveRoom restores a room from the archive and returns once the portal shows it active.
func (c *Client) UnarchiveRoom(ctx context.Context, id int64) error {
	return c.moveRoom(ctx, id, "unarchive", false)
}

func (c *Client) moveRoom(ctx context.Context, id int64, verb string, archived bool) error {
	var op FileOperation
	// deleteAfter=false keeps the finished operation visible to GET /files/fileops (api-notes.md §10).
	// The answer names this very operation.
	if _, err := c.doOptional(ctx, "PUT", roomPath(id)+"/"+verb, nil, map[string]bool{"deleteAfter": false}, &op); err != nil {
		return err
	}
	return c.waitFileOperation(ctx, fileOpWait{
		verb: verb + " room", id: id, kind: fileOpMove, start: op,
		reached: func(ctx context.Context) (bool, error) {
			room, err := c.GetRoom(ctx, id)
			if err != nil {
				return false, err
			}
			return room.IsArchived() == archived, nil
		},
	})
}

// DeleteRoom deletes a room or template permanently and returns once reading it answers 404.
// A room that is already gone is not an error.
func (c *Client) DeleteRoom(ctx context.Context, id int64) error {
	var op FileOperation
	_, err := c.doOptional(ctx, "DELETE", roomPath(id), nil, map[string]bool{"deleteAfter": false}, &op)
	if IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return c.waitFileOperation(ctx, fileOpWait{
		verb: "delete room", id: id, kind: fileOpDelete, start: op, startNamesOther: true,
		reached: func(ctx context.Context) (bool, error) {
			_, err := c.GetRoom(ctx, id)
			if IsNotFound(err) {
				return true, nil
			}
			return false, err
		},
	})
}

type fileOpWait struct {
	verb string
	id   int64 // the room or folder the operation works on
	kind int
	// start is the start call's answer. A finished operation in it is reported there and nowhere else
	// (api-notes.md §10-§12).
	start FileOperation
	// startNamesOther is set for deletes, whose answer describes the caller's first delete operation,
	// which need not be this one (api-notes.md §11).
	startNamesOther bool
	// reached reads the object's real state and reports whether the operation has had its effect.
	reached func(context.Context) (bool, error)
}

// failure returns the error of a finished, failed operation that this wait must report, if one was seen.
func (c *Client) failure(w fileOpWait) error {
	var op FileOperation
	ok := false
	if w.start.ID != "" {
		op, ok = c.ops.take(w.start.ID, w.kind)
	}
	if !ok && w.startNamesOther {
		op, ok = c.ops.take("", w.kind)
	}
	if !ok {
		return nil
	}
	return fmt.Errorf("the portal could not %s %d: %s", w.verb, w.id, op.Error)
}

// waitFileOperation watches the room or folder until it has reached its new state, so that parallel waits never
// wait for each other's operations. While the room has not changed, and the wait is not expected to
// end soon, it reads /files/fileops to learn of a failure and how far the operation got; the portal
// lists a finished operation once, and any waiter of this client may be the one that sees it. Near
// the end that earlier waits of its kind took, only the room is read: a failure is then learned once
// the wait is overdue, a fraction of an operation's time later. A key without the files:read scope
// cannot read the list (403); then only the room is watched. The wait goes on until the room changes, a
// failure is seen, or the context ends: the list and the room are read separately and need not agree
// at once.
func (c *Client) waitFileOperation(ctx context.Context, w fileOpWait) error {
	c.ops.record([]FileOperation{w.start})
	listReadable := true
	lastSeen := "nothing read yet"
	// An operation that finished before the start call answered is checked at once; others around the
	// end the last one of their kind took.
	started := time.Now()
	schedule, overdue := c.pace.schedule(w.verb, c.pollBackoff)
	_, err := poll.Until(ctx, schedule, !w.start.Finished, func(ctx context.Context) (struct{}, bool, error) {
		done, err := w.reached(ctx)
		if done || err != nil {
			if w.start.ID != "" {
				c.ops.take(w.start.ID, w.kind) // a success needs no report, and nobody else waits for it
			}
			return struct{}{}, done, err
		}
		if err := c.failure(w); err != nil {
			return struct{}{}, false, err
		}
		if !listReadable || time.Since(started) < overdue {
			lastSeen = "the room has not changed yet"
			return struct{}{}, false, nil
		}
		lastSeen = "no operation running, but the room has not changed yet"
		ops, err := c.ListFileOperations(ctx)
		switch {
		case IsForbidden(err):
			listReadable = false
		case err != nil:
			return struct{}{}, false, err
		}
		for _, op := range ops {
			if !op.Finished && op.ID == w.start.ID {
				lastSeen = fmt.Sprintf("operation %s at %d%%", op.ID, op.Progress)
			}
		}
		return struct{}{}, false, c.failure(w)
	})
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("waiting to %s %d: %w (last seen: %s)", w.verb, w.id, err, lastSeen)
	}
	if err == nil && !w.start.Finished {
		c.pace.ended(w.verb, time.Since(started))
	}
	return err
}
