package provider

import (
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
