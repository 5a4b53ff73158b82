package docspace

import (
	"context"
	"fmt"
	"sync"

	"github.com/docspace-community/terraform-provider-docspace/internal/poll"
)

// Kinds of file operation (the `Operation` member; docspace-api.md §3.7).
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
	// deleteAfter=false keeps the finished operation visible to GET /files/fileops (docspace-api.md §3.5).
	if err := c.do(ctx, "PUT", roomPath(id)+"/"+verb, nil, map[string]bool{"deleteAfter": false}, &op); err != nil {
		return err
	}
	return c.waitFileOperation(ctx, fileOpWait{
		verb: verb + " room", roomID: id, opID: op.ID, kind: fileOpMove,
		reached: func(room *Room, err error) (bool, error) {
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
	err := c.do(ctx, "DELETE", roomPath(id), nil, map[string]bool{"deleteAfter": false}, &op)
	if IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	// The answer describes the caller's first delete operation, not necessarily this one
	// (docspace-api.md §3.6), so the wait follows every delete operation and the room itself.
	return c.waitFileOperation(ctx, fileOpWait{
		verb: "delete room", roomID: id, opID: op.ID, kind: fileOpDelete, anyOfKind: true,
		reached: func(_ *Room, err error) (bool, error) {
			if IsNotFound(err) {
				return true, nil
			}
			return false, err
		},
	})
}

type fileOpWait struct {
	verb   string
	roomID int64
	opID   string
	kind   int
	// anyOfKind waits while any operation of kind runs, for answers that may name another operation.
	anyOfKind bool
	// reached checks the room's real state once no matching operation runs.
	reached func(*Room, error) (bool, error)
}

// waitFileOperation polls /files/fileops until the operation has ended, then confirms the room's state.
// When the list shows nothing running but the room has not changed yet, it keeps watching the room
// until the context ends: the two are read separately and need not agree at once. A key without the
// files:read scope cannot read the list (403); then only the room is watched.
func (c *Client) waitFileOperation(ctx context.Context, w fileOpWait) error {
	listReadable := true
	lastSeen := "nothing read yet"
	_, err := poll.Until(ctx, c.pollBackoff, true, func(ctx context.Context) (struct{}, bool, error) {
		if listReadable {
			ops, err := c.ListFileOperations(ctx)
			switch {
			case IsForbidden(err):
				listReadable = false
			case err != nil:
				return struct{}{}, false, err
			}
			for _, op := range ops {
				if !op.Finished && (op.ID == w.opID || (w.anyOfKind && op.Operation == w.kind)) {
					lastSeen = fmt.Sprintf("operation %s at %d%%", op.ID, op.Progress)
					return struct{}{}, false, nil
				}
			}
		}
		room, getErr := c.GetRoom(ctx, w.roomID)
		done, err := w.reached(room, getErr)
		if done || err != nil {
			c.ops.take(w.opID, w.kind)
			return struct{}{}, done, err
		}
		if op, ok := c.ops.take(w.opID, w.kind); ok {
			return struct{}{}, false, fmt.Errorf("the portal could not %s %d: %s", w.verb, w.roomID, op.Error)
		}
		if w.anyOfKind {
			if op, ok := c.ops.take("", w.kind); ok {
				return struct{}{}, false, fmt.Errorf("the portal could not %s %d: %s", w.verb, w.roomID, op.Error)
			}
		}
		lastSeen = "no operation running, but the room has not changed yet"
		return struct{}{}, false, nil
	})
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("waiting to %s %d: %w (last seen: %s)", w.verb, w.roomID, err, lastSeen)
	}
	return err
}
