package fakeportal

import (
	"time"
)

// jobKind is one of the two background jobs, each with one status slot per portal (docspace-api.md §5.3).
type jobKind int

// Job kinds, for the job knobs.
const (
	JobTemplate         jobKind = 1
	JobRoomFromTemplate jobKind = 2
)

// job is the content of a slot. It runs from started until due, then creates its object.
type job struct {
	kind      jobKind
	owner     *user
	started   time.Time
	due       time.Time
	updated   time.Time
	completed bool
	objectID  int64
	err       string
	run       func() (id int64, err string)
}

// jobFault makes a future job fail.
type jobFault struct {
	message string
	withID  bool
}

// startJob implements the slot rules (docspace-api.md §5.3): a running job in the slot is returned as it
// is, and the new request's parameters are dropped; a finished one is replaced.
func (p *Portal) startJob(c *call, kind jobKind, run func() (int64, string)) {
	if j := p.jobs[kind]; j != nil && !j.completed {
		c.ok(p.jobStatusDTO(j))
		return
	}
	now := p.now()
	j := &job{kind: kind, owner: c.user, started: now, due: now.Add(p.opts.JobDuration), updated: now, objectID: -1, run: run}
	if faults := p.jobFaults[kind]; len(faults) > 0 {
		f := faults[0]
		p.jobFaults[kind] = faults[1:]
		j.run = func() (int64, string) {
			if f.withID {
				return p.newID(), f.message // the half-made object is gone, but its id is reported (§4.2)
			}
			return -1, f.message
		}
	}
	p.jobs[kind] = j
	c.ok(p.jobStatusDTO(j))
}

// advanceJobs finishes due jobs and forgets finished records that were not updated for JobRetention.
func (p *Portal) advanceJobs(now time.Time) {
	for kind, j := range p.jobs {
		if !j.completed && !now.Before(j.due) {
			j.objectID, j.err = j.run()
			j.completed, j.updated = true, j.due
		}
		if j.completed && now.Sub(j.updated) >= p.opts.JobRetention {
			delete(p.jobs, kind)
		}
	}
}

// jobStatusDTO renders RoomTemplateStatusDto / RoomFromTemplateStatusDto. Progress is a fraction while
// running and 100 at the end, as on the real server (docspace-api.md §4.2).
func (p *Portal) jobStatusDTO(j *job) map[string]any {
	progress := 100.0
	if !j.completed {
		total := j.due.Sub(j.started)
		progress = 0
		if total > 0 {
			progress = 0.9 * float64(p.now().Sub(j.started)) / float64(total)
		}
	}
	idKey := "templateId"
	if j.kind == JobRoomFromTemplate {
		idKey = "roomId"
	}
	return map[string]any{idKey: j.objectID, "progress": progress, "error": j.err, "isCompleted": j.completed}
}

// jobStatus answers a status request: the slot's record, whoever started it (BUG 81692), or no response.
func (p *Portal) jobStatus(c *call, kind jobKind) {
	j := p.jobs[kind]
	if j == nil {
		c.empty()
		return
	}
	c.ok(p.jobStatusDTO(j))
}
