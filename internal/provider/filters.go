package provider

// Filters that data sources and list resources check again on the provider's side, so their results are
// exact whatever the portal's matching rules are.

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// listRoomsContaining lists the rooms or templates opts selects whose titles contain opts.FilterValue,
// ignoring case. The text is not sent to the portal: on portals with full-text search the portal answers
// it from an index that matches per word, leaves out new and renamed titles for a while and stops at 1000
// folders (api-notes.md §33), so rooms would go missing without a word. The provider lists every room the
// other options select, 100 a request, and compares the titles itself.
func (b *resourceBase) listRoomsContaining(ctx context.Context, opts docspace.ListRoomsOptions) ([]docspace.Room, error) {
	text := opts.FilterValue
	opts.FilterValue = ""
	rooms, err := b.client.ListRooms(ctx, opts)
	if err != nil {
		return nil, err
	}
	kept := rooms[:0]
	for _, r := range rooms {
		if containsFold(r.Title, text) {
			kept = append(kept, r)
		}
	}
	return kept, nil
}

// titleContainsDescription describes the title_contains filter of data sources and list resources that find
// rooms or templates (noun), as listRoomsContaining applies it.
func titleContainsDescription(noun string) string {
	return "Keep " + noun + " whose title contains this text, ignoring letter case: the text as a whole, spaces " +
		"included (`\"q3 plan\"` keeps \"Budget Q3 plan\", not \"Q3 budget plan\"). The provider compares the titles " +
		"itself, so it reads all the " + noun + " the other filters select, one API call per 100, as without this " +
		"filter. It does not use the portal's search: on portals with full-text search that search matches word by " +
		"word, takes in new and renamed titles only after a while and stops at 1000 results."
}

// tagsFilterDescription describes the tags filter of data sources and list resources that find rooms or
// templates (noun), matched by hasAllTags. It is a list everywhere, since list resources take no sets.
func tagsFilterDescription(noun string) string {
	return "Keep " + noun + " that carry all of these tags (compared ignoring case). Leave it out to keep " + noun +
		" whatever their tags."
}

// containsFold reports whether s contains sub, ignoring case.
func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// namedContaining keeps the items whose name contains text, ignoring case, sorted by sortByName. key gives
// an item's name and id.
func namedContaining[T any, ID cmp.Ordered](items []T, text string, key func(*T) (string, ID)) []T {
	kept := items[:0]
	for i := range items {
		if name, _ := key(&items[i]); containsFold(name, text) {
			kept = append(kept, items[i])
		}
	}
	sortByName(kept, key)
	return kept
}

// sortByName sorts items by name, then by id, keeping the order of equal items. key gives an item's name
// (or title) and id.
func sortByName[T any, ID cmp.Ordered](items []T, key func(*T) (string, ID)) {
	slices.SortStableFunc(items, func(a, b T) int {
		an, aid := key(&a)
		bn, bid := key(&b)
		return cmp.Or(cmp.Compare(an, bn), cmp.Compare(aid, bid))
	})
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
