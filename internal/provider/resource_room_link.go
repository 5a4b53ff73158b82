package provider

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.Resource                   = (*roomLinkResource)(nil)
	_ resource.ResourceWithConfigure      = (*roomLinkResource)(nil)
	_ resource.ResourceWithImportState    = (*roomLinkResource)(nil)
	_ resource.ResourceWithIdentity       = (*roomLinkResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*roomLinkResource)(nil)
	_ resource.ResourceWithValidateConfig = (*roomLinkResource)(nil)
)

// NewRoomLinkResource returns the docspace_room_link resource.
func NewRoomLinkResource() resource.Resource { return &roomLinkResource{} }

type roomLinkResource struct{ resourceBase }

func (r *roomLinkResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_link"
}

func (r *roomLinkResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan roomLinkModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	password := secretToSend(ctx, req.Config, "password", plan.Password, &resp.Diagnostics)
	roomID, _ := attributeID(plan.RoomID, "room_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if refused := pastExpiry(plan.ExpirationDate, time.Now()); refused != nil {
		refused.refuse(&resp.Diagnostics) // warned of at plan time
		return
	}
	linkID := ""
	if plan.Primary.ValueBool() {
		var err error
		linkID, err = r.primaryLinkID(ctx, roomID)
		if err != nil {
			addAPIError(&resp.Diagnostics, "Error finding the room's primary link", err)
			return
		}
	} else {
		// The provider picks the id and records it before the call, so a retried or interrupted create
		// updates this same link instead of adding a second one (api-notes.md §22).
		linkID = newLinkID()
	}
	plan.LinkID = types.StringValue(linkID)
	plan.ID = types.StringValue(plan.RoomID.ValueString() + "/" + linkID)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("room_id"), plan.RoomID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("link_id"), plan.LinkID)...)
	r.setLinkIdentity(ctx, resp.Identity, plan.RoomID.ValueString(), linkID, &resp.Diagnostics)

	if refused := r.apply(ctx, roomID, &plan, password, "Error creating room link", &resp.Diagnostics); refused {
		resp.State.RemoveResource(ctx) // refused outright: nothing was created
	}
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	}
}

func (r *roomLinkResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roomLinkModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	roomID, _ := attributeID(state.RoomID, "room_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	restoreIdentity(resp.Identity, func() {
		r.setLinkIdentity(ctx, resp.Identity, state.RoomID.ValueString(), state.LinkID.ValueString(), &resp.Diagnostics)
	})
	// Never GET /rooms/{id}/link here: it creates a primary link when there is none (api-notes.md §23).
	link, err := r.client.GetRoomLink(ctx, roomID, state.LinkID.ValueString())
	if docspace.IsNotFound(err) {
		// The portal answers 200 with an empty list to a caller who may not see the room's links, so a
		// missing link is proof of deletion only for a caller who can (api-notes.md §23).
		if why := r.whyLinkIsInvisible(ctx, roomID); why != "" {
			resp.Diagnostics.AddError("Cannot tell whether the room link still exists",
				fmt.Sprintf("Link %s was not in the portal's list of the room's links, but %s The link was kept in "+
					"the Terraform state.\n\n%s.", state.ID.ValueString(), why, waysOutManageRoom))
			return
		}
		removeGone(ctx, resp, "Room link not found",
			fmt.Sprintf("Link %s (or its room) no longer exists and was removed from the Terraform state; the next apply creates it again.", state.ID.ValueString()))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading room link", err)
		return
	}
	// Right after an import the state cannot tell a plain password from a write-only one; the portal's
	// password is recorded, and a configuration using password_wo shows it as a removal to apply once.
	imported, diags := req.Private.GetKey(ctx, privateImported)
	resp.Diagnostics.Append(diags...)
	keepPassword := !state.Password.IsNull() || imported != nil
	state.fill(link)
	if keepPassword {
		state.recordPassword(link)
	}
	// The plan that follows an import learns of it through privateAdopted; the next refresh forgets it.
	adopted, diags := req.Private.GetKey(ctx, privateAdopted)
	resp.Diagnostics.Append(diags...)
	if imported != nil {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateImported, nil)...)
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateAdopted, []byte(`true`))...)
	} else if adopted != nil {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateAdopted, nil)...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *roomLinkResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state roomLinkModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	password := secretToSend(ctx, req.Config, "password", plan.Password, &resp.Diagnostics)
	roomID, _ := attributeID(state.RoomID, "room_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if refused := pastExpiry(plan.ExpirationDate, time.Now()); refused != nil {
		refused.refuse(&resp.Diagnostics) // warned of at plan time
		return
	}
	restoreIdentity(resp.Identity, func() {
		r.setLinkIdentity(ctx, resp.Identity, state.RoomID.ValueString(), state.LinkID.ValueString(), &resp.Diagnostics)
	})
	plan.ID, plan.LinkID = state.ID, state.LinkID
	if isUnmanaged(ctx, req.Private) {
		unmanagedRoom(path.Root("room_id"), roomID, "link changes").refuse(&resp.Diagnostics)
		return
	}
	// The portal replaces the whole link on every call, so the complete desired state is sent.
	r.apply(ctx, roomID, &plan, password, "Error updating room link", &resp.Diagnostics)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	}
}

func (r *roomLinkResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state roomLinkModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	roomID, _ := attributeID(state.RoomID, "room_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	// Access None removes the link. A public or form-filling room answers by issuing a new primary link.
	_, err := r.client.SetRoomLink(ctx, roomID, docspace.SetLinkRequest{
		LinkID:   state.LinkID.ValueString(),
		Access:   docspace.FileShareNone,
		LinkType: linkTypes[state.LinkType.ValueString()],
	})
	if docspace.IsForbidden(err) && r.linkIsGone(ctx, roomID, state.LinkID.ValueString()) {
		return
	}
	if err != nil && !docspace.IsNotFound(err) {
		addAPIError(&resp.Diagnostics, "Error deleting room link", err)
	}
}

// linkIsGone tells whether a link the portal refused to remove with 403 no longer exists. The portal
// takes access None with an id it does not know for a create, which it refuses in a room at its link
// limit (api-notes.md §22): a link deleted outside Terraform in a full room cannot be "removed" again.
// It is gone when the room is, or when a caller who may manage the room's links does not see it.
func (r *roomLinkResource) linkIsGone(ctx context.Context, roomID int64, linkID string) bool {
	_, err := r.client.GetRoomLink(ctx, roomID, linkID)
	return docspace.IsNotFound(err) && r.whyLinkIsInvisible(ctx, roomID) == ""
}

func (r *roomLinkResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !r.importIDFromIdentity(ctx, &req, &linkIdentityModel{}, &resp.Diagnostics) {
		return
	}
	roomPart, linkPart, ok := importInRoom(ctx, req, resp, "link_id",
		"List a room's links with GET /api/2.0/files/rooms/<room_id>/links.", func(part string) bool { return part != "" })
	if !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("link_id"), linkPart)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateImported, []byte(`true`))...)
	r.setLinkIdentity(ctx, resp.Identity, roomPart, linkPart, &resp.Diagnostics)
}

// whyLinkIsInvisible explains why a link missing from the room's list may still exist: the caller
// cannot read the room, or may not manage its links. It returns "" when the room is gone (the link went
// with it) or when the caller can manage the links (the link is gone).
func (r *roomLinkResource) whyLinkIsInvisible(ctx context.Context, roomID int64) string {
	room, err := r.client.GetRoom(ctx, roomID)
	switch {
	case docspace.IsNotFound(err):
		return ""
	case docspace.IsForbidden(err):
		return fmt.Sprintf("the API key's user may not read room %d (the portal answered 403), and the portal "+
			"shows such users an empty list of links.", roomID)
	case err != nil:
		return fmt.Sprintf("reading room %d to check failed: %v.", roomID, err)
	case !room.CanManageLinks():
		return fmt.Sprintf("the API key's user can read room %d without the right to manage its links (the room's "+
			"canShare and security.EditAccess are false), and the portal shows such users an empty list of links: %s.", roomID, ruleManageRoom)
	}
	return ""
}

// privateImported marks a link whose next Read follows an import; privateAdopted, one whose next plan does.
const (
	privateImported = "imported"
	privateAdopted  = "adopted"
)

// apply sends the desired link and copies back what the portal kept. It reports an error when the portal
// refused the link (refused is then true: a 4xx means nothing was written) or silently skipped part of it.
func (r *roomLinkResource) apply(ctx context.Context, roomID int64, m *roomLinkModelV0, password, summary string, diags *diag.Diagnostics) (refused bool) {
	link, err := r.put(ctx, roomID, m, password)
	if err != nil {
		r.addLinkError(ctx, diags, summary, roomID, m, err)
		status := docspace.StatusCode(err)
		return status >= 400 && status < 500
	}
	if problem := skippedChanges(m, password, link); problem != "" {
		diags.AddError("The portal did not apply the link settings", problem)
		return false
	}
	keepPassword := !m.Password.IsNull()
	m.fill(link)
	if keepPassword {
		m.recordPassword(link)
	}
	return false
}

// put sends the complete desired state of the link.
func (r *roomLinkResource) put(ctx context.Context, roomID int64, m *roomLinkModelV0, password string) (*docspace.Link, error) {
	body := docspace.SetLinkRequest{
		LinkID:       m.LinkID.ValueString(),
		Access:       accessRoles[m.Access.ValueString()],
		LinkType:     linkTypes[m.LinkType.ValueString()],
		Title:        m.Title.ValueString(),
		Password:     password,
		DenyDownload: m.DenyDownload.ValueBool(),
		Internal:     m.Internal.ValueBool(),
	}
	if !m.ExpirationDate.IsNull() && !m.ExpirationDate.IsUnknown() {
		at, _ := m.ExpirationDate.ValueRFC3339Time()
		body.ExpirationDate = &docspace.Time{Time: at}
	}
	if !m.MaxUseCount.IsNull() && !m.MaxUseCount.IsUnknown() {
		n := int(m.MaxUseCount.ValueInt64())
		body.MaxUseCount = &n
	}
	link, err := r.client.SetRoomLink(ctx, roomID, body)
	if err == nil && link == nil {
		err = fmt.Errorf("the portal returned no link for %d/%s", roomID, body.LinkID)
	}
	return link, err
}

// primaryLinkID finds the room's primary external link, creating it in custom rooms, which get one only on request.
func (r *roomLinkResource) primaryLinkID(ctx context.Context, roomID int64) (string, error) {
	external := docspace.LinkTypeExternal
	links, err := r.client.ListRoomLinks(ctx, roomID, &external)
	if err != nil {
		return "", err
	}
	for _, l := range links {
		if l.SubjectType == docspace.SubjectPrimaryExternalLink || l.Shared.Primary {
			return l.Shared.ID, nil
		}
	}
	link, err := r.client.EnsurePrimaryLink(ctx, roomID)
	if err != nil {
		return "", err
	}
	return link.Shared.ID, nil
}

// addLinkError reports a refused link with the rule it broke, when the room's type explains it.
func (r *roomLinkResource) addLinkError(ctx context.Context, diags *diag.Diagnostics, summary string, roomID int64, m *roomLinkModelV0, err error) {
	if docspace.IsForbidden(err) {
		if room, getErr := r.client.GetRoom(ctx, roomID); getErr == nil {
			if !room.CallerMayManage() {
				unmanagedRoom(path.Root("room_id"), roomID, "link changes").refuse(diags)
				return
			}
			var apiErr *docspace.APIError
			msg := ""
			if errors.As(err, &apiErr) {
				msg = apiErr.Message
			}
			if why := explainLinkRejection(room.RoomType, m.LinkType.ValueString(), m.Access.ValueString(), msg); why != "" {
				diags.AddAttributeError(path.Root("access"), summary, fmt.Sprintf("Room %d refuses this link: %s", roomID, why))
				return
			}
		}
	}
	addAPIError(diags, summary, err)
}

// skippedChanges compares what was sent with what the portal kept. The portal skips some changes
// without an error (api-notes.md §22), and may force `internal`.
func skippedChanges(m *roomLinkModelV0, password string, link *docspace.Link) string {
	var problems []string
	if !m.Title.IsNull() && !m.Title.IsUnknown() && link.Shared.Title != m.Title.ValueString() {
		problems = append(problems, fmt.Sprintf("title is %q, not %q", link.Shared.Title, m.Title.ValueString()))
	}
	if !m.Internal.IsNull() && !m.Internal.IsUnknown() && link.Shared.Internal != m.Internal.ValueBool() {
		problem := fmt.Sprintf("internal is forced to %t for this room", link.Shared.Internal)
		if !link.CanEditInternal {
			problem += " (public rooms and virtual data rooms do not let links change it; a request that tries skips the whole update)"
		}
		problems = append(problems, problem)
	}
	wantExpiry, _ := m.ExpirationDate.ValueRFC3339Time()
	if !m.ExpirationDate.IsNull() && !link.Shared.ExpirationDate.Equal(wantExpiry) {
		switch {
		case link.SubjectType == docspace.SubjectPrimaryExternalLink && link.CanRevoke:
			problems = append(problems, "the expiry date was dropped (the primary link of a public or form-filling room cannot expire; the other settings were applied)")
		case !link.CanEditExpirationDate:
			problems = append(problems, "the expiry date was not changed, and with it nothing else (the portal lets no one change the expiry of links in form-filling rooms)")
		default:
			problems = append(problems, "the expiry date was not changed")
		}
	}
	if m.ExpirationDate.IsNull() && !link.Shared.ExpirationDate.IsZero() {
		problems = append(problems, "the expiry date was not removed")
	}
	if m.LinkType.ValueString() == linkExternal {
		if link.Shared.Password != password {
			problems = append(problems, "the password was not changed")
		}
		if !m.DenyDownload.IsUnknown() && link.Shared.DenyDownload != m.DenyDownload.ValueBool() {
			problems = append(problems, "deny_download was not changed")
		}
	}
	if len(problems) == 0 {
		return ""
	}
	return "The portal answered with success but " + strings.Join(problems, "; ") +
		". It skips changes the API key's user may not make on this link, and forces some values per room type."
}

func newLinkID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
