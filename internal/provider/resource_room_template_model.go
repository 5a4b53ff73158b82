package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type roomTemplateModelV0 struct {
	sharedRoomModel
	RoomID        types.String `tfsdk:"room_id"`
	Public        types.Bool   `tfsdk:"public"`
	ShareUserIDs  types.Set    `tfsdk:"share_user_ids"`
	ShareGroupIDs types.Set    `tfsdk:"share_group_ids"`
	CopyLogo      types.Bool   `tfsdk:"copy_logo"`
}

// fill copies the template tpl, and whether it is public, into m.
func (m *roomTemplateModelV0) fill(ctx context.Context, tpl *docspace.Room, public bool, diags *diag.Diagnostics) {
	m.fillShared(ctx, tpl, diags)
	m.Public = types.BoolValue(public)
	if m.CopyLogo.IsNull() || m.CopyLogo.IsUnknown() {
		m.CopyLogo = types.BoolValue(false)
	}
}

// sharingBefore is what the portal holds of the template's sharing when plan is applied to state: the
// recorded shares, or none for a new template (state nil) and after a change of public, which revokes
// every share (api-notes.md §18).
func sharingBefore(plan, state *roomTemplateModelV0) *roomTemplateModelV0 {
	if state == nil {
		return &roomTemplateModelV0{ShareUserIDs: types.SetNull(types.StringType), ShareGroupIDs: types.SetNull(types.StringType)}
	}
	prior := *state
	if isChange(plan.Public, state.Public) {
		prior.ShareUserIDs, prior.ShareGroupIDs = types.SetNull(types.StringType), types.SetNull(types.StringType)
	}
	return &prior
}
