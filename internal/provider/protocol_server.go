package provider

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// NewProtocolServer returns the provider's protocol 6 server: the framework's server, with the context of
// every per-resource call released when the call returns. main serves it and the acceptance tests run it.
//
// Why: the framework's protocol server derives a cancellable context from each call's context and keeps
// its cancel function in a list that only StopProvider empties. Each kept function holds the whole chain of
// the call's context: the gRPC stream, the SDK's loggers and every value the call added, about 10 KB. The
// process of a 1000-room apply kept some 40 MiB alive, so memory grew with the estate and the collector
// worked harder as it did. Handing the framework a context that forgets its parent when the call returns
// leaves the list holding a few hundred bytes per call.
//
// It also tells the client, through each call's context, whether Terraform is still there to record
// what the call creates (see Link): main serves it with the Link it watches, tests with nil, which gives
// each server a Link of its own.
//
// Should a framework version serve without the optional protocol parts (list resources, actions, state
// stores), its server is served as it is; TestProtocolServerKeepsNoCallContext then fails.
func NewProtocolServer(version string, link *Link) func() tfprotov6.ProviderServer {
	framework := providerserver.NewProtocol6(New(version)())
	return func() tfprotov6.ProviderServer {
		server := framework()
		if full, ok := server.(frameworkServer); ok {
			l := link
			if l == nil {
				l = NewLink()
			}
			return protocolServer{full, l}
		}
		return server
	}
}

// Link is the provider's connection to Terraform, as far as the provider must know it: whether Terraform
// is still there to record results. Terraform asks a provider to stop (the first Ctrl-C) with the
// StopProvider call, then waits for the calls in progress and records what they return; the client
// finishes what it can within its cleanup budget. When the connection is lost instead (terraform was
// killed: the context of a call in progress ends without a StopProvider before it) or Terraform's
// process is gone (MarkLost, from main), nobody records anything any more: the client leaves every new
// object under its creation marker, where the next run recognises it, and stops its work, and main ends
// the process. This is the one place that tells the two apart.
type Link struct {
	stopped  atomic.Bool
	lost     chan struct{}
	lostOnce sync.Once
}

// NewLink returns the Link of a connection that is up.
func NewLink() *Link { return &Link{lost: make(chan struct{})} }

// Lost is closed once the connection to Terraform is known to be lost.
func (l *Link) Lost() <-chan struct{} { return l.lost }

// MarkLost records that Terraform is gone.
func (l *Link) MarkLost() { l.lostOnce.Do(func() { close(l.lost) }) }

func (l *Link) isLost() bool {
	select {
	case <-l.lost:
		return true
	default:
		return false
	}
}

// callEnded is run when the context of a call in progress ends: without a StopProvider before it,
// Terraform did not ask for it, so the connection is gone.
func (l *Link) callEnded() {
	if !l.stopped.Load() {
		l.MarkLost()
	}
}

// goneFor is the docspace.WithCallerGone function of a call whose context ends when done is closed. It
// holds the channel, not the context, so that nothing of the call stays reachable through it.
func (l *Link) goneFor(done <-chan struct{}) func() bool {
	return func() bool {
		select {
		case <-done:
			l.callEnded()
		default:
		}
		return l.isLost()
	}
}

// frameworkServer is every part of the protocol the framework's server implements. terraform-plugin-go
// finds the optional parts by type assertion, so the wrapper must have them all; when a framework version
// adds one, TestProtocolServerForwardsEveryMethod names its methods until its interface is added here. The three interfaces
// are deprecated only in that ProviderServer will absorb their methods.
type frameworkServer interface {
	tfprotov6.ProviderServerWithListResource //nolint:staticcheck // see above
	tfprotov6.ProviderServerWithActions      //nolint:staticcheck // see above
	tfprotov6.ProviderServerWithStateStores  //nolint:staticcheck // see above
}

// protocolServer passes every call to the framework's server. The calls Terraform makes once per resource
// instance get a callContext, which also carries the Link's verdict on Terraform's presence; the ones it
// makes once per process pass through as they are, and so does ListResource, whose results are streamed
// after the call returns. StopProvider is noted before it is passed on, so that the contexts it ends are
// known to have ended at Terraform's request.
type protocolServer struct {
	frameworkServer
	link *Link
}

var _ frameworkServer = protocolServer{}

// withCallContext runs call with a context that stands for ctx until call returns. When ctx ends while
// call runs, and Terraform did not ask the provider to stop, the connection is lost.
func withCallContext[Req, Resp any](link *Link, ctx context.Context, req Req, call func(context.Context, Req) (Resp, error)) (Resp, error) {
	c := newCallContext(ctx)
	defer c.release()
	stop := context.AfterFunc(ctx, link.callEnded)
	defer stop()
	return call(docspace.WithCallerGone(c, link.goneFor(ctx.Done())), req)
}

func (s protocolServer) StopProvider(ctx context.Context, req *tfprotov6.StopProviderRequest) (*tfprotov6.StopProviderResponse, error) {
	s.link.stopped.Store(true)
	return s.frameworkServer.StopProvider(ctx, req)
}

func (s protocolServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return withCallContext(s.link, ctx, req, s.frameworkServer.ValidateResourceConfig)
}

func (s protocolServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return withCallContext(s.link, ctx, req, s.frameworkServer.UpgradeResourceState)
}

func (s protocolServer) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return withCallContext(s.link, ctx, req, s.frameworkServer.UpgradeResourceIdentity)
}

func (s protocolServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return withCallContext(s.link, ctx, req, s.frameworkServer.ReadResource)
}

func (s protocolServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return withCallContext(s.link, ctx, req, s.frameworkServer.PlanResourceChange)
}

func (s protocolServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return withCallContext(s.link, ctx, req, s.frameworkServer.ApplyResourceChange)
}

func (s protocolServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return withCallContext(s.link, ctx, req, s.frameworkServer.ImportResourceState)
}

func (s protocolServer) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return withCallContext(s.link, ctx, req, s.frameworkServer.GenerateResourceConfig)
}

func (s protocolServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return withCallContext(s.link, ctx, req, s.frameworkServer.ValidateDataResourceConfig)
}

func (s protocolServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return withCallContext(s.link, ctx, req, s.frameworkServer.ReadDataSource)
}

// callContext stands for a call's context until release, then for a finished context that holds nothing
// of it. Done is the call context's channel throughout, so a context derived from this one joins the
// call's cancellation directly and is cancelled when the call's is.
type callContext struct {
	parent atomic.Pointer[context.Context]
	done   <-chan struct{}
}

func newCallContext(ctx context.Context) *callContext {
	c := &callContext{done: ctx.Done()}
	c.parent.Store(&ctx)
	return c
}

// release drops the reference to the call's context.
func (c *callContext) release() { c.parent.Store(nil) }

func (c *callContext) Deadline() (time.Time, bool) {
	if p := c.parent.Load(); p != nil {
		return (*p).Deadline()
	}
	return time.Time{}, false
}

func (c *callContext) Done() <-chan struct{} { return c.done }

func (c *callContext) Err() error {
	if p := c.parent.Load(); p != nil {
		return (*p).Err()
	}
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}

func (c *callContext) Value(key any) any {
	if p := c.parent.Load(); p != nil {
		return (*p).Value(key)
	}
	return nil
}
