package provider

import (
	"context"
	"fmt"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Resource identity (Terraform 1.12 and later): rooms, templates and groups are identified by their id,
// links by their room's id and their own, a room member by its room's id and its user's or group's id, a
// room's member list by its room's id; every identity also names the portal's host, which an import may
// leave out.

const hostIdentityDescription = "Host name of the portal, such as `yourportal.onlyoffice.com` (with the port, when it " +
	"is not the default). Optional when importing; when given, it must be the host the provider is configured for."

type objectIdentityModel struct {
	ID   types.String `tfsdk:"id"`
	Host types.String `tfsdk:"host"`
}

type memberIdentityModel struct {
	RoomID    types.String `tfsdk:"room_id"`
	SubjectID types.String `tfsdk:"subject_id"`
	Host      types.String `tfsdk:"host"`
}

type memberListIdentityModel struct {
	RoomID types.String `tfsdk:"room_id"`
	Host   types.String `tfsdk:"host"`
}

type linkIdentityModel struct {
	RoomID types.String `tfsdk:"room_id"`
	LinkID types.String `tfsdk:"link_id"`
	Host   types.String `tfsdk:"host"`
}

func objectIdentitySchema(noun string) identityschema.Schema {
	return idIdentitySchema("The " + noun + "'s numeric id.")
}

func groupIdentitySchema() identityschema.Schema {
	return idIdentitySchema("The group's id (a GUID).")
}

func idIdentitySchema(idDescription string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id":   identityschema.StringAttribute{RequiredForImport: true, Description: idDescription},
			"host": identityschema.StringAttribute{OptionalForImport: true, Description: hostIdentityDescription},
		},
	}
}

func linkIdentitySchema() identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"room_id": identityschema.StringAttribute{RequiredForImport: true, Description: "Id of the link's room."},
			"link_id": identityschema.StringAttribute{RequiredForImport: true, Description: "The link's id (a GUID)."},
			"host":    identityschema.StringAttribute{OptionalForImport: true, Description: hostIdentityDescription},
		},
	}
}

func memberIdentitySchema() identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"room_id":    identityschema.StringAttribute{RequiredForImport: true, Description: "Id of the member's room."},
			"subject_id": identityschema.StringAttribute{RequiredForImport: true, Description: "Id of the member: a user's or a group's id (a GUID)."},
			"host":       identityschema.StringAttribute{OptionalForImport: true, Description: hostIdentityDescription},
		},
	}
}

func memberListIdentitySchema() identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"room_id": identityschema.StringAttribute{RequiredForImport: true, Description: "Id of the room whose members the list holds."},
			"host":    identityschema.StringAttribute{OptionalForImport: true, Description: hostIdentityDescription},
		},
	}
}

// portalHost is the host part of the configured portal URL, or null before the provider is configured.
func (b *resourceBase) portalHost() types.String {
	if b.client == nil {
		return types.StringNull()
	}
	u, err := url.Parse(b.client.Host())
	if err != nil || u.Host == "" {
		return types.StringNull()
	}
	return types.StringValue(u.Host)
}

// setObjectIdentity records the identity of the room, template or group id. identity is nil when the resource
// has no identity schema or the request carries none.
func (b *resourceBase) setObjectIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, id string, diags *diag.Diagnostics) {
	if identity == nil {
		return
	}
	diags.Append(identity.Set(ctx, objectIdentityModel{ID: types.StringValue(id), Host: b.portalHost()})...)
}

func (b *resourceBase) setLinkIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, roomID, linkID string, diags *diag.Diagnostics) {
	if identity == nil {
		return
	}
	diags.Append(identity.Set(ctx, linkIdentityModel{RoomID: types.StringValue(roomID), LinkID: types.StringValue(linkID), Host: b.portalHost()})...)
}

func (b *resourceBase) setMemberIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, roomID, subjectID string, diags *diag.Diagnostics) {
	if identity == nil {
		return
	}
	diags.Append(identity.Set(ctx, memberIdentityModel{RoomID: types.StringValue(roomID), SubjectID: types.StringValue(subjectID), Host: b.portalHost()})...)
}

func (b *resourceBase) setMemberListIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, roomID string, diags *diag.Diagnostics) {
	if identity == nil {
		return
	}
	diags.Append(identity.Set(ctx, memberListIdentityModel{RoomID: types.StringValue(roomID), Host: b.portalHost()})...)
}

// restoreIdentity calls set when Terraform handed over no identity: Terraform before 1.12 keeps none,
// so every read and update returns it.
func restoreIdentity(identity *tfsdk.ResourceIdentity, set func()) {
	if identityIsNull(identity) {
		set()
	}
}

// identityIsNull reports whether a resource has no identity yet, as after an upgrade from a provider
// version without identities.
func identityIsNull(identity *tfsdk.ResourceIdentity) bool {
	return identity != nil && identity.Raw.IsNull()
}

// checkIdentityHost refuses an identity that names another portal than the configured one.
func (b *resourceBase) checkIdentityHost(host types.String, diags *diag.Diagnostics) {
	want := b.portalHost()
	if host.IsNull() || host.IsUnknown() || want.IsNull() || host.ValueString() == want.ValueString() {
		return
	}
	diags.AddAttributeError(path.Root("host"), "Identity of another portal",
		fmt.Sprintf("The identity names the portal %s, but the provider is configured for %s. Import it with a "+
			"provider configured for %s, or leave host out.", host.ValueString(), want.ValueString(), host.ValueString()))
}

// importIdentity is an identity model an import can name its object by: the string id it stands for, and
// the host it names.
type importIdentity interface {
	importID() string
	importHost() types.String
}

func (m *objectIdentityModel) importID() string         { return m.ID.ValueString() }
func (m *objectIdentityModel) importHost() types.String { return m.Host }
func (m *linkIdentityModel) importID() string {
	return m.RoomID.ValueString() + "/" + m.LinkID.ValueString()
}
func (m *linkIdentityModel) importHost() types.String { return m.Host }
func (m *memberIdentityModel) importID() string {
	return m.RoomID.ValueString() + "/" + m.SubjectID.ValueString()
}
func (m *memberIdentityModel) importHost() types.String     { return m.Host }
func (m *memberListIdentityModel) importID() string         { return m.RoomID.ValueString() }
func (m *memberListIdentityModel) importHost() types.String { return m.Host }

// importIDFromIdentity turns an import by identity into one by string id: when the import gave no id but an
// identity, it reads the identity into identity, checks its host and sets req.ID to the id it names. It
// returns false when that failed.
func (b *resourceBase) importIDFromIdentity(ctx context.Context, req *resource.ImportStateRequest, identity importIdentity, diags *diag.Diagnostics) bool {
	if req.ID != "" || req.Identity == nil {
		return true
	}
	diags.Append(req.Identity.Get(ctx, identity)...)
	if diags.HasError() {
		return false
	}
	b.checkIdentityHost(identity.importHost(), diags)
	if diags.HasError() {
		return false
	}
	req.ID = identity.importID()
	return true
}

// importObject imports a room, template, folder, file or webhook by its numeric id or by its identity;
// hint says where to find the id, for an import ID that is not one.
func (b *resourceBase) importObject(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, hint string) {
	if !b.importIDFromIdentity(ctx, &req, &objectIdentityModel{}, &resp.Diagnostics) {
		return
	}
	importNumericID(ctx, req, resp, hint)
	if resp.Diagnostics.HasError() {
		return
	}
	var id types.String
	resp.Diagnostics.Append(resp.State.GetAttribute(ctx, path.Root("id"), &id)...)
	b.setObjectIdentity(ctx, resp.Identity, id.ValueString(), &resp.Diagnostics)
}
