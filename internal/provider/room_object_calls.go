package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// Rooms and templates are both room objects on the portal, read and deleted through the room endpoints
// (api-notes.md §14, §17).

// readRoomObject reads the room, or with template set the template, id for a refresh. gone reports a
// 404; any other failure, or an object of the other kind, goes to diags with a nil answer.
func readRoomObject(ctx context.Context, client *docspace.Client, id int64, template bool, diags *diag.Diagnostics) (obj *docspace.Room, gone bool) {
	obj, err := client.GetRoom(ctx, id)
	switch {
	case docspace.IsNotFound(err):
		return nil, true
	case err != nil:
		addAPIError(diags, "Error reading "+roomObjectNoun(template), err)
		return nil, false
	case !isRoomObjectKind(obj, template, diags):
		return nil, false
	}
	return obj, false
}

// isRoomObjectKind reports whether obj is a template when template is set, and a room otherwise. The
// other kind is an error that names the resource that manages it.
func isRoomObjectKind(obj *docspace.Room, template bool, diags *diag.Diagnostics) bool {
	if obj.IsTemplate() == template {
		return true
	}
	manager := "docspace_room_template"
	if template {
		manager = "docspace_room"
	}
	diags.AddError("Not a "+roomObjectNoun(template),
		fmt.Sprintf("DocSpace object %d is a %s, not a %s. Manage it with the %s resource.",
			obj.ID, roomObjectNoun(!template), roomObjectNoun(template), manager))
	return false
}

func roomObjectNoun(template bool) string {
	if template {
		return "room template"
	}
	return "room"
}

// deleteRoomOrTemplate deletes the room or template in req's state and waits until it is gone
// (api-notes.md §11), unless its deletion protection is on. It reads only the three attributes it
// needs, so rooms and templates share it whatever else their models hold.
func deleteRoomOrTemplate(ctx context.Context, client *docspace.Client, req resource.DeleteRequest, resp *resource.DeleteResponse, defaultTimeout time.Duration, noun string) {
	diags := &resp.Diagnostics
	var id types.String
	var protected types.Bool
	var t timeouts.Value
	diags.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	diags.Append(req.State.GetAttribute(ctx, deletionProtectionPath, &protected)...)
	diags.Append(req.State.GetAttribute(ctx, path.Root("timeouts"), &t)...)
	if diags.HasError() {
		return
	}
	if protected.ValueBool() {
		refuseProtectedDelete(noun, diags)
		return
	}
	ctx, cancel := withTimeout(ctx, t.Delete, defaultTimeout, diags)
	defer cancel()
	objectID, ok := attributeID(id, "id", diags)
	if !ok || diags.HasError() {
		return
	}
	if err := client.DeleteRoom(ctx, objectID); err != nil {
		addAPIError(diags, "Error deleting "+noun, err)
	}
}
