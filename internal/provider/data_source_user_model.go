package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type userModelV0 struct {
	ID          types.String `tfsdk:"id"`
	Email       types.String `tfsdk:"email"`
	DisplayName types.String `tfsdk:"display_name"`
	FirstName   types.String `tfsdk:"first_name"`
	LastName    types.String `tfsdk:"last_name"`
	Type        types.String `tfsdk:"type"`
	Status      types.String `tfsdk:"status"`
	IsOwner     types.Bool   `tfsdk:"is_owner"`
}

func (m *userModelV0) fill(u *docspace.User) {
	m.ID = types.StringValue(u.ID)
	m.Email = types.StringValue(u.Email)
	m.DisplayName = types.StringValue(u.DisplayName)
	m.FirstName = types.StringValue(u.FirstName)
	m.LastName = types.StringValue(u.LastName)
	m.Type = types.StringValue(userTypeName(u.Type()))
	m.Status = types.StringValue(userStatusName(u.Status))
	m.IsOwner = types.BoolValue(u.IsOwner)
}
