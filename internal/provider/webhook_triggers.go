package provider

// The webhook triggers by name: the portal stores a webhook's triggers as 64-bit flags, one bit per kind
// of event, 0 for every event (api-notes.md §38). The resource, its data source and its list resource
// name them as the portal's list of triggers does ("room.created"); a bit this provider does not know (a
// newer portal's) is written as its decimal value, so that it survives a read and an apply.

import (
	"fmt"
	"math/bits"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// webhookTriggerNameList is every trigger name, in the portal's order.
func webhookTriggerNameList() []string {
	names := make([]string, len(docspace.WebhookTriggerFlags))
	for i, t := range docspace.WebhookTriggerFlags {
		names[i] = t.Name
	}
	return names
}

// webhookTriggerNames names the set bits of flags: a bit of the table by its name, any other by its
// decimal value. flags 0 (every event) has no names.
func webhookTriggerNames(flags int64) []string {
	names, unknown := docspace.WebhookTriggerNames(flags)
	for rest := uint64(unknown); rest != 0; rest &= rest - 1 {
		names = append(names, strconv.FormatUint(uint64(1)<<bits.TrailingZeros64(rest), 10))
	}
	return names
}

// webhookTriggerFlags is the portal's value of the trigger names (validated by webhookTriggerName): 0 for
// none, which the portal takes for every event.
func webhookTriggerFlags(names []string) int64 {
	var flags int64
	for _, name := range names {
		if t, ok := docspace.WebhookTriggerByName(name); ok {
			flags |= t.Bit
			continue
		}
		if n, err := strconv.ParseUint(name, 10, 64); err == nil {
			flags |= int64(n)
		}
	}
	return flags
}

// unknownTriggerBit reports whether name is the decimal value of a single bit that the table does not
// name: how a newer portal's trigger is written.
func unknownTriggerBit(name string) bool {
	n, err := strconv.ParseUint(name, 10, 64)
	if err != nil || n == 0 || n&(n-1) != 0 || strconv.FormatUint(n, 10) != name {
		return false
	}
	_, unknown := docspace.WebhookTriggerNames(int64(n))
	return unknown != 0
}

// everyEvent reports whether a known triggers value means every event: null (left out) or empty.
func everyEvent(s types.Set) bool {
	return s.IsNull() || (!s.IsUnknown() && len(s.Elements()) == 0)
}

// webhookTriggersValue is the triggers attribute for the portal's flags. The portal has one spelling of
// "every event", 0; the configuration has two, triggers left out (null) and an empty set, and prior (the
// value in the plan or state) keeps whichever it has, so neither shows a difference.
func webhookTriggersValue(flags int64, prior types.Set, diags *diag.Diagnostics) types.Set {
	if flags == 0 && everyEvent(prior) {
		return prior
	}
	if flags == 0 {
		return types.SetNull(types.StringType)
	}
	names := webhookTriggerNames(flags)
	elems := make([]attr.Value, len(names))
	for i, n := range names {
		elems[i] = types.StringValue(n)
	}
	v, d := types.SetValue(types.StringType, elems)
	diags.Append(d...)
	return v
}

// unavailableTriggers are the names, of those given, that a user of type t may not use (the portal answers
// 400 "Trigger is not available"); names the table does not know are left to the portal.
func unavailableTriggers(names []string, t docspace.EmployeeType) []string {
	var out []string
	for _, name := range names {
		if trig, ok := docspace.WebhookTriggerByName(name); ok && !trig.AvailableTo(t) {
			out = append(out, name)
		}
	}
	return out
}

// webhookTriggersFor lists the triggers a user of type t may use, for messages.
func webhookTriggersFor(t docspace.EmployeeType) string {
	var names []string
	for _, trig := range docspace.WebhookTriggerFlags {
		if trig.AvailableTo(t) {
			names = append(names, trig.Name)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// closestTrigger suggests a trigger name for a mistyped one: the one trigger whose name, ignoring case and
// separators, is at most two edits away, or that the mistyped name ends ("submit" → "form.submit"); ""
// when none stands out.
func closestTrigger(name string) string {
	fold := func(s string) string {
		return strings.NewReplacer(".", "", "_", "", "-", "", " ", "").Replace(strings.ToLower(s))
	}
	best, bestDistance, tie := "", 3, false
	var endings []string
	for _, t := range docspace.WebhookTriggerFlags {
		d := editDistance(fold(t.Name), fold(name))
		switch {
		case d < bestDistance:
			best, bestDistance, tie = t.Name, d, false
		case d == bestDistance:
			tie = true
		}
		if len(name) >= 4 && strings.HasSuffix(fold(t.Name), fold(name)) {
			endings = append(endings, t.Name)
		}
	}
	switch {
	case best != "" && !tie:
		return best
	case len(endings) == 1:
		return endings[0]
	}
	return ""
}

// editDistance is the number of single-character insertions, deletions and substitutions that turn a into b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// triggerSuggestion is what an error about name adds: the trigger meant, or where the list is.
func triggerSuggestion(name string) string {
	if name == "*" || name == "all" {
		return "To receive every event, leave triggers out (or set it to an empty set)."
	}
	if c := closestTrigger(name); c != "" {
		return fmt.Sprintf("Did you mean %q?", c)
	}
	return "The triggers are: " + strings.Join(webhookTriggerNameList(), ", ") + "."
}
