package provider

import (
	"context"
	"errors"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
	"weak"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type callValueKey struct{}

// payload stands for what a call's context holds: loggers, the gRPC stream, values the call added.
type payload struct{ _ [4096]byte }

// validateThrough makes one ValidateResourceConfig call through server with a context that holds a fresh
// payload, and returns a weak pointer to that payload.
func validateThrough(t *testing.T, server tfprotov6.ProviderServer) weak.Pointer[payload] {
	t.Helper()
	p := new(payload)
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), callValueKey{}, p))
	resp, err := server.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: "docspace_no_such_resource"})
	cancel()
	if err != nil || resp == nil || len(resp.Diagnostics) == 0 {
		t.Fatalf("ValidateResourceConfig of an unknown type: want a diagnostic, got %v, %v", resp, err)
	}
	return weak.Make(p)
}

// The framework's server keeps a cancel function for every call's context until StopProvider; the
// protocol server must leave nothing of the call's context reachable once the call returns.
func TestProtocolServerKeepsNoCallContext(t *testing.T) {
	// Both servers stay alive, as they do in a provider process, so whatever they keep stays reachable.
	server, framework := NewProtocolServer("test", nil)(), providerserver.NewProtocol6(New("test")())()
	throughServer, throughFramework := validateThrough(t, server), validateThrough(t, framework)
	runtime.GC()
	if throughServer.Value() != nil {
		t.Error("a call's context is still reachable after the call returned through the protocol server")
	}
	// The same check must see what the framework's server keeps; if it no longer keeps anything, the
	// protocol server has nothing left to fix and can go.
	if throughFramework.Value() == nil {
		t.Error("the framework's server no longer keeps call contexts: serve it directly and remove protocolServer")
	}
	runtime.KeepAlive(server)
	runtime.KeepAlive(framework)
}

func TestCallContextStandsForTheCallUntilReleased(t *testing.T) {
	parent, cancel := context.WithCancel(context.WithValue(context.Background(), callValueKey{}, "value"))
	defer cancel()
	c := newCallContext(parent)

	if got := c.Value(callValueKey{}); got != "value" {
		t.Errorf("Value during the call = %v, want the call's value", got)
	}
	if c.Done() != parent.Done() {
		t.Error("Done during the call is not the call's channel")
	}
	derived, stop := context.WithCancel(c)
	defer stop()

	c.release()
	if got := c.Value(callValueKey{}); got != nil {
		t.Errorf("Value after release = %v, want nil", got)
	}
	if c.Err() != nil || derived.Err() != nil {
		t.Errorf("Err before the call's context ends = %v, %v; want nil", c.Err(), derived.Err())
	}

	cancel()
	<-c.Done()
	<-derived.Done()
	if !errors.Is(c.Err(), context.Canceled) || !errors.Is(derived.Err(), context.Canceled) {
		t.Errorf("Err after the call's context ended = %v, %v; want context.Canceled", c.Err(), derived.Err())
	}
}

// terraform-plugin-go finds the optional parts of the protocol (list resources, actions, state stores, and
// whatever a later framework adds) by type assertion on the served value. A method the framework's server
// has and protocolServer lacks is a part Terraform would never see, with no compile error to say so: the
// wrapper embeds only the interfaces it names.
func TestProtocolServerForwardsEveryMethod(t *testing.T) {
	framework := reflect.TypeOf(providerserver.NewProtocol6(New("test")())())
	served := NewProtocolServer("test", nil)()
	if _, ok := served.(protocolServer); !ok {
		t.Fatalf("NewProtocolServer serves %T, not protocolServer: the framework's server lacks part of frameworkServer", served)
	}
	if missing := missingMethods(framework, reflect.TypeOf(served)); len(missing) > 0 {
		t.Errorf("protocolServer hides methods of the framework's server %v:\n  %s\nAdd the interface that declares them to "+
			"frameworkServer (per-resource calls also get a method with withCallContext).", framework, strings.Join(missing, "\n  "))
	}
}

// missingMethods lists the exported methods of want that got lacks, or has with another signature.
func missingMethods(want, got reflect.Type) []string {
	var missing []string
	for i := range want.NumMethod() {
		m := want.Method(i)
		g, ok := got.MethodByName(m.Name)
		switch {
		case !ok:
			missing = append(missing, m.Name+" "+signature(m.Type))
		case signature(g.Type) != signature(m.Type):
			missing = append(missing, m.Name+" "+signature(m.Type)+" (protocolServer has "+signature(g.Type)+")")
		}
	}
	return missing
}

// signature renders a method's type without its receiver.
func signature(f reflect.Type) string {
	in := make([]string, 0, f.NumIn())
	for i := 1; i < f.NumIn(); i++ {
		in = append(in, f.In(i).String())
	}
	out := make([]string, 0, f.NumOut())
	for i := range f.NumOut() {
		out = append(out, f.Out(i).String())
	}
	return "func(" + strings.Join(in, ", ") + ") (" + strings.Join(out, ", ") + ")"
}

// callUntilEnded runs one call through withCallContext that waits until its context ends, as a creation
// waiting for a job does, and reports whether the client would then count the caller gone.
func callUntilEnded(link *Link, ctx context.Context, ended func()) bool {
	gone, _ := withCallContext(link, ctx, struct{}{}, func(ctx context.Context, _ struct{}) (bool, error) {
		ended()
		<-ctx.Done()
		return docspace.CallerGone(ctx), nil
	})
	return gone
}

func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// Terraform asks a provider to stop with StopProvider and still records what the calls return; a call
// whose context ends without it has lost Terraform. The client must learn which of the two happened.
func TestLinkTellsAStopFromALostConnection(t *testing.T) {
	t.Run("lost connection", func(t *testing.T) {
		link := NewLink()
		ctx, cancel := context.WithCancel(t.Context())
		if !callUntilEnded(link, ctx, cancel) {
			t.Error("a call whose context ended without StopProvider does not count Terraform gone")
		}
		if !isClosed(link.Lost()) {
			t.Error("the link is not marked lost")
		}
	})
	t.Run("StopProvider", func(t *testing.T) {
		link := NewLink()
		server := NewProtocolServer("test", link)()
		ctx, cancel := context.WithCancel(t.Context())
		stopAndCancel := func() {
			if _, err := server.StopProvider(t.Context(), &tfprotov6.StopProviderRequest{}); err != nil {
				t.Error(err)
			}
			cancel() // what terraform-plugin-go does to the calls in progress after StopProvider
		}
		if callUntilEnded(link, ctx, stopAndCancel) {
			t.Error("a call stopped at Terraform's request counts Terraform gone")
		}
		if isClosed(link.Lost()) {
			t.Error("the link is marked lost after a StopProvider")
		}
		// Terraform killed after its Ctrl-C: main notices the parent gone.
		link.MarkLost()
		if !docspace.CallerGone(docspace.WithCallerGone(t.Context(), link.goneFor(ctx.Done()))) {
			t.Error("a stopped call does not count Terraform gone once the link is lost")
		}
	})
	t.Run("call returned", func(t *testing.T) {
		link := NewLink()
		ctx, cancel := context.WithCancel(t.Context())
		_, _ = withCallContext(link, ctx, struct{}{}, func(context.Context, struct{}) (struct{}, error) { return struct{}{}, nil })
		cancel() // gRPC ends every call's context once the call has returned
		time.Sleep(10 * time.Millisecond)
		if isClosed(link.Lost()) {
			t.Error("the end of a call's context after the call returned marks the link lost")
		}
	})
	t.Run("no link in context", func(t *testing.T) {
		if docspace.CallerGone(t.Context()) {
			t.Error("a context without a caller counts it gone")
		}
	})
}
