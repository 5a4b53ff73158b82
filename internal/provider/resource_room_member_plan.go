package provider

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// ValidateConfig refuses what no room allows: a group as room manager.
func (r *roomMemberResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m roomMemberModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !m.GroupID.IsNull() && m.Access.ValueString() == roleRoomManager {
		resp.Diagnostics.AddAttributeError(path.Root("access"), "Invalid access for a group", "A group cannot be given \"room_manager\": "+ruleGroupsNoManager+".")
	}
}

// memberReplacedBy are the attributes whose change replaces a member (RequiresReplace in its schema).
var memberReplacedBy = []path.Path{path.Root("room_id"), path.Root("user_id"), path.Root("group_id")}

// ModifyPlan refuses a room whose members a docspace_room_members resource manages too, and checks a new
// or changed role against the room when the room is known at plan time (its type, its state and its
// owner): a role the room does not allow is a warning, and checkGrant refuses it at apply.
func (r *roomMemberResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.client == nil {
		return
	}
	var plan roomMemberModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || plan.RoomID.IsUnknown() || plan.Access.IsUnknown() || plan.UserID.IsUnknown() || plan.GroupID.IsUnknown() {
		return
	}
	roomID, err := parseID(plan.RoomID.ValueString())
	if err != nil {
		return
	}
	if claimRoom(r.client, roomID, claimMember) != "" {
		// An error: it depends on the configuration alone (two resources name the same room).
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Room members managed twice", mixError(roomID))
	}
	creating := req.State.Raw.IsNull()
	if !creating {
		var state roomMemberModelV0
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if state.Access.Equal(plan.Access) {
			return
		}
	}
	room, err := r.client.GetRoom(ctx, roomID)
	if err != nil {
		return // reported at apply, with the rest
	}
	replacing := replacesObject(ctx, req, memberReplacedBy...)
	if !markManagement(ctx, resp, room, "member changes", replacing) {
		return
	}
	subject, group := plan.subject()
	if why := memberRoomViolation(room, group, subject, plan.Access.ValueString(), creating); why != "" {
		// checkGrant refuses it at apply, before any change.
		(&refusal{at: path.Root("access"), summary: "The room does not allow this member", why: why + "."}).warn(resp, replacing)
		return
	}
	// Terraform plans once more while applying; the room read then is handed to an update, which need
	// not read it again.
	snapshot, _ := json.Marshal(roomSnapshot{ID: room.ID, Type: room.RoomType, Folder: room.RootFolderType, Owner: ownerID(room)})
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privatePlannedRoom, snapshot)...)
}

// privatePlannedRoom holds the room as read while planning.
const privatePlannedRoom = "planned_room"

// roomSnapshot is what the member rules need of a room.
type roomSnapshot struct {
	ID     int64               `json:"id"`
	Type   docspace.RoomType   `json:"type"`
	Folder docspace.FolderType `json:"folder"`
	Owner  string              `json:"owner"`
}

func ownerID(room *docspace.Room) string {
	if room.OwnedBy != nil {
		return room.OwnedBy.ID
	}
	return ""
}

// plannedRoom returns the room read while planning, or nil.
func plannedRoom(ctx context.Context, private interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}, roomID int64) *docspace.Room {
	raw, _ := private.GetKey(ctx, privatePlannedRoom)
	var s roomSnapshot
	if len(raw) == 0 || json.Unmarshal(raw, &s) != nil || s.ID != roomID {
		return nil
	}
	return &docspace.Room{ID: s.ID, RoomType: s.Type, RootFolderType: s.Folder, OwnedBy: &docspace.Employee{ID: s.Owner}}
}
