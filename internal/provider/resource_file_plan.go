package provider

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/pdfform"
)

// ValidateConfig refuses content_base64 that is not base64: the configuration alone shows it.
func (r *fileResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config fileModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() || config.ContentBase64.IsNull() || config.ContentBase64.IsUnknown() {
		return
	}
	if _, err := base64.StdEncoding.DecodeString(config.ContentBase64.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("content_base64"), "Invalid base64 content",
			fmt.Sprintf("content_base64 is not standard base64 (%s). Use filebase64(path) or base64encode(text), or source for a local file.", err))
	}
}

// fileReplacementRefusal is the refusal of a change only a new file could make, or nil: another place
// than where the file is on the portal (state), whether the configuration changed or a person moved it,
// or another extension, which the portal keeps on rename ("Plan.pdf" renamed to "Plan.docx" becomes
// "Plan.docx.pdf", api-notes.md §37). The provider replaces no file on its own: a replacement deletes it
// with its version history, and a form's filling with it.
func fileReplacementRefusal(plan, state *fileModelV0) *refusal {
	id := state.ID.ValueString()
	const replace = "To upload a new file instead, run terraform apply -replace on this resource, which deletes this " +
		"one first (into the Trash of the API key's user unless permanent_delete is true), with its version history."
	if !plan.FolderID.IsUnknown() && !plan.FolderID.Equal(state.FolderID) {
		return &refusal{at: path.Root("folder_id"), summary: "File is not where the configuration puts it",
			why: fmt.Sprintf("File %s is in room or folder %s on the portal, but the configuration puts it in %s. The provider "+
				"does not move files, and does not replace one on its own. Move the file back in DocSpace, or set folder_id = %q "+
				"to keep it where it is. %s", id, state.FolderID.ValueString(), plan.FolderID.ValueString(),
				state.FolderID.ValueString(), replace)}
	}
	if plan.Title.IsUnknown() {
		return nil
	}
	_, before := splitExtension(state.Title.ValueString())
	if _, after := splitExtension(plan.Title.ValueString()); !strings.EqualFold(before, after) {
		return &refusal{at: path.Root("title"), summary: "A file's extension cannot change",
			why: fmt.Sprintf("File %s is a %s file, and the portal keeps a file's extension when it is renamed: %q would "+
				"become %q. Keep the extension %s in the title. %s", id, before, plan.Title.ValueString(),
				plan.Title.ValueString()+before, before, replace)}
	}
	return nil
}

// ModifyPlan computes content_sha256 from the configured content (streaming source from disk), so new
// bytes show as a change and the apply uploads a new version; the portal's own attributes stay as they
// are when the content does not change. It reads the destination of a new file, and warns of what the
// apply will refuse: content that is no ONLYOFFICE form, or a title that is no .pdf, for a form-filling
// room, and new content for a file that is locked or open in an editor (api-notes.md §37).
func (r *fileResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		// Destroy: only whether the portal would refuse it.
		if rec := fileRecorded(ctx, req.Private); rec.Refused.Delete || rec.Refused.Archived {
			var id types.String
			resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
			fileChangeRefusal(path.Root("id"), id.ValueString(), "delete", rec.Refused).warn(resp, false)
		}
		return
	}
	var config, plan fileModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var state *fileModelV0
	if !req.State.Raw.IsNull() {
		state = &fileModelV0{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	content, known, err := config.content()
	var digest contentDigest
	if known && err == nil {
		digest, err = content.digest()
	}
	if err != nil {
		resp.Diagnostics.AddAttributeWarning(content.attr(), "Cannot read the content to upload",
			fmt.Sprintf("%s. The apply will fail unless the file can be read then.\n\n(A warning, not an error, so that it "+
				"does not stop terraform destroy.)", err))
		known = false
	}
	plan.ContentSHA256 = types.StringUnknown()
	if known {
		plan.ContentSHA256 = types.StringValue(digest.sum)
	}
	newContent := state == nil || !plan.ContentSHA256.Equal(state.ContentSHA256)
	if state != nil {
		if newContent {
			// The address names the version (api-notes.md §39).
			plan.Version, plan.Size, plan.IsForm, plan.WebURL = types.Int64Unknown(), types.Int64Unknown(), types.BoolUnknown(), types.StringUnknown()
		} else {
			plan.Version, plan.Size, plan.IsForm, plan.WebURL = state.Version, state.Size, state.IsForm, state.WebURL
		}
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
	if r.client == nil || resp.Diagnostics.HasError() {
		return
	}
	var head []byte
	if known {
		head = digest.head
	}
	if state == nil {
		if place := r.plannedPlace(ctx, plan.FolderID); place != nil {
			if refused := fileFormRefusal(place.RoomType, plan.Title, head, known, content.attr()); refused != nil {
				refused.warn(resp, false)
			}
		}
		return
	}
	if refused := fileReplacementRefusal(&plan, state); refused != nil {
		refused.warn(resp, false)
	}
	recorded := fileRecorded(ctx, req.Private)
	if !plan.Title.IsUnknown() && !plan.Title.Equal(state.Title) && (recorded.Refused.Rename || recorded.Refused.Archived) {
		fileChangeRefusal(path.Root("title"), state.ID.ValueString(), "rename", recorded.Refused).warn(resp, false)
	}
	if !newContent {
		return
	}
	if refused := contentRefusal(state, recorded); refused != nil {
		refused.warn(resp, false)
	}
	if recorded.RoomType == docspace.RoomTypeFillingForms {
		if refused := fileFormRefusal(recorded.RoomType, plan.Title, head, known, content.attr()); refused != nil {
			refused.warn(resp, false)
			return
		}
		resp.Diagnostics.AddAttributeWarning(path.Root("content_sha256"), "A new version of a form",
			fmt.Sprintf("File %s is a form in a form-filling room. Its new version stops any filling of the form that has "+
				"started, and the portal deletes the drafts linked to it; filled-in copies already in the room's Complete "+
				"folder stay.", state.ID.ValueString()))
	}
}

// filePlace is what a new file's checks need of the room or folder it goes into.
type filePlace struct {
	RoomID   int64
	RoomType docspace.RoomType
}

// fileFormRefusal is the refusal of a file for a room of type roomType that is a form-filling room: a
// title without .pdf, or content (whose first bytes are head, when known) without the ONLYOFFICE form
// signature (api-notes.md §37), reported on the attribute content that names the content. Nil for other
// rooms, and for a form.
func fileFormRefusal(roomType docspace.RoomType, title types.String, head []byte, known bool, content path.Path) *refusal {
	if roomType != docspace.RoomTypeFillingForms {
		return nil
	}
	if !title.IsUnknown() && !strings.HasSuffix(title.ValueString(), ".pdf") {
		return &refusal{at: path.Root("title"), summary: "A form-filling room takes only PDF forms",
			why: fmt.Sprintf("The destination is in a form-filling room, which accepts only ONLYOFFICE PDF forms, and the "+
				"title %q does not end in .pdf. Give the form a title ending in .pdf, or put this file into a room of "+
				"another type.", title.ValueString())}
	}
	if known && !pdfform.Signed(head) {
		return &refusal{at: content, summary: "Not an ONLYOFFICE PDF form",
			why: fmt.Sprintf("The destination is in a form-filling room, which accepts only ONLYOFFICE PDF forms, and the "+
				"content is none: its first %d bytes lack the form signature (the portal would answer with an internal "+
				"error). Save the form as a PDF form from the ONLYOFFICE editor and upload that, or put this file into a "+
				"room of another type.", pdfform.HeadSize)}
	}
	return nil
}

// fileEditedRefusal is the refusal of new content for file id, which is locked or open in an editor
// (who says by whom or how): an upload would make a second file with the same title (api-notes.md §37).
func fileEditedRefusal(id, who string) *refusal {
	return &refusal{at: path.Root("content_sha256"), summary: "The file is being edited",
		why: fmt.Sprintf("File %s is %s. The portal cannot take a new version of it now: an upload would make a second "+
			"file with the same title instead. Wait until it is closed and unlocked in DocSpace, then apply again.", id, who)}
}

// privateFileRecorded holds, in a file's private state, what the provider knows of the file beyond its
// attributes: fileRecord as JSON.
const privateFileRecorded = "file"

// fileRecord is what the last upload and the last read found.
type fileRecord struct {
	// Uploaded is the version the provider uploaded last; 0 when unknown (imported).
	Uploaded int `json:"uploaded,omitempty"`
	// RoomType is the type of the file's room, read when the file was created or imported (api-notes.md §39).
	RoomType docspace.RoomType `json:"room_type,omitempty"`
	// BeingEdited says why the file cannot take a new version ("locked by …", "open in an editor"), or "".
	BeingEdited string `json:"being_edited,omitempty"`
	// Refused is what the file's security flags refuse the API key's user (api-notes.md §37).
	Refused fileRefusals `json:"refused,omitempty"`
}

// fileRefusals are the changes of a file its security flags refused the API key's user when it was last
// read, and whether its room is archived (which is why, then).
type fileRefusals struct {
	Edit     bool `json:"edit,omitempty"`
	Rename   bool `json:"rename,omitempty"`
	Delete   bool `json:"delete,omitempty"`
	Archived bool `json:"archived,omitempty"`
}

// fileRights is what f's security flags refuse; a file read without flags refuses nothing.
func fileRights(f *docspace.File) fileRefusals {
	if f.Security == nil {
		return fileRefusals{}
	}
	return fileRefusals{Edit: !f.Security["Edit"], Rename: !f.Security["Rename"], Delete: !f.Security["Delete"],
		Archived: f.RootFolderType == docspace.SectionArchive}
}

// Rule sentences of the file rights (api-notes.md §37), named in the diagnostics.
const (
	ruleFileEdit = "a new version takes the room's owner, a room manager, a content creator or an editor of the room, " +
		"never a guest, and nothing is changed in an archived room"
	ruleFileChange = "the room's owner and its room managers may rename and delete any file of the room, a content " +
		"creator only the files it uploaded itself; nothing is changed in an archived room"
	waysOutFile = "Ask the room's owner to make the API key's user a room manager of the room, or use an API key of " +
		"the room's owner or of one of its room managers"
)

// fileChangeRefusal is the refusal of what ("upload", "rename" or "delete") on file id, which the API
// key's user may not do.
func fileChangeRefusal(at path.Path, id, what string, refused fileRefusals) *refusal {
	verb := map[string]string{"upload": "upload a new version of", "rename": "rename", "delete": "delete"}[what]
	if refused.Archived {
		return &refusal{at: at, summary: "The file's room is archived", why: fmt.Sprintf("File %s is in an archived room, "+
			"and the portal refuses to change anything in an archived room. Restore the room first: set archived = false on "+
			"its docspace_room and apply, then %s the file in a later apply.", id, verb)}
	}
	if what == "upload" {
		return &refusal{at: at, summary: "The API key cannot upload a new version of this file",
			why: fmt.Sprintf("The portal would not take a new version of file %s from the API key's user (its security flag "+
				"Edit is false for this key): %s. An upload of its title would make a second file instead. %s, or an "+
				"editor or content creator of it.", id, ruleFileEdit, waysOutFile)}
	}
	flag := map[string]string{"rename": "Rename", "delete": "Delete"}[what]
	why := fmt.Sprintf("The portal would refuse to %s file %s with 403 (its security flag %s is false for this key): %s. %s.",
		what, id, flag, ruleFileChange, waysOutFile)
	if what == "delete" {
		why += " To stop managing the file without deleting it, remove it from the configuration with a removed block " +
			"(lifecycle { destroy = false })."
	}
	return &refusal{at: at, summary: "The API key cannot " + what + " this file", why: why}
}

// contentRefusal is the refusal of new content for the file of state, as rec recorded it, or nil.
func contentRefusal(state *fileModelV0, rec fileRecord) *refusal {
	switch {
	case rec.BeingEdited != "":
		return fileEditedRefusal(state.ID.ValueString(), rec.BeingEdited)
	case rec.Refused.Edit || rec.Refused.Archived:
		return fileChangeRefusal(path.Root("content_sha256"), state.ID.ValueString(), "upload", rec.Refused)
	}
	return nil
}

func fileRecorded(ctx context.Context, private privateData) fileRecord {
	return privateValue[fileRecord](ctx, private, privateFileRecorded)
}

func recordFile(ctx context.Context, private privateWriter, rec fileRecord, diags *diag.Diagnostics) {
	raw, _ := json.Marshal(rec)
	diags.Append(private.SetKey(ctx, privateFileRecorded, raw)...)
}
