package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSource              = (*roomDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*roomDataSource)(nil)
)

// NewRoomDataSource returns the docspace_room data source.
func NewRoomDataSource() datasource.DataSource { return &roomDataSource{} }

type roomDataSource struct{ dataSourceBase }

func (d *roomDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room"
}

func (d *roomDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m roomDataModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var id int64
	configuredArea := m.Area
	if m.ID.IsNull() {
		area := roomAreaActive
		if !m.Area.IsNull() {
			area = m.Area.ValueString()
		}
		found, ok := d.roomIDByTitle(ctx, m.Title.ValueString(), area, &resp.Diagnostics)
		if !ok {
			return
		}
		id = found
	} else {
		var err error
		if id, err = parseID(m.ID.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid room id", err.Error())
			return
		}
	}
	room, err := d.client.GetRoom(ctx, id)
	if docspace.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "No such room", fmt.Sprintf("No DocSpace room has the id %d.", id))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading the room", err)
		return
	}
	if room.IsTemplate() {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Not a room",
			fmt.Sprintf("DocSpace object %d is a room template, not a room. Find templates with the docspace_templates data source.", id))
		return
	}
	m.fill(ctx, room, &resp.Diagnostics)
	if !configuredArea.IsNull() {
		m.Area = configuredArea // `any` stays as configured; archived says where the room is
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// roomIDByTitle finds the one room in area titled exactly title. Rooms of another area with that title,
// and rooms whose title differs only in letter case, are named as candidates when no room matches.
func (d *roomDataSource) roomIDByTitle(ctx context.Context, title, area string, diags *diag.Diagnostics) (int64, bool) {
	// One listing of both areas: the other area's rooms make a better "not found" message. The portal's text
	// search may leave rooms out (api-notes.md §33): ListRoomsByText lists every room before "not found".
	sameTitle := func(r *docspace.Room) bool { return !r.IsTemplate() && strings.EqualFold(r.Title, title) }
	wanted := func(rooms []docspace.Room) bool {
		for i := range rooms {
			if rooms[i].Title == title && inRoomArea(&rooms[i], area) {
				return true
			}
		}
		return false
	}
	rooms, err := d.client.ListRoomsByText(ctx, docspace.ListRoomsOptions{SearchArea: docspace.SearchAreaAny, FilterValue: title}, sameTitle, wanted)
	if err != nil {
		addAPIError(diags, "Error listing rooms", err)
		return 0, false
	}
	sort.Slice(rooms, func(i, j int) bool { return rooms[i].ID < rooms[j].ID })
	var exact, near []string
	var id int64
	for i := range rooms {
		r := &rooms[i]
		if r.Title == title && inRoomArea(r, area) {
			exact, id = append(exact, formatObjectID(r.ID)), r.ID
		} else {
			near = append(near, fmt.Sprintf("%s (%q, %s)", formatObjectID(r.ID), r.Title, roomAreaOf(r)))
		}
	}
	switch len(exact) {
	case 1:
		return id, true
	case 0:
		detail := fmt.Sprintf("No %sDocSpace room is titled %q.", areaAdjective(area), title)
		if len(near) > 0 {
			detail += " Similar rooms: " + strings.Join(near, ", ") + ". Check the title's letter case and the area, or look the room up by id."
		}
		diags.AddAttributeError(path.Root("title"), "No such room", detail)
	default:
		diags.AddAttributeError(path.Root("title"), "Several rooms have this title",
			fmt.Sprintf("%d %sDocSpace rooms are titled %q (ids %s): room titles are not unique. Look the room up by id instead.",
				len(exact), areaAdjective(area), title, strings.Join(exact, ", ")))
	}
	return 0, false
}

// areaAdjective is area as a word before "room", with its space: "" for roomAreaAny.
func areaAdjective(area string) string {
	if area == roomAreaAny {
		return ""
	}
	return area + " "
}
