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

// ModifyPlan refuses, at plan time, to destroy a protected room, a room the API key's user may not
// create, changes the portal would reject because the room stays archived, and warns of changes to a
// room the key may not manage (api-notes.md §32, §33).
func (r *roomResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	refuseProtectedDeletion(ctx, req, resp, "room")
	if req.Plan.Raw.IsNull() {
		return
	}
	if req.State.Raw.IsNull() {
		r.refuseRoomCreation(ctx, &resp.Diagnostics)
		return
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
	changed := changedRoomSettings(&plan, &state)
	if len(changed) == 0 {
		return
	}
	if unmanaged {
		id, _ := parseObjectID(state.ID.ValueString())
		refuseUnmanagedRoom(&resp.Diagnostics, path.Root(changed[0]), id, fmt.Sprintf("changes to %v", changed), false)
		return
	}
	if wasArchived.ValueBool() && staysArchived.ValueBool() {
		resp.Diagnostics.AddAttributeError(path.Root(changed[0]), "Archived room is read-only",
			fmt.Sprintf("The room is archived, and the portal refuses changes to archived rooms. To change %v, "+
				"set archived = false in the same apply (the room is restored first), or change them after restoring it.", changed))
	}
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
