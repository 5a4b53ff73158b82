package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

func (d *webhookDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	const portalTime = " In the portal's time zone, as the portal writes it, without an offset (such as " +
		"`2026-12-07T09:41:07.1234567`); null when there is none."
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one webhook of the portal, by id or by its exact name, with what its deliveries " +
			"did: the status of the last delivery, when the last one succeeded and failed, and what the receiver " +
			"answered the last failure. Use it to watch a webhook, for example with a `check` block that fails when " +
			"the last delivery failed. Webhook names are not unique: a name that no webhook or several webhooks " +
			"carry is an error that names the candidates (then look the webhook up by id).\n\n" +
			"One API call: the portal's list of webhooks, which holds the delivery status. The API key's user sees " +
			"every webhook as a DocSpace admin, and otherwise only the webhooks that user created. The secret is never " +
			"returned. To adopt webhooks into Terraform, use the `docspace_webhook` list resource with `terraform query`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The webhook's numeric id. Exactly one of `id` and `name` is required.",
				Optional:            true,
				Computed:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(numericID, "must be a numeric webhook id"),
					stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
				},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The webhook's exact name (letter case included).",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, docspace.MaxWebhookNameLength)},
			},
			"uri":     schema.StringAttribute{Computed: true, MarkdownDescription: "The receiver's URL."},
			"enabled": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the portal delivers events (it disables a webhook whose deliveries have failed for three days)."},
			"ssl":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the receiver's certificate is verified (and https required)."},
			"triggers": schema.SetAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The events the webhook receives, by name as in the `docspace_webhook` resource; null when it receives every event.",
			},
			"target_id":   schema.StringAttribute{Computed: true, MarkdownDescription: "The id of the one object whose events the webhook receives; null for every object."},
			"owner_id":    schema.StringAttribute{Computed: true, MarkdownDescription: "Id of the user who created the webhook."},
			"created_on":  schema.StringAttribute{Computed: true, MarkdownDescription: "When the webhook was created." + portalTime},
			"modified_on": schema.StringAttribute{Computed: true, MarkdownDescription: "When the webhook was last changed." + portalTime},
			"status": schema.Int64Attribute{Computed: true, MarkdownDescription: "The HTTP status the receiver answered the " +
				"latest delivery with; `0` when nothing was delivered yet."},
			"last_success_on": schema.StringAttribute{Computed: true, MarkdownDescription: "When a delivery last succeeded." + portalTime},
			"last_failure_on": schema.StringAttribute{Computed: true, MarkdownDescription: "When a delivery last failed." + portalTime},
			"last_failure_content": schema.StringAttribute{Computed: true, MarkdownDescription: "What the receiver answered " +
				"the last failed delivery, or why it could not be delivered; null when none failed."},
		},
	}
}
