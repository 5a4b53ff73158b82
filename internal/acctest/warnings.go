package acctest

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

// Warnings records the warnings the provider returns from reads, plans and applies of resources while a
// test runs, so that steps can check them: the test framework shows them nowhere.
type Warnings struct {
	mu   sync.Mutex
	seen []string
}

// RecordWarnings makes Run serve a provider whose resource warnings are recorded, and returns the record.
func (e *Env) RecordWarnings() *Warnings {
	e.warnings = &Warnings{}
	return e.warnings
}

// Reset forgets the warnings recorded so far, for example in a step's PreConfig.
func (w *Warnings) Reset() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.seen = nil
}

// All returns the recorded warnings, each as its summary and detail.
func (w *Warnings) All() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.seen...)
}

// Check fails unless a recorded warning contains every one of parts.
func (w *Warnings) Check(parts ...string) func(*terraform.State) error {
	return func(*terraform.State) error {
		all := w.All()
		for _, s := range all {
			found := true
			for _, p := range parts {
				found = found && strings.Contains(s, p)
			}
			if found {
				return nil
			}
		}
		return fmt.Errorf("no warning contains %q; the warnings: %q", parts, all)
	}
}

// CheckNone fails when any warning was recorded.
func (w *Warnings) CheckNone() func(*terraform.State) error {
	return func(*terraform.State) error {
		if all := w.All(); len(all) > 0 {
			return fmt.Errorf("expected no warning, got %q", all)
		}
		return nil
	}
}

func (w *Warnings) add(diags []*tfprotov6.Diagnostic) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, d := range diags {
		if d != nil && d.Severity == tfprotov6.DiagnosticSeverityWarning {
			w.seen = append(w.seen, d.Summary+": "+d.Detail)
		}
	}
}

// fullServer is every part of the protocol the provider's server implements; the wrapper must keep them all,
// since terraform-plugin-go finds the optional parts by type assertion.
type fullServer interface {
	tfprotov6.ProviderServerWithListResource //nolint:staticcheck // the optional parts, deprecated only in that ProviderServer will absorb them
	tfprotov6.ProviderServerWithActions      //nolint:staticcheck // see above
	tfprotov6.ProviderServerWithStateStores  //nolint:staticcheck // see above
}

// warningServer passes every call to the provider's server and records the warnings of resource reads, plans
// and applies.
type warningServer struct {
	fullServer
	w *Warnings
}

func (s warningServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	resp, err := s.fullServer.ReadResource(ctx, req)
	if resp != nil {
		s.w.add(resp.Diagnostics)
	}
	return resp, err
}

func (s warningServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	resp, err := s.fullServer.PlanResourceChange(ctx, req)
	if resp != nil {
		s.w.add(resp.Diagnostics)
	}
	return resp, err
}

func (s warningServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	resp, err := s.fullServer.ApplyResourceChange(ctx, req)
	if resp != nil {
		s.w.add(resp.Diagnostics)
	}
	return resp, err
}

// providerFactories serves the provider, recording its warnings into w when w is not nil.
func providerFactories(w *Warnings) map[string]func() (tfprotov6.ProviderServer, error) {
	if w == nil {
		return ProtoV6ProviderFactories
	}
	return map[string]func() (tfprotov6.ProviderServer, error){
		"docspace": func() (tfprotov6.ProviderServer, error) {
			server := provider.NewProtocolServer("test", nil)()
			full, ok := server.(fullServer)
			if !ok {
				return nil, fmt.Errorf("the provider's server lacks optional protocol parts; warnings cannot be recorded")
			}
			return warningServer{full, w}, nil
		},
	}
}
