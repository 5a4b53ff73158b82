package provider

// Who may manage a room and who may create one (api-notes.md §34, §35), for docspace_room,
// docspace_room_link, docspace_room_member and docspace_room_members.
//
// Each is a refusal (diagnostics.go): a warning at plan time, so that the plan Terraform makes before a
// destroy never fails on it, and an error in Create or Update before any change.

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// Rule sentences of room management, named in the diagnostics.
const (
	ruleManageRoom = "only the room's owner (its creator) and the room's managers may change a room, its tags, its links and " +
		"its members; a DocSpace admin may read every room, but the portal refuses such changes to an admin — the portal " +
		"owner included — who neither created the room nor is one of its room managers"
	waysOutManageRoom = "Ask the room's owner to make the API key's user a room manager of the room, or transfer the room's " +
		"ownership to the API key's user, then plan again. Or use an API key of the room's owner or of one of its room managers"
	ruleCreateRooms = "only DocSpace admins and room admins may create rooms; the portal refuses users of type \"user\" and guests"
)

// privateUnmanaged marks, in a resource's private state, a room the API key's user may read but not
// manage, as the last read or the plan found it.
const privateUnmanaged = "unmanaged_room"

// privateData is the part of a request's or response's private state this file uses.
type privateData interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}

type privateWriter interface {
	SetKey(context.Context, string, []byte) diag.Diagnostics
}

// privateValue is the JSON value private holds under key, or the zero T when it holds none (or one
// that does not decode, as a state from another version might).
func privateValue[T any](ctx context.Context, private privateData, key string) T {
	var v T
	if raw, _ := private.GetKey(ctx, key); len(raw) > 0 {
		_ = json.Unmarshal(raw, &v)
	}
	return v
}

// unmanagedRoomDetail explains why changes to room id are refused, and the ways out.
func unmanagedRoomDetail(id int64, what string) string {
	return fmt.Sprintf("The API key's user may read room %d but not manage it, so the portal would refuse %s with 403: %s "+
		"(the room's security flags EditRoom and EditAccess are false for this key).\n\n%s.", id, what, ruleManageRoom, waysOutManageRoom)
}

// unmanagedRoom is the refusal of what, a change to room id, which the API key's user may read but not
// manage: a warning at plan time, an error in Create or Update before any call.
func unmanagedRoom(at path.Path, id int64, what string) *refusal {
	return &refusal{at: at, summary: "The API key cannot manage this room", why: unmanagedRoomDetail(id, what)}
}

// recordManagement remembers in private state whether the key may manage room, as the portal's flags
// tell. Archived rooms and templates tell nothing (nobody edits an archived room): what is known stays.
func recordManagement(ctx context.Context, private privateWriter, room *docspace.Room, diags *diag.Diagnostics) {
	if room.Security == nil || room.IsArchived() || room.IsTemplate() {
		return
	}
	var value []byte
	if !room.CallerMayManage() {
		value = []byte(`true`)
	}
	diags.Append(private.SetKey(ctx, privateUnmanaged, value)...)
}

// markManagement warns, at plan time, of a room the key may not manage (what names the refused changes;
// replacing, whether the plan replaces the object, see refusal.warn), and records the finding in private
// state, where Update finds it. It reports whether the room may be managed.
func markManagement(ctx context.Context, resp *resource.ModifyPlanResponse, room *docspace.Room, what string, replacing bool) bool {
	if room.CallerMayManage() {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateUnmanaged, nil)...)
		return true
	}
	unmanagedRoom(path.Root("room_id"), room.ID, what).warn(resp, replacing)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateUnmanaged, []byte(`true`))...)
	return false
}

// isUnmanaged reports what recordManagement or a plan recorded.
func isUnmanaged(ctx context.Context, private privateData) bool {
	return privateValue[bool](ctx, private, privateUnmanaged)
}

// roomCreationRefusal refuses a new room when the API key's user is of a type that may not create rooms
// (api-notes.md §35). The user is read once per provider process; when it cannot be read, the portal
// decides.
func (b *resourceBase) roomCreationRefusal(ctx context.Context) *refusal {
	if b.client == nil {
		return nil
	}
	me, err := b.client.Self(ctx)
	if err != nil || docspace.MayCreateRooms(me.Type()) {
		return nil
	}
	return &refusal{at: path.Root("title"), summary: "The API key cannot create rooms",
		why: fmt.Sprintf("The API key belongs to %s, a user of type %q, and %s: the portal answers 403 \"You don't have "+
			"enough permission to create\". Use an API key of a DocSpace admin or a room admin, or have a DocSpace admin "+
			"change this user's type to room admin.", me.Email, userTypeName(me.Type()), ruleCreateRooms)}
}
