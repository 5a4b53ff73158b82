// Package provider implements the DocSpace Terraform provider on terraform-plugin-framework.
package provider

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
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
		// The portal's address comes from one of the two.
		UnreachableHint: "check api_host in the provider configuration or " + EnvAPIHost,
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
		NewFolderResource,
		NewFileResource,
		NewWebhookResource,
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
		NewFolderListResource,
		NewFileListResource,
		NewWebhookListResource,
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
		NewFolderDataSource,
		NewFileDataSource,
		NewFoldersDataSource,
		NewWebhookDataSource,
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
