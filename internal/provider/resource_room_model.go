package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type roomModelV0 struct {
	sharedRoomModel
	TemplateID   types.String `tfsdk:"template_id"`
	Indexing     types.Bool   `tfsdk:"indexing"`
	DenyDownload types.Bool   `tfsdk:"deny_download"`
	Lifetime     types.Object `tfsdk:"lifetime"`
	Watermark    types.Object `tfsdk:"watermark"`
	Archived     types.Bool   `tfsdk:"archived"`
}

// fill copies every attribute the portal owns from room into m, so Read detects drift.
func (m *roomModelV0) fill(ctx context.Context, room *docspace.Room, diags *diag.Diagnostics) {
	m.fillShared(ctx, room, diags)
	m.Indexing = types.BoolValue(room.Indexing)
	m.DenyDownload = types.BoolValue(room.DenyDownload)
	m.Lifetime = lifetimeToObject(room.Lifetime)
	m.Watermark = watermarkToObject(room.Watermark)
	m.Archived = types.BoolValue(room.IsArchived())
}

// copyComputed carries the values that an update does not change.
func (m *roomModelV0) copyComputed(prior *roomModelV0) {
	m.ID, m.OwnerID, m.Created = prior.ID, prior.OwnerID, prior.Created
	if m.Color.IsUnknown() {
		m.Color = prior.Color
	}
	if m.Indexing.IsUnknown() {
		m.Indexing = prior.Indexing
	}
	if m.DenyDownload.IsUnknown() {
		m.DenyDownload = prior.DenyDownload
	}
	if m.Quota.IsUnknown() {
		m.Quota = prior.Quota
	}
}

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
