package provider

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

const roleRoomManager = "room_manager"

// memberRoomRules are the roles each room type gives users (api-notes.md §29); groups get the same
// without room_manager.
var memberRoomRules = map[docspace.RoomType][]string{
	docspace.RoomTypeCustom:       {"room_manager", "content_creator", "editor", "reviewer", "commenter", "viewer"},
	docspace.RoomTypePublic:       {"room_manager", "content_creator"},
	docspace.RoomTypeFillingForms: {"room_manager", "content_creator", "form_filler"},
	docspace.RoomTypeEditing:      {"room_manager", "content_creator", "editor", "viewer"},
	docspace.RoomTypeVirtualData:  {"room_manager", "content_creator", "editor", "viewer", "form_filler"},
	docspace.RoomTypeAI:           {"room_manager", "content_creator", "viewer"},
}

// memberRolesFor lists what a room type allows a user (group false) or a group.
func memberRolesFor(t docspace.RoomType, group bool) []string {
	var out []string
	for _, n := range memberRoomRules[t] {
		if !group || n != roleRoomManager {
			out = append(out, n)
		}
	}
	return out
}

// Rule sentences, named in errors so that the user learns which rule a configuration breaks.
const (
	ruleGroupsNoManager = "groups can never be room managers (give the role to users one by one)"
	ruleUsersNoManager  = "users of type \"user\" and guests can never be room managers; only DocSpace admins and room admins can"
	ruleGuestsAIRooms   = "guests cannot be content creators in AI rooms"
	ruleOwner           = "the room's owner always has full access and is not a member: it cannot be managed as one (change the owner in DocSpace instead)"
)

// ruleGroupsAIFirst: the portal checks a group's first grant as it checks a guest (api-notes.md §29).
const ruleGroupsAIFirst = "in AI rooms a group cannot be made content creator by its first grant: the portal checks a " +
	"group that holds no role in the room yet as if it were a guest, and guests cannot be content creators there. Give " +
	"the group \"viewer\" first, apply, then change its access to \"content_creator\""

// roomTypeRule names what a room type allows.
func roomTypeRule(t docspace.RoomType, group bool) string {
	kind := "users"
	if group {
		kind = "groups"
	}
	roles := memberRolesFor(t, group) // a fresh slice
	for i, r := range roles {
		roles[i] = strconv.Quote(r)
	}
	return fmt.Sprintf("%s rooms give %s only %s", roomTypeName(t), kind, strings.Join(roles, ", "))
}

// memberRoomViolation checks a role against the room: its state, type and owner. firstGrant says that
// the subject holds no role in the room yet. It returns "" or the rule broken.
func memberRoomViolation(room *docspace.Room, group bool, subjectID, access string, firstGrant bool) string {
	switch {
	case room.IsTemplate():
		return fmt.Sprintf("%d is a room template, not a room; this resource manages the members of rooms", room.ID)
	case room.IsArchived():
		return fmt.Sprintf("room %d is archived, and the portal refuses member changes in archived rooms (unarchive it first)", room.ID)
	case !group && room.OwnedBy != nil && strings.EqualFold(room.OwnedBy.ID, subjectID):
		return fmt.Sprintf("user %s owns room %d: %s", subjectID, room.ID, ruleOwner)
	case group && access == roleRoomManager:
		return ruleGroupsNoManager
	case group && firstGrant && room.RoomType == docspace.RoomTypeAI && access == "content_creator":
		return ruleGroupsAIFirst
	}
	if _, known := memberRoomRules[room.RoomType]; !known {
		return "" // a room type this provider does not know: let the portal decide
	}
	if !containsString(memberRolesFor(room.RoomType, group), access) {
		return fmt.Sprintf("%q is not allowed: %s", access, roomTypeRule(room.RoomType, group))
	}
	return ""
}

// memberUserViolation checks a role against the user's type and status. It returns "" or the rule broken.
func memberUserViolation(room *docspace.Room, u *docspace.User, access string) string {
	switch {
	case u.Status == docspace.EmployeeStatusTerminated:
		return fmt.Sprintf("user %s (%s) is terminated, and the portal silently ignores access changes for terminated users", u.ID, u.Email)
	case access == roleRoomManager && (u.Type() == docspace.EmployeeTypeUser || u.Type() == docspace.EmployeeTypeGuest):
		return fmt.Sprintf("user %s (%s) is of type %q: %s", u.ID, u.Email, userTypeName(u.Type()), ruleUsersNoManager)
	case room.RoomType == docspace.RoomTypeAI && u.Type() == docspace.EmployeeTypeGuest && access == "content_creator":
		return fmt.Sprintf("user %s (%s) is a guest: %s", u.ID, u.Email, ruleGuestsAIRooms)
	}
	return ""
}

// memberRulesTable renders the roles per room type for the documentation.
func memberRulesTable() string {
	var b strings.Builder
	b.WriteString("| room type | users | groups |\n|---|---|---|\n")
	for _, t := range roomTypeNameList() {
		rt := roomTypeNames[t]
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", t, quoted(memberRolesFor(rt, false)), quoted(memberRolesFor(rt, true)))
	}
	return b.String()
}

// memberRulesDoc explains the roles and their rules, for the member resources' pages.
func memberRulesDoc() string {
	return "Which roles a member may hold depends on the room type:\n\n" + memberRulesTable() +
		"\nAnd on the member: groups are never room managers; users of type `user` and guests are never room managers " +
		"(only DocSpace admins and room admins are); guests are never content creators in AI rooms, and a group becomes one " +
		"there only by a change from another role, not by its first grant. Terminated users " +
		"and deleted groups cannot be given access. The provider checks all of this before it changes anything and " +
		"names the rule a configuration breaks.\n\n" +
		"The room's owner is not a member: the owner always has full access and cannot be managed here.\n"
}
