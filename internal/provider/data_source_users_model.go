package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type usersModelV0 struct {
	ID      types.String `tfsdk:"id"`
	Search  types.String `tfsdk:"search"`
	Type    types.String `tfsdk:"type"`
	Status  types.String `tfsdk:"status"`
	GroupID types.String `tfsdk:"group_id"`
	Users   types.List   `tfsdk:"users"`
}

// userSummaryAttrTypes describe one user in docspace_users.
var userSummaryAttrTypes = map[string]attr.Type{
	"id":           types.StringType,
	"email":        types.StringType,
	"display_name": types.StringType,
	"type":         types.StringType,
	"status":       types.StringType,
	"is_owner":     types.BoolType,
}

func userSummary(u *docspace.User) attr.Value {
	return types.ObjectValueMust(userSummaryAttrTypes, map[string]attr.Value{
		"id":           types.StringValue(u.ID),
		"email":        types.StringValue(u.Email),
		"display_name": types.StringValue(u.DisplayName),
		"type":         types.StringValue(userTypeName(u.Type())),
		"status":       types.StringValue(userStatusName(u.Status)),
		"is_owner":     types.BoolValue(u.IsOwner),
	})
}

// fill lists users in m, in their order.
func (m *usersModelV0) fill(users []docspace.User) {
	values := make([]attr.Value, 0, len(users))
	for i := range users {
		values = append(values, userSummary(&users[i]))
	}
	m.ID = types.StringValue("users")
	m.Users = types.ListValueMust(types.ObjectType{AttrTypes: userSummaryAttrTypes}, values)
}
