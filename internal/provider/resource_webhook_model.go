package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type webhookModelV0 struct {
	ID              types.String `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	URI             types.String `tfsdk:"uri"`
	Triggers        types.Set    `tfsdk:"triggers"`
	TargetID        types.String `tfsdk:"target_id"`
	Secret          types.String `tfsdk:"secret"`
	SecretWO        types.String `tfsdk:"secret_wo"`
	SecretWOVersion types.Int64  `tfsdk:"secret_wo_version"`
	Enabled         types.Bool   `tfsdk:"enabled"`
	SSL             types.Bool   `tfsdk:"ssl"`
}

// fill copies the portal's webhook into m. The secret is never returned (api-notes.md §38): secret and
// secret_wo_version keep what m holds, and the write-only secret_wo is null. The delivery fields (the last
// success and failure, the status) change with every delivery and are not part of the resource.
func (m *webhookModelV0) fill(h *docspace.Webhook, diags *diag.Diagnostics) {
	m.ID = types.StringValue(formatObjectID(h.ID))
	m.Name = types.StringValue(h.Name)
	m.URI = types.StringValue(h.URI)
	m.Triggers = webhookTriggersValue(h.Triggers, m.Triggers, diags)
	m.TargetID = optionalString(h.TargetID)
	m.SecretWO = types.StringNull()
	m.Enabled = types.BoolValue(h.Enabled)
	m.SSL = types.BoolValue(h.SSL)
}

// triggerNames are the configured trigger names; none for every event.
func (m *webhookModelV0) triggerNames(ctx context.Context, diags *diag.Diagnostics) []string {
	return stringsFromSet(ctx, m.Triggers, diags)
}

// config is the portal's configuration of the webhook m describes, with secret ("" keeps the portal's) and
// the trigger names m configures (triggerNames).
func (m *webhookModelV0) config(secret string, triggers []string) docspace.WebhookConfig {
	return docspace.WebhookConfig{
		Name:     m.Name.ValueString(),
		URI:      m.URI.ValueString(),
		Secret:   secret,
		Enabled:  m.Enabled.ValueBool(),
		SSL:      m.SSL.ValueBool(),
		Triggers: webhookTriggerFlags(triggers),
		TargetID: m.TargetID.ValueString(),
	}
}
