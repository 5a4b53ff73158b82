package provider

import (
	"fmt"
	"sort"
	"strings"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// Link kinds, as written in configurations.
const (
	linkExternal   = "external"
	linkInvitation = "invitation"
)

var linkTypes = map[string]docspace.LinkType{linkExternal: docspace.LinkTypeExternal, linkInvitation: docspace.LinkTypeInvitation}

// roomLinkRule is what one room type allows (api-notes.md §25), in the roles of accessRoles.
type roomLinkRule struct {
	invitation []string // roles the invitation link grants; at most one per room
	external   []string // roles external links grant; nil when the room takes none
	additional int      // external links besides the primary one
}

var roomLinkRules = map[docspace.RoomType]roomLinkRule{
	docspace.RoomTypeCustom:       {invitation: []string{"content_creator", "editor", "reviewer", "commenter", "viewer"}, external: []string{"editor", "form_filler", "reviewer", "commenter", "viewer"}, additional: 5},
	docspace.RoomTypePublic:       {invitation: []string{"content_creator", "viewer"}, external: []string{"editor", "form_filler", "reviewer", "commenter", "viewer"}, additional: 5},
	docspace.RoomTypeFillingForms: {invitation: []string{"content_creator", "form_filler"}, external: []string{"form_filler", "viewer"}, additional: 0},
	docspace.RoomTypeEditing:      {invitation: []string{"content_creator", "editor", "viewer"}},
	docspace.RoomTypeVirtualData:  {invitation: []string{"content_creator", "editor", "viewer", "form_filler"}},
	docspace.RoomTypeAI:           {invitation: []string{"content_creator", "viewer"}},
}

// linkAccessList is what some link can grant: the roles of accessForKind for both kinds, sorted.
func linkAccessList() []string {
	names := accessForKind(linkExternal)
	for _, a := range accessForKind(linkInvitation) {
		if !containsString(names, a) {
			names = append(names, a)
		}
	}
	sort.Strings(names)
	return names
}

// accessForKind is the union over all room types: what a link of that kind can ever grant, known at plan time.
func accessForKind(kind string) []string {
	seen := map[string]bool{}
	var names []string
	for _, t := range roomTypeNameList() {
		rule := roomLinkRules[roomTypeNames[t]]
		list := rule.invitation
		if kind == linkExternal {
			list = rule.external
		}
		for _, n := range list {
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	return names
}

// explainLinkRejection turns the portal's terse refusal of a link into the rule that was broken,
// given the room's type. It returns "" when no rule explains it.
func explainLinkRejection(roomType docspace.RoomType, kind, access string, portalMessage string) string {
	rule, known := roomLinkRules[roomType]
	if !known {
		return ""
	}
	typeName := roomTypeName(roomType)
	if kind == linkExternal && rule.external == nil {
		return fmt.Sprintf("%s rooms take no external links; only an invitation link (access %s).", typeName, strings.Join(rule.invitation, ", "))
	}
	allowed := rule.invitation
	if kind == linkExternal {
		allowed = rule.external
	}
	if !containsString(allowed, access) {
		return fmt.Sprintf("%s links of %s rooms cannot grant %q; allowed: %s.", kind, typeName, access, strings.Join(allowed, ", "))
	}
	if strings.Contains(strings.ToLower(portalMessage), "maximum number of links") {
		if kind == linkInvitation {
			return fmt.Sprintf("a room takes only one invitation link, and this %s room has one already.", typeName)
		}
		if rule.additional == 0 {
			return fmt.Sprintf("%s rooms take no external links besides their primary link; manage it with primary = true.", typeName)
		}
		return fmt.Sprintf("%s rooms take at most %d external links besides the primary link, and this room has that many.", typeName, rule.additional)
	}
	return ""
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// maxLinkLifetimeYears is how many years ahead a link may expire (api-notes.md §22).
const maxLinkLifetimeYears = 10
