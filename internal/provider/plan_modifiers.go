package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
)

// Replacement is planned only from known values. A value that is unknown at plan time (it comes from a
// resource or data source not yet read, such as a template looked up with depends_on) never forces a
// new object by itself, because a plan to replace a room deletes its files. If the value turns out to
// differ at apply, Terraform stops with "Provider produced inconsistent final plan" and nothing is
// deleted; the next plan then shows the replacement with the real value.
const unknownNote = "A value not known until apply does not force a new object by itself."

// Creation-only arguments (a template's source room, a room's template, a template's initial shares)
// cannot be read back from the portal, so an imported resource has them null in state. Changing them
// replaces the object, but filling them in after an import does not.
const unreadableNote = "Changing it forces a new object; the portal does not report it, so after an import it is taken from the configuration. " + unknownNote

func stringRequiresReplaceUnlessImported() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(
		func(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
			resp.RequiresReplace = !req.StateValue.IsNull() && !req.PlanValue.IsUnknown()
			refuseProtectedReplacement(ctx, resp.RequiresReplace, req.Path, req.State, req.Plan, &resp.Diagnostics)
		}, unreadableNote, unreadableNote)
}

func setRequiresReplaceUnlessImported() planmodifier.Set {
	return setplanmodifier.RequiresReplaceIf(
		func(ctx context.Context, req planmodifier.SetRequest, resp *setplanmodifier.RequiresReplaceIfFuncResponse) {
			resp.RequiresReplace = !req.StateValue.IsNull() && !req.PlanValue.IsUnknown()
			refuseProtectedReplacement(ctx, resp.RequiresReplace, req.Path, req.State, req.Plan, &resp.Diagnostics)
		}, unreadableNote, unreadableNote)
}

// stringRequiresReplaceIfConfiguredAndKnown replaces the object when the configuration sets a known
// value that differs from the state.
func stringRequiresReplaceIfConfiguredAndKnown() planmodifier.String {
	const note = "Changing it forces a new object. " + unknownNote
	return stringplanmodifier.RequiresReplaceIf(
		func(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
			resp.RequiresReplace = !req.ConfigValue.IsNull() && !req.PlanValue.IsUnknown()
			refuseProtectedReplacement(ctx, resp.RequiresReplace, req.Path, req.State, req.Plan, &resp.Diagnostics)
		}, note, note)
}
