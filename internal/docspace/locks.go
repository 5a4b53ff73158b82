package docspace

import (
	"context"
	"sync"
)

// keyedLocks hands out one lock per key. Acquiring waits with a context, so time spent queueing counts
// against the caller's timeout.
type keyedLocks struct {
	mu    sync.Mutex
	locks map[string]chan struct{}
}

func (l *keyedLocks) lock(ctx context.Context, key string) (unlock func(), err error) {
	l.mu.Lock()
	if l.locks == nil {
		l.locks = map[string]chan struct{}{}
	}
	ch, ok := l.locks[key]
	if !ok {
		ch = make(chan struct{}, 1)
		l.locks[key] = ch
	}
	l.mu.Unlock()
	select {
	case ch <- struct{}{}:
		return func() { <-ch }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
