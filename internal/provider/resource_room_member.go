package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.Resource                   = (*roomMemberResource)(nil)
	_ resource.ResourceWithConfigure      = (*roomMemberResource)(nil)
	_ resource.ResourceWithImportState    = (*roomMemberResource)(nil)
	_ resource.ResourceWithIdentity       = (*roomMemberResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*roomMemberResource)(nil)
	_ resource.ResourceWithValidateConfig = (*roomMemberResource)(nil)
)

// NewRoomMemberResource returns the docspace_room_member resource.
func NewRoomMemberResource() resource.Resource { return &roomMemberResource{} }

type roomMemberResource struct{ resourceBase }

func (r *roomMemberResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_member"
}

func (r *roomMemberResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan roomMemberModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	roomID, _ := attributeID(plan.RoomID, "room_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	subject, group := plan.subject()
	// A create gets no private data from its plan, so it reads the room again.
	if !r.checkGrant(ctx, nil, roomID, subject, group, plan.Access.ValueString(), true, "Cannot add the room member", &resp.Diagnostics) {
		return // refused before any change: nothing was made
	}
	plan.ID = types.StringValue(plan.RoomID.ValueString() + "/" + subject)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	r.setMemberIdentity(ctx, resp.Identity, plan.RoomID.ValueString(), subject, &resp.Diagnostics)
	if r.grant(ctx, roomID, &plan, "Error adding the room member", &resp.Diagnostics) {
		resp.State.RemoveResource(ctx) // refused outright: nothing was made
	}
}

func (r *roomMemberResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roomMemberModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	roomID, _ := attributeID(state.RoomID, "room_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	subject := strings.TrimPrefix(state.ID.ValueString(), state.RoomID.ValueString()+"/")
	restoreIdentity(resp.Identity, func() {
		r.setMemberIdentity(ctx, resp.Identity, state.RoomID.ValueString(), subject, &resp.Diagnostics)
	})
	m, gone := readMember(ctx, r.client, roomID, subject, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if gone != "" {
		removeGone(ctx, resp, "Room member not found", fmt.Sprintf("%s It was removed from the Terraform state; the next apply adds it again.", gone))
		return
	}
	state.fill(m)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// readMember finds a subject's record among a room's members. gone explains why it is not a member
// any more (the room or the record is gone); errors, including a list the caller may not see, go to diags.
func readMember(ctx context.Context, client *docspace.Client, roomID int64, subject string, diags *diag.Diagnostics) (m *docspace.Member, gone string) {
	members, err := client.ListRoomMembers(ctx, roomID)
	switch {
	case docspace.IsNotFound(err):
		return nil, fmt.Sprintf("Room %d no longer exists, and its member %s went with it.", roomID, subject)
	case err != nil:
		addAPIError(diags, "Error reading the room's members", err)
		return nil, ""
	case len(members) == 0:
		// Every room has its owner's entry; an empty list is the portal's answer to a caller who may not
		// read the room, and proves nothing (api-notes.md §29).
		diags.AddError("Cannot read the room's members",
			fmt.Sprintf("The portal answered with an empty member list for room %d, which it does for API keys whose user "+
				"may not read the room. Member %s was kept in the Terraform state. Use an API key of the room's owner, "+
				"a room manager or a DocSpace admin.", roomID, subject))
		return nil, ""
	}
	for i := range members {
		if !strings.EqualFold(members[i].SubjectID(), subject) {
			continue
		}
		if members[i].IsOwner {
			return nil, fmt.Sprintf("%s now owns room %d, and the owner is not a member.", subject, roomID)
		}
		return &members[i], ""
	}
	return nil, fmt.Sprintf("%s no longer has access to room %d (it was removed from the room, or the user or group was deleted).", subject, roomID)
}

func (r *roomMemberResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state roomMemberModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	roomID, _ := attributeID(state.RoomID, "room_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	restoreIdentity(resp.Identity, func() {
		r.setMemberIdentity(ctx, resp.Identity, state.RoomID.ValueString(), strings.TrimPrefix(state.ID.ValueString(), state.RoomID.ValueString()+"/"), &resp.Diagnostics)
	})
	plan.ID = state.ID
	if !plan.Access.Equal(state.Access) {
		if isUnmanaged(ctx, req.Private) {
			unmanagedRoom(path.Root("room_id"), roomID, "member changes").refuse(&resp.Diagnostics)
			return
		}
		subject, group := plan.subject()
		if !r.checkGrant(ctx, plannedRoom(ctx, req.Private, roomID), roomID, subject, group, plan.Access.ValueString(), false, "Cannot change the room member", &resp.Diagnostics) {
			return
		}
		r.grant(ctx, roomID, &plan, "Error changing the room member", &resp.Diagnostics)
	}
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	}
}

func (r *roomMemberResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state roomMemberModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	roomID, _ := attributeID(state.RoomID, "room_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	subject, _ := state.subject()
	revokeMember(ctx, r.client, roomID, subject, state.Notify.ValueBool(), &resp.Diagnostics)
}

// ImportState imports a member by its string id <room_id>/<subject_id> or by its identity.
func (r *roomMemberResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !r.importIDFromIdentity(ctx, &req, &memberIdentityModel{}, &resp.Diagnostics) {
		return
	}
	roomPart, subject, ok := importInRoom(ctx, req, resp, "user_or_group_id",
		"Find the ids with the docspace_user and docspace_group data sources.", guidPattern.MatchString)
	if !ok {
		return
	}
	r.setMemberIdentity(ctx, resp.Identity, roomPart, subject, &resp.Diagnostics)
}

// grant sends one subject's role and checks the answer. refused reports that the portal did not make
// the record (a 4xx, or a silent skip).
func (r *roomMemberResource) grant(ctx context.Context, roomID int64, m *roomMemberModelV0, summary string, diags *diag.Diagnostics) (refused bool) {
	subject, _ := m.subject()
	member, err := r.client.SetRoomMember(ctx, roomID, subject, accessRoles[m.Access.ValueString()], m.Notify.ValueBool())
	var skipped *docspace.SkippedError
	switch {
	case errors.As(err, &skipped):
		diags.AddError(summary, err.Error())
		return true
	case err != nil:
		if docspace.IsForbidden(err) {
			addAPIError(diags, summary, fmt.Errorf("%w (the role is not available for this room type or user type, the room is archived, "+
				"or the API key's user may not manage the room's members)", err))
		} else {
			addAPIError(diags, summary, err)
		}
		code := docspace.StatusCode(err)
		return code >= 400 && code < 500
	}
	m.fill(member)
	return false
}
