package fakeportal

// covers is the portal's cover gallery (GET /files/rooms/covers, api-notes.md §13).
var covers = map[string]string{
	"cover-books":   `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32"/></svg>`,
	"cover-chart":   `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M4 28h24"/></svg>`,
	"cover-compass": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="12"/></svg>`,
	"cover-rocket":  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M16 2l6 20H10z"/></svg>`,
}

func coverData(id string) string { return covers[id] }

// listCovers is GET /files/rooms/covers; guests may not read the gallery (api-notes.md §13).
func (p *Portal) listCovers(c *call) {
	if c.user.kind == TypeGuest {
		c.denied()
		return
	}
	var items []any
	for _, id := range []string{"cover-books", "cover-chart", "cover-compass", "cover-rocket"} {
		items = append(items, map[string]any{"id": id, "data": covers[id]})
	}
	c.list(items)
}
