package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// ValidateConfig requires exactly one of room_id and parent_id: the place the folder is made in.
func (r *folderResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config folderModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	switch {
	case config.RoomID.IsNull() && config.ParentID.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Missing folder location",
			"Set room_id for a folder directly in a room, or parent_id for a folder inside another folder.")
	case !config.RoomID.IsNull() && !config.ParentID.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("parent_id"), "Conflicting folder location",
			"Set either room_id (a folder directly in the room) or parent_id (a folder inside another folder), not both: "+
				"the room of a folder inside another folder is read from the portal.")
	}
}

// ModifyPlan shows, for a folder that is not where the configuration puts it (a person moved it, or the
// configuration names another place), the place the configuration wants, and warns that the apply will
// refuse it: the provider does not move folders, and never replaces one silently. Update refuses it.
func (r *folderResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	var config, state folderModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if refused := folderMove(&config, &state); refused != nil {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("parent_id"), config.wantedParent())...)
		refused.warn(resp, false)
	}
}

// folderMove is the refusal of a folder whose parent on the portal (state) is not the one the
// configuration names, or nil.
func folderMove(config, state *folderModelV0) *refusal {
	want := config.wantedParent()
	if want == "" || want == state.ParentID.ValueString() {
		return nil
	}
	attr, keep := "parent_id", fmt.Sprintf("parent_id = %q", state.ParentID.ValueString())
	if config.ParentID.IsNull() {
		attr = "room_id"
		if state.ParentID.Equal(state.RoomID) {
			keep = fmt.Sprintf("room_id = %q", state.RoomID.ValueString())
		} else {
			keep = fmt.Sprintf("parent_id = %q instead of room_id", state.ParentID.ValueString())
		}
	}
	return &refusal{
		at:      path.Root(attr),
		summary: "Folder is not where the configuration puts it",
		why: fmt.Sprintf("Folder %s is in %s on the portal (room %s), but the configuration puts it in %s. The provider "+
			"does not move folders, and does not replace one with a new folder on its own. Move the folder back in DocSpace, "+
			"or set %s to keep it where it is. To make a new folder in %s instead, run terraform apply -replace on this "+
			"resource, which deletes this folder first (into the Trash unless permanent_delete is true).",
			state.ID.ValueString(), state.ParentID.ValueString(), state.RoomID.ValueString(), want, keep, want),
	}
}
