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
	var configuredRoomID types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("room_id"), &configuredRoomID)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if refused := missingSourceRoom(configuredRoomID); refused != nil {
		refused.refuse(&resp.Diagnostics) // warned of at plan time
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, defaultTemplateTimeout, &resp.Diagnostics)
	defer cancel()
	if plan.ShareUserIDs.IsUnknown() {
		plan.ShareUserIDs = types.SetNull(types.StringType)
	}
	if plan.ShareGroupIDs.IsUnknown() {
		plan.ShareGroupIDs = types.SetNull(types.StringType)
	}
	// The sharing is worked out before the job, so that a subject the portal would refuse creates nothing.
	// It is granted by id once the template exists, by the call that changes it later (api-notes.md §15).
	invitations := r.shareChanges(ctx, &plan, sharingBefore(&plan, nil), &resp.Diagnostics)
	roomID, _ := attributeID(plan.RoomID, "room_id", &resp.Diagnostics)
	body := docspace.CreateTemplateRequest{
		RoomID:   roomID,
		Title:    plan.Title.ValueString(),
		CopyLogo: knownBool(plan.CopyLogo),
		Public:   knownBool(plan.Public),
		Tags:     stringsFromSet(ctx, plan.Tags, &resp.Diagnostics),
		Color:    plan.Color.ValueString(),
		Cover:    plan.Cover.ValueString(),
		Quota:    knownInt64(plan.Quota),
	}
	if resp.Diagnostics.HasError() {
		return
	}
	tpl, err := r.client.CreateTemplate(ctx, body)
	if err != nil {
		r.addCreateError(ctx, req.Plan, resp, "docspace_room_template", "Error creating room template", err)
		return
	}
	plan.ID = r.recordCreated(ctx, req.Plan, resp, formatObjectID(tpl.ID))
	ctx, cancelRest := afterCreation(ctx)
	defer cancelRest()
	if !isRoomObjectKind(tpl, true, &resp.Diagnostics) {
		return
	}
	public, ok := r.isPublic(ctx, tpl.ID, &resp.Diagnostics)
	if !ok {
		return
	}
	plan.fill(ctx, tpl, public, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.ShareTemplate(ctx, tpl.ID, invitations); err != nil {
		// The template stays recorded, with no sharing: after `terraform untaint` the next apply grants it.
		plan.ShareUserIDs, plan.ShareGroupIDs = types.SetNull(types.StringType), types.SetNull(types.StringType)
		addAPIError(&resp.Diagnostics, "Error sharing the new room template", fmt.Errorf("template %d was created, but "+
			"sharing it failed: %w. The template is recorded in the state and marked tainted: the next apply replaces it, "+
			"or run terraform untaint and the next apply shares it again", tpl.ID, err))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *roomTemplateResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roomTemplateModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ok := r.idRestoringIdentity(ctx, state.ID, resp.Identity, &resp.Diagnostics)
	if !ok {
		return
	}
	tpl, public, gone := r.readTemplate(ctx, id, &resp.Diagnostics)
	if gone {
		removeGone(ctx, resp, "Room template not found",
			fmt.Sprintf("Template %d no longer exists on the portal and was removed from the Terraform state. "+
				"The next apply creates it again.", id))
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
	tpl, gone = readRoomObject(ctx, r.client, id, true, diags)
	if tpl == nil {
		return nil, false, gone
	}
	public, ok := r.isPublic(ctx, id, diags)
	if !ok {
		return nil, false, false
	}
	return tpl, public, false
}

// isPublic reads whether template id is public. ok is false after an error.
func (r *roomTemplateResource) isPublic(ctx context.Context, id int64, diags *diag.Diagnostics) (public, ok bool) {
	public, err := r.client.TemplateIsPublic(ctx, id)
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
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultTemplateTimeout, &resp.Diagnostics)
	defer cancel()
	id, ok := r.idRestoringIdentity(ctx, state.ID, resp.Identity, &resp.Diagnostics)
	if !ok || resp.Diagnostics.HasError() {
		return
	}
	// The sharing is worked out first, so that a subject the portal would refuse changes nothing.
	if plan.ShareUserIDs.IsUnknown() {
		plan.ShareUserIDs = state.ShareUserIDs
	}
	if plan.ShareGroupIDs.IsUnknown() {
		plan.ShareGroupIDs = state.ShareGroupIDs
	}
	invitations := r.shareChanges(ctx, &plan, sharingBefore(&plan, &state), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
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
	// A public toggle, either way, revokes every share of the template (api-notes.md §18): the shares are
	// then granted anew from nothing.
	if isChange(plan.Public, state.Public) {
		if err := r.client.SetTemplatePublic(ctx, id, plan.Public.ValueBool()); err != nil {
			addAPIError(&resp.Diagnostics, "Error changing room template access", err)
			return
		}
	}
	if err := r.client.ShareTemplate(ctx, id, invitations); err != nil {
		addAPIError(&resp.Diagnostics, "Error changing who may use the room template", err)
		return
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

// shareChanges turns the difference between the shares of prior and plan into the entries of one
// sharing request, by id: read access for what plan adds, none for what it removes. A subject the plan
// adds that the portal would refuse or skip (api-notes.md §29) is an error on its attribute, and nothing
// is returned then. What is removed needs no check: revoking a subject that no longer exists does nothing.
func (r *roomTemplateResource) shareChanges(ctx context.Context, plan, prior *roomTemplateModelV0, diags *diag.Diagnostics) []docspace.Invitation {
	var out []docspace.Invitation
	addedUsers, removedUsers := setDifference(ctx, plan.ShareUserIDs, prior.ShareUserIDs, diags)
	addedGroups, removedGroups := setDifference(ctx, plan.ShareGroupIDs, prior.ShareGroupIDs, diags)
	for _, id := range addedUsers {
		if r.templateUser(ctx, id, diags) {
			out = append(out, docspace.Invitation{ID: id, Access: docspace.FileShareRead})
		}
	}
	for _, id := range addedGroups {
		_, err := r.client.GetGroup(ctx, id)
		switch {
		case docspace.IsNotFound(err):
			diags.AddAttributeError(path.Root("share_group_ids"), "Unknown group",
				fmt.Sprintf("Group %s does not exist; the portal silently ignores sharing with deleted groups. Remove it from share_group_ids.", id))
		case err != nil:
			addAPIError(diags, "Error looking up group "+id, err)
		default:
			out = append(out, docspace.Invitation{ID: id, Access: docspace.FileShareRead})
		}
	}
	for _, id := range append(removedUsers, removedGroups...) {
		out = append(out, docspace.Invitation{ID: id, Access: docspace.FileShareNone})
	}
	if diags.HasError() {
		return nil
	}
	return out
}

// templateUser reads the user with id and checks that the portal lets them use a template: only active
// DocSpace admins and room admins (api-notes.md §29). It reports false after adding an error.
func (r *roomTemplateResource) templateUser(ctx context.Context, id string, diags *diag.Diagnostics) bool {
	at := path.Root("share_user_ids")
	u, err := r.client.GetUser(ctx, id)
	switch {
	case docspace.IsNotFound(err):
		diags.AddAttributeError(at, "Unknown user", fmt.Sprintf("No portal user has the id %s. A template can be shared "+
			"only with existing DocSpace admins and room admins: remove the id from share_user_ids, or invite the person "+
			"to the portal first and use the id the docspace_user data source reports.", id))
		return false
	case docspace.IsForbidden(err):
		diags.AddAttributeError(at, "User not visible", fmt.Sprintf("The API key's user may not see user %s, and the "+
			"portal ignores sharing with users the caller may not see. %s", id, accountsReadRefused))
		return false
	case err != nil:
		addAPIError(diags, "Error looking up user "+id, err)
		return false
	}
	switch t := u.Type(); {
	case t != docspace.EmployeeTypeDocSpaceAdmin && t != docspace.EmployeeTypeRoomAdmin:
		diags.AddAttributeError(at, "User cannot use templates", fmt.Sprintf("User %s (%s) is of type %q. The portal "+
			"lets only DocSpace admins and room admins use a template, and refuses the whole sharing request otherwise. "+
			"Remove the id from share_user_ids, or change the user's type in DocSpace.", id, u.Email, userTypeName(t)))
		return false
	case u.Status == docspace.EmployeeStatusTerminated:
		diags.AddAttributeError(at, "Terminated user", fmt.Sprintf("User %s (%s) is terminated, and the portal silently "+
			"ignores sharing with terminated users. Remove the id from share_user_ids, or reactivate the user.", id, u.Email))
		return false
	}
	return true
}

func (r *roomTemplateResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteRoomOrTemplate(ctx, r.client, req, resp, defaultTemplateTimeout, "room template")
}

func (r *roomTemplateResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importObject(ctx, req, resp, "Find the id with the docspace_templates data source.")
}
