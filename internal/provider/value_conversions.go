package provider

// Conversions between framework values and Go values that models and request builders share.

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// knownInt64 returns a pointer to a configured value, or nil for null and unknown values.
func knownInt64(v types.Int64) *int64 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	return v.ValueInt64Pointer()
}

func knownBool(v types.Bool) *bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	return v.ValueBoolPointer()
}

// optionalString is null for "" and the string otherwise.
func optionalString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// isChange reports whether a planned value is known and differs from the state.
// Unknown plan values of Optional+Computed attributes mean "keep what the portal has".
func isChange(plan, state attr.Value) bool {
	return !plan.IsUnknown() && !plan.Equal(state)
}

// stringsFromSet returns the sorted elements of a set of strings, or nil for a null or unknown set.
func stringsFromSet(ctx context.Context, set types.Set, diags *diag.Diagnostics) []string {
	if set.IsNull() || set.IsUnknown() {
		return nil
	}
	tags := []string{}
	diags.Append(set.ElementsAs(ctx, &tags, false)...)
	sort.Strings(tags)
	return tags
}

// stringsFromList returns the strings of a list, nil when it is null or unknown.
func stringsFromList(ctx context.Context, list types.List, diags *diag.Diagnostics) []string {
	if list.IsNull() || list.IsUnknown() {
		return nil
	}
	var out []string
	diags.Append(list.ElementsAs(ctx, &out, false)...)
	return out
}

// tagsToSet converts the portal's tags. Tag names are matched case-insensitively against the
// portal's catalogue (api-notes.md §7), so when they equal the prior value but for case,
// the prior spelling is kept to avoid a perpetual diff.
func tagsToSet(ctx context.Context, tags []string, prior types.Set, diags *diag.Diagnostics) types.Set {
	if !prior.IsNull() && !prior.IsUnknown() {
		priorTags := stringsFromSet(ctx, prior, diags)
		if sameFoldedSet(priorTags, tags) {
			return prior
		}
	}
	elems := make([]attr.Value, 0, len(tags))
	for _, t := range tags {
		elems = append(elems, types.StringValue(t))
	}
	v, d := types.SetValue(types.StringType, elems)
	diags.Append(d...)
	return v
}

func sameFoldedSet(a, b []string) bool {
	fold := func(s []string) map[string]bool {
		m := make(map[string]bool, len(s))
		for _, v := range s {
			m[strings.ToLower(v)] = true
		}
		return m
	}
	fa, fb := fold(a), fold(b)
	if len(fa) != len(fb) {
		return false
	}
	for k := range fa {
		if !fb[k] {
			return false
		}
	}
	return true
}

// setDifference compares two sets of strings that ignore case (e-mail addresses, GUIDs): added are the
// elements of next missing from prior, removed those of prior missing from next. Null and unknown sets
// are empty.
func setDifference(ctx context.Context, next, prior types.Set, diags *diag.Diagnostics) (added, removed []string) {
	a, b := stringsFromSet(ctx, next, diags), stringsFromSet(ctx, prior, diags)
	missing := func(from, in []string) []string {
		var out []string
		for _, v := range from {
			if !slices.ContainsFunc(in, func(w string) bool { return strings.EqualFold(v, w) }) {
				out = append(out, v)
			}
		}
		return out
	}
	return missing(a, b), missing(b, a)
}
