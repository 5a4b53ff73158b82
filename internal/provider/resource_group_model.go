package provider

import (
	"context"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type groupModelV0 struct {
	ID        types.String `tfsdk:"id"`
	Name      types.String `tfsdk:"name"`
	ManagerID types.String `tfsdk:"manager_id"`
	MemberIDs types.Set    `tfsdk:"member_ids"`
}

func (m *groupModelV0) members(ctx context.Context, diags *diag.Diagnostics) []string {
	var ids []string
	if !m.MemberIDs.IsNull() && !m.MemberIDs.IsUnknown() {
		diags.Append(m.MemberIDs.ElementsAs(ctx, &ids, false)...)
	}
	for i := range ids {
		ids[i] = strings.ToLower(ids[i])
	}
	sort.Strings(ids)
	return ids
}

// fill copies the portal's group into m. Configured ids keep their spelling when equal but for case.
func (m *groupModelV0) fill(g *docspace.Group, prior types.Set) {
	m.ID = types.StringValue(g.ID)
	m.Name = types.StringValue(g.Name)
	manager, members := groupManagerAndMembers(g)
	if manager.IsNull() || !strings.EqualFold(manager.ValueString(), m.ManagerID.ValueString()) {
		m.ManagerID = manager
	}
	var d diag.Diagnostics
	before := (&groupModelV0{MemberIDs: prior}).members(context.Background(), &d)
	after := (&groupModelV0{MemberIDs: members}).members(context.Background(), &d)
	if prior.IsNull() || prior.IsUnknown() || strings.Join(before, ",") != strings.Join(after, ",") {
		m.MemberIDs = members
	}
}

// groupManagerAndMembers renders a group's manager id (null without one) and member ids.
func groupManagerAndMembers(g *docspace.Group) (types.String, types.Set) {
	manager := types.StringNull()
	if g.Manager != nil && g.Manager.ID != "" {
		manager = types.StringValue(g.Manager.ID)
	}
	ids := make([]string, 0, len(g.Members))
	for _, u := range g.Members {
		ids = append(ids, u.ID)
	}
	set, _ := types.SetValueFrom(context.Background(), types.StringType, ids)
	return manager, set
}
