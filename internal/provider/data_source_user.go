package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSource              = (*userDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*userDataSource)(nil)
)

// NewUserDataSource returns the docspace_user data source.
func NewUserDataSource() datasource.DataSource { return &userDataSource{} }

type userDataSource struct{ dataSourceBase }

func (d *userDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
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
		resp.Diagnostics.AddError("Cannot see the user", err.Error()+"\n\nThe portal would not show this user. "+
			accountsReadRefused+" Use a key of a DocSpace admin that has the scope.")
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading the user", err)
		return
	}
	m.fill(u)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
