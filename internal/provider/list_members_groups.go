package provider

import (
	"context"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// List resources of room members, room member lists and groups, for `terraform query`.

var (
	_ list.ListResourceWithConfigure = (*roomMemberListResource)(nil)
	_ list.ListResourceWithConfigure = (*roomMembersListResource)(nil)
	_ list.ListResourceWithConfigure = (*groupListResource)(nil)
)

// NewRoomMemberListResource returns the docspace_room_member list resource.
func NewRoomMemberListResource() list.ListResource { return &roomMemberListResource{} }

// NewRoomMembersListResource returns the docspace_room_members list resource.
func NewRoomMembersListResource() list.ListResource { return &roomMembersListResource{} }

// NewGroupListResource returns the docspace_group list resource.
func NewGroupListResource() list.ListResource { return &groupListResource{} }

type roomMemberListResource struct{ resourceBase }
type roomMembersListResource struct{ resourceBase }
type groupListResource struct{ resourceBase }

type roomMemberListConfig struct {
	RoomID      types.String `tfsdk:"room_id"`
	SubjectType types.String `tfsdk:"subject_type"`
}

type roomMembersListConfig struct {
	Archived      types.Bool   `tfsdk:"archived"`
	TitleContains types.String `tfsdk:"title_contains"`
}

type groupListConfig struct {
	NameContains types.String `tfsdk:"name_contains"`
}

const (
	subjectTypeUser  = "user"
	subjectTypeGroup = "group"
)

func (l *roomMemberListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_member"
}

func (l *roomMemberListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the members of one room, users and groups, for `terraform query`. The room's owner is " +
			"not a member and is never listed. The listing costs two API calls (the room, for its title, and its members, " +
			"one more per further 100 members), with or without `include_resource`. Each result is named after the room's title, the " +
			"member's name and its role.",
		Attributes: map[string]schema.Attribute{
			"room_id": schema.StringAttribute{
				MarkdownDescription: "Id of the room whose members are listed.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(numericID, "must be a numeric room id")},
			},
			"subject_type": schema.StringAttribute{
				MarkdownDescription: "Keep only `user` or only `group` members. Omit it for both.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(subjectTypeUser, subjectTypeGroup)},
			},
		},
	}
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

func memberName(m *docspace.Member) string {
	switch {
	case m.Group != nil:
		return m.Group.Name
	case m.User != nil && m.User.DisplayName != "":
		return m.User.DisplayName
	case m.User != nil:
		return m.User.Email
	}
	return ""
}

func (l *roomMemberListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg roomMemberListConfig
	var diags diag.Diagnostics
	diags.Append(req.Config.Get(ctx, &cfg)...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	roomID, err := parseObjectID(cfg.RoomID.ValueString())
	if err != nil {
		diags.AddError("Invalid room id", err.Error())
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	room, err := l.client.GetRoom(ctx, roomID)
	var members []docspace.Member
	if err == nil {
		members, err = l.listedMembers(ctx, roomID)
	}
	if err != nil {
		addAPIError(&diags, "Error listing the members of room "+cfg.RoomID.ValueString(), err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		for i := range members {
			member := &members[i]
			group := member.SubjectType == docspace.SubjectGroup
			if (cfg.SubjectType.ValueString() == subjectTypeUser && group) || (cfg.SubjectType.ValueString() == subjectTypeGroup && !group) {
				continue
			}
			m := roomMemberModelV0{RoomID: cfg.RoomID, UserID: types.StringNull(), GroupID: types.StringNull(), Notify: types.BoolNull()}
			m.ID = types.StringValue(cfg.RoomID.ValueString() + "/" + member.SubjectID())
			m.fill(member)
			result := req.NewListResult(ctx)
			result.DisplayName = fmt.Sprintf("%s: %s (%s)", room.Title, memberName(member), m.Access.ValueString())
			l.setMemberIdentity(ctx, result.Identity, cfg.RoomID.ValueString(), member.SubjectID(), &result.Diagnostics)
			if req.IncludeResource {
				result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
			}
			if !push(result) {
				return
			}
		}
	}
}

func (l *roomMembersListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_members"
}

func (l *roomMembersListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the portal's rooms, active and archived, for `terraform query`, one result per room for " +
			"the room's whole member list. The listing costs one API call per 100 rooms; `include_resource` adds one call " +
			"per room (one more per further 100 members), which reads its members. Each result is named \"Members of\" and the room's title.",
		Attributes: map[string]schema.Attribute{
			"archived":       archivedFilterAttribute(),
			"title_contains": titleContainsAttribute("rooms"),
		},
	}
}

func (l *roomMembersListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg roomMembersListConfig
	var diags diag.Diagnostics
	diags.Append(req.Config.Get(ctx, &cfg)...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	rooms, err := l.listRoomsIn(ctx, cfg.Archived, docspace.ListRoomsOptions{FilterValue: cfg.TitleContains.ValueString()}, nil)
	if err != nil {
		addAPIError(&diags, "Error listing rooms", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		for i := range rooms {
			room := &rooms[i]
			roomID := formatObjectID(room.ID)
			result := req.NewListResult(ctx)
			result.DisplayName = "Members of " + room.Title
			l.setMemberListIdentity(ctx, result.Identity, roomID, &result.Diagnostics)
			if req.IncludeResource {
				members, err := l.listedMembers(ctx, room.ID)
				if err != nil {
					addAPIError(&result.Diagnostics, "Error reading the members of room "+roomID, err)
				} else {
					m := roomMembersModelV0{RoomID: types.StringValue(roomID)}
					m.fill(ctx, members)
					result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
				}
			}
			if !push(result) {
				return
			}
		}
	}
}

func (l *groupListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (l *groupListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the portal's groups for `terraform query`. The listing costs one API call per 100 groups; " +
			"`include_resource` adds one call per group, which reads its manager and members. Each result is named after the group.",
		Attributes: map[string]schema.Attribute{
			"name_contains": schema.StringAttribute{
				MarkdownDescription: "Keep groups whose name contains this text, ignoring case.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
		},
	}
}

func (l *groupListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg groupListConfig
	var diags diag.Diagnostics
	diags.Append(req.Config.Get(ctx, &cfg)...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	groups, err := l.client.ListGroups(ctx, cfg.NameContains.ValueString())
	if err != nil {
		addAPIError(&diags, "Error listing groups", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	// The name filter is checked again, so the result is exact whatever the portal's matching rules are.
	kept := groups[:0]
	for _, g := range groups {
		if containsFold(g.Name, cfg.NameContains.ValueString()) {
			kept = append(kept, g)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if kept[i].Name != kept[j].Name {
			return kept[i].Name < kept[j].Name
		}
		return kept[i].ID < kept[j].ID
	})
	stream.Results = func(push func(list.ListResult) bool) {
		for i := range kept {
			g := &kept[i]
			result := req.NewListResult(ctx)
			result.DisplayName = g.Name
			l.setObjectIdentity(ctx, result.Identity, g.ID, &result.Diagnostics)
			if req.IncludeResource {
				full, err := l.client.GetGroup(ctx, g.ID)
				if err != nil {
					addAPIError(&result.Diagnostics, "Error reading group "+g.ID, err)
				} else {
					m := groupModelV0{ManagerID: types.StringNull()}
					m.fill(full, types.SetNull(types.StringType))
					result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
				}
			}
			if !push(result) {
				return
			}
		}
	}
}
