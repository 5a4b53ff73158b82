package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ list.ListResource              = (*roomMemberListResource)(nil)
	_ list.ListResourceWithConfigure = (*roomMemberListResource)(nil)
)

// NewRoomMemberListResource returns the docspace_room_member list resource.
func NewRoomMemberListResource() list.ListResource { return &roomMemberListResource{} }

type roomMemberListResource struct{ resourceBase }

type roomMemberListConfig struct {
	RoomID      types.String `tfsdk:"room_id"`
	SubjectType types.String `tfsdk:"subject_type"`
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
			"room_id": listRoomIDAttribute("members"),
			"subject_type": schema.StringAttribute{
				MarkdownDescription: "Keep only `user` or only `group` members. Omit it for both.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(subjectTypeUser, subjectTypeGroup)},
			},
		},
	}
}

func (l *roomMemberListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg roomMemberListConfig
	var diags diag.Diagnostics
	if !listConfig(ctx, req, stream, &cfg, &diags) {
		return
	}
	var members []docspace.Member
	room := l.listRoomContents(ctx, stream, &diags, cfg.RoomID, "members", func(roomID int64) (err error) {
		members, err = l.listedMembers(ctx, roomID)
		return err
	})
	if room == nil {
		return
	}
	streamListResults(ctx, req, stream, members, func(member *docspace.Member, result *list.ListResult) bool {
		group := member.SubjectType == docspace.SubjectGroup
		if (cfg.SubjectType.ValueString() == subjectTypeUser && group) || (cfg.SubjectType.ValueString() == subjectTypeGroup && !group) {
			return false
		}
		m := roomMemberModelV0{RoomID: cfg.RoomID, UserID: types.StringNull(), GroupID: types.StringNull(), Notify: types.BoolNull()}
		m.ID = types.StringValue(cfg.RoomID.ValueString() + "/" + member.SubjectID())
		m.fill(member)
		result.DisplayName = fmt.Sprintf("%s: %s (%s)", room.Title, memberName(member), m.Access.ValueString())
		if !room.CallerMayManage() {
			result.DisplayName = strings.TrimSuffix(result.DisplayName, ")") + notManageable + ")"
		}
		l.setMemberIdentity(ctx, result.Identity, cfg.RoomID.ValueString(), member.SubjectID(), &result.Diagnostics)
		setListedResource(ctx, req, result, &m)
		return true
	})
	warnUnmanagedRooms(stream, []docspace.Room{*room}, "Its members are listed and can be imported, but the portal "+
		"would refuse every change to them")
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
