package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// accessRoles is the one vocabulary of access for links and members: the portal takes the same values
// for both (api-notes.md §21), and an invitation link grants a role just as a membership does. The names
// are the roles the DocSpace UI shows (api-notes.md §29); which of them a link or a member may hold
// depends on the room type (link_rules.go, member_rules.go).
var accessRoles = map[string]docspace.FileShare{
	"viewer":          docspace.FileShareRead,
	"reviewer":        docspace.FileShareReview,
	"commenter":       docspace.FileShareComment,
	"form_filler":     docspace.FileShareFillForms,
	"room_manager":    docspace.FileShareRoomManager,
	"editor":          docspace.FileShareEditing,
	"content_creator": docspace.FileShareContentCreator,
}

// oldAccessSpellings are the names links took before links and members shared one vocabulary. They are
// refused with the role to write instead.
var oldAccessSpellings = map[string]string{
	"read":       "viewer",
	"review":     "reviewer",
	"comment":    "commenter",
	"fill_forms": "form_filler",
	"editing":    "editor",
}

// accessRoleName is the role of a portal access level, or access_<n> for one outside the vocabulary.
func accessRoleName(a docspace.FileShare) string {
	for n, v := range accessRoles {
		if v == a {
			return n
		}
	}
	return fmt.Sprintf("access_%d", int(a))
}

// accessRoleList is every role of the vocabulary, sorted.
func accessRoleList() []string {
	names := make([]string, 0, len(accessRoles))
	for n := range accessRoles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// accessRole validates an access attribute: one of allowed, a part of accessRoles. One mistake gets one
// error, and an old spelling is answered with the role to write.
type accessRole struct {
	allowed []string
	holder  string // who holds the access, in the error: "links", "members"
}

func (v accessRole) Description(context.Context) string {
	return "must be one of " + strings.Join(v.allowed, ", ")
}

func (v accessRole) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v accessRole) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	access := req.ConfigValue.ValueString()
	if containsString(v.allowed, access) {
		return
	}
	if role, old := oldAccessSpellings[access]; old {
		resp.Diagnostics.AddAttributeError(req.Path, "Old access spelling",
			fmt.Sprintf("%q is the old spelling: use %q; links and members share one vocabulary.", access, role))
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid access",
		fmt.Sprintf("%q is not a role %s take. Use one of: %s.", access, v.holder, strings.Join(v.allowed, ", ")))
}
