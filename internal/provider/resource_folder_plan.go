package provider

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// ValidateConfig requires exactly one of room_id and parent_id: the place the folder is made in.
func (r *folderResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config folderModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	switch {
	case config.RoomID.IsNull() && config.ParentID.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Missing folder location",
			"Set room_id for a folder directly in a room, or parent_id for a folder inside another folder.")
	case !config.RoomID.IsNull() && !config.ParentID.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("parent_id"), "Conflicting folder location",
			"Set either room_id (a folder directly in the room) or parent_id (a folder inside another folder), not both: "+
				"the room of a folder inside another folder is read from the portal.")
	}
}

// ModifyPlan shows, for a folder that is not where the configuration puts it (a person moved it, or the
// configuration names another place), the place the configuration wants, and warns that the apply will
// refuse it: the provider does not move folders, and never replaces one silently. Update refuses it.
// It also warns of a rename, a creation or a destroy the folder rights refuse the API key's user
// (api-notes.md §36): a warning, so that terraform destroy is never stopped by it.
func (r *folderResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		r.modifyNewOrDestroyedPlan(ctx, req, resp)
		return
	}
	var config, state folderModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if refused := folderMove(&config, &state); refused != nil {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("parent_id"), config.wantedParent())...)
		refused.warn(resp, false)
	}
	var plan folderModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if refused := folderRefused(ctx, req.Private); !plan.Title.IsUnknown() && !plan.Title.Equal(state.Title) && refused.Rename {
		folderChangeRefusal(path.Root("title"), state.ID.ValueString(), "rename", refused).warn(resp, false)
	}
}

// Rule sentences of the folder rights (api-notes.md §36), named in the diagnostics.
const (
	ruleFolderCreate = "only the room's owner, its room managers and its content creators may create folders in a room; " +
		"members with any other role (viewer, editor, reviewer, commenter, form filler) may not, nor a DocSpace admin who " +
		"is not a member, and nothing is created in an archived room"
	ruleFolderChange = "the room's owner and its room managers may rename and delete any folder of the room, a content " +
		"creator only the folders it created itself; nothing is changed in an archived room"
	waysOutFolder = "Ask the room's owner to make the API key's user a room manager of the room (or, for creating, a " +
		"content creator), or use an API key of the room's owner or of one of its room managers"
)

// folderCreateRefusal is the refusal of a new folder in the room or folder parent (attr names which),
// where the API key's user may not create.
func folderCreateRefusal(attr string, parent int64) *refusal {
	what := "room"
	if attr == "parent_id" {
		what = "folder"
	}
	return &refusal{at: path.Root(attr), summary: "The API key cannot create folders here",
		why: fmt.Sprintf("The portal would refuse to create the folder in %s %d with 403 (its security flag Create is "+
			"false for this key): %s. %s.", what, parent, ruleFolderCreate, waysOutFolder)}
}

// folderChangeRefusal is the refusal of what ("rename" or "delete") on folder id, which the API key's
// user may not change.
func folderChangeRefusal(at path.Path, id, what string, refused folderRefusals) *refusal {
	if refused.Archived {
		return &refusal{at: at, summary: "The folder's room is archived", why: fmt.Sprintf("Folder %s is in an archived room, "+
			"and the portal refuses to %s anything in an archived room. Restore the room first: set archived = false on its "+
			"docspace_room and apply, then %s the folder in a later apply.", id, what, what)}
	}
	flag := map[string]string{"rename": "Rename", "delete": "Delete"}[what]
	why := fmt.Sprintf("The portal would refuse to %s folder %s with 403 (its security flag %s is false for this key): %s. %s.",
		what, id, flag, ruleFolderChange, waysOutFolder)
	if what == "delete" {
		why += " To stop managing the folder without deleting it, remove it from the configuration with a removed block " +
			"(lifecycle { destroy = false })."
	}
	return &refusal{at: at, summary: "The API key cannot " + what + " this folder", why: why}
}

// privateFolderRefused holds, in a folder's private state, what its security flags refused the API
// key's user when it was last read: folderRefusals as JSON, or nothing when everything was allowed.
const privateFolderRefused = "folder_refused"

type folderRefusals struct {
	Rename bool `json:"rename,omitempty"`
	Delete bool `json:"delete,omitempty"`
	// Archived says why: the folder's room is archived (its section is the Archive).
	Archived bool `json:"archived,omitempty"`
}

// recordFolderRights keeps what f's security flags refuse in private state, and whether f's room is
// archived; a folder read without flags keeps what is known.
func recordFolderRights(ctx context.Context, private privateWriter, f *docspace.Folder, diags *diag.Diagnostics) {
	if f.Security == nil {
		return
	}
	var value []byte
	refused := folderRefusals{Rename: !f.Security["Rename"], Delete: !f.Security["Delete"], Archived: f.RootFolderType == docspace.SectionArchive}
	if refused.Rename || refused.Delete {
		value, _ = json.Marshal(refused)
	}
	diags.Append(private.SetKey(ctx, privateFolderRefused, value)...)
}

// folderRefused reads what the last read of the folder found refused.
func folderRefused(ctx context.Context, private privateData) folderRefusals {
	return privateValue[folderRefusals](ctx, private, privateFolderRefused)
}

// folderMove is the refusal of a folder whose parent on the portal (state) is not the one the
// configuration names, or nil.
func folderMove(config, state *folderModelV0) *refusal {
	want := config.wantedParent()
	if want == "" || want == state.ParentID.ValueString() {
		return nil
	}
	attr, keep := "parent_id", fmt.Sprintf("parent_id = %q", state.ParentID.ValueString())
	if config.ParentID.IsNull() {
		attr = "room_id"
		if state.ParentID.Equal(state.RoomID) {
			keep = fmt.Sprintf("room_id = %q", state.RoomID.ValueString())
		} else {
			keep = fmt.Sprintf("parent_id = %q instead of room_id", state.ParentID.ValueString())
		}
	}
	return &refusal{
		at:      path.Root(attr),
		summary: "Folder is not where the configuration puts it",
		why: fmt.Sprintf("Folder %s is in %s on the portal (room %s), but the configuration puts it in %s. The provider "+
			"does not move folders, and does not replace one with a new folder on its own. Move the folder back in DocSpace, "+
			"or set %s to keep it where it is. To make a new folder in %s instead, run terraform apply -replace on this "+
			"resource, which deletes this folder first (into the Trash unless permanent_delete is true).",
			state.ID.ValueString(), state.ParentID.ValueString(), state.RoomID.ValueString(), want, keep, want),
	}
}
