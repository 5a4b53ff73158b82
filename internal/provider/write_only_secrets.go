package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A secret the provider sends to the portal (a link's password, a webhook's secret) is given in one of two
// ways: <name>, a sensitive argument kept in the state, for every Terraform version; or <name>_wo, a
// write-only argument (Terraform 1.11 and later) that is never stored, sent again whenever
// <name>_wo_version changes.

// secretDocs describes a secret for its three attributes.
type secretDocs struct {
	// plain describes <name>: what the secret is and its rules. The text that it is stored in the state
	// follows.
	plain string
	// writeOnly names the secret after "Write-only " in <name>_wo's description ("password for external links").
	writeOnly string
}

// addSecretAttributes adds <name>, <name>_wo and <name>_wo_version to attrs. valueRules validate the secret in
// both of its attributes; <name> conflicts with <name>_wo, and <name>_wo_version requires <name>_wo.
func addSecretAttributes(attrs map[string]schema.Attribute, name string, docs secretDocs, valueRules ...validator.String) {
	wo, version := name+"_wo", name+"_wo_version"
	attrs[name] = schema.StringAttribute{
		MarkdownDescription: docs.plain + " It is stored in the state; with Terraform 1.11 or later prefer `" + wo + "`.",
		Optional:            true,
		Sensitive:           true,
		Validators:          append(append([]validator.String{}, valueRules...), stringvalidator.ConflictsWith(path.MatchRoot(wo))),
	}
	attrs[wo] = schema.StringAttribute{
		MarkdownDescription: "Write-only " + docs.writeOnly + " (Terraform 1.11 or later): sent to the portal, never stored. " +
			"Change `" + version + "` to send a new value.",
		Optional:   true,
		Sensitive:  true,
		WriteOnly:  true,
		Validators: append([]validator.String{}, valueRules...),
	}
	attrs[version] = schema.Int64Attribute{
		MarkdownDescription: "Any number; changing it sends `" + wo + "` again.",
		Optional:            true,
		Validators:          []validator.Int64{int64validator.AlsoRequires(path.MatchRoot(wo))},
	}
}

// secretToSend returns the secret a configuration gives: plain (the value of <name> in the plan) when it is
// set, else the write-only <name>_wo, which only the configuration holds.
func secretToSend(ctx context.Context, config tfsdk.Config, name string, plain types.String, diags *diag.Diagnostics) string {
	if !plain.IsNull() {
		return plain.ValueString()
	}
	var wo types.String
	diags.Append(config.GetAttribute(ctx, path.Root(name+"_wo"), &wo)...)
	return wo.ValueString()
}
