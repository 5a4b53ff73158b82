package provider

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSource              = (*usersDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*usersDataSource)(nil)
)

// NewUsersDataSource returns the docspace_users data source.
func NewUsersDataSource() datasource.DataSource { return &usersDataSource{} }

type usersDataSource struct{ dataSourceBase }

func (d *usersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_users"
}

func (d *usersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m usersModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	f := docspace.UserFilter{Text: m.Search.ValueString(), GroupID: m.GroupID.ValueString()}
	for t, name := range userTypeNames {
		if name == m.Type.ValueString() {
			f.Type = t
		}
	}
	switch m.Status.ValueString() {
	case "active":
		f.Status = docspace.EmployeeStatusActive
	case "terminated":
		f.Status = docspace.EmployeeStatusTerminated
	}
	users, err := d.client.ListUsers(ctx, f)
	if err != nil {
		if docspace.IsForbidden(err) {
			resp.Diagnostics.AddError("Cannot list users", err.Error()+"\n\nThe portal lets only DocSpace admins and room admins list people, "+
				"and only with an API key that has the accounts:read scope (full access has it).")
			return
		}
		addAPIError(&resp.Diagnostics, "Error listing users", err)
		return
	}
	sort.SliceStable(users, func(i, j int) bool { return users[i].Email < users[j].Email })
	kept := users[:0]
	for _, u := range users {
		if m.Type.IsNull() || userTypeName(u.Type()) == m.Type.ValueString() {
			kept = append(kept, u)
		}
	}
	m.fill(kept)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
