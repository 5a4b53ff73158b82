package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type roomMemberModelV0 struct {
	ID      types.String `tfsdk:"id"`
	RoomID  types.String `tfsdk:"room_id"`
	UserID  types.String `tfsdk:"user_id"`
	GroupID types.String `tfsdk:"group_id"`
	Access  types.String `tfsdk:"access"`
	Notify  types.Bool   `tfsdk:"notify"`
}

func (m *roomMemberModelV0) subject() (id string, group bool) {
	if !m.GroupID.IsNull() && !m.GroupID.IsUnknown() {
		return m.GroupID.ValueString(), true
	}
	return m.UserID.ValueString(), false
}

// fill copies the portal's view of the record into m.
func (m *roomMemberModelV0) fill(member *docspace.Member) {
	m.Access = types.StringValue(accessRoleName(member.Access))
	if m.UserID.IsNull() && m.GroupID.IsNull() { // after an import
		if member.SubjectType == docspace.SubjectGroup {
			m.GroupID = types.StringValue(member.SubjectID())
		} else {
			m.UserID = types.StringValue(member.SubjectID())
		}
	}
	if m.Notify.IsNull() {
		m.Notify = types.BoolValue(false)
	}
}
