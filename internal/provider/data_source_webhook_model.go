package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// webhookDataModelV0 holds the webhook's configuration as the docspace_webhook resource names it (without
// the secret, which the portal never returns), who made it and when, and what its deliveries did.
type webhookDataModelV0 struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	URI                types.String `tfsdk:"uri"`
	Triggers           types.Set    `tfsdk:"triggers"`
	TargetID           types.String `tfsdk:"target_id"`
	Enabled            types.Bool   `tfsdk:"enabled"`
	SSL                types.Bool   `tfsdk:"ssl"`
	OwnerID            types.String `tfsdk:"owner_id"`
	CreatedOn          types.String `tfsdk:"created_on"`
	ModifiedOn         types.String `tfsdk:"modified_on"`
	Status             types.Int64  `tfsdk:"status"`
	LastSuccessOn      types.String `tfsdk:"last_success_on"`
	LastFailureOn      types.String `tfsdk:"last_failure_on"`
	LastFailureContent types.String `tfsdk:"last_failure_content"`
}

// fill copies the webhook through the docspace_webhook resource's own conversion, so both read a webhook
// alike (triggers null for every event), and adds what the resource leaves out.
func (m *webhookDataModelV0) fill(h *docspace.Webhook, diags *diag.Diagnostics) {
	r := webhookModelV0{Triggers: types.SetNull(types.StringType)}
	r.fill(h, diags)
	m.ID, m.Name, m.URI, m.Triggers, m.TargetID, m.Enabled, m.SSL = r.ID, r.Name, r.URI, r.Triggers, r.TargetID, r.Enabled, r.SSL
	m.OwnerID = types.StringNull()
	if h.CreatedBy != nil && h.CreatedBy.ID != "" {
		m.OwnerID = types.StringValue(h.CreatedBy.ID)
	}
	// The portal writes these dates in its own time zone without an offset (api-notes.md §38): they are kept
	// as written.
	m.CreatedOn = optionalString(h.CreatedOn)
	m.ModifiedOn = optionalString(h.ModifiedOn)
	m.Status = types.Int64Value(int64(h.Status))
	m.LastSuccessOn = optionalString(h.LastSuccessOn)
	m.LastFailureOn = optionalString(h.LastFailureOn)
	m.LastFailureContent = optionalString(h.LastFailureContent)
}
