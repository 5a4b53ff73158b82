package provider

import (
	"context"
	"fmt"
	"sort"

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

func tagsFilterAttribute(noun string) schema.ListAttribute {
	return schema.ListAttribute{
		MarkdownDescription: "Keep " + noun + " that carry all of these tags (compared ignoring case).",
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

// archivedFilterAttribute is the `archived` filter of the list resources that find rooms.
func archivedFilterAttribute() schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: "`true` keeps only archived rooms, `false` only active ones. Omit it for both.",
		Optional:            true,
	}
}

// listRoomsIn lists the rooms opts selects, archived or active as archived asks (both when it is null),
// and never templates.
func (b *resourceBase) listRoomsIn(ctx context.Context, archived types.Bool, opts docspace.ListRoomsOptions, wantTags []string) ([]docspace.Room, error) {
	opts.SearchArea = docspace.SearchAreaAny
	if !archived.IsNull() {
		opts.SearchArea = docspace.SearchAreaActive
		if archived.ValueBool() {
			opts.SearchArea = docspace.SearchAreaArchive
		}
	}
	rooms, err := b.listRooms(ctx, opts, wantTags)
	if err != nil {
		return nil, err
	}
	kept := rooms[:0]
	for _, r := range rooms {
		if !r.IsTemplate() && (archived.IsNull() || r.IsArchived() == archived.ValueBool()) {
			kept = append(kept, r)
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
	sort.SliceStable(kept, func(i, j int) bool {
		if kept[i].Title != kept[j].Title {
			return kept[i].Title < kept[j].Title
		}
		return kept[i].ID < kept[j].ID
	})
	return kept, nil
}

func tagsFromList(ctx context.Context, tags types.List, diags *diag.Diagnostics) []string {
	if tags.IsNull() || tags.IsUnknown() {
		return nil
	}
	var out []string
	diags.Append(tags.ElementsAs(ctx, &out, false)...)
	return out
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
