package provider

import (
	"context"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type roomMembersModelV0 struct {
	ID      types.String `tfsdk:"id"`
	RoomID  types.String `tfsdk:"room_id"`
	Members types.Set    `tfsdk:"members"`
	Notify  types.Bool   `tfsdk:"notify"`
}

type memberEntryModel struct {
	UserID  types.String `tfsdk:"user_id"`
	GroupID types.String `tfsdk:"group_id"`
	Access  types.String `tfsdk:"access"`
}

var memberEntryAttrTypes = map[string]attr.Type{
	"user_id":  types.StringType,
	"group_id": types.StringType,
	"access":   types.StringType,
}

func (e memberEntryModel) subject() (string, bool) {
	if !e.GroupID.IsNull() {
		return strings.ToLower(e.GroupID.ValueString()), true
	}
	return strings.ToLower(e.UserID.ValueString()), false
}

func entriesOf(ctx context.Context, set types.Set, diags *diag.Diagnostics) []memberEntryModel {
	var entries []memberEntryModel
	if set.IsNull() || set.IsUnknown() {
		return nil
	}
	diags.Append(set.ElementsAs(ctx, &entries, false)...)
	return entries
}

// memberSet renders a room's records, without the owner's entry, as the members attribute.
func memberSet(members []docspace.Member) types.Set {
	values := make([]attr.Value, 0, len(members))
	for _, m := range members {
		if m.IsOwner {
			continue
		}
		user, group := types.StringNull(), types.StringNull()
		if m.SubjectType == docspace.SubjectGroup {
			group = types.StringValue(m.SubjectID())
		} else {
			user = types.StringValue(m.SubjectID())
		}
		values = append(values, types.ObjectValueMust(memberEntryAttrTypes, map[string]attr.Value{
			"user_id": user, "group_id": group, "access": types.StringValue(accessRoleName(m.Access)),
		}))
	}
	return types.SetValueMust(types.ObjectType{AttrTypes: memberEntryAttrTypes}, values)
}

// sameMembers compares two member sets ignoring the case of ids.
func sameMembers(ctx context.Context, a, b types.Set) bool {
	key := func(s types.Set) []string {
		var out []string
		var d diag.Diagnostics
		for _, e := range entriesOf(ctx, s, &d) {
			subject, _ := e.subject()
			out = append(out, subject+"="+e.Access.ValueString())
		}
		sort.Strings(out)
		return out
	}
	return !a.IsNull() && !a.IsUnknown() && strings.Join(key(a), ",") == strings.Join(key(b), ",")
}

// fill copies a room's records, without the owner's entry, into m. Configured ids keep their spelling
// when the portal writes them in another case.
func (m *roomMembersModelV0) fill(ctx context.Context, members []docspace.Member) {
	got := memberSet(members)
	if sameMembers(ctx, m.Members, got) {
		got = m.Members
	}
	m.Members = got
	m.ID = m.RoomID
	if m.Notify.IsNull() {
		m.Notify = types.BoolValue(false)
	}
}
