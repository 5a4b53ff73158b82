package provider

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// addAPIError reports a failed API call. Validation problems become one diagnostic per field,
// so the user sees every message the portal returned.
func addAPIError(diags *diag.Diagnostics, summary string, err error) {
	var apiErr *docspace.APIError
	if errors.As(err, &apiErr) && len(apiErr.Validation) > 0 {
		fields := make([]string, 0, len(apiErr.Validation))
		for f := range apiErr.Validation {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		for _, f := range fields {
			diags.AddError(summary, fmt.Sprintf("The portal rejected %s: %s", f, strings.Join(apiErr.Validation[f], " ")))
		}
		return
	}
	diags.AddError(summary, err.Error())
}

func unknownAttributeErrors(diags *diag.Diagnostics, unknown map[string]bool) {
	names := make([]string, 0, len(unknown))
	for name, isUnknown := range unknown {
		if isUnknown {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		diags.AddAttributeError(path.Root(name), "Unknown provider configuration value",
			fmt.Sprintf("The provider cannot be configured because %s is not known until apply. "+
				"Set it to a value known at plan time, or apply the resource it depends on first with -target.", name))
	}
}
