package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// sharedRoomModel holds the attributes that rooms and room templates share. Both models embed it: a
// template is a room in the portal's RoomTemplates folder, read and edited through the room endpoints
// (api-notes.md §9, §17).
type sharedRoomModel struct {
	ID                 types.String      `tfsdk:"id"`
	Title              types.String      `tfsdk:"title"`
	RoomType           types.String      `tfsdk:"room_type"`
	Tags               types.Set         `tfsdk:"tags"`
	Color              types.String      `tfsdk:"color"`
	Cover              types.String      `tfsdk:"cover"`
	Quota              types.Int64       `tfsdk:"quota"`
	OwnerID            types.String      `tfsdk:"owner_id"`
	Created            timetypes.RFC3339 `tfsdk:"created"`
	DeletionProtection types.Bool        `tfsdk:"deletion_protection"`
	Timeouts           timeouts.Value    `tfsdk:"timeouts"`
}

// addChanges writes into body what differs between the planned settings s and the state, and reports
// whether anything did. The body is PATCH-like: what is left out stays as it is.
func (s *sharedRoomModel) addChanges(ctx context.Context, state *sharedRoomModel, body *docspace.UpdateRoomRequest, diags *diag.Diagnostics) bool {
	changed := false
	if !s.Title.Equal(state.Title) {
		body.Title, changed = s.Title.ValueStringPointer(), true
	}
	if !s.Tags.Equal(state.Tags) {
		tags := stringsFromSet(ctx, s.Tags, diags)
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

// fillShared copies from the portal's room or template every shared attribute the portal owns.
func (s *sharedRoomModel) fillShared(ctx context.Context, room *docspace.Room, diags *diag.Diagnostics) {
	s.ID = types.StringValue(formatObjectID(room.ID))
	s.Title = types.StringValue(room.Title)
	s.RoomType = types.StringValue(roomTypeName(room.RoomType))
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
		// The portal does not report room quotas (they are off, or the room is archived).
		s.Quota = types.Int64Null()
	}
	s.OwnerID = types.StringNull()
	if room.CreatedBy != nil {
		s.OwnerID = types.StringValue(room.CreatedBy.ID)
	}
	s.Created = timetypes.NewRFC3339TimeValue(room.Created.UTC())
	if s.DeletionProtection.IsNull() || s.DeletionProtection.IsUnknown() {
		s.DeletionProtection = types.BoolValue(false) // not on the portal; an import starts unprotected
	}
}
