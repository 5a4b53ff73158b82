package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

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

func (r *roomMembersResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_members"
}

// roomClaim → true

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
	restoreIdentity(resp.Identity, func() { r.setMemberListIdentity(ctx, resp.Identity, plan.RoomID.ValueString(), &resp.Diagnostics) })
	if isUnmanaged(ctx, req.Private) {
		roomID, _ := parseID(plan.RoomID.ValueString())
		unmanagedRoom(path.Root("room_id"), roomID, "member changes").refuse(&resp.Diagnostics)
		return
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
	roomID, ok := attributeID(plan.RoomID, "room_id", diags)
	if !ok {
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
		if a, ok := have[subject]; ok && a == accessRoles[e.Access.ValueString()] {
			continue
		}
		if room == nil {
			if room, err = r.client.GetRoom(ctx, roomID); err != nil {
				addAPIError(diags, "Cannot set the room's members", fmt.Errorf("reading room %d: %w", roomID, err))
				return
			}
		}
		_, holds := have[subject]
		r.checkGrant(ctx, room, roomID, subject, group, e.Access.ValueString(), !holds, "Cannot set the room's members", diags)
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
		access := accessRoles[e.Access.ValueString()]
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

func (r *roomMembersResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roomMembersModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	roomID, _ := attributeID(state.RoomID, "room_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	restoreIdentity(resp.Identity, func() { r.setMemberListIdentity(ctx, resp.Identity, state.RoomID.ValueString(), &resp.Diagnostics) })
	members, err := r.client.ListRoomMembers(ctx, roomID)
	switch {
	case docspace.IsNotFound(err):
		removeGone(ctx, resp, "Room not found", fmt.Sprintf("Room %d no longer exists; its member list was removed from the Terraform state.", roomID))
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
	state.fill(ctx, members)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *roomMembersResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state roomMembersModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	roomID, _ := attributeID(state.RoomID, "room_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	for _, e := range entriesOf(ctx, state.Members, &resp.Diagnostics) {
		subject, _ := e.subject()
		revokeMember(ctx, r.client, roomID, subject, state.Notify.ValueBool(), &resp.Diagnostics)
	}
}

// ImportState imports a room's member list by the room's id or by its identity.
func (r *roomMembersResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !r.importIDFromIdentity(ctx, &req, &memberListIdentityModel{}, &resp.Diagnostics) {
		return
	}
	id, err := parseID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error()+". Import a room's member list by the room's id.")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), formatObjectID(id))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("room_id"), formatObjectID(id))...)
	r.setMemberListIdentity(ctx, resp.Identity, formatObjectID(id), &resp.Diagnostics)
}
