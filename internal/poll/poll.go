// Package poll waits for remote state with a context-aware, jittered backoff.
package poll

import (
	"context"
	"math/rand/v2"
	"time"
)

// Backoff describes the delays between checks.
type Backoff struct {
	Initial time.Duration // delay before the second check
	Max     time.Duration // longest delay
	Factor  float64       // growth per check
	Jitter  float64       // random spread, as a fraction of the delay
}

// DefaultBackoff starts fast, because the portal's operations and jobs on small rooms take about a second,
// and never polls less often than once a second, far inside the 60-second lifetime of a finished job's status.
var DefaultBackoff = Backoff{Initial: 100 * time.Millisecond, Max: time.Second, Factor: 1.25, Jitter: 0.1}

// Delay returns the delay before check number n+1 (n starts at 0).
func (b Backoff) Delay(n int) time.Duration {
	d := float64(b.Initial)
	for range n {
		d *= b.Factor
		if d >= float64(b.Max) {
			d = float64(b.Max)
			break
		}
	}
	if b.Jitter > 0 {
		d += d * b.Jitter * (2*rand.Float64() - 1)
	}
	return time.Duration(d)
}

// Schedule gives the delay before check number n+1 (n starts at 0). Backoff is one.
type Schedule interface {
	Delay(n int) time.Duration
}

// Expecting is a schedule for a wait expected to take about Expected: the first check comes at four
// fifths of it, then one every Step until it is a quarter overdue, and from then on the checks follow
// Later. A wait whose length is known from earlier ones is so noticed within Step of its end, with a
// handful of checks.
type Expecting struct {
	Expected, Step time.Duration
	Later          Backoff
}

// Delay implements Schedule.
func (e Expecting) Delay(n int) time.Duration {
	first := e.Expected * 4 / 5
	near := int((e.Overdue() - first) / e.Step) // checks every Step until overdue
	switch {
	case n == 0:
		return first
	case n <= near:
		return e.Step
	}
	return e.Later.Delay(n - near - 1)
}

// Overdue is how long after its start the wait is a quarter overdue, when the checks fall back to Later.
func (e Expecting) Overdue() time.Duration { return e.Expected * 5 / 4 }

// Until calls check until it reports done or returns an error, sleeping between calls. The first call is
// made after the schedule's first delay when delayFirst is set, immediately otherwise. It returns
// ctx.Err() when ctx ends.
func Until[T any](ctx context.Context, b Schedule, delayFirst bool, check func(context.Context) (T, bool, error)) (T, error) {
	var zero T
	waits := 0
	for n := 0; ; n++ {
		if n > 0 || delayFirst {
			if err := Sleep(ctx, b.Delay(waits)); err != nil {
				return zero, err
			}
			waits++
		}
		v, done, err := check(ctx)
		if err != nil || done {
			return v, err
		}
	}
}

// Sleep waits for d or until ctx ends, whichever comes first.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
