package docspace

import (
	"sync"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/poll"
)

// pacing remembers how long this client's last wait of each kind took (a template job, a room delete,
// …), so that the next wait of a series is checked closely around its expected end instead of on a
// growing backoff; and when this client last saw each job slot free, so that a series of jobs does not
// look at a slot it has just seen free.
type pacing struct {
	mu    sync.Mutex
	took  map[string]time.Duration
	freed map[JobKind]time.Time
}

// slotFreshness is how long a slot this client saw free is taken to be free still.
const slotFreshness = time.Second

func newPacing() *pacing {
	return &pacing{took: map[string]time.Duration{}, freed: map[JobKind]time.Time{}}
}

// ended records how long a wait of kind took.
func (p *pacing) ended(kind string, took time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.took[kind] = took
}

// schedule paces the checks of a wait of kind: around the end the last one of its kind took, or on the
// ordinary backoff when there was none. Near the expected end the checks come every twentieth of it
// (10 ms for a 200 ms delete, 50 ms for a one-second job), but never closer than a tenth of the
// backoff's first delay. It also returns when the wait becomes overdue, or 0 when nothing is expected.
func (p *pacing) schedule(kind string, backoff poll.Backoff) (poll.Schedule, time.Duration) {
	p.mu.Lock()
	took, ok := p.took[kind]
	p.mu.Unlock()
	if !ok {
		return backoff, 0
	}
	step := min(max(took/20, backoff.Initial/10), backoff.Max)
	e := poll.Expecting{Expected: took, Step: step, Later: backoff}
	return e, e.Overdue()
}

func (p *pacing) slotFreed(kind JobKind) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.freed[kind] = time.Now()
}

func (p *pacing) forgetSlot(kind JobKind) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.freed, kind)
}

// slotFollowed reports whether this client has seen a job of its own of kind end, and has not since
// found the slot running someone else's job in place of one of its own.
func (p *pacing) slotFollowed(kind JobKind) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, ok := p.freed[kind]
	return ok
}

func (p *pacing) slotJustFreed(kind JobKind) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	at, ok := p.freed[kind]
	return ok && time.Since(at) < slotFreshness
}
