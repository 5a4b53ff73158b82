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
	_ resource.Resource                     = (*roomTemplateResource)(nil)
	_ resource.ResourceWithConfigure        = (*roomTemplateResource)(nil)
	_ resource.ResourceWithImportState      = (*roomTemplateResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*roomTemplateResource)(nil)
	_ resource.ResourceWithConfigValidators = (*roomTemplateResource)(nil)
	_ resource.ResourceWithIdentity         = (*roomTemplateResource)(nil)
)

const defaultTemplateTimeout = 30 * time.Minute

// NewRoomTemplateResource returns the docspace_room_template resource.
func NewRoomTemplateResource() resource.Resource { return &roomTemplateResource{} }

type roomTemplateResource struct{ resourceBase }

func (r *roomTemplateResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_template"
}

func (r *roomTemplateResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan roomTemplateModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultTemplateTimeout)
	resp.Diagnostics.Append(diags...)
	if plan.ShareEmails.IsUnknown() {
		plan.ShareEmails = types.SetNull(types.StringType)
	}
	if plan.ShareGroupIDs.IsUnknown() {
		plan.ShareGroupIDs = types.SetNull(types.StringType)
	}
	roomID, err := parseObjectID(plan.RoomID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Invalid room id", err.Error())
	}
	body := docspace.CreateTemplateRequest{
		RoomID:   roomID,
		Title:    plan.Title.ValueString(),
		CopyLogo: knownBool(plan.CopyLogo),
		Share:    stringsFromSet(ctx, plan.ShareEmails, &resp.Diagnostics),
		Groups:   stringsFromSet(ctx, plan.ShareGroupIDs, &resp.Diagnostics),
		Public:   knownBool(plan.Public),
		Tags:     stringsFromSet(ctx, plan.Tags, &resp.Diagnostics),
		Color:    plan.Color.ValueString(),
		Cover:    plan.Cover.ValueString(),
		Quota:    knownInt64(plan.Quota),
	}
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	tpl, err := r.client.CreateTemplate(ctx, body)
	if err != nil {
		r.addCreateError(ctx, resp, "docspace_room_template", "Error creating room template", err)
		return
	}
	// Keep the id even when reading back fails below, so Terraform taints the template instead of losing it.
	plan.ID = types.StringValue(formatObjectID(tpl.ID))
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)
	ctx, cancelRest := afterCreation(ctx)
	defer cancelRest()
	r.setObjectIdentity(ctx, resp.Identity, plan.ID.ValueString(), &resp.Diagnostics)
	public, ok := r.templateAccess(ctx, tpl, &resp.Diagnostics)
	if !ok {
		return
	}
	plan.fill(ctx, tpl, public, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *roomTemplateResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roomTemplateModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ok := objectIDFromState(state.ID, &resp.Diagnostics)
	if !ok {
		return
	}
	// Terraform before 1.12 keeps no identity, so every read and update returns it.
	if identityIsNull(resp.Identity) {
		r.setObjectIdentity(ctx, resp.Identity, state.ID.ValueString(), &resp.Diagnostics)
	}
	tpl, public, gone := r.readTemplate(ctx, id, &resp.Diagnostics)
	if gone {
		resp.Diagnostics.AddWarning("Room template not found",
			fmt.Sprintf("Template %d no longer exists on the portal and was removed from the Terraform state. "+
				"The next apply creates it again.", id))
		resp.State.RemoveResource(ctx)
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	state.fill(ctx, tpl, public, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// readTemplate reads template id and whether it is public. gone reports that the portal has no object
// with that id; any other failure goes to diags, with a nil tpl.
func (r *roomTemplateResource) readTemplate(ctx context.Context, id int64, diags *diag.Diagnostics) (tpl *docspace.Room, public, gone bool) {
	tpl, err := r.client.GetRoom(ctx, id)
	if docspace.IsNotFound(err) {
		return nil, false, true
	}
	if err != nil {
		addAPIError(diags, "Error reading room template", err)
		return nil, false, false
	}
	public, ok := r.templateAccess(ctx, tpl, diags)
	if !ok {
		return nil, false, false
	}
	return tpl, public, false
}

// templateAccess checks that tpl is a room template and reads whether it is public. ok is false after
// an error.
func (r *roomTemplateResource) templateAccess(ctx context.Context, tpl *docspace.Room, diags *diag.Diagnostics) (public, ok bool) {
	if !tpl.IsTemplate() {
		diags.AddError("Not a room template",
			fmt.Sprintf("DocSpace object %d is a room, not a room template. Manage it with the docspace_room resource.", tpl.ID))
		return false, false
	}
	public, err := r.client.TemplateIsPublic(ctx, tpl.ID)
	if err != nil {
		addAPIError(diags, "Error reading room template access", err)
		return false, false
	}
	return public, true
}

func (r *roomTemplateResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state roomTemplateModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	timeout, diags := plan.Timeouts.Update(ctx, defaultTemplateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id, ok := objectIDFromState(state.ID, &resp.Diagnostics)
	if !ok {
		return
	}
	// Terraform before 1.12 keeps no identity, so every read and update returns it.
	if identityIsNull(resp.Identity) {
		r.setObjectIdentity(ctx, resp.Identity, state.ID.ValueString(), &resp.Diagnostics)
	}
	// Templates are edited through the room endpoints (api-notes.md §17).
	var body docspace.UpdateRoomRequest
	changed := plan.addChanges(ctx, &state.sharedRoomModel, &body, &resp.Diagnostics)
	if changed {
		if _, err := r.client.UpdateRoom(ctx, id, body); err != nil {
			addAPIError(&resp.Diagnostics, "Error updating room template", err)
			return
		}
	}
	if isChange(plan.Public, state.Public) {
		if err := r.client.SetTemplatePublic(ctx, id, plan.Public.ValueBool()); err != nil {
			addAPIError(&resp.Diagnostics, "Error changing room template access", err)
			return
		}
	}
	plan.ID = state.ID
	tpl, public, gone := r.readTemplate(ctx, id, &resp.Diagnostics)
	if gone {
		resp.Diagnostics.AddError("Room template disappeared", fmt.Sprintf("Template %d was deleted during the update.", id))
	}
	if resp.Diagnostics.HasError() {
		return
	}
	plan.fill(ctx, tpl, public, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *roomTemplateResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state roomTemplateModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if !resp.Diagnostics.HasError() {
		deleteRoomOrTemplate(ctx, r.client, &state.sharedRoomModel, defaultTemplateTimeout, "room template", &resp.Diagnostics)
	}
}

func (r *roomTemplateResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importObject(ctx, req, resp)
}
