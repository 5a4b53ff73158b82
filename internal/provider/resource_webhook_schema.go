package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

func (r *webhookResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A webhook of the portal: DocSpace POSTs a JSON description of each event the webhook " +
			"listens to (a room created, a form submitted, a file uploaded…) to the receiver at `uri`, signed with " +
			"the webhook's secret in the header `x-docspace-signature-256: sha256=<hex HMAC-SHA256 of the body>`.\n\n" +
			"**The receiver must answer.** Every create and every change sends a HEAD request to `uri` first, from the " +
			"portal: the receiver must be reachable from the portal (not only from where Terraform runs) and answer HEAD " +
			"with a 2xx status (a receiver that answers 405 to HEAD is refused), and portals with default settings " +
			"(DocSpace 3.7 and later) refuse receivers on private or loopback addresses (`10.0.0.0/8`, `172.16.0.0/12`, " +
			"`192.168.0.0/16`, `127.0.0.0/8`, `localhost`…). **A webhook whose receiver is down cannot be changed, except " +
			"to disable it**: the provider disables a webhook (`enabled = false`) through the portal's enable switch, " +
			"which skips the check, so that change always applies; any other change waits until the receiver answers " +
			"again.\n\n" +
			"**Triggers** are named as in the portal's list, `" + strings.Join(webhookTriggerNameList()[:3], "`, `") + "`… " +
			"(the table below). Leave `triggers` out to receive every event; an empty set means the same. Some triggers " +
			"are available only to some user types, and the webhook's creator must be of such a type: the plan warns of " +
			"a trigger the API key's user may not use, and the apply refuses it before any call.\n\n" +
			webhookTriggersTable() +
			"\nObjects made by Terraform (rooms, folders, files, webhooks) are created under their title followed by a " +
			"creation marker and renamed at once, so their `*.created` events carry the marked title, such as " +
			"`Intake [tf-pending-r-3fa9c2d1e0b7]`, and the rename that follows publishes `room.updated`, `folder.updated` " +
			"or `file.updated` with the real title: receivers should identify objects by id.\n" +
			"\n**Changes made by the portal.** The portal deletes a webhook whose receiver answers a delivery with " +
			"`410 Gone`: the next refresh removes it from the state with a warning, and the next apply creates it again. " +
			"It disables a webhook whose deliveries have failed for three days: the refresh shows `enabled = false` with " +
			"a warning, and the next apply enables it again (which the portal allows only while the receiver answers). " +
			"What the deliveries did (the last success and failure, the last status) changes with every event and is not " +
			"part of this resource; read it with the `docspace_webhook` data source.\n\n" +
			"**Secret.** The portal requires one, checks it against its password policy (by default 8 to 30 printable " +
			"ASCII characters without spaces, which the plan checks) and never shows it again. Give it as `secret_wo` " +
			"with `secret_wo_version` (Terraform 1.11 or later; raise the version to send a new value) or as `secret`, " +
			"which is stored in the state. Changes to anything else send the configuration without the secret, and the " +
			"portal keeps the one it has.\n\n" +
			"**Who may manage webhooks.** DocSpace admins manage every webhook; other users (room admins and users) only " +
			"their own, and only while the portal does not limit the developer tools to admins; guests none.\n\n" +
			"Webhook names need not be unique, so the provider creates a webhook under its name followed by a creation " +
			"marker and renames it at once: an apply whose answer was lost finds the webhook by its marker instead of " +
			"creating a second one.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The webhook's numeric id, which is also the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The webhook's name, 1 to %d characters, without white space at either end.", docspace.MaxWebhookNameLength),
				Required:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, docspace.MaxWebhookNameLength),
					stringvalidator.RegexMatches(trimmedText, "must not be blank or start or end with white space"),
				},
			},
			"uri": schema.StringAttribute{
				MarkdownDescription: "The receiver's URL, `https://…`, or `http://…` with `ssl = false`. See above for what the " +
					"receiver must answer.",
				Required:   true,
				Validators: []validator.String{receiverURL{}},
			},
			"triggers": schema.SetAttribute{
				MarkdownDescription: "The events the webhook receives, by name (the table above), such as " +
					"`[\"room.created\", \"form.submit\"]`. Leave it out, or set it to an empty set, to receive every " +
					"event. A trigger a newer portal knows and this provider does not is written as its flag's decimal value.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.Set{setvalidator.ValueStringsAre(webhookTriggerName{})},
			},
			"target_id": schema.StringAttribute{
				MarkdownDescription: "Limit the webhook to the events of one object: the id of the file, folder, room, user " +
					"or group that an event is about, exactly. A room's id matches events of the room itself (`room.updated`, " +
					"`room.archived`…), **not** events of the files and folders inside it, which carry their own ids. For " +
					"`form.submit` it is the id of the original form (the file in the form-filling room), not of a filled " +
					"copy. At most 255 characters; leave it out for events of every object.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthBetween(1, 255)},
			},
			"enabled": schema.BoolAttribute{
				MarkdownDescription: "Whether the portal delivers events. Defaults to `true` (the portal's own default is " +
					"`false`). A webhook is disabled even while its receiver is down.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"ssl": schema.BoolAttribute{
				MarkdownDescription: "Defaults to `true`: the receiver must be `https` and its certificate is verified. Set it " +
					"to `false` for an `http` receiver; with `false` the portal also accepts any certificate of an `https` receiver.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
		},
	}
	addSecretAttributes(resp.Schema.Attributes, "secret", secretDocs{
		plain: "The secret the portal signs each delivery with (HMAC-SHA256 of the body, in the header " +
			"`x-docspace-signature-256`). Required on create, as this or as `secret_wo`; checked against the portal's " +
			"password policy (by default 8 to 30 printable ASCII characters, no spaces). The portal never returns it: " +
			"after an import the first apply sends it once.",
		writeOnly: "webhook secret",
	}, webhookSecret{})
}

// webhookTriggersTable lists the triggers, with the user types that may use each (api-notes.md §38).
func webhookTriggersTable() string {
	var b strings.Builder
	b.WriteString("| trigger | who may use it |\n|---|---|\n")
	for _, t := range docspace.WebhookTriggerFlags {
		who := "DocSpace admins and room admins"
		if t.AvailableTo(docspace.EmployeeTypeUser) {
			who = "DocSpace admins, room admins and users"
		}
		fmt.Fprintf(&b, "| `%s` | %s |\n", t.Name, who)
	}
	return b.String()
}

func (r *webhookResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = objectIdentitySchema("webhook")
}
