package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// ValidateConfig: the portal makes the manager a member, so a member list must name the manager. Without
// member_ids the members are not managed (a new group has the manager alone), and there is nothing to check.
func (r *groupResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m groupModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.ManagerID.IsNull() || m.ManagerID.IsUnknown() || m.MemberIDs.IsNull() || m.MemberIDs.IsUnknown() {
		return
	}
	var ids []string
	resp.Diagnostics.Append(m.MemberIDs.ElementsAs(ctx, &ids, false)...)
	for _, id := range ids {
		if strings.EqualFold(id, m.ManagerID.ValueString()) {
			return
		}
	}
	resp.Diagnostics.AddAttributeError(path.Root("member_ids"), "The manager is missing from member_ids",
		"The portal makes a group's manager one of its members, so member_ids must include manager_id; otherwise every plan would show a change. Or leave member_ids out, and "+
			"the provider does not manage the members (a new group then has its manager alone).")
}

// ModifyPlan warns that clearing the manager will fail: the portal's update cannot do it (Update refuses it).
func (r *groupResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	var plan, state groupModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if refused := managerRemoval(&plan, &state); refused != nil {
		refused.warn(resp, false) // an update only
	}
}

// managerRemoval refuses to remove the group's manager, which the portal's API cannot do (api-notes.md §31).
func managerRemoval(plan, state *groupModelV0) *refusal {
	if state.ManagerID.IsNull() || !plan.ManagerID.IsNull() {
		return nil
	}
	return &refusal{at: path.Root("manager_id"), summary: "The group's manager cannot be removed",
		why: "The portal's API can change a group's manager but not remove it. Set another manager, or remove the " +
			"manager in DocSpace and then from the configuration."}
}
