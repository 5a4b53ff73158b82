package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type roomLinkModelV0 struct {
	ID                types.String      `tfsdk:"id"`
	RoomID            types.String      `tfsdk:"room_id"`
	LinkID            types.String      `tfsdk:"link_id"`
	LinkType          types.String      `tfsdk:"link_type"`
	Access            types.String      `tfsdk:"access"`
	Primary           types.Bool        `tfsdk:"primary"`
	Title             types.String      `tfsdk:"title"`
	ExpirationDate    timetypes.RFC3339 `tfsdk:"expiration_date"`
	Password          types.String      `tfsdk:"password"`
	PasswordWO        types.String      `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64       `tfsdk:"password_wo_version"`
	DenyDownload      types.Bool        `tfsdk:"deny_download"`
	Internal          types.Bool        `tfsdk:"internal"`
	MaxUseCount       types.Int64       `tfsdk:"max_use_count"`
	ShareLink         types.String      `tfsdk:"share_link"`
	Expired           types.Bool        `tfsdk:"expired"`
}

// fill copies the portal's view of the link into m, without its password: m.Password is null afterwards.
// Whether the password is recorded is the caller's decision (recordPassword).
func (m *roomLinkModelV0) fill(link *docspace.Link) {
	m.LinkID = types.StringValue(link.Shared.ID)
	m.ID = types.StringValue(m.RoomID.ValueString() + "/" + link.Shared.ID)
	m.Access = types.StringValue(accessRoleName(link.Access))
	m.Title = types.StringValue(link.Shared.Title)
	if link.Shared.LinkType == docspace.LinkTypeInvitation {
		m.LinkType = types.StringValue(linkInvitation)
		m.DenyDownload = types.BoolValue(false)
		m.MaxUseCount = types.Int64Null()
		if link.Shared.MaxUseCount > 0 {
			m.MaxUseCount = types.Int64Value(int64(link.Shared.MaxUseCount))
		}
	} else {
		m.LinkType = types.StringValue(linkExternal)
		m.DenyDownload = types.BoolValue(link.Shared.DenyDownload)
	}
	m.Primary = types.BoolValue(link.SubjectType == docspace.SubjectPrimaryExternalLink || link.Shared.Primary)
	// The portal answers in its own time zone; an equal instant keeps the configured spelling.
	prior, _ := m.ExpirationDate.ValueRFC3339Time()
	switch {
	case link.Shared.ExpirationDate.IsZero():
		m.ExpirationDate = timetypes.NewRFC3339Null()
	case m.ExpirationDate.IsNull() || m.ExpirationDate.IsUnknown() || !prior.Equal(link.Shared.ExpirationDate.Time):
		// New values (drift, imports) are written in UTC, the form configurations most often use.
		m.ExpirationDate = timetypes.NewRFC3339TimeValue(link.Shared.ExpirationDate.UTC())
	}
	m.Password = types.StringNull()
	m.PasswordWO = types.StringNull()
	m.Internal = types.BoolValue(link.Shared.Internal)
	m.ShareLink = types.StringValue(link.Shared.ShareLink)
	m.Expired = types.BoolValue(link.Shared.IsExpired)
}

// recordPassword stores the link's password in m, for drift detection. Callers record it only for a link
// configured with a plain password, or right after an import; a write-only password is never stored.
func (m *roomLinkModelV0) recordPassword(link *docspace.Link) {
	if link.Shared.Password != "" {
		m.Password = types.StringValue(link.Shared.Password)
	}
}
