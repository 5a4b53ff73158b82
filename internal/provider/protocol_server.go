package provider

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
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
// Should a framework version serve without the optional protocol parts (list resources, actions, state
// stores), its server is served as it is; TestProtocolServerKeepsNoCallContext then fails.
func NewProtocolServer(version string) func() tfprotov6.ProviderServer {
	framework := providerserver.NewProtocol6(New(version)())
	return func() tfprotov6.ProviderServer {
		server := framework()
		if full, ok := server.(frameworkServer); ok {
			return protocolServer{full}
		}
		return server
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
// instance get a callContext; the ones it makes once per process pass through as they are, and so does
// ListResource, whose results are streamed after the call returns.
type protocolServer struct{ frameworkServer }

var _ frameworkServer = protocolServer{}

// withCallContext runs call with a context that stands for ctx until call returns.
func withCallContext[Req, Resp any](ctx context.Context, req Req, call func(context.Context, Req) (Resp, error)) (Resp, error) {
	c := newCallContext(ctx)
	defer c.release()
	return call(c, req)
}

func (s protocolServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return withCallContext(ctx, req, s.frameworkServer.ValidateResourceConfig)
}

func (s protocolServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return withCallContext(ctx, req, s.frameworkServer.UpgradeResourceState)
}

func (s protocolServer) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return withCallContext(ctx, req, s.frameworkServer.UpgradeResourceIdentity)
}

func (s protocolServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return withCallContext(ctx, req, s.frameworkServer.ReadResource)
}

func (s protocolServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return withCallContext(ctx, req, s.frameworkServer.PlanResourceChange)
}

func (s protocolServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return withCallContext(ctx, req, s.frameworkServer.ApplyResourceChange)
}

func (s protocolServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return withCallContext(ctx, req, s.frameworkServer.ImportResourceState)
}

func (s protocolServer) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return withCallContext(ctx, req, s.frameworkServer.GenerateResourceConfig)
}

func (s protocolServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return withCallContext(ctx, req, s.frameworkServer.ValidateDataResourceConfig)
}

func (s protocolServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return withCallContext(ctx, req, s.frameworkServer.ReadDataSource)
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
