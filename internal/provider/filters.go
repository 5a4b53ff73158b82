package provider

// Filters that data sources and list resources check again on the provider's side, so their results are
// exact whatever the portal's matching rules are.

import (
	"strings"
)

// containsFold reports whether s contains sub, ignoring case.
func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// hasAllTags reports whether have holds every tag of want, ignoring case.
func hasAllTags(have, want []string) bool {
	for _, w := range want {
		found := false
		for _, h := range have {
			if strings.EqualFold(h, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
