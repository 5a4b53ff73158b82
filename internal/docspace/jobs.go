package docspace

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/docspace-community/terraform-provider-docspace/internal/poll"
)

// JobKind is one of the portal's two background jobs. Each kind has a single status slot per portal,
// shared by all users (api-notes.md §16, §19, §20).
type JobKind int

// Job kinds.
const (
	JobTemplate         JobKind = 1 // build a template from a room
	JobRoomFromTemplate JobKind = 2 // create a room from a template
)

func (k JobKind) String() string {
	if k == JobTemplate {
		return "template creation"
	}
	return "room-from-template creation"
}

func (k JobKind) startPath() string {
	if k == JobTemplate {
		return "files/roomtemplate"
	}
	return "files/rooms/fromtemplate"
}

func (k JobKind) statusPath() string { return k.startPath() + "/status" }

// JobStatus is the content of a job's status slot. The id is -1 until the object exists, and progress
// is unreliable (a fraction while copying, then 100), so it is only logged.
type JobStatus struct {
	TemplateID  int64   `json:"templateId"`
	RoomID      int64   `json:"roomId"`
	Progress    float64 `json:"progress"`
	Error       string  `json:"error"`
	IsCompleted bool    `json:"isCompleted"`
}

// ObjectID is the template or room id the job reports, or a value ≤ 0.
func (s *JobStatus) ObjectID() int64 { return max(s.TemplateID, s.RoomID) }

// JobError is a job that the portal reports as failed.
type JobError struct {
	Kind    JobKind
	Message string
}

func (e *JobError) Error() string {
	return fmt.Sprintf("the portal's %s job failed: %s", e.Kind, e.Message)
}

// IsJobFailed reports whether err is a failed job.
func IsJobFailed(err error) bool {
	var e *JobError
	return errors.As(err, &e)
}

// jobLocks serialise each job kind per portal across every client in the process: a second start while
// a job runs would silently return the running job and drop its own parameters (api-notes.md §20).
var jobLocks keyedLocks

const (
	// jobAttempts bounds how often a job whose slot was taken over by a foreign job is started again.
	// Other processes (another workspace, a script) compete for the slot; each round one of them wins.
	jobAttempts = 5
	// cleanupTimeout bounds the removal of what a failed job left, which may run after the caller's
	// context has ended.
	cleanupTimeout = 30 * time.Second
)

func (k JobKind) creationKind() creationKind {
	if k == JobTemplate {
		return creationTemplate
	}
	return creationRoomFromTemplate
}

// runJob runs one job by the procedure of api-notes.md §20 and returns the new object:
//  1. hold the process-wide lock for this portal and job kind, until the job has ended;
//  2. wait until a job already in the slot (another user's, or another process's) has finished, unless
//     this client has just seen it free; then make sure no earlier creation of this title was abandoned
//     halfway (see creation.go), counting what such a job made: a process killed mid-job leaves its job
//     running, and the job makes the object after the killed process can no longer rename it;
//  3. start the job, with the creation's marked title, and poll its status, closely around the end
//     expected from the last job of its kind. A start whose answer is lost may still have started the
//     job, so it is watched like any other;
//  4. with the lock released, accept a reported id only when that object carries this creation's
//     marker. Another object means the portal kept another job's parameters instead of ours; then the
//     job is started once more;
//  5. when the status disappears before completion is seen, find the object by its marker;
//  6. rename the object to its real title.
//
// A failed job returns a *JobError, after deleting any half-made object the job left. When the context
// ends while the job runs, the job is watched on within cleanupTimeout, and an object that appears is
// returned as an *IncompleteCreateError, so the caller records it rather than loses it.
func (c *Client) runJob(ctx context.Context, kind JobKind, title string, body func(markedTitle string) any) (*Room, error) {
	cr := newCreation(kind.creationKind(), title)
	for attempt := 1; ; attempt++ {
		w, st, err := c.startAndWatch(ctx, kind, cr, body)
		if err != nil {
			return nil, err
		}
		if w.salvaged != nil {
			return w.salvaged, nil // finished after an interrupt, within the cleanup budget
		}
		// The slot is free for the next job while this one's object is checked and renamed.
		id, err := c.ownObject(ctx, w, st)
		if errors.Is(err, errForeignJob) {
			if attempt == jobAttempts {
				return nil, fmt.Errorf("the portal ran other users' %s jobs instead of ours %d times; try again later", kind, attempt)
			}
			tflog.Warn(ctx, "the job slot was taken by a foreign job; starting ours again", map[string]any{"kind": kind.String()})
			c.pace.forgetSlot(kind)
			// Processes that lost the slot together would otherwise all try again at the same moment.
			if err := poll.Sleep(ctx, time.Duration(rand.Int64N(int64(c.pollBackoff.Max)))); err != nil {
				return nil, err
			}
			continue
		}
		if err != nil {
			return nil, err
		}
		return c.finishRoom(ctx, cr, id, UpdateRoomRequest{})
	}
}

// startAndWatch holds the job lock for one run of the job (steps 1 to 3, and 5): it waits for the slot,
// starts the job and watches it until it has ended. It returns the watch and the final status.
func (c *Client) startAndWatch(ctx context.Context, kind JobKind, cr creation, body func(string) any) (*jobWatch, *JobStatus, error) {
	if !c.noJobLock {
		unlock, err := c.jobLocks.lock(ctx, c.host+"|"+kind.String())
		if err != nil {
			return nil, nil, fmt.Errorf("waiting for this provider's earlier %s jobs: %w", kind, err)
		}
		defer unlock()
	}
	// A slot this client has just seen free needs no second look: a job another client slipped in
	// would swallow our start, and the marker check below would notice.
	//
	// The marked objects listed earlier are complete only when no job this client did not start can
	// have made one since: they are listed again for the first job of a kind (an earlier listing of the
	// same area may have been made while another process's job was still running), after a foreign job
	// took our place, and whenever a job was found running in the slot.
	fresh := !c.pace.slotFollowed(kind)
	var foreign *JobStatus
	if !c.pace.slotJustFreed(kind) {
		last, busy, err := c.waitForIdleSlot(ctx, kind)
		if err != nil {
			return nil, nil, err
		}
		if busy {
			fresh, foreign = true, last
		}
	}
	if err := c.checkEarlierCreations(ctx, cr, fresh, foreign); err != nil {
		return nil, nil, err
	}
	started := time.Now()
	startErr := c.do(ctx, "POST", kind.startPath(), nil, body(cr.markedTitle()), nil)
	if startErr != nil && refused(startErr) {
		return nil, nil, startErr
	}
	w := &jobWatch{c: c, kind: kind, cr: cr, startErr: startErr}
	schedule, _ := c.pace.schedule(kind.String(), c.pollBackoff)
	st, err := poll.Until(ctx, schedule, true, func(ctx context.Context) (*JobStatus, bool, error) {
		return w.check(ctx, false)
	})
	if err != nil {
		if ctx.Err() != nil {
			w.salvaged, err = c.salvage(ctx, w, err)
			if w.salvaged != nil {
				return w, nil, nil
			}
		}
		return nil, nil, err
	}
	c.pace.ended(kind.String(), time.Since(started))
	c.pace.slotFreed(kind)
	if st.Error != "" {
		c.removeFailedObject(ctx, cr, st.ObjectID())
		return nil, nil, &JobError{Kind: kind, Message: st.Error}
	}
	return w, st, nil
}

// ownObject returns the id of the object our job made (step 4): the one the status reports when it
// carries our marker, or else the one the marker finds. errForeignJob means the slot ran someone
// else's job and ours never ran.
func (c *Client) ownObject(ctx context.Context, w *jobWatch, st *JobStatus) (int64, error) {
	if w.ours > 0 {
		return w.ours, nil
	}
	if id := st.ObjectID(); id > 0 {
		obj, err := c.GetRoom(ctx, id)
		switch {
		case err == nil && w.cr.ownsRoom(obj):
			return id, nil
		case err != nil && !IsNotFound(err) && !IsForbidden(err):
			return 0, err
		}
	}
	// The slot reported someone else's object. Our job may still have run; look before starting again.
	found, err := c.findCreated(ctx, w.cr)
	if err != nil {
		return 0, err
	}
	if found != nil {
		return parseRoomID(found.ID), nil
	}
	return 0, errForeignJob
}

var errForeignJob = errors.New("the job that ran was not ours")

func (c *Client) jobStatus(ctx context.Context, kind JobKind) (*JobStatus, error) {
	var st *JobStatus
	_, err := c.doOptional(ctx, "GET", kind.statusPath(), nil, nil, &st)
	return st, err
}

// checkEarlierCreations is the check of step 2, with the slot idle: no earlier creation of cr's title
// may have been abandoned with its marker. With fresh, the marked objects are listed again. foreign is
// the last status of a job that was running in the slot when this client looked; what it made is
// looked at directly, because a listing may miss an object made moments ago (api-notes.md §5).
func (c *Client) checkEarlierCreations(ctx context.Context, cr creation, fresh bool, foreign *JobStatus) error {
	if fresh {
		c.forgetMarkers(cr)
	}
	if foreign != nil && foreign.Error == "" && foreign.ObjectID() > 0 {
		obj, err := cr.kind.objects().get(ctx, c, formatRoomID(foreign.ObjectID()))
		switch {
		case err == nil && cr.sameAs(obj.Title):
			if err := c.noteMarked(ctx, cr, *obj); err != nil {
				return err
			}
		case err != nil && !IsNotFound(err) && !IsForbidden(err):
			return fmt.Errorf("looking at what the %s job before ours made: %w", cr.kind.noun(), err)
		}
	}
	return c.checkAbandoned(ctx, cr)
}

// waitForIdleSlot waits until the slot holds no running job. It returns the last status it read (nil
// when the slot is empty) and whether it saw a job running.
func (c *Client) waitForIdleSlot(ctx context.Context, kind JobKind) (*JobStatus, bool, error) {
	busy := false
	st, err := poll.Until(ctx, c.pollBackoff, false, func(ctx context.Context) (*JobStatus, bool, error) {
		st, err := c.jobStatus(ctx, kind)
		if err != nil {
			return nil, false, err
		}
		if st != nil && !st.IsCompleted {
			busy = true
			return st, false, nil
		}
		return st, true, nil
	})
	if err != nil && ctx.Err() != nil {
		return nil, busy, fmt.Errorf("another %s job occupied the portal's job slot until the timeout: %w", kind, err)
	}
	return st, busy, err
}

// jobWatch follows one started job.
type jobWatch struct {
	c        *Client
	kind     JobKind
	cr       creation
	ours     int64 // the id of our object, once seen
	vanished int   // status reads that found no record and no object
	startErr error // the start's lost answer, if it was lost
	salvaged *Room // the object, finished after the caller's context ended
}

// check is one look at the job: the status and, with watchObject, the object it names when that is not
// yet known to be ours. It is done when the job has ended.
func (w *jobWatch) check(ctx context.Context, watchObject bool) (*JobStatus, bool, error) {
	st, err := w.c.jobStatus(ctx, w.kind)
	if err != nil {
		return nil, false, err
	}
	if st == nil {
		// The record expired or was replaced: look for the object itself (api-notes.md §20 step 5).
		found, err := w.c.findCreated(ctx, w.cr)
		if found != nil || err != nil {
			if found != nil {
				w.ours = parseRoomID(found.ID)
			}
			return &JobStatus{IsCompleted: true}, true, err
		}
		w.vanished++
		if w.vanished >= 3 {
			if w.startErr != nil {
				return nil, false, fmt.Errorf("%w; the portal shows no %s job and no %q, so the job never started", w.startErr, w.kind, w.cr.markedTitle())
			}
			return nil, false, fmt.Errorf("the status of the %s job disappeared and no %q was found: "+
				"the job failed or was replaced before it finished", w.kind, w.cr.markedTitle())
		}
		return nil, false, nil
	}
	tflog.Debug(ctx, "job status", map[string]any{"kind": w.kind.String(), "progress": st.Progress, "completed": st.IsCompleted})
	if id := st.ObjectID(); watchObject && id > 0 && id != w.ours && st.Error == "" {
		obj, err := w.c.GetRoom(ctx, id)
		switch {
		case err == nil && w.cr.ownsRoom(obj):
			w.ours = id
		case err != nil && !IsNotFound(err) && !IsForbidden(err):
			return nil, false, err
		}
	}
	return st, st.IsCompleted, nil
}

// salvageBudget is how long an interrupted job is watched on: 30 of the longest poll intervals, 30 s
// with the default pacing. Terraform waits for the provider after a first Ctrl-C.
func (c *Client) salvageBudget() time.Duration { return 30 * c.pollBackoff.Max }

// salvage runs when the caller's context ended mid-job (an interrupt or a timeout). It keeps watching
// the job within cleanupTimeout. When the job ends well in that time, the object is finished as usual
// and returned: nothing is left half-done. When it does not, an object that exists is returned as an
// *IncompleteCreateError, so the caller records it (Terraform then taints it) instead of orphaning it.
// When the caller is gone for good (its connection lost, caller.go), it stops at once and finishes
// nothing: the object, made now or later by the job, keeps its marker, and the next run recognises it.
func (c *Client) salvage(ctx context.Context, w *jobWatch, cause error) (*Room, error) {
	interrupted := fmt.Errorf("gave up waiting while the portal's %s job was still running: %w", w.kind, cause)
	if CallerGone(ctx) {
		// Nobody would record the object: leave it under its marker for the next run.
		return nil, fmt.Errorf("%w; %w", interrupted, ErrCallerGone)
	}
	watch, stopWatching := context.WithTimeout(context.WithoutCancel(ctx), c.salvageBudget())
	defer stopWatching()
	st, err := poll.Until(watch, c.pollBackoff, false, func(ctx context.Context) (*JobStatus, bool, error) {
		if CallerGone(ctx) {
			return nil, false, ErrCallerGone
		}
		return w.check(ctx, true)
	})
	if errors.Is(err, ErrCallerGone) {
		return nil, fmt.Errorf("%w; %w", interrupted, ErrCallerGone)
	}
	// What follows must not be cut short by the end of the watch.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancel()
	if err == nil && st.Error == "" {
		if id, err := c.ownObject(ctx, w, st); err == nil {
			return c.finishRoom(ctx, w.cr, id, UpdateRoomRequest{})
		}
	}
	if w.ours == 0 {
		if found, err := c.findCreated(ctx, w.cr); err == nil && found != nil {
			w.ours = parseRoomID(found.ID)
		}
	}
	if w.ours > 0 {
		return nil, &IncompleteCreateError{ID: formatRoomID(w.ours), Err: interrupted}
	}
	return nil, fmt.Errorf("%w; nothing was created yet. If %q appears later, the next apply names it", interrupted, w.cr.markedTitle())
}

// removeFailedObject deletes what a failed job left behind. A failed job can report the id of a
// half-made object (api-notes.md §16), which is normally deleted already; nothing is deleted
// unless it verifiably belongs to this creation.
func (c *Client) removeFailedObject(ctx context.Context, cr creation, id int64) {
	if id <= 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancel()
	obj, err := c.GetRoom(ctx, id)
	if err != nil || !cr.ownsRoom(obj) {
		return
	}
	if err := c.DeleteRoom(ctx, id); err != nil {
		tflog.Warn(ctx, "could not delete what a failed job left behind", map[string]any{"id": id, "error": err.Error()})
	}
}
