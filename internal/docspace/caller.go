package docspace

import (
	"context"
	"errors"
)

// A creation ends by renaming its object, and from then on only the caller's record of the returned id
// tells the object from an orphan. When whoever records results (Terraform, behind the provider's
// protocol server) is gone, the client must leave the object under its creation marker, where the next
// run recognises it, instead of finishing it for nobody.
//
// The caller tells the client through the context: the provider's protocol server attaches to every
// call a function that reports whether Terraform is gone (its connection lost, or its process dead) as
// opposed to merely asking to stop (Ctrl-C), after which it still waits for and records the results.
// A context without one never counts as gone.

type callerGoneKey struct{}

// WithCallerGone returns a context whose calls report to a caller that may go away for good: gone
// reports whether it has. Once gone reports true, the client finishes no creation (it leaves the new
// object under its creation marker), stops watching interrupted jobs and stops looking for objects
// whose creation answer was lost. gone must be cheap and safe for concurrent use.
func WithCallerGone(ctx context.Context, gone func() bool) context.Context {
	return context.WithValue(ctx, callerGoneKey{}, gone)
}

// CallerGone reports whether the caller of ctx is gone for good (see WithCallerGone).
func CallerGone(ctx context.Context) bool {
	gone, _ := ctx.Value(callerGoneKey{}).(func() bool)
	return gone != nil && gone()
}

// ErrCallerGone is the reason a creation stops when its caller is gone.
var ErrCallerGone = errors.New("the connection to Terraform is lost, so nobody would record the object; " +
	"it keeps its creation marker, by which the next run recognises it")
