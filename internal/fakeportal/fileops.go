package fakeportal

import (
	"net/http"
	"time"
)

// File operation kinds (the `Operation` member, api-notes.md §12).
const (
	opMove   = 0
	opDelete = 2
)

// fileOp is a long-running file operation of one user. It completes lazily, when a request arrives
// after its due time (see advance).
type fileOp struct {
	id       string
	owner    *user
	kind     int
	due      time.Time
	finished bool
	err      string
	hold     bool // keep the finished result for GET /fileops (deleteAfter = false)
	apply    func() string
}

func (p *Portal) dtoOp(op *fileOp) map[string]any {
	progress, status := 0, 1
	if op.finished {
		progress, status = 100, 2
		if op.err != "" {
			status = 4
		}
	}
	d := map[string]any{"id": op.id, "Operation": op.kind, "progress": progress, "error": op.err,
		"processed": "0", "finished": op.finished, "status": status, "files": []any{}, "folders": []any{}}
	if op.finished {
		d["processed"] = "1"
	}
	return d
}

// startOp publishes an operation that applies its effect when due. An injected failure replaces the
// effect; with the finish-before-answer knob the operation is over before the start call answers.
func (p *Portal) startOp(u *user, kind int, hold bool, apply func() string) *fileOp {
	op := &fileOp{id: p.guid(), owner: u, kind: kind, due: p.now().Add(p.opts.FileOpDuration), hold: hold, apply: apply}
	if len(p.fileOpFaults) > 0 {
		msg := p.fileOpFaults[0]
		p.fileOpFaults = p.fileOpFaults[1:]
		op.apply = func() string { return msg }
	}
	if p.fileOpsFinishAtOnce {
		op.finished, op.err = true, op.apply()
	}
	p.ops = append(p.ops, op)
	return op
}

// answerOps writes the answer of a start call, which the server reads through GetOperationResults: it
// reports the operations that match and dequeues the finished ones among them, so a finished operation
// is reported there and never again (api-notes.md §10-§12). Room calls answer with the first of them.
func (p *Portal) answerOps(c *call, match func(*fileOp) bool) {
	ops := p.takeOps(c, match)
	if len(ops) == 0 {
		c.empty()
		return
	}
	c.ok(ops[0])
}

// takeOps returns the caller's operations that match, as the server's GetOperationResults does, and
// dequeues the finished ones among them.
func (p *Portal) takeOps(c *call, match func(*fileOp) bool) []any {
	var items []any
	kept := p.ops[:0]
	for _, op := range p.ops {
		if op.owner == c.user && match(op) {
			items = append(items, p.dtoOp(op))
			if op.finished {
				continue
			}
		}
		kept = append(kept, op)
	}
	p.ops = kept
	return items
}

// advance completes due operations and jobs. Every request calls it first.
func (p *Portal) advance() {
	now := p.now()
	kept := p.ops[:0]
	for _, op := range p.ops {
		if !op.finished && !now.Before(op.due) {
			op.finished = true
			op.err = op.apply()
		}
		// Operations started with deleteAfter = true are never listed once finished (api-notes.md §10).
		if !op.finished || op.hold {
			kept = append(kept, op)
		}
	}
	p.ops = kept
	p.advanceJobs(now)
	p.advanceConversions(now)
}

// listFileOps returns the caller's operations, or only the one named by ?id=; a finished operation is
// returned once, then forgotten (api-notes.md §12).
func (p *Portal) listFileOps(c *call) {
	only := c.r.URL.Query().Get("id")
	var items []any
	kept := p.ops[:0]
	for _, op := range p.ops {
		if op.owner == c.user && (only == "" || op.id == only) {
			items = append(items, p.dtoOp(op))
			if op.finished {
				continue
			}
		}
		kept = append(kept, op)
	}
	p.ops = kept
	c.list(items)
}

// deleteAfter reads the archive/delete body: {"deleteAfter": bool}, optional, where null or a string is 400.
func (c *call) deleteAfter() (bool, bool) {
	b := c.object()
	if b.isNull("deleteAfter") {
		b.fail("DeleteAfter", "The DeleteAfter field is required.")
		return false, false
	}
	v, _ := b.boolean("deleteAfter")
	return v, !b.failed
}

func (p *Portal) archiveRoom(c *call)   { p.moveRoom(c, folderArchive) }
func (p *Portal) unarchiveRoom(c *call) { p.moveRoom(c, folderRooms) }

// operationTarget resolves the room of an archive, unarchive or delete (deleting) request and reads its
// body. Templates can be deleted but not archived (api-notes.md §10, §17); archiving needs the Move
// right, deleting the Delete right (api-notes.md §34).
func (p *Portal) operationTarget(c *call, deleting bool) (id int64, deleteAfter, ok bool) {
	id, numeric := c.pathID()
	r := p.rooms[id]
	if !numeric || r == nil || (r.folder == folderTemplates && !deleting) {
		c.fail(http.StatusNotFound, "The required folder was not found")
		return 0, false, false
	}
	if (deleting && !r.canDelete(c.user)) || (!deleting && !r.canMove(c.user)) {
		c.denied()
		return 0, false, false
	}
	deleteAfter, ok = c.deleteAfter()
	return id, deleteAfter, ok
}

// moveRoom archives or restores a room with a Move operation (api-notes.md §10).
func (p *Portal) moveRoom(c *call, to int) {
	id, deleteAfter, ok := p.operationTarget(c, false)
	if !ok {
		return
	}
	u := c.user
	op := p.startOp(u, opMove, !deleteAfter, func() string {
		if cur := p.rooms[id]; cur != nil {
			cur.folder = to
			trigger := "room.archived"
			if to == folderRooms {
				trigger = "room.restored"
			}
			p.publish(trigger, cur.id, cur, u, p.dto(cur, u, false))
		}
		return ""
	})
	// The answer is this operation, read by its task id.
	p.answerOps(c, func(o *fileOp) bool { return o == op })
}

// deleteRoom deletes a room or template permanently with a Delete operation (api-notes.md §11).
func (p *Portal) deleteRoom(c *call) {
	// The body is [FromBody] required: without one, model binding answers 400 before anything else
	// (api-notes.md §11; code-derived).
	if len(c.body) == 0 {
		c.invalid("", "A non-empty request body is required.")
		return
	}
	id, deleteAfter, ok := p.operationTarget(c, true)
	if !ok {
		return
	}
	u := c.user
	p.startOp(u, opDelete, !deleteAfter, func() string {
		if cur := p.rooms[id]; cur != nil && cur.folder != folderTemplates {
			// What a template's deletion publishes is not known; rooms publish room.deleted (api-notes.md §38).
			p.publish("room.deleted", cur.id, cur, u, p.dto(cur, u, false))
		}
		delete(p.rooms, id)
		return ""
	})
	// The answer is the caller's first delete operation, not necessarily this one, and every finished
	// delete operation of the caller is consumed by it.
	p.answerOps(c, func(o *fileOp) bool { return o.kind == opDelete })
}
