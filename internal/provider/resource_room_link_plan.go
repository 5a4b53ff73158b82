package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// ModifyPlan warns that creating or changing a link will fail when its expiry has passed, or when the API
// key's user may not manage its room (api-notes.md §34); Create and Update refuse both. It refuses to
// remove, in the plan that imports a link, a password the link has on the portal: a configuration written
// by `terraform query` or `-generate-config-out` never holds the password. That one stays an error: only a
// plan that imports sees it, and terraform destroy imports nothing.
func (r *roomLinkResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if req.State.Raw.IsNull() || !req.Plan.Raw.Equal(req.State.Raw) { // a create or an update: the whole link is sent
		var expiry, priorExpiry timetypes.RFC3339
		var priorExpired types.Bool
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("expiration_date"), &expiry)...)
		if !req.State.Raw.IsNull() {
			resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("expiration_date"), &priorExpiry)...)
			resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("expired"), &priorExpired)...)
		}
		now := time.Now()
		if refused := pastExpiry(expiry, now); refused != nil {
			refused.warn(resp, replacesObject(ctx, req, path.Root("room_id"), path.Root("link_type"), path.Root("primary")))
		}
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("expired"), plannedExpired(expiry, priorExpiry, priorExpired, now))...)
	}
	checkLinkRoomManagement(ctx, r.client, req, resp)
	if req.State.Raw.IsNull() {
		return
	}
	adopted, diags := req.Private.GetKey(ctx, privateAdopted)
	resp.Diagnostics.Append(diags...)
	if adopted == nil {
		return
	}
	var statePassword, password, passwordWO types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("password"), &statePassword)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password"), &password)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &passwordWO)...)
	if !statePassword.IsNull() && password.IsNull() && passwordWO.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("password"), "Imported link has a password",
			"The link being imported is protected by a password on the portal, and the configuration sets none, so "+
				"this apply would remove it. Set password, or password_wo with password_wo_version, to the link's "+
				"password. To remove the password, import the link first and remove it in a later apply.")
	}
}

// pastExpiry refuses to send a link whose expiry is not after now. Every create and update sends the whole
// link, expiry included (api-notes.md §22), and the portal refuses a past expiry on invitation links and
// drops it on external links, which would make an expired link work again. A link that expired while
// nothing else changes is left alone.
func pastExpiry(expiry timetypes.RFC3339, now time.Time) *refusal {
	at, diags := expiry.ValueRFC3339Time()
	if expiry.IsNull() || expiry.IsUnknown() || diags.HasError() || at.After(now) {
		return nil
	}
	return &refusal{at: path.Root("expiration_date"), summary: "Expiry in the past",
		why: fmt.Sprintf("expiration_date %s has passed, and every change to a link sends its whole configuration, "+
			"expiry included. The portal refuses past expiry dates for invitation links and silently drops them for "+
			"external links, which would make the link work again without an expiry. Use a future date, or omit "+
			"expiration_date for no expiry.", expiry.ValueString())}
}

// plannedExpired is what expired will be after a create or an update that sends expiry, planned at now:
// the value in state while the expiry stays as it is (priorExpired is null for a new link), false for a
// link without expiry, and otherwise whether the expiry has passed (the portal's isExpired, api-notes.md
// §24). A past expiry is refused before it is sent (pastExpiry), so an apply never leaves an expired link.
func plannedExpired(expiry, priorExpiry timetypes.RFC3339, priorExpired types.Bool, now time.Time) types.Bool {
	if !priorExpired.IsNull() && !priorExpired.IsUnknown() && expiry.Equal(priorExpiry) {
		return priorExpired
	}
	if expiry.IsNull() {
		return types.BoolValue(false)
	}
	at, diags := expiry.ValueRFC3339Time()
	if expiry.IsUnknown() || diags.HasError() {
		return types.BoolUnknown()
	}
	return types.BoolValue(!at.After(now))
}

// ValidateConfig catches at plan time what no room type would accept.
func (r *roomLinkResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m roomLinkModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.LinkType.IsUnknown() || m.LinkType.IsNull() {
		return
	}
	kind := m.LinkType.ValueString()
	// A role no link grants, or an old spelling, is the attribute's own error (accessRole): one error per mistake.
	if access := m.Access.ValueString(); containsString(linkAccessList(), access) && !containsString(accessForKind(kind), access) {
		resp.Diagnostics.AddAttributeError(path.Root("access"), "Access not available for this link type",
			fmt.Sprintf("%s links cannot grant %q. Allowed: %s.", kind, access, strings.Join(accessForKind(kind), ", ")))
	}
	if kind == linkInvitation {
		for name, set := range map[string]bool{
			// deny_download = false is what invitation links always have, and what generated configurations say.
			"password": !m.Password.IsNull(), "password_wo": !m.PasswordWO.IsNull(), "deny_download": m.DenyDownload.ValueBool(),
		} {
			if set {
				resp.Diagnostics.AddAttributeError(path.Root(name), "Not available for invitation links",
					name+" applies to external links only; invitation links let people join the room as members.")
			}
		}
		if m.Primary.ValueBool() {
			resp.Diagnostics.AddAttributeError(path.Root("primary"), "Not available for invitation links", "Only external links can be primary.")
		}
	}
	if kind == linkExternal && !m.MaxUseCount.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("max_use_count"), "Not available for external links",
			"max_use_count limits how many people join through an invitation link; external links have no such limit.")
	}
	// A date in the past is no mistake of the configuration once the link exists: it passes. pastExpiry
	// checks it in ModifyPlan, for the plans that send it.
	if !m.ExpirationDate.IsNull() && !m.ExpirationDate.IsUnknown() {
		at, diags := m.ExpirationDate.ValueRFC3339Time()
		resp.Diagnostics.Append(diags...)
		if !diags.HasError() && at.After(time.Now().AddDate(maxLinkLifetimeYears, 0, 0)) {
			resp.Diagnostics.AddAttributeError(path.Root("expiration_date"), "Expiry too far ahead",
				fmt.Sprintf("Links may expire at most %d years ahead.", maxLinkLifetimeYears))
		}
	}
}

// checkLinkRoomManagement reads the room of a new or changed link and refuses it when the key may not
// manage the room. A room that cannot be read is left to apply.
func checkLinkRoomManagement(ctx context.Context, client *docspace.Client, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	creating := req.State.Raw.IsNull()
	if client == nil || (!creating && req.Plan.Raw.Equal(req.State.Raw)) {
		return
	}
	var roomID types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("room_id"), &roomID)...)
	if roomID.IsUnknown() || roomID.IsNull() {
		return
	}
	id, err := parseObjectID(roomID.ValueString())
	if err != nil {
		return
	}
	room, err := client.GetRoom(ctx, id)
	if err != nil {
		return
	}
	markManagement(ctx, resp, room, "link changes", replacesObject(ctx, req, path.Root("room_id"), path.Root("link_type"), path.Root("primary")))
}
