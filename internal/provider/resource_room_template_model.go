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
	ShareEmails   types.Set    `tfsdk:"share_emails"`
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
