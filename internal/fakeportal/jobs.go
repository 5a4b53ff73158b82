package fakeportal

import (
	"time"
)

// jobKind is one of the two background jobs, each with one status slot per portal (api-notes.md §20).
type jobKind int

// Job kinds, for the job knobs.
const (
	JobTemplate         jobKind = 1
	JobRoomFromTemplate jobKind = 2
)

// JobFailure says when an injected job failure strikes.
type JobFailure int

const (
	// FailBeforeCreate fails the job before it creates anything; the status reports no id.
	FailBeforeCreate JobFailure = iota
	// FailAfterCreate fails it after its object existed; the server deletes the half-made object but the
	// status still reports its id (api-notes.md §16).
	FailAfterCreate
	// FailLeavingObject is FailAfterCreate where the half-made object is not cleaned up.
	FailLeavingObject
)

// job is the content of a slot. Like the real job it first creates its folder — from then on the status
// reports the id while contents are still copied — and completes at due.
type job struct {
	kind      jobKind
	owner     *user
	started   time.Time
	createAt  time.Time
	due       time.Time
	updated   time.Time
	created   bool
	completed bool
	objectID  int64 // set when the object exists
	published int64 // the id the status reports: objectID from the job's next progress step on
	err       string
	create    func() (id int64, err string)
	failure   *jobFault
	noticed   bool // a status answer has shown the owner that the job completed
}

type jobFault struct {
	message string
	when    JobFailure
}

// startJob implements the slot rules (api-notes.md §20): a running job in the slot is returned as it
// is, and the new request's parameters are dropped; a finished one is replaced.
func (p *Portal) startJob(c *call, kind jobKind, create func() (int64, string)) {
	if j := p.jobs[kind]; j != nil && !j.completed {
		c.ok(p.jobStatusDTO(j))
		return
	}
	j := p.newJob(kind, c.user, p.opts.JobDuration, create)
	if faults := p.jobFaults[kind]; len(faults) > 0 {
		j.failure = &faults[0]
		p.jobFaults[kind] = faults[1:]
	}
	p.jobs[kind] = j
	c.ok(p.jobStatusDTO(j))
}

func (p *Portal) newJob(kind jobKind, owner *user, d time.Duration, create func() (int64, string)) *job {
	now := p.now()
	return &job{kind: kind, owner: owner, started: now, createAt: now.Add(d / 5), due: now.Add(d), updated: now, objectID: -1, published: -1, create: create}
}

// advanceJobs moves jobs along. A job publishes progress when it creates its object and when it ends
// (the fake copies no files, so nothing in between). The queue cleaner drops a finished record not
// updated for JobRetention, and a running job without progress for JobStallTimeout, which is cancelled
// and never finishes (api-notes.md §16).
func (p *Portal) advanceJobs(now time.Time) {
	for kind, j := range p.jobs {
		stall := p.opts.JobStallTimeout
		if !j.created && now.Sub(j.updated) >= stall && j.updated.Add(stall).Before(j.createAt) {
			delete(p.jobs, kind) // stalled before creating anything
			continue
		}
		if !j.created && !now.Before(j.createAt) {
			j.created, j.updated = true, j.createAt
			if j.failure != nil && j.failure.when == FailBeforeCreate {
				j.err, j.completed = j.failure.message, true
			} else {
				j.objectID, j.err = j.create()
				j.completed = j.err != ""
			}
			// The room-from-template job publishes the new id right after its setup; the template job
			// sets it in memory and publishes it only at its next progress step (api-notes.md §16).
			if j.kind == JobRoomFromTemplate || j.completed {
				j.published = j.objectID
			}
		}
		if !j.completed && j.updated.Add(stall).Before(j.due) && now.Sub(j.updated) >= stall {
			delete(p.jobs, kind) // evicted while running: the task is cancelled, the half-made object stays
			continue
		}
		if !j.completed && !now.Before(j.due) {
			j.completed, j.updated, j.published = true, j.due, j.objectID
			if f := j.failure; f != nil {
				j.err = f.message
				if f.when == FailAfterCreate {
					delete(p.rooms, j.objectID)
				}
			}
		}
		if j.completed && now.Sub(j.updated) >= p.opts.JobRetention {
			delete(p.jobs, kind)
		}
	}
}

// jobStatusDTO renders RoomTemplateStatusDto / RoomFromTemplateStatusDto. Progress is a fraction while
// copying and 100 at the end, as on the real server (api-notes.md §16).
func (p *Portal) jobStatusDTO(j *job) map[string]any {
	progress := 100.0
	if !j.completed {
		progress = 0
		if total := j.due.Sub(j.started); total > 0 {
			progress = 0.9 * float64(p.now().Sub(j.started)) / float64(total)
		}
	}
	idKey := "templateId"
	if j.kind == JobRoomFromTemplate {
		idKey = "roomId"
	}
	return map[string]any{idKey: j.published, "progress": progress, "error": j.err, "isCompleted": j.completed}
}

// jobStatus answers a status request: the slot's record, whoever started it (BUG 81692), or no response.
func (p *Portal) jobStatus(c *call, kind jobKind) {
	j := p.jobs[kind]
	if j == nil {
		c.empty()
		return
	}
	if j.completed && !j.noticed && j.owner == c.user {
		j.noticed = true
		p.jobLags = append(p.jobLags, p.now().Sub(j.due))
	}
	c.ok(p.jobStatusDTO(j))
}
