package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ list.ListResource              = (*groupListResource)(nil)
	_ list.ListResourceWithConfigure = (*groupListResource)(nil)
)

// NewGroupListResource returns the docspace_group list resource.
func NewGroupListResource() list.ListResource { return &groupListResource{} }

type groupListResource struct{ resourceBase }

type groupListConfig struct {
	NameContains types.String `tfsdk:"name_contains"`
}

func (l *groupListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (l *groupListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the portal's groups for `terraform query`. The listing costs one API call per 100 groups; " +
			"`include_resource` adds one call per group, which reads its manager and members. Each result is named after the group.",
		Attributes: map[string]schema.Attribute{
			"name_contains": schema.StringAttribute{
				MarkdownDescription: "Keep groups whose name contains this text, ignoring case.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
		},
	}
}

func (l *groupListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg groupListConfig
	var diags diag.Diagnostics
	if !listConfig(ctx, req, stream, &cfg, &diags) {
		return
	}
	groups, err := l.client.ListGroups(ctx, cfg.NameContains.ValueString())
	if listAPIFailed(stream, &diags, "Error listing groups", err) {
		return
	}
	// The name filter is checked again, so the result is exact whatever the portal's matching rules are.
	kept := namedContaining(groups, cfg.NameContains.ValueString(), func(g *docspace.Group) (string, string) { return g.Name, g.ID })
	streamListResults(ctx, req, stream, kept, func(g *docspace.Group, result *list.ListResult) bool {
		result.DisplayName = g.Name
		l.setObjectIdentity(ctx, result.Identity, g.ID, &result.Diagnostics)
		if req.IncludeResource {
			full, err := l.client.GetGroup(ctx, g.ID)
			if err != nil {
				addAPIError(&result.Diagnostics, "Error reading group "+g.ID, err)
			} else {
				m := groupModelV0{ManagerID: types.StringNull()}
				m.fill(full, types.SetNull(types.StringType))
				result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
			}
		}
		return true
	})
}
