package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.Resource                   = (*roomMembersResource)(nil)
	_ resource.ResourceWithConfigure      = (*roomMembersResource)(nil)
	_ resource.ResourceWithImportState    = (*roomMembersResource)(nil)
	_ resource.ResourceWithIdentity       = (*roomMembersResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*roomMembersResource)(nil)
	_ resource.ResourceWithValidateConfig = (*roomMembersResource)(nil)
)

// NewRoomMembersResource returns the docspace_room_members resource.
func NewRoomMembersResource() resource.Resource { return &roomMembersResource{} }

type roomMembersResource struct{ resourceBase }

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

func (r *roomMembersResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_members"
}

func (r *roomMembersResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m roomMembersModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.Members.IsUnknown() || m.Members.IsNull() {
		return
	}
	var entries []memberEntryModel
	resp.Diagnostics.Append(m.Members.ElementsAs(ctx, &entries, false)...)
	seen := map[string]bool{}
	for _, e := range entries {
		if e.UserID.IsUnknown() || e.GroupID.IsUnknown() {
			continue
		}
		if e.UserID.IsNull() == e.GroupID.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root("members"), "Invalid member", "Each member needs exactly one of user_id and group_id.")
			continue
		}
		subject, group := e.subject()
		if seen[subject] {
			resp.Diagnostics.AddAttributeError(path.Root("members"), "Duplicate member",
				fmt.Sprintf("%s is listed more than once; a user or group holds one role per room.", subject))
		}
		seen[subject] = true
		if group && e.Access.ValueString() == roleRoomManager {
			resp.Diagnostics.AddAttributeError(path.Root("members"), "Invalid access for a group",
				fmt.Sprintf("Group %s cannot be given \"room_manager\": %s.", subject, ruleGroupsNoManager))
		}
	}
}

// ModifyPlan checks the list against the room when the room is known at plan time, and refuses a plan
// in which a docspace_room_member resource manages a member of the same room.
func (r *roomMembersResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.client == nil {
		return
	}
	var plan roomMembersModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || plan.RoomID.IsUnknown() {
		return
	}
	roomID, err := parseObjectID(plan.RoomID.ValueString())
	if err != nil {
		return
	}
	if claimRoom(r.client, roomID, claimList) != "" {
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Room members managed twice", mixError(roomID))
	}
	if plan.Members.IsUnknown() {
		return
	}
	if !req.State.Raw.IsNull() {
		var state roomMembersModelV0
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if state.Members.Equal(plan.Members) {
			return
		}
	}
	room, err := r.client.GetRoom(ctx, roomID)
	if err != nil {
		return // reported at apply
	}
	entries := entriesOf(ctx, plan.Members, &resp.Diagnostics)
	for _, e := range entries {
		if e.UserID.IsUnknown() || e.GroupID.IsUnknown() || e.Access.IsUnknown() {
			continue
		}
		subject, group := e.subject()
		if why := memberRoomViolation(room, group, subject, e.Access.ValueString()); why != "" {
			resp.Diagnostics.AddAttributeError(path.Root("members"), "The room does not allow this member", why+".")
		}
	}
}

// roomClaim → true

func entriesOf(ctx context.Context, set types.Set, diags *diag.Diagnostics) []memberEntryModel {
	var entries []memberEntryModel
	if set.IsNull() || set.IsUnknown() {
		return nil
	}
	diags.Append(set.ElementsAs(ctx, &entries, false)...)
	return entries
}

func (r *roomMembersResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan roomMembersModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = plan.RoomID
	// Set first: after a failure part-way, apply records what the portal holds, and the identity with it.
	r.setMemberListIdentity(ctx, resp.Identity, plan.RoomID.ValueString(), &resp.Diagnostics)
	r.apply(ctx, &plan, &resp.State, &resp.Diagnostics)
}

func (r *roomMembersResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan roomMembersModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = plan.RoomID
	if identityIsNull(resp.Identity) {
		r.setMemberListIdentity(ctx, resp.Identity, plan.RoomID.ValueString(), &resp.Diagnostics)
	}
	r.apply(ctx, &plan, &resp.State, &resp.Diagnostics)
}

// stateSetter is the part of tfsdk.State that apply needs.
type stateSetter interface {
	Set(context.Context, any) diag.Diagnostics
}

// apply makes the room's records equal the list: it checks every listed member against the rules
// first (so a broken rule changes nothing), then removes the records not listed and sends each missing
// or changed one, one subject per request. After a failure part-way, the state holds what the portal has.
func (r *roomMembersResource) apply(ctx context.Context, plan *roomMembersModelV0, state stateSetter, diags *diag.Diagnostics) {
	roomID, err := parseObjectID(plan.RoomID.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("room_id"), "Invalid room id", err.Error())
		return
	}
	current, err := r.client.ListRoomMembers(ctx, roomID)
	if err != nil {
		addAPIError(diags, "Error reading the room's members", err)
		return
	}
	have := map[string]docspace.FileShare{}
	for _, m := range current {
		if !m.IsOwner {
			have[strings.ToLower(m.SubjectID())] = m.Access
		}
	}
	wanted := entriesOf(ctx, plan.Members, diags)
	want := map[string]memberEntryModel{}
	var room *docspace.Room
	for _, e := range wanted {
		subject, group := e.subject()
		want[subject] = e
		if a, ok := have[subject]; ok && a == memberAccessNames[e.Access.ValueString()] {
			continue
		}
		if room == nil {
			if room, err = r.client.GetRoom(ctx, roomID); err != nil {
				addAPIError(diags, "Cannot set the room's members", fmt.Errorf("reading room %d: %w", roomID, err))
				return
			}
		}
		r.checkGrant(ctx, room, roomID, subject, group, e.Access.ValueString(), "Cannot set the room's members", diags)
	}
	if diags.HasError() {
		return // nothing was changed
	}
	var removals []string
	for subject := range have {
		if _, ok := want[subject]; !ok {
			removals = append(removals, subject)
		}
	}
	sort.Strings(removals)
	for _, subject := range removals {
		revokeMember(ctx, r.client, roomID, subject, plan.Notify.ValueBool(), diags)
	}
	subjects := make([]string, 0, len(want))
	for s := range want {
		subjects = append(subjects, s)
	}
	sort.Strings(subjects)
	for _, subject := range subjects {
		if diags.HasError() {
			break
		}
		e := want[subject]
		access := memberAccessNames[e.Access.ValueString()]
		if a, ok := have[subject]; ok && a == access {
			continue
		}
		if _, err := r.client.SetRoomMember(ctx, roomID, subject, access, plan.Notify.ValueBool()); err != nil {
			addAPIError(diags, "Error setting the room's members", fmt.Errorf("%s: %w", subject, err))
		}
	}
	if diags.HasError() {
		// Record what the portal holds now, so the next plan shows what is left to do.
		if members, err := r.client.ListRoomMembers(ctx, roomID); err == nil {
			plan.Members = memberSet(members)
			diags.Append(state.Set(ctx, plan)...)
		}
		return
	}
	diags.Append(state.Set(ctx, plan)...)
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
			"user_id": user, "group_id": group, "access": types.StringValue(memberAccessName(m.Access)),
		}))
	}
	return types.SetValueMust(types.ObjectType{AttrTypes: memberEntryAttrTypes}, values)
}

func (r *roomMembersResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roomMembersModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	roomID, ok := objectIDFromState(state.RoomID, &resp.Diagnostics)
	if !ok {
		return
	}
	// Terraform before 1.12 keeps no identity, so every read and update returns it.
	if identityIsNull(resp.Identity) {
		r.setMemberListIdentity(ctx, resp.Identity, state.RoomID.ValueString(), &resp.Diagnostics)
	}
	members, err := r.client.ListRoomMembers(ctx, roomID)
	switch {
	case docspace.IsNotFound(err):
		resp.Diagnostics.AddWarning("Room not found", fmt.Sprintf("Room %d no longer exists; its member list was removed from the Terraform state.", roomID))
		resp.State.RemoveResource(ctx)
		return
	case err != nil:
		addAPIError(&resp.Diagnostics, "Error reading the room's members", err)
		return
	case len(members) == 0:
		resp.Diagnostics.AddError("Cannot read the room's members",
			fmt.Sprintf("The portal answered with an empty member list for room %d, which it does for API keys whose user may not "+
				"read the room. Use an API key of the room's owner, a room manager or a DocSpace admin.", roomID))
		return
	}
	// Configured ids keep their spelling when the portal writes them in another case.
	got := memberSet(members)
	if sameMembers(ctx, state.Members, got) {
		got = state.Members
	}
	state.Members = got
	state.ID = state.RoomID
	if state.Notify.IsNull() {
		state.Notify = types.BoolValue(false)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
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

func (r *roomMembersResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state roomMembersModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	roomID, ok := objectIDFromState(state.RoomID, &resp.Diagnostics)
	if !ok {
		return
	}
	for _, e := range entriesOf(ctx, state.Members, &resp.Diagnostics) {
		subject, _ := e.subject()
		revokeMember(ctx, r.client, roomID, subject, state.Notify.ValueBool(), &resp.Diagnostics)
	}
}

func (r *roomMembersResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = memberListIdentitySchema()
}

// ImportState imports a room's member list by the room's id or by its identity.
func (r *roomMembersResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" && req.Identity != nil {
		var identity memberListIdentityModel
		resp.Diagnostics.Append(req.Identity.Get(ctx, &identity)...)
		r.checkIdentityHost(identity.Host, &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			return
		}
		req.ID = identity.RoomID.ValueString()
	}
	id, err := parseObjectID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error()+". Import a room's member list by the room's id.")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), formatObjectID(id))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("room_id"), formatObjectID(id))...)
	r.setMemberListIdentity(ctx, resp.Identity, formatObjectID(id), &resp.Diagnostics)
}
