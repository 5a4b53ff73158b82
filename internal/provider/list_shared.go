package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// List resources (Terraform 1.14 and later) find existing objects for `terraform query`, which can write
// their configuration and import blocks. Every result carries the resource's identity; with
// include_resource, the whole object too, converted by the resource's own fill. This file holds what
// several list resources share: filter attributes, listings and the steps of List.

// nullTimeouts is the timeouts value of a listed room or template: none configured.
var nullTimeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
	"create": types.StringType, "update": types.StringType, "delete": types.StringType,
})}

func titleContainsAttribute(noun string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: titleContainsDescription(noun),
		Optional:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

// tagsFilterAttribute is the tags filter of list resources. A list, as in the data sources: list resource
// configurations take no sets.
func tagsFilterAttribute(noun string) schema.ListAttribute {
	return schema.ListAttribute{
		MarkdownDescription: tagsFilterDescription(noun),
		ElementType:         types.StringType,
		Optional:            true,
	}
}

// listRoomIDAttribute is the room_id of a list resource that lists what one room holds.
func listRoomIDAttribute(what string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "Id of the room whose " + what + " are listed.",
		Required:            true,
		Validators:          []validator.String{stringvalidator.RegexMatches(numericID, "must be a numeric room id")},
	}
}

// areaFilterAttribute is the `area` filter of the list resources that find rooms. It finds every room
// unless told otherwise, since a query usually looks for everything there is to adopt.
func areaFilterAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "Which rooms to find: " + roomAreaValues(roomAreaAny),
		Optional:            true,
		Validators:          []validator.String{stringvalidator.OneOf(roomAreas...)},
	}
}

// listRoomsIn lists the rooms opts selects in area (roomAreaAny when it is null), and never templates.
func (b *resourceBase) listRoomsIn(ctx context.Context, area types.String, opts docspace.ListRoomsOptions, wantTags []string) ([]docspace.Room, error) {
	where := roomAreaAny
	if !area.IsNull() {
		where = area.ValueString()
	}
	opts.SearchArea = roomSearchAreas[where]
	rooms, err := b.listRooms(ctx, opts, wantTags)
	if err != nil {
		return nil, err
	}
	kept := rooms[:0]
	for i := range rooms {
		if !rooms[i].IsTemplate() && inRoomArea(&rooms[i], where) {
			kept = append(kept, rooms[i])
		}
	}
	return kept, nil
}

// listRooms lists rooms or templates and checks the filters again, so the result is exact whatever the
// portal's matching rules are (its tag filter keeps objects with any of the tags; the title text is compared
// by the provider alone, listRoomsContaining). It sorts by title, then id.
func (b *resourceBase) listRooms(ctx context.Context, opts docspace.ListRoomsOptions, wantTags []string) ([]docspace.Room, error) {
	rooms, err := b.listRoomsContaining(ctx, opts)
	if err != nil {
		return nil, err
	}
	kept := rooms[:0]
	for _, r := range rooms {
		if (opts.Types == nil || r.RoomType == opts.Types[0]) && hasAllTags(r.Tags, wantTags) {
			kept = append(kept, r)
		}
	}
	sortByName(kept, func(r *docspace.Room) (string, int64) { return r.Title, r.ID })
	return kept, nil
}

// listedMembers reads a room's member records, without its owner's entry. An empty answer is the portal's
// answer to a caller who may not read the room (api-notes.md §29): an error, not an empty room.
func (b *resourceBase) listedMembers(ctx context.Context, roomID int64) ([]docspace.Member, error) {
	members, err := b.client.ListRoomMembers(ctx, roomID)
	if err != nil {
		return nil, err
	}
	if len(members) == 0 {
		return nil, fmt.Errorf("the portal answered with an empty member list for room %d, which it does for API keys whose "+
			"user may not read the room; use an API key of the room's owner, a room manager or a DocSpace admin", roomID)
	}
	kept := members[:0]
	for _, m := range members {
		if !m.IsOwner {
			kept = append(kept, m)
		}
	}
	return kept, nil
}

// listConfig reads a list request's configuration into cfg. On an error it ends the stream with the
// diagnostics and returns false.
func listConfig(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream, cfg any, diags *diag.Diagnostics) bool {
	diags.Append(req.Config.Get(ctx, cfg)...)
	return !listFailed(stream, *diags)
}

// listFailed ends the stream with diags when they hold an error, and says whether they did.
func listFailed(stream *list.ListResultsStream, diags diag.Diagnostics) bool {
	if !diags.HasError() {
		return false
	}
	stream.Results = list.ListResultsStreamDiagnostics(diags)
	return true
}

// listAPIFailed ends the stream with diags and the API error err under summary when err is not nil, and says
// whether it was.
func listAPIFailed(stream *list.ListResultsStream, diags *diag.Diagnostics, summary string, err error) bool {
	if err == nil {
		return false
	}
	addAPIError(diags, summary, err)
	stream.Results = list.ListResultsStreamDiagnostics(*diags)
	return true
}

// listRoomContents parses the room_id of a list resource's configuration and reads the room, for its title,
// then what the room holds, by contents. On an error it ends the stream, naming what is listed, and returns nil.
func (b *resourceBase) listRoomContents(ctx context.Context, stream *list.ListResultsStream, diags *diag.Diagnostics, roomID types.String, what string, contents func(roomID int64) error) *docspace.Room {
	id, err := parseID(roomID.ValueString())
	if err != nil {
		diags.AddError("Invalid room id", err.Error())
		listFailed(stream, *diags)
		return nil
	}
	room, err := b.client.GetRoom(ctx, id)
	if err == nil {
		err = contents(id)
	}
	if listAPIFailed(stream, diags, "Error listing the "+what+" of room "+roomID.ValueString(), err) {
		return nil
	}
	return room
}

// streamListResults streams a result for each item that build keeps: build names the result, sets its
// identity and, with include_resource, its resource, and returns false to leave the item out.
func streamListResults[T any](ctx context.Context, req list.ListRequest, stream *list.ListResultsStream, items []T, build func(item *T, result *list.ListResult) bool) {
	stream.Results = func(push func(list.ListResult) bool) {
		for i := range items {
			result := req.NewListResult(ctx)
			if build(&items[i], &result) && !push(result) {
				return
			}
		}
	}
}

// setListedResource sets the resource of a result, when the request includes resources, from its model m.
func setListedResource(ctx context.Context, req list.ListRequest, result *list.ListResult, m any) {
	if req.IncludeResource {
		result.Diagnostics.Append(result.Resource.Set(ctx, m)...)
	}
}

// notManageable is what a result's name adds for a room the API key may read but not manage
// (api-notes.md §34).
const notManageable = ", not manageable with this API key"

// warnUnmanagedRooms makes the stream begin with a warning that names the rooms, of those listed, that
// the API key's user may read but not manage (api-notes.md §34). what says what that means for the
// results.
func warnUnmanagedRooms(stream *list.ListResultsStream, rooms []docspace.Room, what string) {
	var names []string
	for i := range rooms {
		if !rooms[i].CallerMayManage() {
			names = append(names, fmt.Sprintf("%q (%d)", rooms[i].Title, rooms[i].ID))
		}
	}
	if len(names) == 0 {
		return
	}
	const shown = 20
	more := ""
	if len(names) > shown {
		more = fmt.Sprintf(" and %d more", len(names)-shown)
		names = names[:shown]
	}
	var diags diag.Diagnostics
	diags.AddWarning("Rooms this API key cannot manage",
		fmt.Sprintf("The API key's user may read these rooms but not manage them: %s%s. %s: %s.\n\n%s.",
			strings.Join(names, ", "), more, what, ruleManageRoom, waysOutManageRoom))
	rest := stream.Results
	stream.Results = func(push func(list.ListResult) bool) {
		if !push(list.ListResult{Diagnostics: diags}) || rest == nil {
			return
		}
		rest(push)
	}
}
