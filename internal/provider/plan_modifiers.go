package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// No attribute of a room or a template plans a replacement: replacing either deletes files, and a
// template's id is what rooms are made from. (DESIGN.md, "Attributes that force replacement", lists
// the few attributes of other resources that do, and why that loses nothing.)
//
// Terraform plans every resource once more while applying, with the values that were unknown at plan
// time now known, and stops with "Provider produced inconsistent final plan" when that plan replaces
// what the first one updated. The modifiers here therefore decide the same way whether a value is
// known at plan time or only at apply: they never replace, and they warn or refuse as soon as they see
// the known value, in the plan or in the apply's own plan.

// creationInputNote is said of every creation input in its description.
const creationInputNote = "It is used only when the %[1]s is created. Once the %[1]s exists, a different value " +
	"(written in the configuration, or known only at apply because what it refers to changed) is recorded with " +
	"a warning and replaces nothing: the %[1]s keeps its contents. Run `terraform apply -replace=<address>` to " +
	"rebuild the %[1]s from the new value on purpose. The portal does not report it, so after an import it is " +
	"taken from the configuration, and leaving it out keeps the recorded value."

// recordedCreationInput is the plan modifier of a creation input of an object (a room's template, a
// template's source room): a new value on an existing object is planned as an in-place update, which
// records it, and warns that the object stays as it is. A value filled in after an import (the state
// has none) is recorded without a warning. A new object whose configuration leaves it out plans it as
// null (a room made directly), not as a value the apply might still choose.
func recordedCreationInput(object, madeFrom string) planmodifier.String {
	return creationInput{object: object, madeFrom: madeFrom}
}

type creationInput struct{ object, madeFrom string }

func (m creationInput) Description(context.Context) string {
	return fmt.Sprintf("Used when the %s is created; a later change is recorded and replaces nothing.", m.object)
}

func (m creationInput) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (m creationInput) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.State.Raw.IsNull() && req.ConfigValue.IsNull() {
		resp.PlanValue = types.StringNull()
		return
	}
	if req.State.Raw.IsNull() || req.StateValue.IsNull() || req.PlanValue.IsUnknown() || req.PlanValue.IsNull() ||
		req.PlanValue.Equal(req.StateValue) {
		return
	}
	resp.Diagnostics.AddAttributeWarning(req.Path, fmt.Sprintf("The %s keeps its contents", m.object),
		fmt.Sprintf("%s changes from %s to %s. The %s was made from %s %s and stays as it is, with its contents; "+
			"the new value is only recorded in the state. To rebuild the %s from %s %s instead, deleting this one "+
			"with its files, run terraform apply -replace=<address of this %s>.",
			req.Path, req.StateValue.ValueString(), req.PlanValue.ValueString(), m.object, m.madeFrom,
			req.StateValue.ValueString(), m.object, m.madeFrom, req.PlanValue.ValueString(), m.object))
}

// replacesObject reports whether the plan changes, on an existing object, one of forcing: the attributes
// whose change the schema answers with a replacement. A resource's ModifyPlan cannot see the replacements
// its attributes' plan modifiers asked for, so it names them. A value unknown at plan time may turn out
// different, so it counts as a change: this answers "may the apply delete the object?".
func replacesObject(ctx context.Context, req resource.ModifyPlanRequest, forcing ...path.Path) bool {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return false
	}
	for _, p := range forcing {
		var before, after attr.Value
		if req.State.GetAttribute(ctx, p, &before).HasError() || req.Plan.GetAttribute(ctx, p, &after).HasError() {
			continue
		}
		if !before.IsNull() && !before.Equal(after) {
			return true
		}
	}
	return false
}
