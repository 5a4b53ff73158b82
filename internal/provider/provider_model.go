package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type providerModelV0 struct {
	APIHost           types.String         `tfsdk:"api_host"`
	APIKey            types.String         `tfsdk:"api_key"`
	RequestTimeout    timetypes.GoDuration `tfsdk:"request_timeout"`
	MaxRetries        types.Int64          `tfsdk:"max_retries"`
	AllowInsecureHTTP types.Bool           `tfsdk:"allow_insecure_http"`
}
