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
	_ list.ListResource              = (*webhookListResource)(nil)
	_ list.ListResourceWithConfigure = (*webhookListResource)(nil)
)

// NewWebhookListResource returns the docspace_webhook list resource.
func NewWebhookListResource() list.ListResource { return &webhookListResource{} }

type webhookListResource struct{ resourceBase }

type webhookListConfig struct {
	NameContains types.String `tfsdk:"name_contains"`
}

func (l *webhookListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_webhook"
}

func (l *webhookListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the portal's webhooks for `terraform query`: every webhook for an API key of a " +
			"DocSpace admin, and otherwise those the key's user created. One API call, with or without " +
			"`include_resource`. Each result is named after the webhook, sorted by name. The portal never returns a " +
			"webhook's secret, so a generated configuration has none: add `secret_wo` (with `secret_wo_version`) or " +
			"`secret` to each block before planning the import; the first apply then sends it.",
		Attributes: map[string]schema.Attribute{
			"name_contains": schema.StringAttribute{
				MarkdownDescription: "Keep webhooks whose name contains this text, ignoring case.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
		},
	}
}

func (l *webhookListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg webhookListConfig
	var diags diag.Diagnostics
	if !listConfig(ctx, req, stream, &cfg, &diags) {
		return
	}
	all, err := l.client.ListWebhooks(ctx)
	if listAPIFailed(stream, &diags, "Error listing webhooks", err) {
		return
	}
	kept := namedContaining(all, cfg.NameContains.ValueString(), func(h *docspace.Webhook) (string, int64) { return h.Name, h.ID })
	streamListResults(ctx, req, stream, kept, func(h *docspace.Webhook, result *list.ListResult) bool {
		result.DisplayName = h.Name
		m := webhookModelV0{Triggers: types.SetNull(types.StringType), Secret: types.StringNull(), SecretWOVersion: types.Int64Null()}
		m.fill(h, &result.Diagnostics)
		l.setObjectIdentity(ctx, result.Identity, m.ID.ValueString(), &result.Diagnostics)
		setListedResource(ctx, req, result, &m)
		return true
	})
}
