package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

func (p *docspaceProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages rooms, room templates and room share links of an ONLYOFFICE DocSpace portal.",
		Attributes: map[string]schema.Attribute{
			"api_host": schema.StringAttribute{
				MarkdownDescription: "Base URL of the DocSpace portal, such as `https://yourportal.onlyoffice.com`. " +
					"A bare host name means `https://`. Plain `http://` is accepted only for loopback addresses " +
					"unless `allow_insecure_http` is set. May also be set with the `" + EnvAPIHost + "` environment variable.",
				Optional: true,
			},
			"api_key": schema.StringAttribute{
				MarkdownDescription: "DocSpace API key (`sk-…`), sent as `Authorization: Bearer <key>`. Create one under " +
					"*Settings → Developer Tools → API keys*; the provider needs full access, or the scopes `rooms:write` " +
					"and `files:write`, plus `accounts:read` for room members and the user and group data sources, and " +
					"`accounts:write` for `docspace_group`. May also be set with the `" + EnvAPIKey + "` environment variable.",
				Optional:  true,
				Sensitive: true,
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "Time limit for one HTTP request, as a Go duration such as `30s` or `2m`. Defaults to `60s`.",
				Optional:            true,
				CustomType:          timetypes.GoDurationType{},
				Validators:          []validator.String{positiveDuration{}},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a request is retried after a rate limit (429) or a transient server error " +
					"(502, 503, 504, dropped connection). Waits honour `Retry-After` and grow exponentially up to 30s each. " +
					"Only idempotent requests are retried after server errors; creations are retried only after a 429. A read whose " +
					"answer arrives damaged (not JSON, or without its object) is read again up to 3 times within this budget. Defaults to `8`.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
			"allow_insecure_http": schema.BoolAttribute{
				MarkdownDescription: "Allow a plain `http://` `api_host` that is not a loopback address. The API key then " +
					"travels unencrypted; use this only on a trusted network. Defaults to `false`.",
				Optional: true,
			},
		},
	}
}
