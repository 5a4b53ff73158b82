package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSource              = (*webhookDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*webhookDataSource)(nil)
)

// NewWebhookDataSource returns the docspace_webhook data source.
func NewWebhookDataSource() datasource.DataSource { return &webhookDataSource{} }

type webhookDataSource struct{ dataSourceBase }

func (d *webhookDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_webhook"
}

// Read lists the webhooks once (the portal has no read by id, and only its list holds the delivery status,
// api-notes.md §38) and picks the one the configuration names.
func (d *webhookDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m webhookDataModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var found *docspace.Webhook
	if m.ID.IsNull() {
		found = d.findByName(ctx, m.Name.ValueString(), &resp.Diagnostics)
	} else if id, ok := attributeID(m.ID, "id", &resp.Diagnostics); ok {
		h, err := d.client.GetWebhook(ctx, id)
		switch {
		case docspace.IsNotFound(err):
			resp.Diagnostics.AddAttributeError(path.Root("id"), "No such webhook",
				fmt.Sprintf("No webhook with the id %d is in the portal's list. %s", id, webhookListScope))
		case err != nil:
			addAPIError(&resp.Diagnostics, "Error reading the webhook", err)
		default:
			found = h
		}
	}
	if resp.Diagnostics.HasError() || found == nil {
		return
	}
	m.fill(found, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// webhookListScope says whose webhooks the portal lists, for messages about a webhook that is not there.
const webhookListScope = "The portal lists every webhook to a DocSpace admin, and to other users only the webhooks they created."

// findByName finds the one webhook named exactly name; webhooks whose names differ only in letter case are
// named as candidates when none matches.
func (d *webhookDataSource) findByName(ctx context.Context, name string, diags *diag.Diagnostics) *docspace.Webhook {
	all, err := d.client.ListWebhooks(ctx)
	if err != nil {
		addAPIError(diags, "Error listing the webhooks", err)
		return nil
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	var exact, near []string
	var found *docspace.Webhook
	for i := range all {
		h := &all[i]
		switch {
		case h.Name == name:
			exact, found = append(exact, fmt.Sprintf("%d (%s)", h.ID, h.URI)), h
		case strings.EqualFold(h.Name, name):
			near = append(near, fmt.Sprintf("%d (%q)", h.ID, h.Name))
		}
	}
	switch len(exact) {
	case 1:
		return found
	case 0:
		detail := fmt.Sprintf("No webhook is named %q. %s", name, webhookListScope)
		if len(near) > 0 {
			detail += " Webhooks whose names differ only in letter case: " + strings.Join(near, ", ") + "."
		}
		diags.AddAttributeError(path.Root("name"), "No such webhook", detail)
	default:
		diags.AddAttributeError(path.Root("name"), "Several webhooks have this name",
			fmt.Sprintf("%d webhooks are named %q: %s. Webhook names are not unique; look the webhook up by id instead.",
				len(exact), name, strings.Join(exact, ", ")))
	}
	return nil
}
