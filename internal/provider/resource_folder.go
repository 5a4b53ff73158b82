package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.Resource                   = (*folderResource)(nil)
	_ resource.ResourceWithConfigure      = (*folderResource)(nil)
	_ resource.ResourceWithImportState    = (*folderResource)(nil)
	_ resource.ResourceWithIdentity       = (*folderResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*folderResource)(nil)
	_ resource.ResourceWithValidateConfig = (*folderResource)(nil)
)

// defaultFolderTimeout bounds each of create, update and delete unless `timeouts` says otherwise.
const defaultFolderTimeout = 10 * time.Minute

// NewFolderResource returns the docspace_folder resource.
func NewFolderResource() resource.Resource { return &folderResource{} }

type folderResource struct{ resourceBase }

func (r *folderResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_folder"
}

func (r *folderResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan folderModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	attr := "room_id"
	if !plan.ParentID.IsUnknown() && !plan.ParentID.IsNull() {
		attr = "parent_id"
	}
	parentID, _ := attributeID(types.StringValue(plan.wantedParent()), attr, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, defaultFolderTimeout, &resp.Diagnostics)
	defer cancel()
	if refused := r.createRefusal(ctx, attr, parentID); refused != nil {
		refused.refuse(&resp.Diagnostics) // warned of at plan time when the place was known
		return
	}
	f, err := r.client.CreateFolder(ctx, parentID, plan.Title.ValueString())
	if err != nil {
		r.addCreateError(ctx, req.Plan, resp, "docspace_folder", "Error creating the folder", err)
		return
	}
	plan.ID = r.recordCreated(ctx, req.Plan, resp, formatObjectID(f.ID))
	ctx, done := afterCreation(ctx)
	defer done()
	var roomID int64
	if attr == "parent_id" {
		// A folder's answer names no room: its breadcrumbs do (api-notes.md §36).
		if roomID, err = r.client.FolderRoom(ctx, f.ID); err != nil {
			addAPIError(&resp.Diagnostics, "Error reading the new folder's room", err)
			return
		}
	}
	plan.fill(f, roomID)
	recordFolderRights(ctx, resp.Private, f, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// modifyNewOrDestroyedPlan warns of a folder the API key's user may not create where the configuration
// puts it, when that place is known at plan time, and of a destroy the portal would refuse, as the last
// read of the folder's security flags found it.
func (r *folderResource) modifyNewOrDestroyedPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		var state folderModelV0
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if refused := folderRefused(ctx, req.Private); !resp.Diagnostics.HasError() && refused.Delete {
			folderChangeRefusal(path.Root("id"), state.ID.ValueString(), "delete", refused).warn(resp, false)
		}
		return
	}
	var config folderModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() || r.client == nil {
		return
	}
	attr, place := "room_id", config.RoomID
	if !config.ParentID.IsNull() {
		attr, place = "parent_id", config.ParentID
	}
	if place.IsUnknown() || place.IsNull() {
		return // a room or folder made by this apply: the key's user made it and may create in it
	}
	id, err := parseID(place.ValueString())
	if err != nil {
		return
	}
	if refused := r.createRefusal(ctx, attr, id); refused != nil {
		refused.warn(resp, false)
	}
}

// createRefusal reads the security flags of the room or folder parent (attr names which) and returns
// the refusal of a new folder there when they deny the API key's user the create right (api-notes.md
// §36), or nil. A place that cannot be read is left to the portal.
func (r *folderResource) createRefusal(ctx context.Context, attr string, parent int64) *refusal {
	var security map[string]bool
	if attr == "room_id" {
		room, err := r.client.GetRoom(ctx, parent)
		if err != nil || room.IsTemplate() {
			return nil
		}
		security = room.Security
	} else {
		f, err := r.client.GetFolder(ctx, parent)
		if err != nil {
			return nil
		}
		security = f.Security
	}
	if security == nil || security["Create"] {
		return nil
	}
	return folderCreateRefusal(attr, parent)
}

func (r *folderResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state folderModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id, _ := r.idRestoringIdentity(ctx, state.ID, resp.Identity, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	f, err := r.client.GetFolder(ctx, id)
	switch {
	case readFailed(ctx, resp, inRoom{noun: "folder", nounTitle: "Folder", id: id, next: "creates it again",
		removedBy: "it, or its room, was deleted"}, err):
		return
	case f.InTrash():
		removeGone(ctx, resp, "Folder is in the Trash",
			fmt.Sprintf("Folder %d (%q) is in the Trash of the API key's user (Trash folder %d), deleted from folder %d (%q) "+
				"of room %d. It was removed from the Terraform state, and the next apply creates a new folder. To keep the old "+
				"one instead, restore it from the Trash in DocSpace and import it: terraform import <address> %d.",
				id, f.Title, f.RootFolderID, f.OriginID, f.OriginTitle, f.OriginRoomID, id))
		return
	}
	var roomID int64
	if state.RoomID.IsNull() || state.RoomID.IsUnknown() || state.ParentID.ValueString() != formatObjectID(f.ParentID) {
		// Imported, or moved: learn the room again.
		if roomID, err = r.client.FolderRoom(ctx, id); err != nil {
			addAPIError(&resp.Diagnostics, "Error reading the folder's room", err)
			return
		}
	}
	state.fill(f, roomID)
	recordFolderRights(ctx, resp.Private, f, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *folderResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var config, plan, state folderModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id, _ := r.idRestoringIdentity(ctx, state.ID, resp.Identity, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if refused := folderMove(&config, &state); refused != nil {
		refused.refuse(&resp.Diagnostics) // warned of at plan time
		return
	}
	plan.ID, plan.RoomID, plan.ParentID = state.ID, state.RoomID, state.ParentID
	if !plan.Title.Equal(state.Title) {
		if refused := folderRefused(ctx, req.Private); refused.Rename {
			folderChangeRefusal(path.Root("title"), state.ID.ValueString(), "rename", refused).refuse(&resp.Diagnostics) // warned of at plan time
			return
		}
		ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultFolderTimeout, &resp.Diagnostics)
		defer cancel()
		f, err := r.client.RenameFolder(ctx, id, plan.Title.ValueString())
		if err != nil {
			addAPIError(&resp.Diagnostics, "Error renaming the folder", err)
			return
		}
		plan.fill(f, 0)
		recordFolderRights(ctx, resp.Private, f, &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *folderResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state folderModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id, _ := attributeID(state.ID, "id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if refused := folderRefused(ctx, req.Private); refused.Delete {
		folderChangeRefusal(path.Root("id"), state.ID.ValueString(), "delete", refused).refuse(&resp.Diagnostics) // warned of at plan time
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, defaultFolderTimeout, &resp.Diagnostics)
	defer cancel()
	if !state.ForceDestroy.ValueBool() && !r.emptyFolder(ctx, id, &resp.Diagnostics) {
		return
	}
	if err := r.client.DeleteFolder(ctx, id, state.PermanentDelete.ValueBool()); err != nil {
		addAPIError(&resp.Diagnostics, "Error deleting the folder", err)
	}
}

// emptyFolder reports whether folder id holds nothing, or is gone; otherwise it adds the error that
// refuses its deletion. Folders this configuration manages inside it are destroyed before it, so what is
// left is content the configuration does not manage.
func (r *folderResource) emptyFolder(ctx context.Context, id int64, diags *diag.Diagnostics) bool {
	content, err := r.client.ListFolderContent(ctx, id, docspace.FolderContentOptions{Count: 3})
	switch {
	case docspace.IsNotFound(err):
		return true
	case err != nil:
		addAPIError(diags, "Error reading what the folder holds", err)
		return false
	case content.Total == 0:
		return true
	}
	var names []string
	for _, f := range content.Folders {
		names = append(names, fmt.Sprintf("folder %q", f.Title))
	}
	for _, f := range content.Files {
		names = append(names, fmt.Sprintf("file %q", f.Title))
	}
	diags.AddError("Folder is not empty",
		fmt.Sprintf("Folder %d holds %d files or folders that this configuration does not manage (among them %s). Nothing "+
			"was deleted. Move them elsewhere in DocSpace, or set force_destroy = true, apply, and destroy again to delete the "+
			"folder with everything in it (into the Trash of the API key's user unless permanent_delete is true).",
			id, content.Total, joinNames(names)))
	return false
}

// ImportState imports a folder by its id or by its identity; the next read fills in its place.
func (r *folderResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importObject(ctx, req, resp, "Find the id in the folder's URL (…/rooms/shared/<id>/…) or with the docspace_folder data source.")
}
