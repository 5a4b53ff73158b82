package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ModifyPlan refuses, at plan time, to destroy or replace a protected template, and warns that creating
// one without its source room will fail (room_id is optional only so that imported templates can leave it
// out; Create refuses it).
func (r *roomTemplateResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	refuseProtectedDeletion(ctx, req, resp, "room template")
	if !req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var roomID types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("room_id"), &roomID)...)
	if refused := missingSourceRoom(roomID); refused != nil {
		refused.warn(resp, replacesObject(ctx, req, path.Root("room_id")))
	}
}

// missingSourceRoom refuses to create a template without the room it is built from; configuredRoomID is
// room_id in the configuration.
func missingSourceRoom(configuredRoomID types.String) *refusal {
	if !configuredRoomID.IsNull() {
		return nil
	}
	return &refusal{at: path.Root("room_id"), summary: "Missing source room",
		why: "A new room template is built from a room: set room_id. Only a template adopted by an import may leave it out."}
}

func (r *roomTemplateResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{publicExcludesShares{}}
}

// publicExcludesShares refuses public = true with explicit shares: the portal ignores the e-mails of a
// public template, and any later public toggle revokes them (api-notes.md §15, §18).
type publicExcludesShares struct{}

func (publicExcludesShares) Description(context.Context) string {
	return "public = true cannot be combined with share_emails or share_group_ids"
}

func (v publicExcludesShares) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (publicExcludesShares) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var public types.Bool
	var emails, groups types.Set
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("public"), &public)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("share_emails"), &emails)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("share_group_ids"), &groups)...)
	if !public.ValueBool() || (emails.IsNull() && groups.IsNull()) {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root("public"), "Public template with explicit shares",
		"A public template is open to every room admin, and the portal drops explicit shares when a template is "+
			"made public. Remove share_emails and share_group_ids, or set public = false.")
}
