package provider

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.Resource                   = (*webhookResource)(nil)
	_ resource.ResourceWithConfigure      = (*webhookResource)(nil)
	_ resource.ResourceWithImportState    = (*webhookResource)(nil)
	_ resource.ResourceWithIdentity       = (*webhookResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*webhookResource)(nil)
	_ resource.ResourceWithValidateConfig = (*webhookResource)(nil)
)

// NewWebhookResource returns the docspace_webhook resource.
func NewWebhookResource() resource.Resource { return &webhookResource{} }

type webhookResource struct{ resourceBase }

func (r *webhookResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_webhook"
}

func (r *webhookResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan webhookModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	secret := secretToSend(ctx, req.Config, "secret", plan.Secret, &resp.Diagnostics)
	names := plan.triggerNames(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if refused := r.triggerRefusal(ctx, names, true); refused != nil {
		refused.refuse(&resp.Diagnostics) // warned of at plan time
		return
	}
	h, err := r.client.CreateWebhook(ctx, plan.config(secret, names))
	if err != nil {
		r.addCreateError(ctx, req.Plan, resp, "docspace_webhook", "Error creating the webhook", explainWebhookError(err, plan.URI.ValueString(), false))
		return
	}
	plan.ID = r.recordCreated(ctx, req.Plan, resp, formatObjectID(h.ID))
	plan.fill(h, &resp.Diagnostics)
	recordWebhookCreator(ctx, resp.Private, h, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *webhookResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state webhookModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id, _ := r.idRestoringIdentity(ctx, state.ID, resp.Identity, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	h, err := r.client.GetWebhook(ctx, id)
	if docspace.IsNotFound(err) {
		// The portal lists to a user who is not a DocSpace admin only the webhooks that user created
		// (api-notes.md §38): a webhook missing from such a list is gone only when it was the user's own.
		if why := r.whyWebhookIsInvisible(ctx, req.Private); why != "" {
			resp.Diagnostics.AddError("Cannot tell whether the webhook still exists",
				fmt.Sprintf("Webhook %d is not in the portal's list of webhooks, but %s The webhook was kept in the "+
					"Terraform state. Use an API key of a DocSpace admin, or of the user who created the webhook.", id, why))
			return
		}
		removeGone(ctx, resp, "Webhook not found",
			fmt.Sprintf("Webhook %d no longer exists and was removed from the Terraform state; the next apply creates it "+
				"again. The portal itself deletes a webhook whose receiver answered a delivery with 410 Gone, or whose "+
				"address it no longer accepts; a person may also have deleted it in DocSpace (Settings, Developer Tools, "+
				"Webhooks).", id))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading the webhook", err)
		return
	}
	if state.Enabled.ValueBool() && !h.Enabled {
		resp.Diagnostics.AddWarning("Webhook disabled on the portal",
			fmt.Sprintf("Webhook %d (%q) is disabled on the portal, although the configuration enables it. The portal "+
				"disables a webhook whose deliveries have failed for three days (last failure: %s; last success: %s), or "+
				"a person disabled it. The next apply enables it again, which the portal allows only while the receiver %s "+
				"answers a HEAD request with a 2xx status. The docspace_webhook data source shows the last failure's answer.",
				h.ID, h.Name, orNever(h.LastFailureOn), orNever(h.LastSuccessOn), h.URI))
	}
	state.fill(h, &resp.Diagnostics)
	recordWebhookCreator(ctx, resp.Private, h, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update sends the whole configuration, with the secret only when it changed. A webhook to be disabled is
// disabled first through the portal's enable switch, which does not ask the receiver, so that a webhook
// whose receiver is down can always be disabled (api-notes.md §38); when nothing else changes that is all.
func (r *webhookResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state webhookModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id, _ := r.idRestoringIdentity(ctx, state.ID, resp.Identity, &resp.Diagnostics)
	names := plan.triggerNames(ctx, &resp.Diagnostics)
	secret := ""
	if secretChanged(&plan, &state) {
		secret = secretToSend(ctx, req.Config, "secret", plan.Secret, &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if refused := r.triggerRefusal(ctx, names, !onlySwitch(&plan, &state, secret)); refused != nil {
		refused.refuse(&resp.Diagnostics) // warned of at plan time
		return
	}
	plan.ID = state.ID
	cfg := plan.config(secret, names)
	// h is the portal's answer to the last call; nil when the plan changes nothing the portal keeps (only the
	// spelling of "every event", or the secret's version without a secret to send).
	var h *docspace.Webhook
	current := &docspace.Webhook{ID: id, Name: state.Name.ValueString(), URI: state.URI.ValueString()}
	enabled := state.Enabled.ValueBool()
	if !cfg.Enabled && enabled {
		disabled, err := r.client.SetWebhookEnabled(ctx, current, false)
		if err != nil {
			addAPIError(&resp.Diagnostics, "Error disabling the webhook", err)
			return
		}
		h, enabled = disabled, false
		// Kept even when the rest of the update fails.
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("enabled"), types.BoolValue(false))...)
	}
	var err error
	switch {
	case !onlySwitch(&plan, &state, secret):
		if h, err = r.client.UpdateWebhook(ctx, id, cfg); err != nil {
			addAPIError(&resp.Diagnostics, "Error updating the webhook", explainWebhookError(err, plan.URI.ValueString(), true))
			return
		}
	case cfg.Enabled && !enabled:
		// Enabling asks the receiver, with the configuration the portal has, which is the planned one.
		if h, err = r.client.SetWebhookEnabled(ctx, current, true); err != nil {
			addAPIError(&resp.Diagnostics, "Error enabling the webhook", explainWebhookError(err, plan.URI.ValueString(), true))
			return
		}
	}
	if h != nil {
		plan.fill(h, &resp.Diagnostics)
		recordWebhookCreator(ctx, resp.Private, h, &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// secretChanged reports whether the planned secret differs from the one last sent: a new plain secret, a
// new version of the write-only one, or a switch between the two.
func secretChanged(plan, state *webhookModelV0) bool {
	if !plan.Secret.IsNull() {
		return !plan.Secret.Equal(state.Secret)
	}
	return !plan.SecretWOVersion.Equal(state.SecretWOVersion) || !state.Secret.IsNull()
}

// onlySwitch reports whether the plan changes nothing the portal keeps but enabled (the secret included).
func onlySwitch(plan, state *webhookModelV0, secret string) bool {
	return secret == "" && plan.Name.Equal(state.Name) && plan.URI.Equal(state.URI) && plan.SSL.Equal(state.SSL) &&
		plan.TargetID.Equal(state.TargetID) && sameTriggers(plan.Triggers, state.Triggers)
}

// sameTriggers compares two trigger sets as the portal stores them: null and empty are both every event.
func sameTriggers(a, b types.Set) bool {
	return a.Equal(b) || (everyEvent(a) && everyEvent(b))
}

func (r *webhookResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state webhookModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id, _ := attributeID(state.ID, "id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	// A webhook the portal deleted already is no error (DeleteWebhook).
	if err := r.client.DeleteWebhook(ctx, id); err != nil {
		addAPIError(&resp.Diagnostics, "Error deleting the webhook", err)
	}
}

// ImportState imports a webhook by its id or by its identity; the next read fills in the rest, but for the
// secret, which the portal never returns.
func (r *webhookResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importObject(ctx, req, resp, "Find the webhook's id with the docspace_webhook list resource (terraform query), "+
		"or in GET /api/2.0/settings/webhook (response[].configs.id).")
}

// triggerRefusal refuses every webhook call of a guest's key, and, when the call sends the triggers (sends),
// triggers the API key's user may not use (api-notes.md §38). The user is read once per provider process;
// when it cannot be read, the portal decides.
func (r *webhookResource) triggerRefusal(ctx context.Context, names []string, sends bool) *refusal {
	me, err := r.client.Self(ctx)
	if err != nil {
		return nil
	}
	kind := me.Type()
	if kind == docspace.EmployeeTypeGuest {
		return &refusal{at: path.Root("name"), summary: "Guests cannot manage webhooks",
			why: fmt.Sprintf("The API key belongs to %s, a guest, and the portal refuses guests every webhook call "+
				"(403). Use an API key of a DocSpace admin, or of a room admin or user while the portal lets users other "+
				"than admins use the developer tools.", me.Email)}
	}
	bad := unavailableTriggers(names, kind)
	if !sends || len(bad) == 0 {
		return nil
	}
	return &refusal{at: path.Root("triggers"), summary: "Triggers not available to the API key's user",
		why: fmt.Sprintf("The API key belongs to %s, a user of type %q, who may not use the triggers %s: the portal "+
			"answers 400 \"Trigger is not available\". Remove them from triggers, or use an API key of a DocSpace admin "+
			"or a room admin (the webhook then belongs to that user). A user of type %q may use: %s.",
			me.Email, userTypeName(kind), joinNames(quoteAll(bad)), userTypeName(kind), webhookTriggersFor(kind))}
}

// quoteAll quotes each name, for messages.
func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fmt.Sprintf("%q", n)
	}
	return out
}

// privateWebhookCreator holds, in a webhook's private state, the id of the user who created it, as the last
// read found it.
const privateWebhookCreator = "webhook_creator"

func recordWebhookCreator(ctx context.Context, private privateWriter, h *docspace.Webhook, diags *diag.Diagnostics) {
	if h.CreatedBy == nil || h.CreatedBy.ID == "" {
		return
	}
	value, _ := json.Marshal(h.CreatedBy.ID)
	diags.Append(private.SetKey(ctx, privateWebhookCreator, value)...)
}

// whyWebhookIsInvisible explains why a webhook missing from the portal's list may still exist: the API key's
// user is not a DocSpace admin, and the webhook was not that user's own as far as its last read showed. It
// returns "" when the webhook is gone.
func (r *webhookResource) whyWebhookIsInvisible(ctx context.Context, private privateData) string {
	me, err := r.client.Self(ctx)
	if err != nil {
		return fmt.Sprintf("reading the API key's user to check failed: %v.", err)
	}
	if me.Type() == docspace.EmployeeTypeDocSpaceAdmin {
		return ""
	}
	creator := privateValue[string](ctx, private, privateWebhookCreator)
	if creator != "" && creator == me.ID {
		return ""
	}
	who := "another user"
	if creator == "" {
		who = "a user the state does not record"
	}
	return fmt.Sprintf("the API key belongs to %s, a user of type %q, and the portal shows such users only the "+
		"webhooks they created; this one was created by %s.", me.Email, userTypeName(me.Type()), who)
}

// explainWebhookError adds to err what the person can do about the portal's refusals of a webhook write
// (api-notes.md §38); receiver is the configured URL. existing says whether the webhook exists, whose
// changes all wait for a receiver that answers, but disabling.
func explainWebhookError(err error, receiver string, existing bool) error {
	const downHint = "\n\nA webhook whose receiver does not answer cannot be changed, except to disable it: set " +
		"enabled = false to disable it now (the provider applies that without asking the receiver), or bring the " +
		"receiver back and apply again."
	switch docspace.WebhookProblemOf(err) {
	case docspace.WebhookReceiverUnreachable:
		err = fmt.Errorf("%w\n\nThe portal could not reach the receiver %s: its HEAD request failed to connect or timed "+
			"out, which the portal reports as an internal error (500). Check that the receiver is running and reachable "+
			"from the portal, not only from where Terraform runs (its DNS name, firewalls; a cloud portal reaches only "+
			"public addresses); that it answers a HEAD request to this very URL with a 2xx status; and that its address "+
			"is not private or loopback (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 127.0.0.0/8, localhost), which "+
			"portals with default settings refuse", err, receiver)
	case docspace.WebhookReceiverRefused:
		err = fmt.Errorf("%w\n\nThe receiver %s answered the portal's HEAD request with a status other than 2xx. Make it "+
			"answer HEAD requests to this URL with 200: many web frameworks answer 405 to HEAD unless it is routed like GET", err, receiver)
	case docspace.WebhookURLRefused:
		return fmt.Errorf("%w\n\nThe portal refuses this receiver URL. Portals with default settings (DocSpace 3.7 and "+
			"later) refuse receivers on private or loopback addresses (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, "+
			"127.0.0.0/8, localhost and the like), and every name that resolves to one: use an address the portal may "+
			"reach, or have the portal's administrator change its webhooks:blacklist setting. With ssl = true the URL "+
			"must be https", err)
	case docspace.WebhookSecretRefused:
		return fmt.Errorf("%w\n\nThe portal's password policy is stricter than the default the plan checks (8 to 30 "+
			"printable ASCII characters): choose a secret that meets the rules the portal names, and send it (raise "+
			"secret_wo_version, or change secret)", err)
	case docspace.WebhookTriggerUnavailable:
		return fmt.Errorf("%w\n\nA trigger is not available to the API key's user type; the table of triggers in the "+
			"docspace_webhook documentation says who may use each. Remove it, or use an API key of a DocSpace admin", err)
	case docspace.WebhookDuplicate:
		return fmt.Errorf("%w. To manage that webhook with this resource, import it (terraform import with its id, or "+
			"an import block), or give this one another name", err)
	default:
		return err
	}
	if existing {
		err = fmt.Errorf("%w%s", err, downHint)
	}
	return err
}

// orNever is a portal date, or "never".
func orNever(at string) string {
	if at == "" {
		return "never"
	}
	return at
}
