package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSource              = (*userDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*userDataSource)(nil)
)

// NewUserDataSource returns the docspace_user data source.
func NewUserDataSource() datasource.DataSource { return &userDataSource{} }

type userDataSource struct{ dataSourceBase }

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

func (d *userDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

func (d *userDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up one DocSpace user by e-mail address or id, or, with neither, the user the API key " +
			"belongs to. Use it to find the `user_id` of a room member. A lookup never creates an account: an e-mail " +
			"address that belongs to no user is an error.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The user's id. Set it to look the user up by id.",
				Optional:            true,
				Computed:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(guidPattern, "must be a user id such as 6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"),
					stringvalidator.ConflictsWith(path.MatchRoot("email")),
				},
			},
			"email": schema.StringAttribute{
				MarkdownDescription: "The user's e-mail address. Set it to look the user up by address; the portal compares it as given.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(3, 255)},
			},
			"display_name": schema.StringAttribute{Computed: true, MarkdownDescription: "The name the portal shows."},
			"first_name":   schema.StringAttribute{Computed: true, MarkdownDescription: "First name."},
			"last_name":    schema.StringAttribute{Computed: true, MarkdownDescription: "Last name."},
			"type":         schema.StringAttribute{Computed: true, MarkdownDescription: "The user's type: " + userTypeDoc},
			"status":       schema.StringAttribute{Computed: true, MarkdownDescription: "`active` or `terminated` (blocked)."},
			"is_owner":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the user owns the portal."},
		},
	}
}

func (d *userDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m userModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var u *docspace.User
	var err error
	switch {
	case !m.Email.IsNull():
		u, err = d.client.UserByEmail(ctx, m.Email.ValueString())
		if docspace.IsNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("email"), "No such user",
				fmt.Sprintf("No DocSpace user has the e-mail address %q. The provider never creates accounts: invite the "+
					"person in DocSpace first, then refer to them here.", m.Email.ValueString()))
			return
		}
	case !m.ID.IsNull():
		u, err = d.client.GetUser(ctx, m.ID.ValueString())
		if docspace.IsNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("id"), "No such user", fmt.Sprintf("No DocSpace user has the id %s.", m.ID.ValueString()))
			return
		}
	default:
		u, err = d.client.CurrentUser(ctx)
	}
	if docspace.IsForbidden(err) {
		resp.Diagnostics.AddError("Cannot see the user", err.Error()+". The portal hides some users from some callers: room admins "+
			"do not see guests unrelated to them. Use a DocSpace admin's API key.")
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading the user", err)
		return
	}
	m.fill(u)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
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
