package fakeportal

import (
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Search areas (api-notes.md §6).
const (
	areaActive    = 0
	areaArchive   = 1
	areaAny       = 2
	areaTemplates = 4
)

// listRooms is GET /files/rooms (api-notes.md §5).
func (p *Portal) listRooms(c *call) {
	q := c.r.URL.Query()
	intParam := func(name string, def int) (int, bool) {
		v := q.Get(name)
		if v == "" {
			return def, true
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			c.invalid(fieldName(name), "The value '"+v+"' is not valid.")
			return 0, false
		}
		return n, true
	}
	// Enum parameters go through the enum's type converter: a name in any case, or a number
	// (api-notes.md §3).
	enumParam := func(name string, names map[string]int, def int) (int, bool) {
		v := q.Get(name)
		if v == "" {
			return def, true
		}
		n, ok := enumQuery(v, names)
		if !ok {
			c.invalid(fieldName(name), "The value '"+v+"' is not valid.")
		}
		return n, ok
	}
	area, ok := enumParam("searchArea", searchAreaByName, areaActive)
	if !ok {
		return
	}
	order, ok := enumParam("sortOrder", sortOrderByName, 0)
	if !ok {
		return
	}
	start, ok := intParam("startIndex", 0)
	if !ok {
		return
	}
	count, ok := intParam("count", 100)
	if !ok {
		return
	}
	if count < 1 || count > 100 {
		c.invalid("Count", "The field Count must be between 1 and 100.")
		return
	}
	if start < 0 {
		c.invalid("StartIndex", "The field StartIndex must be between 0 and 2147483647.")
		return
	}
	var types []int
	for _, v := range q["type"] {
		n, ok := enumQuery(v, roomTypeByName)
		if !ok {
			c.invalid("Type", "The value '"+v+"' is not valid.")
			return
		}
		types = append(types, n)
	}
	var tags []string
	if v := q.Get("tags"); v != "" {
		if err := json.Unmarshal([]byte(v), &tags); err != nil {
			tags = []string{v}
		}
	}
	matches := p.titleSearch(q.Get("filterValue"))

	var found []*room
	for _, r := range p.rooms {
		if !inArea(r, area) || !r.canRead(c.user) || !matches(r) {
			continue
		}
		if len(types) > 0 && !slices.Contains(types, r.roomType) {
			continue
		}
		if !hasAnyTag(r.tags, tags) {
			continue
		}
		found = append(found, r)
	}
	sortRooms(found, q.Get("sortBy"), order == 1)

	folders := []any{}
	for i := start; i < len(found) && i < start+count; i++ {
		folders = append(folders, p.dto(found[i], c.user, true))
	}
	current := map[string]any{"id": folderIDRooms, "title": "Rooms", "rootFolderType": folderRooms, "parentId": 0}
	switch area {
	case areaArchive:
		current = map[string]any{"id": folderIDArchive, "title": "Archive", "rootFolderType": folderArchive, "parentId": 0}
	case areaTemplates:
		current = map[string]any{"id": folderIDTemplates, "title": "Templates", "rootFolderType": folderTemplates, "parentId": 0}
	}
	c.ok(map[string]any{
		"files": []any{}, "folders": folders, "current": current,
		"pathParts":  []any{map[string]any{"id": current["id"], "title": current["title"]}},
		"startIndex": start, "count": len(folders), "total": len(found), "new": 0,
	})
}

var searchAreaByName = map[string]int{"active": 0, "archive": 1, "any": 2, "recentbylinks": 3, "templates": 4,
	"knowledge": 5, "resultstorage": 6, "aiagents": 7}

var sortOrderByName = map[string]int{"ascending": 0, "descending": 1}

// enumQuery reads an enum query parameter as ASP.NET Core's EnumConverter does: a member name in any
// case, or any integer (undefined numbers pass too).
func enumQuery(v string, names map[string]int) (int, bool) {
	v = strings.TrimSpace(v)
	if n, ok := names[strings.ToLower(v)]; ok {
		return n, true
	}
	n, err := strconv.Atoi(v)
	return n, err == nil
}

func inArea(r *room, area int) bool {
	switch area {
	case areaActive:
		return r.folder == folderRooms
	case areaArchive:
		return r.folder == folderArchive
	case areaAny:
		return r.folder == folderRooms || r.folder == folderArchive
	case areaTemplates:
		return r.folder == folderTemplates
	}
	return false
}

func hasAnyTag(have, want []string) bool {
	if len(want) == 0 {
		return true
	}
	for _, w := range want {
		if containsFold(have, w) {
			return true
		}
	}
	return false
}

func sortRooms(rooms []*room, by string, desc bool) {
	less := func(a, b *room) bool {
		if strings.EqualFold(by, "AZ") || strings.EqualFold(by, "title") {
			if a.title != b.title {
				return strings.ToLower(a.title) < strings.ToLower(b.title)
			}
		} else if !a.created.Equal(b.created) {
			return a.created.Before(b.created)
		}
		return a.id < b.id
	}
	sort.Slice(rooms, func(i, j int) bool {
		if desc {
			return less(rooms[j], rooms[i])
		}
		return less(rooms[i], rooms[j])
	})
}

// titleSearch is the text filter of the room listing (api-notes.md §33). Without full-text search it is
// the SQL filter: the title contains the trimmed text, ignoring case. With it (Options.FullTextSearch) the
// text is answered from the index: lower-cased and split at white space, every word must lie inside one
// white-space-separated word of the title, and only the first FullTextSearchCap matching folders of the
// whole portal count, whatever their area and whoever may read them. The real index answers in no useful
// order; the fake keeps the oldest folders, so the newest are the ones lost. Either way the filter sees a
// room's title as the index holds it, which may lag behind (Options.IndexLag).
func (p *Portal) titleSearch(text string) func(*room) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		return func(*room) bool { return true }
	}
	if !p.opts.FullTextSearch {
		lower := strings.ToLower(text)
		return func(r *room) bool {
			t, indexed := p.searchTitle(r)
			return indexed && strings.Contains(strings.ToLower(t), lower)
		}
	}
	words := strings.Fields(strings.ToLower(text))
	var hits []int64
	for id, r := range p.rooms {
		if t, indexed := p.searchTitle(r); indexed && indexMatches(t, words) {
			hits = append(hits, id)
		}
	}
	slices.Sort(hits)
	if len(hits) > p.opts.FullTextSearchCap {
		hits = hits[:p.opts.FullTextSearchCap]
	}
	kept := map[int64]bool{}
	for _, id := range hits {
		kept[id] = true
	}
	return func(r *room) bool { return kept[r.id] }
}

// indexMatches reports whether every word lies inside one word of title as the index holds it: split at white
// space, lower-cased, with ё folded to е. The words of the query are not folded, so a query with ё finds
// nothing.
func indexMatches(title string, words []string) bool {
	tokens := strings.Fields(strings.ReplaceAll(strings.ToLower(title), "ё", "е"))
	for _, w := range words {
		if !slices.ContainsFunc(tokens, func(t string) bool { return strings.Contains(t, w) }) {
			return false
		}
	}
	return true
}
