package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSource              = (*groupDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*groupDataSource)(nil)
)

// NewGroupDataSource returns the docspace_group data source.
func NewGroupDataSource() datasource.DataSource { return &groupDataSource{} }

type groupDataSource struct{ dataSourceBase }

func (d *groupDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (d *groupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m groupDataModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := m.ID.ValueString()
	if m.ID.IsNull() {
		name := m.Name.ValueString()
		groups, err := d.client.ListGroups(ctx, name)
		if err != nil {
			addAPIError(&resp.Diagnostics, "Error listing groups", err)
			return
		}
		var ids []string
		for _, g := range groups {
			if g.Name == name {
				ids = append(ids, g.ID)
			}
		}
		sort.Strings(ids)
		switch len(ids) {
		case 0:
			resp.Diagnostics.AddAttributeError(path.Root("name"), "No such group", fmt.Sprintf("No DocSpace group is named %q.", name))
			return
		case 1:
			id = ids[0]
		default:
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Several groups have this name",
				fmt.Sprintf("%d DocSpace groups are named %q (ids %s): group names are not unique. Look the group up by id instead.",
					len(ids), name, strings.Join(ids, ", ")))
			return
		}
	}
	g, err := d.client.GetGroup(ctx, id)
	if docspace.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "No such group", fmt.Sprintf("No DocSpace group has the id %s.", id))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading the group", err)
		return
	}
	m.fill(g)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
