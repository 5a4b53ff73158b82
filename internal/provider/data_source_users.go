package provider

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSource              = (*usersDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*usersDataSource)(nil)
)

// NewUsersDataSource returns the docspace_users data source.
func NewUsersDataSource() datasource.DataSource { return &usersDataSource{} }

type usersDataSource struct{ dataSourceBase }

type usersModelV0 struct {
	ID      types.String `tfsdk:"id"`
	Search  types.String `tfsdk:"search"`
	Type    types.String `tfsdk:"type"`
	Status  types.String `tfsdk:"status"`
	GroupID types.String `tfsdk:"group_id"`
	Users   types.List   `tfsdk:"users"`
}

func (d *usersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_users"
}

func (d *usersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the portal's users, optionally filtered, reading every page. Users are sorted by e-mail " +
			"address. The portal lets only DocSpace admins and room admins list people: with the API key of a user of " +
			"type `user` or of a guest, reading this data source fails.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "A fixed identifier of this listing."},
			"search": schema.StringAttribute{
				MarkdownDescription: "Keep users whose name or e-mail address contains this text.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "Keep users of this type: one of " + quoted(userTypeList) + ".",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(userTypeList...)},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "Keep `active` or `terminated` users.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf("active", "terminated")},
			},
			"group_id": schema.StringAttribute{
				MarkdownDescription: "Keep the members of this group.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(guidPattern, "must be a group id")},
			},
			"users": schema.ListNestedAttribute{
				MarkdownDescription: "The matching users.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":           schema.StringAttribute{Computed: true, MarkdownDescription: "The user's id."},
					"email":        schema.StringAttribute{Computed: true, MarkdownDescription: "E-mail address."},
					"display_name": schema.StringAttribute{Computed: true, MarkdownDescription: "The name the portal shows."},
					"type":         schema.StringAttribute{Computed: true, MarkdownDescription: "The user's type: " + userTypeDoc},
					"status":       schema.StringAttribute{Computed: true, MarkdownDescription: "`active` or `terminated`."},
					"is_owner":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the user owns the portal."},
				}},
			},
		},
	}
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
			resp.Diagnostics.AddError("Cannot list users", err.Error()+". The portal lets only DocSpace admins and room admins list people.")
			return
		}
		addAPIError(&resp.Diagnostics, "Error listing users", err)
		return
	}
	sort.SliceStable(users, func(i, j int) bool { return users[i].Email < users[j].Email })
	values := make([]attr.Value, 0, len(users))
	for i := range users {
		if m.Type.IsNull() || userTypeName(users[i].Type()) == m.Type.ValueString() {
			values = append(values, userSummary(&users[i]))
		}
	}
	m.ID = types.StringValue("users")
	m.Users = types.ListValueMust(types.ObjectType{AttrTypes: userSummaryAttrTypes}, values)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
