package provider_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/pdfform"
)

// exampleForms are the PDF forms committed next to the examples, each made by pdfform.Sample: the
// project's own forms, no asset copied from elsewhere. Run the test with DOCSPACE_WRITE_EXAMPLE_FORMS=1
// to write them again after pdfform changes.
var exampleForms = map[string][]byte{
	"examples/scenarios/project-onboarding/Client intake form.pdf": pdfform.Sample("Client intake form", 4096),
}

// TestExampleFormsAreGenerated: every committed example form is exactly what the generator makes, and is
// a form by the portal's rule.
func TestExampleFormsAreGenerated(t *testing.T) {
	for name, want := range exampleForms {
		file := filepath.Join(repoRoot, name)
		if os.Getenv("DOCSPACE_WRITE_EXAMPLE_FORMS") == "1" {
			if err := os.WriteFile(file, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v; write it with DOCSPACE_WRITE_EXAMPLE_FORMS=1 go test ./internal/provider -run TestExampleFormsAreGenerated", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not what pdfform.Sample makes; write it again with DOCSPACE_WRITE_EXAMPLE_FORMS=1 go test ./internal/provider -run TestExampleFormsAreGenerated", name)
		}
		if !pdfform.Signed(got[:min(len(got), pdfform.HeadSize)]) {
			t.Errorf("%s is not an ONLYOFFICE PDF form by the portal's rule", name)
		}
	}
}
