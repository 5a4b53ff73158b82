package docspace

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/docspace-community/terraform-provider-docspace/internal/poll"
)

// JobKind is one of the portal's two background jobs. Each kind has a single status slot per portal,
// shared by all users (docspace-api.md §4.2, §5.2, §5.3).
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

func (k JobKind) rootFolderType() FolderType {
	if k == JobTemplate {
		return FolderTypeRoomTemplates
	}
	return FolderTypeVirtualRooms
}

func (k JobKind) searchArea() SearchArea {
	if k == JobTemplate {
		return SearchAreaTemplates
	}
	return SearchAreaActive
}

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
// a job runs would silently return the running job and drop its own parameters (docspace-api.md §5.3).
var jobLocks keyedLocks

const (
	// clockSkew tolerates a difference between this machine's clock and the portal's when checking
	// that an object was created after its job started.
	clockSkew = 5 * time.Minute
	// jobAttempts bounds how often a job whose slot was taken over by a foreign job is started again.
	jobAttempts = 2
	// cleanupTimeout bounds the calls made after the caller's context has ended.
	cleanupTimeout = 30 * time.Second
)

// runJob runs one job by the procedure of docspace-api.md §5.3 and returns the new object's id:
//  1. hold the process-wide lock for this portal and job kind;
//  2. wait until a job already in the slot (another user's, or another process's) has finished;
//  3. start the job and poll its status;
//  4. accept the reported id only after reading the object and checking it is ours: title, location,
//     creator and creation time. A foreign object means the portal kept another job's parameters
//     instead of ours; then the job is started once more;
//  5. when the status disappears before completion is seen, find the object by listing.
//
// A failed job returns a *JobError, after deleting any half-made object the job left. When the context
// ends after the object exists, runJob returns its id together with the error, so the caller can record
// it rather than lose it.
func (c *Client) runJob(ctx context.Context, kind JobKind, body any, title string) (int64, error) {
	if !c.noJobLock {
		unlock, err := jobLocks.lock(ctx, c.host+"|"+kind.String())
		if err != nil {
			return 0, fmt.Errorf("waiting for this provider's earlier %s jobs: %w", kind, err)
		}
		defer unlock()
	}
	me, err := c.Self(ctx)
	if err != nil {
		return 0, err
	}
	want := jobTarget{kind: kind, title: SanitizeTitle(title), creator: me.ID}
	for attempt := 1; ; attempt++ {
		if err := c.waitForIdleSlot(ctx, kind); err != nil {
			return 0, err
		}
		want.notBefore = time.Now().Add(-clockSkew)
		if err := c.do(ctx, "POST", kind.startPath(), nil, body, nil); err != nil {
			return 0, err
		}
		id, err := c.awaitJob(ctx, want)
		if !errors.Is(err, errForeignJob) {
			return id, err
		}
		if attempt == jobAttempts {
			return 0, fmt.Errorf("the portal ran other users' %s jobs instead of ours %d times; try again later", kind, attempt)
		}
		tflog.Warn(ctx, "the job slot was taken by a foreign job; starting ours again", map[string]any{"kind": kind.String()})
	}
}

var errForeignJob = errors.New("the job that ran was not ours")

// jobTarget describes the object a job must produce.
type jobTarget struct {
	kind      JobKind
	title     string
	creator   string
	notBefore time.Time
}

func (t jobTarget) matches(r *Room) bool {
	return r.Title == t.title && r.RootFolderType == t.kind.rootFolderType() &&
		r.CreatedBy != nil && r.CreatedBy.ID == t.creator && !r.Created.Before(t.notBefore)
}

func (c *Client) jobStatus(ctx context.Context, kind JobKind) (*JobStatus, error) {
	var st *JobStatus
	err := c.do(ctx, "GET", kind.statusPath(), nil, nil, &st)
	return st, err
}

func (c *Client) waitForIdleSlot(ctx context.Context, kind JobKind) error {
	_, err := poll.Until(ctx, c.pollBackoff, false, func(ctx context.Context) (struct{}, bool, error) {
		st, err := c.jobStatus(ctx, kind)
		return struct{}{}, err == nil && (st == nil || st.IsCompleted), err
	})
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("another %s job occupied the portal's job slot until the timeout: %w", kind, err)
	}
	return err
}

// awaitJob polls the job started for want until it ends, and returns the verified object id.
func (c *Client) awaitJob(ctx context.Context, want jobTarget) (int64, error) {
	var seenID int64
	vanished := 0
	st, err := poll.Until(ctx, c.pollBackoff, true, func(ctx context.Context) (*JobStatus, bool, error) {
		st, err := c.jobStatus(ctx, want.kind)
		if err != nil {
			return nil, false, err
		}
		if st == nil {
			// The record expired or was replaced: look for the object itself (docspace-api.md §5.3 step 5).
			id, err := c.findJobObject(ctx, want)
			if id > 0 || err != nil {
				return &JobStatus{TemplateID: id, IsCompleted: true}, true, err
			}
			vanished++
			if vanished >= 3 {
				return nil, false, fmt.Errorf("the status of the %s job disappeared and no %q was found: "+
					"the job failed or was replaced before it finished", want.kind, want.title)
			}
			return nil, false, nil
		}
		if id := st.ObjectID(); id > 0 && st.Error == "" {
			seenID = id
		}
		tflog.Debug(ctx, "job status", map[string]any{"kind": want.kind.String(), "progress": st.Progress, "completed": st.IsCompleted})
		return st, st.IsCompleted, nil
	})
	if err != nil {
		if ctx.Err() != nil {
			return c.salvage(want, seenID, err)
		}
		return 0, err
	}
	if st.Error != "" {
		c.removeFailedObject(ctx, want, st.ObjectID())
		return 0, &JobError{Kind: want.kind, Message: st.Error}
	}
	id := st.ObjectID()
	if id <= 0 {
		return 0, fmt.Errorf("the %s job finished without reporting an id", want.kind)
	}
	obj, err := c.GetRoom(ctx, id)
	if err != nil && !IsNotFound(err) && !IsForbidden(err) {
		return 0, err
	}
	if err == nil && want.matches(obj) {
		return id, nil
	}
	// The slot reported someone else's object. Our job may still have run; look before starting again.
	if found, err := c.findJobObject(ctx, want); found > 0 || err != nil {
		return found, err
	}
	return 0, errForeignJob
}

// findJobObject lists the newest objects titled like want and returns the one want describes, or 0.
func (c *Client) findJobObject(ctx context.Context, want jobTarget) (int64, error) {
	rooms, err := c.ListRooms(ctx, ListRoomsOptions{SearchArea: want.kind.searchArea(), FilterValue: want.title, SortBy: "DateAndTime", SortOrder: 1})
	if err != nil {
		return 0, err
	}
	for i := range rooms {
		if want.matches(&rooms[i]) {
			return rooms[i].ID, nil
		}
	}
	return 0, nil
}

// salvage runs after the caller's context ended mid-job: it returns the id of the object when it
// verifiably exists, so the caller records it (Terraform then taints it) instead of orphaning it.
func (c *Client) salvage(want jobTarget, seenID int64, cause error) (int64, error) {
	ctx, cancel := context.WithTimeout(context.Background(), cleanupTimeout)
	defer cancel()
	if seenID > 0 {
		if obj, err := c.GetRoom(ctx, seenID); err == nil && want.matches(obj) {
			return seenID, fmt.Errorf("timed out while the portal's %s job was still running; %d exists already: %w", want.kind, seenID, cause)
		}
	}
	if id, err := c.findJobObject(ctx, want); err == nil && id > 0 {
		return id, fmt.Errorf("timed out while the portal's %s job was still running; %d exists already: %w", want.kind, id, cause)
	}
	return 0, fmt.Errorf("timed out before the portal's %s job created anything; if %q appears later, "+
		"import it or delete it: %w", want.kind, want.title, cause)
}

// removeFailedObject deletes what a failed job left behind. A failed job can report the id of a
// half-made object (docspace-api.md §4.2), which is normally deleted already; nothing is deleted
// unless it verifiably belongs to this job.
func (c *Client) removeFailedObject(ctx context.Context, want jobTarget, id int64) {
	if id <= 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancel()
	obj, err := c.GetRoom(ctx, id)
	if err != nil || !want.matches(obj) {
		return
	}
	if err := c.DeleteRoom(ctx, id); err != nil {
		tflog.Warn(ctx, "could not delete what a failed job left behind", map[string]any{"id": id, "error": err.Error()})
	}
}
