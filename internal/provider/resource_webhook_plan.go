package provider

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// ModifyPlan warns of triggers the API key's user may not use, in a plan that sends the webhook's
// configuration (a create, or an update of more than enabled: every update sends all of it), and of any
// change with a guest's key; Create and Update refuse them.
func (r *webhookResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || (!req.State.Raw.IsNull() && req.Plan.Raw.Equal(req.State.Raw)) || r.client == nil {
		return
	}
	var plan, state webhookModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	sends := true
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		sends = secretChanged(&plan, &state) || !onlySwitch(&plan, &state, "")
	}
	if resp.Diagnostics.HasError() || plan.Triggers.IsUnknown() {
		return
	}
	if refused := r.triggerRefusal(ctx, plan.triggerNames(ctx, &resp.Diagnostics), sends); refused != nil {
		refused.warn(resp, false) // nothing replaces a webhook
	}
}

// ValidateConfig requires a secret, a name the portal can store and an https receiver unless ssl is false.
func (r *webhookResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m webhookModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if m.Secret.IsNull() && m.SecretWO.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("secret_wo"), "Missing webhook secret",
			"The portal requires a secret for every webhook and signs each delivery with it. Set secret_wo = \"<secret>\" "+
				"with secret_wo_version = 1 (Terraform 1.11 or later; the secret is then never stored in the state), or "+
				"secret = \"<secret>\", best from a sensitive variable. The portal never returns the secret, so an imported "+
				"webhook needs it too: the first apply after the import sends it.")
	}
	// The portal counts UTF-16 units (api-notes.md §38): a character outside the Basic Multilingual Plane
	// counts twice.
	if name := m.Name.ValueString(); !m.Name.IsUnknown() && len(utf16.Encode([]rune(name))) > docspace.MaxWebhookNameLength &&
		utf8.RuneCountInString(name) <= docspace.MaxWebhookNameLength {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Webhook name too long",
			fmt.Sprintf("The name is %d UTF-16 units long, as the portal counts (emoji and other characters outside the "+
				"Basic Multilingual Plane count twice); the portal allows at most %d. Shorten it.",
				len(utf16.Encode([]rune(name))), docspace.MaxWebhookNameLength))
	}
	if m.URI.IsUnknown() || m.URI.IsNull() || m.SSL.IsUnknown() {
		return
	}
	u, err := url.Parse(m.URI.ValueString())
	if err == nil && strings.EqualFold(u.Scheme, "http") && (m.SSL.IsNull() || m.SSL.ValueBool()) {
		resp.Diagnostics.AddAttributeError(path.Root("uri"), "HTTPS required",
			fmt.Sprintf("The receiver %s is plain http, and with ssl = true (the default) the portal requires https (it "+
				"answers \"HTTPS is required\"). Give the receiver an https URL, or set ssl = false for a receiver that "+
				"only speaks http. With ssl = false the portal also accepts any certificate of an https receiver.", m.URI.ValueString()))
	}
}

// receiverURL validates a webhook's receiver: an absolute http or https URL with a host.
type receiverURL struct{}

var _ validator.String = receiverURL{}

func (receiverURL) Description(context.Context) string {
	return "must be an absolute http or https URL, such as https://hooks.example.com/docspace"
}

func (v receiverURL) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v receiverURL) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	raw := req.ConfigValue.ValueString()
	u, err := url.Parse(raw)
	switch {
	case err != nil || !u.IsAbs() || u.Host == "" || u.Hostname() == "":
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid receiver URL",
			fmt.Sprintf("%q is not an absolute URL: the receiver %s.", raw, v.Description(ctx)))
	case u.Scheme != "http" && u.Scheme != "https":
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid receiver URL",
			fmt.Sprintf("%q uses the scheme %q; the portal delivers only over https (or http with ssl = false).", raw, u.Scheme))
	case u.User != nil:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid receiver URL",
			"The receiver URL holds a user name or password, which would be stored in the portal and in the state; "+
				"let the receiver check the signature made with the secret instead.")
	}
}

// Webhook secrets under the portal's default password policy: 8 to 30 characters from "!" to "~" (api-notes.md §38).
const (
	minWebhookSecret = 8
	maxWebhookSecret = 30
)

// webhookSecret checks a known secret against the portal's default password policy. The message never
// shows the secret.
type webhookSecret struct{}

var _ validator.String = webhookSecret{}

func (webhookSecret) Description(context.Context) string {
	return fmt.Sprintf("must be %d to %d printable ASCII characters without spaces", minWebhookSecret, maxWebhookSecret)
}

func (v webhookSecret) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v webhookSecret) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	secret := req.ConfigValue.ValueString()
	problem := ""
	if n := utf8.RuneCountInString(secret); n < minWebhookSecret || n > maxWebhookSecret {
		problem = fmt.Sprintf("is %d characters long", n)
	}
	for i, r := range []rune(secret) {
		if r < '!' || r > '~' {
			what := "a character outside printable ASCII"
			if r == ' ' {
				what = "a space"
			}
			problem = fmt.Sprintf("has %s at position %d", what, i+1)
			break
		}
	}
	if problem == "" {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Webhook secret refused by the password policy",
		fmt.Sprintf("The secret %s. The portal checks webhook secrets against its password policy, by default %d to %d "+
			"printable ASCII characters without spaces: Latin letters, digits and symbols such as ! # %% * - _ ~. Choose "+
			"such a secret (a portal with a stricter policy may also ask for upper-case letters, digits or special "+
			"characters, and names them when it refuses one).", problem, minWebhookSecret, maxWebhookSecret))
}

// webhookTriggerName validates one trigger name: a trigger of the client's table, or the decimal value of a
// single flag the table does not know (a newer portal's).
type webhookTriggerName struct{}

var _ validator.String = webhookTriggerName{}

func (webhookTriggerName) Description(context.Context) string {
	return "must be a webhook trigger name such as room.created"
}

func (v webhookTriggerName) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v webhookTriggerName) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	name := req.ConfigValue.ValueString()
	if _, ok := docspace.WebhookTriggerByName(name); ok || unknownTriggerBit(name) {
		return
	}
	if n, err := strconv.ParseUint(name, 10, 64); err == nil && n != 0 && n&(n-1) == 0 {
		known := webhookTriggerNames(int64(n))[0]
		resp.Diagnostics.AddAttributeError(req.Path, "Trigger written as a number",
			fmt.Sprintf("%s is the flag of the trigger %q: write it by its name, %q, as the portal reads it back.", name, known, known))
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Unknown webhook trigger",
		fmt.Sprintf("%q is not a webhook trigger. %s", name, triggerSuggestion(name)))
}
