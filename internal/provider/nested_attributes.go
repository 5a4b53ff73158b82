package provider

import (
	"context"
	"fmt"
	"net/url"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// lifetimeModel is the `lifetime` attribute: files older than the period are removed (api-notes.md §7).
type lifetimeModel struct {
	DeletePermanently types.Bool   `tfsdk:"delete_permanently"`
	Period            types.String `tfsdk:"period"`
	Value             types.Int64  `tfsdk:"value"`
}

var lifetimeAttrTypes = map[string]attr.Type{
	"delete_permanently": types.BoolType,
	"period":             types.StringType,
	"value":              types.Int64Type,
}

var lifetimePeriods = []string{"days", "months", "years"} // index = API value

// watermarkModel is the `watermark` attribute.
type watermarkModel struct {
	Text       types.String `tfsdk:"text"`
	Additions  types.Set    `tfsdk:"additions"`
	Rotate     types.Int64  `tfsdk:"rotate"`
	ImageURL   types.String `tfsdk:"image_url"`
	ImageScale types.Int64  `tfsdk:"image_scale"`
}

var watermarkAttrTypes = map[string]attr.Type{
	"text":        types.StringType,
	"additions":   types.SetType{ElemType: types.StringType},
	"rotate":      types.Int64Type,
	"image_url":   types.StringType,
	"image_scale": types.Int64Type,
}

// watermarkAdditions are the API's flag values (api-notes.md §7).
var watermarkAdditions = map[string]int{
	"user_name":       1,
	"user_email":      2,
	"user_ip_address": 4,
	"current_date":    8,
	"room_name":       16,
}

func watermarkAdditionNames() []string {
	names := make([]string, 0, len(watermarkAdditions))
	for n := range watermarkAdditions {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func lifetimeFromObject(ctx context.Context, obj types.Object, diags *diag.Diagnostics) *docspace.Lifetime {
	if obj.IsNull() || obj.IsUnknown() {
		return nil
	}
	var m lifetimeModel
	diags.Append(obj.As(ctx, &m, basetypes.ObjectAsOptions{})...)
	period := 0
	for i, p := range lifetimePeriods {
		if p == m.Period.ValueString() {
			period = i
		}
	}
	enabled := true
	return &docspace.Lifetime{
		DeletePermanently: m.DeletePermanently.ValueBool(),
		Period:            period,
		Value:             int(m.Value.ValueInt64()),
		Enabled:           &enabled,
	}
}

func lifetimeToObject(l *docspace.Lifetime) types.Object {
	if l == nil || (l.Enabled != nil && !*l.Enabled) {
		return types.ObjectNull(lifetimeAttrTypes)
	}
	period := "days"
	if l.Period >= 0 && l.Period < len(lifetimePeriods) {
		period = lifetimePeriods[l.Period]
	}
	return types.ObjectValueMust(lifetimeAttrTypes, map[string]attr.Value{
		"delete_permanently": types.BoolValue(l.DeletePermanently),
		"period":             types.StringValue(period),
		"value":              types.Int64Value(int64(l.Value)),
	})
}

func watermarkFromObject(ctx context.Context, obj types.Object, diags *diag.Diagnostics) *docspace.Watermark {
	if obj.IsNull() || obj.IsUnknown() {
		return nil
	}
	var m watermarkModel
	diags.Append(obj.As(ctx, &m, basetypes.ObjectAsOptions{})...)
	var names []string
	diags.Append(m.Additions.ElementsAs(ctx, &names, false)...)
	flags := 0
	for _, n := range names {
		flags |= watermarkAdditions[n]
	}
	enabled := true
	return &docspace.Watermark{
		Enabled:    &enabled,
		Additions:  flags,
		Text:       m.Text.ValueString(),
		Rotate:     int(m.Rotate.ValueInt64()),
		ImageURL:   m.ImageURL.ValueString(),
		ImageScale: int(m.ImageScale.ValueInt64()),
	}
}

func watermarkToObject(w *docspace.Watermark) types.Object {
	if w == nil || (w.Enabled != nil && !*w.Enabled) {
		return types.ObjectNull(watermarkAttrTypes)
	}
	var names []attr.Value
	for _, n := range watermarkAdditionNames() {
		if w.Additions&watermarkAdditions[n] != 0 {
			names = append(names, types.StringValue(n))
		}
	}
	return types.ObjectValueMust(watermarkAttrTypes, map[string]attr.Value{
		"text":        types.StringValue(w.Text),
		"additions":   types.SetValueMust(types.StringType, names),
		"rotate":      types.Int64Value(int64(w.Rotate)),
		"image_url":   types.StringValue(w.ImageURL),
		"image_scale": types.Int64Value(int64(w.ImageScale)),
	})
}

// disabled is the body that removes a lifetime or watermark (api-notes.md §9).
func disabledLifetime() *docspace.Lifetime {
	f := false
	return &docspace.Lifetime{Enabled: &f}
}

func disabledWatermark() *docspace.Watermark {
	f := false
	return &docspace.Watermark{Enabled: &f}
}

// validateWatermarkImage refuses watermark image settings that cannot round-trip. At creation the
// portal keeps image_scale only when the watermark has an image, and takes an image_url that is not an
// absolute URL for the name of an uploaded file, which it replaces with a storage URL
// (api-notes.md §7).
func validateWatermarkImage(attrs map[string]attr.Value, diags *diag.Diagnostics) {
	imageURL, _ := attrs["image_url"].(types.String)
	scale, _ := attrs["image_scale"].(types.Int64)
	if imageURL.IsUnknown() {
		return
	}
	u := imageURL.ValueString()
	if u != "" && !isAbsoluteHTTPURL(u) {
		diags.AddAttributeError(path.Root("watermark").AtName("image_url"), "Watermark image_url must be an absolute URL",
			fmt.Sprintf("%q is not an absolute http or https URL. When a room is created, the portal takes any other "+
				"value for the name of a file uploaded to it beforehand and stores a URL of its own instead, so the "+
				"configured value would not be kept. Give the image's full URL, such as https://example.com/logo.png.", u))
	}
	if u == "" && !scale.IsNull() && !scale.IsUnknown() && scale.ValueInt64() != 0 {
		diags.AddAttributeError(path.Root("watermark").AtName("image_scale"), "Watermark image_scale needs an image",
			"image_scale sizes an image watermark, and the portal drops it when a room is created with a watermark "+
				"that has no image_url. Set image_url, or remove image_scale.")
	}
}

func isAbsoluteHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
