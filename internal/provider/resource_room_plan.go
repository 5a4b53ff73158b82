package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func (r *roomResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var roomType, templateID types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("room_type"), &roomType)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("template_id"), &templateID)...)
	if roomType.IsNull() && templateID.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("room_type"), "Missing room type",
			"Set room_type to one of "+strings.Join(roomTypeNameList(), ", ")+", or set template_id to create the room from a template.")
	}
	var wm types.Object
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("watermark"), &wm)...)
	if wm.IsNull() || wm.IsUnknown() {
		return
	}
	attrs := wm.Attributes()
	empty := func(name string) bool {
		v := attrs[name]
		switch v := v.(type) {
		case types.String:
			return v.IsNull() || v.ValueString() == ""
		case types.Set:
			return v.IsNull() || len(v.Elements()) == 0
		}
		return false
	}
	if empty("text") && empty("additions") && empty("image_url") {
		resp.Diagnostics.AddAttributeError(path.Root("watermark"), "Empty watermark",
			"A watermark needs text, additions or an image_url. Remove the watermark attribute to have none.")
	}
	validateWatermarkImage(attrs, &resp.Diagnostics)
}

// ModifyPlan refuses, at plan time, to destroy a protected room, and warns of what the portal would
// refuse (Create and Update refuse it before any change): a room the API key's user may not create, a
// new room type, changes to a room the key may not manage (api-notes.md §34, §35), and changes to a
// room that stays archived.
func (r *roomResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	refuseProtectedDeletion(ctx, req, resp, "room")
	if req.Plan.Raw.IsNull() {
		return
	}
	if req.State.Raw.IsNull() {
		if refused := r.roomCreationRefusal(ctx); refused != nil {
			refused.warn(resp, false) // a create: nothing exists that the apply could delete
		}
		return
	}
	var oldType, newType types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("room_type"), &oldType)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("room_type"), &newType)...)
	if refused := roomTypeChange(newType, oldType); refused != nil {
		refused.warn(resp, false) // room_type forces no replacement: an update, refused
	}
	// Most plans are of rooms that are not archived and that the key manages: look at the two flags and
	// the private state before reading whole models.
	var wasArchived, staysArchived types.Bool
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("archived"), &wasArchived)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("archived"), &staysArchived)...)
	unmanaged := isUnmanaged(ctx, req.Private)
	if resp.Diagnostics.HasError() || (!unmanaged && (!wasArchived.ValueBool() || !staysArchived.ValueBool())) {
		return
	}
	var state, plan roomModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if refused := unmanagedRoomEdit(&plan, &state, unmanaged); refused != nil {
		refused.warn(resp, false) // an update only
		return
	}
	if refused := archivedRoomEdit(&plan, &state); refused != nil {
		refused.warn(resp, false) // an update only
	}
}

// roomTypeChange refuses a new type for an existing room. The portal cannot change a room's type
// (api-notes.md §9), and a room of the new type would not have this room's files, members or links, so
// room_type forces no replacement: the update is refused, and a replacement is for the user to ask for.
func roomTypeChange(planned, prior types.String) *refusal {
	if prior.IsNull() || planned.IsUnknown() || planned.IsNull() || planned.Equal(prior) {
		return nil
	}
	return &refusal{at: path.Root("room_type"), summary: "A room's type cannot change",
		why: fmt.Sprintf("room_type changes from %q to %q, and DocSpace cannot change the type of an existing room. "+
			"Set room_type back to %q, or add another docspace_room for a %s room. To delete this room with its files "+
			"and create a %s room in its place, run terraform apply -replace=<address of this room> instead: a plan "+
			"that replaces the room is not refused.",
			prior.ValueString(), planned.ValueString(), prior.ValueString(), planned.ValueString(), planned.ValueString())}
}

// unmanagedRoomEdit refuses changes to a room the API key's user may read but not manage, as the last
// read found it (api-notes.md §34).
func unmanagedRoomEdit(plan, state *roomModelV0, unmanaged bool) *refusal {
	if !unmanaged {
		return nil
	}
	changed := changedRoomSettings(plan, state)
	if len(changed) == 0 {
		return nil
	}
	id, _ := parseID(state.ID.ValueString())
	return unmanagedRoom(path.Root(changed[0]), id, "changes to "+strings.Join(changed, ", "))
}

// archivedRoomEdit refuses changes to a room that is archived and stays archived: the portal refuses
// them (api-notes.md §10).
func archivedRoomEdit(plan, state *roomModelV0) *refusal {
	if !state.Archived.ValueBool() || !plan.Archived.ValueBool() {
		return nil
	}
	changed := changedRoomSettings(plan, state)
	if len(changed) == 0 {
		return nil
	}
	return &refusal{at: path.Root(changed[0]), summary: "Archived room is read-only",
		why: fmt.Sprintf("The room is archived, and the portal refuses changes to archived rooms. To change %s, "+
			"set archived = false in the same apply (the room is restored first), or change them after restoring it.",
			strings.Join(changed, ", "))}
}

// changedRoomSettings names the configurable attributes that differ between plan and state.
func changedRoomSettings(plan, state *roomModelV0) []string {
	var changed []string
	for name, pair := range map[string][2]attr.Value{
		"title":         {plan.Title, state.Title},
		"tags":          {plan.Tags, state.Tags},
		"color":         {plan.Color, state.Color},
		"cover":         {plan.Cover, state.Cover},
		"indexing":      {plan.Indexing, state.Indexing},
		"deny_download": {plan.DenyDownload, state.DenyDownload},
		"quota":         {plan.Quota, state.Quota},
		"lifetime":      {plan.Lifetime, state.Lifetime},
		"watermark":     {plan.Watermark, state.Watermark},
	} {
		if isChange(pair[0], pair[1]) {
			changed = append(changed, name)
		}
	}
	sort.Strings(changed)
	return changed
}
