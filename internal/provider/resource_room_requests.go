package provider

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// newRoomSettings is what a new room is given, whether it is created directly or from a template.
func newRoomSettings(ctx context.Context, plan *roomModelV0, diags *diag.Diagnostics) docspace.RoomSettings {
	return docspace.RoomSettings{
		Title:        plan.Title.ValueString(),
		Quota:        knownInt64(plan.Quota),
		Indexing:     knownBool(plan.Indexing),
		DenyDownload: knownBool(plan.DenyDownload),
		Lifetime:     lifetimeFromObject(ctx, plan.Lifetime, diags),
		Watermark:    watermarkFromObject(ctx, plan.Watermark, diags),
		Tags:         stringsFromSet(ctx, plan.Tags, diags),
		Color:        plan.Color.ValueString(),
		Cover:        plan.Cover.ValueString(),
	}
}

// updateRoomRequest builds a PATCH-like body holding only what differs between plan and state
// (api-notes.md §9: an absent field is left unchanged).
func updateRoomRequest(ctx context.Context, plan, state *roomModelV0, diags *diag.Diagnostics) (docspace.UpdateRoomRequest, bool) {
	var body docspace.UpdateRoomRequest
	changed := plan.addChanges(ctx, &state.sharedRoomModel, &body, diags)
	if isChange(plan.Indexing, state.Indexing) {
		body.Indexing, changed = plan.Indexing.ValueBoolPointer(), true
	}
	if isChange(plan.DenyDownload, state.DenyDownload) {
		body.DenyDownload, changed = plan.DenyDownload.ValueBoolPointer(), true
	}
	if isChange(plan.Quota, state.Quota) {
		body.Quota, changed = plan.Quota.ValueInt64Pointer(), true
	}
	if !plan.Lifetime.Equal(state.Lifetime) {
		body.Lifetime, changed = lifetimeFromObject(ctx, plan.Lifetime, diags), true
		if body.Lifetime == nil {
			body.Lifetime = disabledLifetime()
		}
	}
	if !plan.Watermark.Equal(state.Watermark) {
		body.Watermark, changed = watermarkFromObject(ctx, plan.Watermark, diags), true
		if body.Watermark == nil {
			body.Watermark = disabledWatermark()
		}
	}
	return body, changed
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
