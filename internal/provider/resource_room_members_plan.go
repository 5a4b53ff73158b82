package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

func (r *roomMembersResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m roomMembersModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.Members.IsUnknown() || m.Members.IsNull() {
		return
	}
	var entries []memberEntryModel
	resp.Diagnostics.Append(m.Members.ElementsAs(ctx, &entries, false)...)
	seen := map[string]bool{}
	for _, e := range entries {
		if e.UserID.IsUnknown() || e.GroupID.IsUnknown() {
			continue
		}
		if e.UserID.IsNull() == e.GroupID.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root("members"), "Invalid member", "Each member needs exactly one of user_id and group_id.")
			continue
		}
		subject, group := e.subject()
		if seen[subject] {
			resp.Diagnostics.AddAttributeError(path.Root("members"), "Duplicate member",
				fmt.Sprintf("%s is listed more than once; a user or group holds one role per room.", subject))
		}
		seen[subject] = true
		if group && e.Access.ValueString() == roleRoomManager {
			resp.Diagnostics.AddAttributeError(path.Root("members"), "Invalid access for a group",
				fmt.Sprintf("Group %s cannot be given \"room_manager\": %s.", subject, ruleGroupsNoManager))
		}
	}
}

// ModifyPlan refuses a plan in which a docspace_room_member resource manages a member of the same room,
// and checks the list against the room when the room is known at plan time: a role the room does not
// allow is a warning, and checkGrant refuses it at apply.
func (r *roomMembersResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.client == nil {
		return
	}
	var plan roomMembersModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || plan.RoomID.IsUnknown() {
		return
	}
	roomID, err := parseID(plan.RoomID.ValueString())
	if err != nil {
		return
	}
	if claimRoom(r.client, roomID, claimList) != "" {
		// An error: it depends on the configuration alone (two resources name the same room).
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Room members managed twice", mixError(roomID))
	}
	if plan.Members.IsUnknown() {
		return
	}
	creating := req.State.Raw.IsNull()
	held := map[string]bool{} // the subjects that hold a role already
	if !creating {
		var state roomMembersModelV0
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if state.Members.Equal(plan.Members) {
			return
		}
		for _, e := range entriesOf(ctx, state.Members, &resp.Diagnostics) {
			subject, _ := e.subject()
			held[subject] = true
		}
	}
	room, err := r.client.GetRoom(ctx, roomID)
	if err != nil {
		return // reported at apply
	}
	replacing := replacesObject(ctx, req, path.Root("room_id"))
	if !markManagement(ctx, resp, room, "member changes", replacing) {
		return
	}
	entries := entriesOf(ctx, plan.Members, &resp.Diagnostics)
	for _, e := range entries {
		if e.UserID.IsUnknown() || e.GroupID.IsUnknown() || e.Access.IsUnknown() {
			continue
		}
		subject, group := e.subject()
		if why := memberRoomViolation(room, group, subject, e.Access.ValueString(), !held[subject]); why != "" {
			// checkGrant refuses it at apply, before any change.
			(&refusal{at: path.Root("members"), summary: "The room does not allow this member", why: why + "."}).warn(resp, replacing)
		}
	}
}
