package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
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
// has none) is recorded without a warning.
func recordedCreationInput(object, madeFrom string) planmodifier.String {
	return creationInput{object: object, madeFrom: madeFrom}
}

type creationInput struct{ object, madeFrom string }

func (m creationInput) Description(context.Context) string {
	return fmt.Sprintf("Used when the %s is created; a later change is recorded and replaces nothing.", m.object)
}

func (m creationInput) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (m creationInput) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
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

// fixedRoomType refuses a new room_type for an existing room. The portal cannot change a room's type
// (api-notes.md §9), and a room of the new type would not have this room's files, members or links,
// so the plan neither updates nor replaces: it fails and says how to get a room of the other type.
func fixedRoomType() planmodifier.String { return roomTypeFixed{} }

type roomTypeFixed struct{}

func (roomTypeFixed) Description(context.Context) string {
	return "A room's type cannot change once the room exists."
}

func (m roomTypeFixed) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (roomTypeFixed) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.State.Raw.IsNull() || req.StateValue.IsNull() || req.PlanValue.IsUnknown() || req.PlanValue.IsNull() ||
		req.PlanValue.Equal(req.StateValue) {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "A room's type cannot change",
		fmt.Sprintf("room_type changes from %q to %q. DocSpace cannot change the type of an existing room, and a new "+
			"room would not have this room's files, members or links, so the provider does not replace it. Set "+
			"room_type back to %q. For a %s room, add another docspace_room resource; to delete this room with its "+
			"files and create a %s room in its place, give this resource block a new name, so that the plan shows "+
			"the room destroyed.",
			req.StateValue.ValueString(), req.PlanValue.ValueString(), req.StateValue.ValueString(),
			req.PlanValue.ValueString(), req.PlanValue.ValueString()))
}
