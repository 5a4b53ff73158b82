// Package provider implements the DocSpace Terraform provider on terraform-plugin-framework.
package provider

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// Address is the provider's registry address.
const Address = "registry.terraform.io/docspace-community/docspace"

// Environment variables that configure the provider; the names follow ONLYOFFICE's API samples.
const (
	EnvAPIHost = "DOCSPACE_API_HOST"
	EnvAPIKey  = "DOCSPACE_API_KEY"
)

const (
	defaultRequestTimeout = 60 * time.Second
	defaultMaxRetries     = 8
)

var (
	_ provider.Provider                  = (*docspaceProvider)(nil)
	_ provider.ProviderWithListResources = (*docspaceProvider)(nil)
)

type docspaceProvider struct {
	// version is "dev" for local builds, "test" in acceptance tests and the release version otherwise.
	version string
}

type providerModelV0 struct {
	APIHost           types.String         `tfsdk:"api_host"`
	APIKey            types.String         `tfsdk:"api_key"`
	RequestTimeout    timetypes.GoDuration `tfsdk:"request_timeout"`
	MaxRetries        types.Int64          `tfsdk:"max_retries"`
	AllowInsecureHTTP types.Bool           `tfsdk:"allow_insecure_http"`
}

// New returns a constructor for the provider, as providerserver expects.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &docspaceProvider{version: version}
	}
}

func (p *docspaceProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "docspace"
	resp.Version = p.version
}

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
					"and `files:write`. May also be set with the `" + EnvAPIKey + "` environment variable.",
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
					"Only idempotent requests are retried after server errors; creations are retried only after a 429. Defaults to `8`.",
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

func (p *docspaceProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}

	unknownAttributeErrors(&resp.Diagnostics, map[string]bool{
		"api_host":            config.APIHost.IsUnknown(),
		"api_key":             config.APIKey.IsUnknown(),
		"request_timeout":     config.RequestTimeout.IsUnknown(),
		"max_retries":         config.MaxRetries.IsUnknown(),
		"allow_insecure_http": config.AllowInsecureHTTP.IsUnknown(),
	})
	if resp.Diagnostics.HasError() {
		return
	}

	host := stringOrEnv(config.APIHost, EnvAPIHost)
	apiKey := stringOrEnv(config.APIKey, EnvAPIKey)
	if host == "" {
		resp.Diagnostics.AddAttributeError(path.Root("api_host"), "Missing DocSpace portal URL",
			"Set api_host in the provider configuration or the "+EnvAPIHost+" environment variable, "+
				"for example https://yourportal.onlyoffice.com. If either is already set, make sure it is not empty.")
	}
	if apiKey == "" {
		resp.Diagnostics.AddAttributeError(path.Root("api_key"), "Missing DocSpace API key",
			"Set api_key in the provider configuration or the "+EnvAPIKey+" environment variable. "+
				"Create a key in DocSpace under Settings → Developer Tools → API keys. If either is already set, make sure it is not empty.")
	}
	if resp.Diagnostics.HasError() {
		return
	}

	baseURL, err := normalizePortalURL(host, config.AllowInsecureHTTP.ValueBool())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("api_host"), "Invalid DocSpace portal URL", err.Error())
		return
	}

	timeout := defaultRequestTimeout
	if !config.RequestTimeout.IsNull() {
		d, diags := config.RequestTimeout.ValueGoDuration()
		resp.Diagnostics.Append(diags...)
		timeout = d
	}
	retries := defaultMaxRetries
	if !config.MaxRetries.IsNull() {
		retries = int(config.MaxRetries.ValueInt64())
	}
	if resp.Diagnostics.HasError() {
		return
	}

	client, err := docspace.New(docspace.Config{
		Host:           baseURL,
		APIKey:         apiKey,
		UserAgent:      userAgent(p.version, req.TerraformVersion),
		RequestTimeout: timeout,
		MaxRetries:     retries,
	})
	if err != nil {
		resp.Diagnostics.AddError("Unable to create the DocSpace API client", err.Error())
		return
	}
	resp.ResourceData = client
	resp.DataSourceData = client
	resp.ListResourceData = client
}

func (p *docspaceProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewRoomResource,
		NewRoomTemplateResource,
		NewRoomLinkResource,
		NewRoomMemberResource,
		NewRoomMembersResource,
		NewGroupResource,
	}
}

// ListResources serve `terraform query` (Terraform 1.14 and later).
func (p *docspaceProvider) ListResources(_ context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewRoomListResource,
		NewRoomTemplateListResource,
		NewRoomLinkListResource,
		NewRoomMemberListResource,
		NewRoomMembersListResource,
		NewGroupListResource,
	}
}

func (p *docspaceProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewTemplatesDataSource,
		NewUserDataSource,
		NewUsersDataSource,
		NewGroupDataSource,
		NewRoomDataSource,
		NewRoomsDataSource,
	}
}

func stringOrEnv(v types.String, env string) string {
	if !v.IsNull() {
		return v.ValueString()
	}
	return os.Getenv(env)
}

func userAgent(providerVersion, terraformVersion string) string {
	if terraformVersion == "" {
		terraformVersion = "unknown"
	}
	return fmt.Sprintf("terraform-provider-docspace/%s (+https://%s) Terraform/%s", providerVersion, Address, terraformVersion)
}
