// Command providerschema prints the provider's schema in the format of `terraform providers schema -json`,
// straight from the provider. The docs are generated from it, so they do not depend on which Terraform
// CLI a machine has: older CLIs, for example, do not report write-only attributes.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

func main() {
	server := providerserver.NewProtocol6(provider.New("dev")())()
	resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		fail(err)
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			fail(fmt.Errorf("%s: %s", d.Summary, d.Detail))
		}
	}
	ids, err := server.GetResourceIdentitySchemas(context.Background(), &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		fail(err)
	}
	for _, d := range ids.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			fail(fmt.Errorf("%s: %s", d.Summary, d.Detail))
		}
	}
	out := map[string]any{
		"format_version": "1.0",
		// Keyed by the short name, which is how tfplugindocs looks a provider up.
		"provider_schemas": map[string]any{
			"docspace": map[string]any{
				"provider":                  schema(resp.Provider),
				"resource_schemas":          schemas(resp.ResourceSchemas),
				"data_source_schemas":       schemas(resp.DataSourceSchemas),
				"list_resource_schemas":     schemas(resp.ListResourceSchemas),
				"resource_identity_schemas": identitySchemas(ids.IdentitySchemas),
			},
		},
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "providerschema:", err)
	os.Exit(1)
}

func schemas(in map[string]*tfprotov6.Schema) map[string]any {
	out := map[string]any{}
	for name, s := range in {
		out[name] = schema(s)
	}
	return out
}

func identitySchemas(in map[string]*tfprotov6.ResourceIdentitySchema) map[string]any {
	out := map[string]any{}
	for name, s := range in {
		attrs := map[string]any{}
		for _, a := range s.IdentityAttributes {
			attr := map[string]any{"type": a.Type}
			if a.Description != "" {
				attr["description"] = a.Description
			}
			if a.RequiredForImport {
				attr["required_for_import"] = true
			}
			if a.OptionalForImport {
				attr["optional_for_import"] = true
			}
			attrs[a.Name] = attr
		}
		out[name] = map[string]any{"version": s.Version, "attributes": attrs}
	}
	return out
}

func schema(s *tfprotov6.Schema) map[string]any {
	return map[string]any{"version": s.Version, "block": block(s.Block)}
}

func block(b *tfprotov6.SchemaBlock) map[string]any {
	out := map[string]any{"description_kind": kind(b.DescriptionKind)}
	if b.Description != "" {
		out["description"] = b.Description
	}
	if len(b.Attributes) > 0 {
		out["attributes"] = attributes(b.Attributes)
	}
	if len(b.BlockTypes) > 0 {
		nested := map[string]any{}
		for _, bt := range b.BlockTypes {
			nested[bt.TypeName] = map[string]any{"nesting_mode": nesting(int(bt.Nesting), true), "block": block(bt.Block)}
		}
		out["block_types"] = nested
	}
	return out
}

func attributes(in []*tfprotov6.SchemaAttribute) map[string]any {
	out := map[string]any{}
	for _, a := range in {
		attr := map[string]any{"description_kind": kind(a.DescriptionKind)}
		if a.NestedType != nil {
			attr["nested_type"] = map[string]any{"attributes": attributes(a.NestedType.Attributes), "nesting_mode": nesting(int(a.NestedType.Nesting), false)}
		} else {
			attr["type"] = a.Type
		}
		for key, set := range map[string]bool{"required": a.Required, "optional": a.Optional, "computed": a.Computed,
			"sensitive": a.Sensitive, "deprecated": a.Deprecated, "write_only": a.WriteOnly} {
			if set {
				attr[key] = true
			}
		}
		if a.Description != "" {
			attr["description"] = a.Description
		}
		out[a.Name] = attr
	}
	return out
}

func kind(k tfprotov6.StringKind) string {
	if k == tfprotov6.StringKindMarkdown {
		return "markdown"
	}
	return "plain"
}

// nesting names a nesting mode as Terraform's JSON does. Blocks and nested attributes number them differently.
func nesting(mode int, isBlock bool) string {
	if isBlock {
		return map[int]string{1: "single", 2: "list", 3: "set", 4: "map", 5: "group"}[mode]
	}
	return map[int]string{1: "single", 2: "list", 3: "set", 4: "map"}[mode]
}
