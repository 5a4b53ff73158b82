package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// commonSettings are the settings rooms and templates share; both are edited through PUT /files/rooms/{id}
// (api-notes.md §9, §17).
type commonSettings struct {
	Title, Color, Cover types.String
	Tags                types.Set
	Quota               types.Int64
}

// addChanges writes into body what differs between the planned settings s and the state, and reports
// whether anything did. The body is PATCH-like: what is left out stays as it is.
func (s commonSettings) addChanges(ctx context.Context, state commonSettings, body *docspace.UpdateRoomRequest, diags *diag.Diagnostics) bool {
	changed := false
	if !s.Title.Equal(state.Title) {
		body.Title, changed = s.Title.ValueStringPointer(), true
	}
	if !s.Tags.Equal(state.Tags) {
		tags := tagsFromSet(ctx, s.Tags, diags)
		if tags == nil {
			tags = []string{} // an empty list clears the tags
		}
		body.Tags, changed = &tags, true
	}
	if isChange(s.Color, state.Color) {
		body.Color, changed = s.Color.ValueStringPointer(), true
	}
	if !s.Cover.Equal(state.Cover) {
		cover := s.Cover.ValueString() // "" removes the cover
		body.Cover, changed = &cover, true
	}
	if isChange(s.Quota, state.Quota) {
		body.Quota, changed = s.Quota.ValueInt64Pointer(), true
	}
	return changed
}

// fillCommon copies the shared settings of a room or template from the portal.
func fillCommon(ctx context.Context, room *docspace.Room, s *commonSettings, diags *diag.Diagnostics) {
	s.Title = types.StringValue(room.Title)
	s.Tags = tagsToSet(ctx, room.Tags, s.Tags, diags)
	if room.HasUploadedLogo() {
		// An uploaded logo image hides the colour and the cover (api-notes.md §8): the portal still
		// keeps them, but no longer reports them, so the values last known are kept.
		if s.Color.IsUnknown() {
			s.Color = types.StringNull()
		}
	} else {
		s.Color = types.StringValue(room.Color())
		s.Cover = optionalString(room.CoverID())
	}
	switch {
	case room.QuotaLimit != nil:
		s.Quota = types.Int64Value(*room.QuotaLimit)
	case s.Quota.IsUnknown():
		// The portal does not report room quotas (they are off, or this is a create response).
		s.Quota = types.Int64Null()
	}
}

// objectIDFromState parses the numeric id kept in state.
func objectIDFromState(id types.String, diags *diag.Diagnostics) (int64, bool) {
	n, err := parseObjectID(id.ValueString())
	if err != nil {
		diags.AddError("Invalid id in state", err.Error())
		return 0, false
	}
	return n, true
}

// deleteRoomObject deletes the room or template in state and waits until it is gone (api-notes.md §11),
// unless its deletion protection is on.
func (b *resourceBase) deleteRoomObject(ctx context.Context, state tfsdk.State, defaultTimeout time.Duration, noun string, diags *diag.Diagnostics) {
	if refuseProtectedDelete(ctx, state, noun, diags) {
		return
	}
	var id types.String
	var t timeouts.Value
	diags.Append(state.GetAttribute(ctx, path.Root("id"), &id)...)
	diags.Append(state.GetAttribute(ctx, path.Root("timeouts"), &t)...)
	timeout, d := t.Delete(ctx, defaultTimeout)
	diags.Append(d...)
	n, ok := objectIDFromState(id, diags)
	if !ok || diags.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := b.client.DeleteRoom(ctx, n); err != nil {
		addAPIError(diags, "Error deleting "+noun, err)
	}
}
