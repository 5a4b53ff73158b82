package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.Resource                   = (*roomResource)(nil)
	_ resource.ResourceWithConfigure      = (*roomResource)(nil)
	_ resource.ResourceWithImportState    = (*roomResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*roomResource)(nil)
	_ resource.ResourceWithValidateConfig = (*roomResource)(nil)
	_ resource.ResourceWithIdentity       = (*roomResource)(nil)
)

// defaultRoomTimeout bounds each of create, update and delete unless `timeouts` says otherwise.
const defaultRoomTimeout = 20 * time.Minute

// NewRoomResource returns the docspace_room resource.
func NewRoomResource() resource.Resource { return &roomResource{} }

type roomResource struct{ resourceBase }

func (r *roomResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room"
}

func (r *roomResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan roomModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if refused := r.roomCreationRefusal(ctx); refused != nil {
		refused.refuse(&resp.Diagnostics) // warned of at plan time
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, defaultRoomTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	room, err := r.createRoom(ctx, &plan, &resp.Diagnostics)
	if err != nil {
		r.addCreateError(ctx, req.Plan, resp, "docspace_room", "Error creating room", err)
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = r.recordCreated(ctx, req.Plan, resp, formatObjectID(room.ID))
	ctx, cancelRest := afterCreation(ctx)
	defer cancelRest()
	if plan.Archived.ValueBool() {
		if err := r.client.ArchiveRoom(ctx, room.ID); err != nil {
			addAPIError(&resp.Diagnostics, "Error archiving the new room", err)
			return
		}
		if room, err = r.client.GetRoom(ctx, room.ID); err != nil {
			addAPIError(&resp.Diagnostics, "Error reading the new room", err)
			return
		}
	}
	if !plan.RoomType.IsUnknown() && plan.RoomType.ValueString() != roomTypeName(room.RoomType) {
		resp.Diagnostics.AddAttributeError(path.Root("room_type"), "Room type differs from the template's",
			fmt.Sprintf("Template %s makes %s rooms, but room_type is %q. Remove room_type, or set it to %q. "+
				"The room was created and is marked tainted, so the next apply replaces it.",
				plan.TemplateID.ValueString(), roomTypeName(room.RoomType), plan.RoomType.ValueString(), roomTypeName(room.RoomType)))
		return
	}
	plan.fill(ctx, room, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// createRoom creates the room directly, or through the portal's from-template job. The answer of
// either carries the whole room, quota included, because both end with a rename (docspace/creation.go).
func (r *roomResource) createRoom(ctx context.Context, plan *roomModelV0, diags *diag.Diagnostics) (*docspace.Room, error) {
	if plan.TemplateID.IsNull() {
		body := docspace.CreateRoomRequest{RoomSettings: newRoomSettings(ctx, plan, diags), RoomType: roomTypeNames[plan.RoomType.ValueString()]}
		if diags.HasError() {
			return nil, nil
		}
		return r.client.CreateRoom(ctx, body)
	}
	templateID, err := parseID(plan.TemplateID.ValueString())
	if err != nil {
		return nil, err
	}
	body := docspace.CreateRoomFromTemplateRequest{RoomSettings: newRoomSettings(ctx, plan, diags), TemplateID: templateID}
	if diags.HasError() {
		return nil, nil
	}
	return r.client.CreateRoomFromTemplate(ctx, body)
}

func (r *roomResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roomModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ok := r.idRestoringIdentity(ctx, state.ID, resp.Identity, &resp.Diagnostics)
	if !ok {
		return
	}
	room, gone := readRoomObject(ctx, r.client, id, false, &resp.Diagnostics)
	if gone {
		removeGone(ctx, resp, "Room not found",
			fmt.Sprintf("Room %d no longer exists on the portal and was removed from the Terraform state. "+
				"The next apply creates it again.", id))
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	state.fill(ctx, room, &resp.Diagnostics)
	recordManagement(ctx, resp.Private, room, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *roomResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state roomModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	refusals := []*refusal{
		roomTypeChange(plan.RoomType, state.RoomType),
		unmanagedRoomEdit(&plan, &state, isUnmanaged(ctx, req.Private)), // archiving alone is allowed (api-notes.md §34)
		archivedRoomEdit(&plan, &state),
	}
	for _, refused := range refusals {
		if refused != nil {
			refused.refuse(&resp.Diagnostics) // warned of at plan time
			return
		}
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultRoomTimeout, &resp.Diagnostics)
	defer cancel()
	id, ok := r.idRestoringIdentity(ctx, state.ID, resp.Identity, &resp.Diagnostics)
	if !ok || resp.Diagnostics.HasError() {
		return
	}
	wasArchived, archive := state.Archived.ValueBool(), plan.Archived.ValueBool()
	// Archived rooms are read-only (api-notes.md §10): restore before editing, archive after.
	if wasArchived && !archive {
		if err := r.client.UnarchiveRoom(ctx, id); err != nil {
			addAPIError(&resp.Diagnostics, "Error restoring room from the archive", err)
			return
		}
	}
	result := plan
	result.copyComputed(&state)
	if body, changed := updateRoomRequest(ctx, &plan, &state, &resp.Diagnostics); changed {
		if resp.Diagnostics.HasError() {
			return
		}
		room, err := r.client.UpdateRoom(ctx, id, body)
		if err != nil {
			addAPIError(&resp.Diagnostics, "Error updating room", err)
			return
		}
		result.fill(ctx, room, &resp.Diagnostics)
		recordManagement(ctx, resp.Private, room, &resp.Diagnostics)
	}
	if !wasArchived && archive {
		if err := r.client.ArchiveRoom(ctx, id); err != nil {
			addAPIError(&resp.Diagnostics, "Error archiving room", err)
			return
		}
	}
	// ArchiveRoom and UnarchiveRoom return only after checking the room's real location.
	result.Archived = plan.Archived
	resp.Diagnostics.Append(resp.State.Set(ctx, &result)...)
}

func (r *roomResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteRoomOrTemplate(ctx, r.client, req, resp, defaultRoomTimeout, "room")
}

func (r *roomResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importObject(ctx, req, resp, "Find the id in the room's URL (…/rooms/shared/<id>/…) or with the docspace_room data source.")
}
