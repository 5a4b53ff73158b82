package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ModifyPlan refuses, at plan time, to destroy a protected template, and warns that creating one without
// its source room will fail (room_id is optional only so that imported templates can leave it out; Create
// refuses it). It plans the sharing a public toggle leaves, and checks new shares against the portal's rules.
func (r *roomTemplateResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	refuseProtectedDeletion(ctx, req, resp, "room template")
	if req.Plan.Raw.IsNull() {
		return
	}
	planTemplateShares(ctx, r, req, resp)
	if !req.State.Raw.IsNull() {
		return
	}
	var roomID types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("room_id"), &roomID)...)
	if refused := missingSourceRoom(roomID); refused != nil {
		refused.warn(resp, false) // a create: nothing exists that the apply could delete
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

// planTemplateShares plans share_user_ids and share_group_ids. A public template has none: making a
// template public revokes them on the portal (api-notes.md §18), so the plan shows them going. Subjects
// the plan adds are checked now: a user or group the portal would refuse fails the plan of a new
// template, whose Create checks again before the job, and is warned of for an existing one, whose Update
// refuses it before changing anything; a lookup that fails for another reason is left to the apply,
// which looks again.
func planTemplateShares(ctx context.Context, r *roomTemplateResource, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var plan roomTemplateModelV0
	var prior *roomTemplateModelV0 // nil for a new template
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if !req.State.Raw.IsNull() {
		prior = &roomTemplateModelV0{}
		resp.Diagnostics.Append(req.State.Get(ctx, prior)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if plan.Public.ValueBool() || plan.Public.IsUnknown() {
		// Unknown until apply, public may still turn out true: shares left to the template are unknown
		// too, so that the apply's own plan, which knows, agrees with this one.
		left := types.SetNull(types.StringType)
		if plan.Public.IsUnknown() {
			left = types.SetUnknown(types.StringType)
		}
		for _, name := range []string{"share_user_ids", "share_group_ids"} {
			var configured types.Set
			resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), &configured)...)
			if configured.IsNull() {
				resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(name), left)...)
			}
		}
		return
	}
	if r.client == nil {
		return
	}
	var found diag.Diagnostics
	r.shareChanges(ctx, &plan, sharingBefore(&plan, prior), &found)
	for _, d := range found {
		ruled, ok := d.(diag.DiagnosticWithPath)
		switch {
		case !ok:
		case req.State.Raw.IsNull():
			resp.Diagnostics.Append(d) // a new template: refuse it before the job
		default:
			// Update refuses it again before any change; a warning does not stop terraform destroy.
			(&refusal{at: ruled.Path(), summary: d.Summary(), why: d.Detail()}).warn(resp, false)
		}
	}
}

func (r *roomTemplateResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{publicExcludesShares{}}
}

// publicExcludesShares refuses public = true with explicit shares: a public template is open to every
// room admin, and any later public toggle revokes the shares (api-notes.md §18).
type publicExcludesShares struct{}

func (publicExcludesShares) Description(context.Context) string {
	return "public = true cannot be combined with share_user_ids or share_group_ids"
}

func (v publicExcludesShares) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (publicExcludesShares) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var public types.Bool
	var users, groups types.Set
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("public"), &public)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("share_user_ids"), &users)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("share_group_ids"), &groups)...)
	if !public.ValueBool() || (users.IsNull() && groups.IsNull()) {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root("public"), "Public template with explicit shares",
		"A public template is open to every room admin, and the portal drops explicit shares when a template is "+
			"made public. Remove share_user_ids and share_group_ids, or set public = false.")
}
