package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.Resource                   = (*fileResource)(nil)
	_ resource.ResourceWithConfigure      = (*fileResource)(nil)
	_ resource.ResourceWithImportState    = (*fileResource)(nil)
	_ resource.ResourceWithIdentity       = (*fileResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*fileResource)(nil)
	_ resource.ResourceWithValidateConfig = (*fileResource)(nil)
)

// defaultFileTimeout bounds each of create, update and delete unless `timeouts` says otherwise: an upload
// of a large file takes a while.
const defaultFileTimeout = 30 * time.Minute

// NewFileResource returns the docspace_file resource.
func NewFileResource() resource.Resource { return &fileResource{} }

type fileResource struct{ resourceBase }

func (r *fileResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_file"
}

func (r *fileResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan fileModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	folderID, _ := attributeID(plan.FolderID, "folder_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, defaultFileTimeout, &resp.Diagnostics)
	defer cancel()
	// Read again: a create is handed no private state from its plan.
	place, err := r.readPlace(ctx, folderID)
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Error reading room or folder %d, where the file goes", folderID), err)
		return
	}
	up, ok := prepareUpload(&plan, folderID, plan.Title.ValueString(), plan.Title, place.RoomType, &resp.Diagnostics)
	if !ok {
		return
	}
	f, err := r.client.CreateFile(ctx, up)
	if err != nil {
		var exists *docspace.FileExistsError
		if errors.As(err, &exists) {
			resp.Diagnostics.AddAttributeError(path.Root("title"), "A file with this title exists", fileExistsDetail(exists))
			return
		}
		if detail, ok := uploadErrorDetail(err, up.Size); ok {
			resp.Diagnostics.AddError("Error uploading the file", detail)
			return
		}
		// A file left by this creation is recorded; one left by an earlier, killed creation is named.
		r.addCreateError(ctx, req.Plan, resp, "docspace_file", "Error uploading the file", err)
		return
	}
	plan.ID = r.recordCreated(ctx, req.Plan, resp, formatObjectID(f.ID))
	plan.fill(f, place.RoomID)
	recordFile(ctx, resp.Private, fileRecord{Uploaded: f.Version, RoomType: place.RoomType, BeingEdited: f.EditState(), Refused: fileRights(f)}, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// prepareUpload reads the content m names once more, as the apply is about to send it: it must be what
// the plan was made for (content_sha256), and a form when the file goes into a form-filling room
// (roomType) under the planned title. It returns the upload into folder under title, with
// m.ContentSHA256 set; false after an error, before any call.
func prepareUpload(m *fileModelV0, folder int64, title string, planned types.String, roomType docspace.RoomType, diags *diag.Diagnostics) (docspace.Upload, bool) {
	content, known, err := m.content()
	if err == nil && !known {
		err = errors.New("the content is not known")
	}
	var digest contentDigest
	if err == nil {
		digest, err = content.digest()
	}
	if err != nil {
		diags.AddAttributeError(content.attr(), "Cannot read the content to upload", err.Error()+". Nothing was uploaded.")
		return docspace.Upload{}, false
	}
	if s := m.ContentSHA256; !s.IsUnknown() && !s.IsNull() && s.ValueString() != digest.sum {
		diags.AddAttributeError(content.attr(), "The content changed after the plan",
			fmt.Sprintf("The plan was made for content with SHA-256 %s, but %s now has SHA-256 %s. Nothing was uploaded; "+
				"run terraform apply again to plan the new content.", s.ValueString(), content.describe(), digest.sum))
		return docspace.Upload{}, false
	}
	if refused := fileFormRefusal(roomType, planned, digest.head, true, content.attr()); refused != nil {
		refused.refuse(diags) // warned of at plan time when the room and the content were known
		return docspace.Upload{}, false
	}
	m.ContentSHA256 = types.StringValue(digest.sum)
	return content.upload(folder, title, digest.size), true
}

// fileExistsDetail explains a creation refused because the folder holds a file of the title, and how to
// adopt that file.
func fileExistsDetail(e *docspace.FileExistsError) string {
	if e.ID == 0 {
		return fmt.Sprintf("Room or folder %d already holds a file titled %q (letter case aside). Nothing was uploaded: an "+
			"upload under a title the folder holds would become a new version of that file, or a second file with the "+
			"same title. Find the file's id (the docspace_file data source, or its address in DocSpace) and import it "+
			"with terraform import docspace_file.<name> <id>, or give this file another title.", e.FolderID, e.Title)
	}
	return fmt.Sprintf("Room or folder %d already holds file %d titled %q. Nothing was uploaded: an upload under a title "+
		"the folder holds would become a new version of that file, or a second file with the same title. To manage the "+
		"existing file, import it:\n\n  terraform import docspace_file.<name> %d\n\n(or an import block with id = "+
		"\"%d\"); the next apply then uploads the configured content as a new version of it. Or give this file another "+
		"title.", e.FolderID, e.ID, e.Title, e.ID, e.ID)
}

// uploadErrorDetail explains a failed upload of size bytes that a person can act on (api-notes.md §37);
// false for any other failure.
func uploadErrorDetail(err error, size int64) (string, bool) {
	switch {
	case errors.Is(err, docspace.ErrFormsOnly):
		return err.Error() + "\n\nThe file goes into a form-filling room, which accepts only ONLYOFFICE PDF forms. Save " +
			"the form as a PDF form from the ONLYOFFICE editor and upload that, or put this file into a room of another type.", true
	case errors.Is(err, docspace.ErrFileTooLarge):
		return fmt.Sprintf("%s\n\nThe portal does not accept a file of %d bytes here: the file is larger than the portal's "+
			"plan allows, or than the free space of the portal or of the room's quota. Free space, raise the room's quota, "+
			"or upload a smaller file.", err, size), true
	case errors.Is(err, docspace.ErrBeingEdited):
		return err.Error() + "\n\nNothing was uploaded: the portal would have made a second file with the same title " +
			"instead of a new version. Wait until the file is closed and unlocked in DocSpace, then apply again.", true
	}
	return "", false
}

// plannedPlace reads the room or folder a new file goes into (its room and the room's type), when the
// plan knows it; nil when it is not known yet or cannot be read (Create reads it again, and reports it).
func (r *fileResource) plannedPlace(ctx context.Context, folder types.String) *filePlace {
	if folder.IsUnknown() || folder.IsNull() {
		return nil
	}
	id, err := parseID(folder.ValueString())
	if err != nil {
		return nil
	}
	place, _ := r.readPlace(ctx, id)
	return place
}

// readPlace reads where room or folder id is: its room and the room's type, from the breadcrumbs of a
// one-entry content listing (the room is their second entry, api-notes.md §39; the listing works for
// rooms and folders alike), and from the room itself when the breadcrumbs do not carry its type.
func (r *fileResource) readPlace(ctx context.Context, id int64) (*filePlace, error) {
	crumbs, err := r.client.ContentBreadcrumbs(ctx, id)
	if err != nil {
		return nil, err
	}
	place := &filePlace{RoomID: crumbs[1].ID, RoomType: crumbs[1].RoomType}
	if place.RoomType == 0 {
		room, err := r.client.GetRoom(ctx, place.RoomID)
		if err != nil {
			return nil, err
		}
		place.RoomType = room.RoomType
	}
	return place, nil
}

func (r *fileResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state fileModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id, _ := r.idRestoringIdentity(ctx, state.ID, resp.Identity, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	f, err := r.client.GetFile(ctx, id)
	switch {
	case readFailed(ctx, resp, inRoom{noun: "file", nounTitle: "File", id: id, next: "uploads it again",
		removedBy: "it, or its room or folder, was deleted, or the room's lifetime setting removed it"}, err):
		return
	case f.InTrash():
		removeGone(ctx, resp, "File is in the Trash",
			fmt.Sprintf("File %d (%q) is in the Trash of the API key's user. It was removed from the Terraform state, and "+
				"the next apply uploads the file again. To keep the old one instead, restore it from the Trash in "+
				"DocSpace and import it: terraform import <address> %d.", id, f.Title, id))
		return
	}
	rec := fileRecorded(ctx, req.Private)
	var roomID int64
	if state.RoomID.IsNull() || state.RoomID.IsUnknown() || state.FolderID.ValueString() != formatObjectID(f.FolderID) {
		// Imported, or moved: learn the room and its type again (a room's type never changes).
		place, err := r.readPlace(ctx, f.FolderID)
		if err != nil {
			addAPIError(&resp.Diagnostics, "Error reading the file's room", err)
			return
		}
		roomID, rec.RoomType = place.RoomID, place.RoomType
	}
	switch {
	case state.ContentSHA256.IsNull():
		state.ContentSHA256 = types.StringValue(contentImported)
	case rec.Uploaded != 0 && f.Version > rec.Uploaded:
		edited := contentEditedInDocSpace(f.Version)
		if state.ContentSHA256.ValueString() != edited {
			resp.Diagnostics.AddWarning("File was changed in DocSpace",
				fmt.Sprintf("File %d (%q) is at version %d on the portal, but the version Terraform uploaded last is %d: "+
					"someone edited it in DocSpace or uploaded a new version. The next apply uploads the configured content "+
					"again, as a new version (the edited one stays in the file's version history). To keep the edits, "+
					"download the file and make it the configured content first.", id, f.Title, f.Version, rec.Uploaded))
		}
		state.ContentSHA256 = types.StringValue(edited)
	}
	state.fill(f, roomID)
	rec.BeingEdited, rec.Refused = f.EditState(), fileRights(f)
	recordFile(ctx, resp.Private, rec, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *fileResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state fileModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id, _ := r.idRestoringIdentity(ctx, state.ID, resp.Identity, &resp.Diagnostics)
	folderID, _ := attributeID(state.FolderID, "folder_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultFileTimeout, &resp.Diagnostics)
	defer cancel()
	if refused := fileReplacementRefusal(&plan, &state); refused != nil {
		refused.refuse(&resp.Diagnostics) // warned of at plan time
		return
	}
	rec := fileRecorded(ctx, req.Private)
	// The file as it is, with what only the configuration says.
	m := state
	m.Source, m.Content, m.ContentBase64 = plan.Source, plan.Content, plan.ContentBase64
	m.PermanentDelete, m.Timeouts = plan.PermanentDelete, plan.Timeouts
	if !plan.Title.Equal(state.Title) && (rec.Refused.Rename || rec.Refused.Archived) {
		fileChangeRefusal(path.Root("title"), state.ID.ValueString(), "rename", rec.Refused).refuse(&resp.Diagnostics) // warned of at plan time
		return
	}
	if !plan.ContentSHA256.Equal(state.ContentSHA256) {
		if refused := contentRefusal(&state, rec); refused != nil {
			refused.refuse(&resp.Diagnostics) // warned of at plan time
			return
		}
		m.ContentSHA256 = plan.ContentSHA256
		up, ok := prepareUpload(&m, folderID, state.Title.ValueString(), plan.Title, rec.RoomType, &resp.Diagnostics)
		if !ok {
			return
		}
		// When the plan could not read the content (it came from another resource), it may be what was
		// uploaded last: then there is nothing to upload.
		if !m.ContentSHA256.Equal(state.ContentSHA256) {
			f, err := r.client.UploadFileVersion(ctx, id, up)
			if detail, ok := uploadErrorDetail(err, up.Size); ok {
				resp.Diagnostics.AddError("Error uploading a new version of the file", detail)
				return
			}
			if err != nil {
				addAPIError(&resp.Diagnostics, "Error uploading a new version of the file", err)
				return
			}
			m.fill(f, 0)
			rec.Uploaded, rec.BeingEdited, rec.Refused = f.Version, f.EditState(), fileRights(f)
			recordFile(ctx, resp.Private, rec, &resp.Diagnostics)
			// Recorded before the rename, which may fail.
			resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
		}
	}
	if !plan.Title.Equal(state.Title) {
		f, err := r.client.RenameFile(ctx, id, plan.Title.ValueString())
		if err != nil {
			addAPIError(&resp.Diagnostics, "Error renaming the file", err)
			return
		}
		m.fill(f, 0)
		rec.Refused = fileRights(f)
		recordFile(ctx, resp.Private, rec, &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (r *fileResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state fileModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id, _ := attributeID(state.ID, "id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if rec := fileRecorded(ctx, req.Private); rec.Refused.Delete || rec.Refused.Archived {
		fileChangeRefusal(path.Root("id"), state.ID.ValueString(), "delete", rec.Refused).refuse(&resp.Diagnostics) // warned of at plan time
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, defaultFileTimeout, &resp.Diagnostics)
	defer cancel()
	if err := r.client.DeleteFile(ctx, id, state.PermanentDelete.ValueBool()); err != nil && !docspace.IsNotFound(err) {
		addAPIError(&resp.Diagnostics, "Error deleting the file", err)
	}
}

// ImportState imports a file by its id or by its identity; the next read fills in the rest. The
// content on the portal is not downloaded, so content_sha256 reads back as unknown to Terraform, and the
// first apply uploads the configured content as a new version.
func (r *fileResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.importObject(ctx, req, resp, "Find the id in the file's address in DocSpace (fileid=<id>) or with the docspace_file data source.")
}
