package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type groupDataModelV0 struct {
	ID        types.String `tfsdk:"id"`
	Name      types.String `tfsdk:"name"`
	ManagerID types.String `tfsdk:"manager_id"`
	MemberIDs types.Set    `tfsdk:"member_ids"`
}

// fill copies the group through the docspace_group resource's own conversion, so both read a group alike.
func (m *groupDataModelV0) fill(g *docspace.Group) {
	var r groupModelV0
	r.fill(g, types.SetNull(types.StringType))
	m.ID, m.Name, m.ManagerID, m.MemberIDs = r.ID, r.Name, r.ManagerID, r.MemberIDs
}
