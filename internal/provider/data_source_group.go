package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSource              = (*groupDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*groupDataSource)(nil)
)

// NewGroupDataSource returns the docspace_group data source.
func NewGroupDataSource() datasource.DataSource { return &groupDataSource{} }

type groupDataSource struct{ dataSourceBase }

type groupDataModelV0 struct {
	ID        types.String `tfsdk:"id"`
	Name      types.String `tfsdk:"name"`
	ManagerID types.String `tfsdk:"manager_id"`
	MemberIDs types.Set    `tfsdk:"member_ids"`
}

func (d *groupDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (d *groupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one DocSpace group by its exact name or by id, for example to give it access to a " +
			"room with `docspace_room_member`. Group names are not unique on a portal: a name that no group or several " +
			"groups carry is an error (then look the group up by id).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The group's id. Exactly one of `id` and `name` is required.",
				Optional:            true,
				Computed:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(guidPattern, "must be a group id such as 6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"),
					stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
				},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The group's exact name (letter case included).",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 128)},
			},
			"manager_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The id of the group's manager, or null."},
			"member_ids": schema.SetAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The ids of the group's members; the manager is one of them."},
		},
	}
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

// fill copies the group through the docspace_group resource's own conversion, so both read a group alike.
func (m *groupDataModelV0) fill(g *docspace.Group) {
	var r groupModelV0
	r.fill(g, types.SetNull(types.StringType))
	m.ID, m.Name, m.ManagerID, m.MemberIDs = r.ID, r.Name, r.ManagerID, r.MemberIDs
}
