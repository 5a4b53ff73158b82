package provider

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// memberAccessNames are the readable names of the roles a room member can hold, after the UI
// (api-notes.md §29).
var memberAccessNames = map[string]docspace.FileShare{
	"viewer":          docspace.FileShareRead,
	"reviewer":        docspace.FileShareReview,
	"commenter":       docspace.FileShareComment,
	"form_filler":     docspace.FileShareFillForms,
	"room_manager":    docspace.FileShareRoomManager,
	"editor":          docspace.FileShareEditing,
	"content_creator": docspace.FileShareContentCreator,
}

const roleRoomManager = "room_manager"

func memberAccessName(a docspace.FileShare) string {
	for n, v := range memberAccessNames {
		if v == a {
			return n
		}
	}
	return fmt.Sprintf("access_%d", int(a))
}

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

// memberAccessList is every role some room type allows, known at plan time.
func memberAccessList() []string {
	names := make([]string, 0, len(memberAccessNames))
	for n := range memberAccessNames {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
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

// memberRoomViolation checks a role against the room: its state, type and owner. It returns "" or the
// rule broken.
func memberRoomViolation(room *docspace.Room, group bool, subjectID, access string) string {
	switch {
	case room.IsTemplate():
		return fmt.Sprintf("%d is a room template, not a room; this resource manages the members of rooms", room.ID)
	case room.IsArchived():
		return fmt.Sprintf("room %d is archived, and the portal refuses member changes in archived rooms (unarchive it first)", room.ID)
	case !group && room.OwnedBy != nil && strings.EqualFold(room.OwnedBy.ID, subjectID):
		return fmt.Sprintf("user %s owns room %d: %s", subjectID, room.ID, ruleOwner)
	case group && access == roleRoomManager:
		return ruleGroupsNoManager
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
		"(only DocSpace admins and room admins are); guests are never content creators in AI rooms. Terminated users " +
		"and deleted groups cannot be given access. The provider checks all of this before it changes anything and " +
		"names the rule a configuration breaks.\n\n" +
		"The room's owner is not a member: the owner always has full access and cannot be managed here.\n"
}
