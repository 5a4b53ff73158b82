package poll

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestDelayGrowsToMax(t *testing.T) {
	b := Backoff{Initial: 100 * time.Millisecond, Max: time.Second, Factor: 2}
	want := []int{100, 200, 400, 800, 1000, 1000}
	for n, w := range want {
		if got := b.Delay(n); got != time.Duration(w)*time.Millisecond {
			t.Errorf("Delay(%d) = %v, want %d ms", n, got, w)
		}
	}
}

func TestDelayJitterStaysInRange(t *testing.T) {
	b := Backoff{Initial: time.Second, Max: time.Second, Factor: 1, Jitter: 0.1}
	for range 200 {
		if d := b.Delay(0); d < 900*time.Millisecond || d > 1100*time.Millisecond {
			t.Fatalf("jittered delay %v outside ±10%%", d)
		}
	}
}

func TestUntilReturnsResultAndStopsOnError(t *testing.T) {
	fast := Backoff{Initial: time.Millisecond, Max: time.Millisecond, Factor: 1}
	calls := 0
	v, err := Until(t.Context(), fast, false, func(context.Context) (int, bool, error) {
		calls++
		return calls, calls == 3, nil
	})
	if err != nil || v != 3 {
		t.Fatalf("Until = %d, %v; want 3, nil", v, err)
	}
	boom := errors.New("boom")
	_, err = Until(t.Context(), fast, true, func(context.Context) (int, bool, error) { return 0, false, boom })
	if !errors.Is(err, boom) {
		t.Fatalf("Until error = %v, want boom", err)
	}
}

func TestUntilHonoursCancellation(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	slow := Backoff{Initial: time.Hour, Max: time.Hour, Factor: 1}
	start := time.Now()
	_, err := Until(ctx, slow, true, func(context.Context) (int, bool, error) { return 0, false, nil })
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
		t.Fatalf("Until = %v after %v; want a prompt deadline error", err, time.Since(start))
	}
}

func TestExpectingChecksCloselyAroundTheExpectedEnd(t *testing.T) {
	e := Expecting{Expected: time.Second, Step: 50 * time.Millisecond, Later: Backoff{Initial: 100 * time.Millisecond, Max: time.Second, Factor: 2}}
	var at time.Duration
	var times []time.Duration
	for n := range 14 {
		at += e.Delay(n)
		times = append(times, at)
	}
	if times[0] != 800*time.Millisecond {
		t.Fatalf("first check at %v, want 800ms", times[0])
	}
	for i := 1; i <= 9; i++ {
		if times[i]-times[i-1] != 50*time.Millisecond {
			t.Fatalf("check %d comes %v after the previous one, want 50ms", i, times[i]-times[i-1])
		}
	}
	if times[9] != 1250*time.Millisecond {
		t.Fatalf("close checks end at %v, want 1250ms (a quarter overdue)", times[9])
	}
	if got := []time.Duration{times[10] - times[9], times[11] - times[10], times[12] - times[11]}; got[0] != 100*time.Millisecond || got[1] != 200*time.Millisecond || got[2] != 400*time.Millisecond {
		t.Fatalf("after the close checks the delays are %v, want the later backoff from its start", got)
	}
}
