package provider

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// addAPIError reports a failed API call. Validation problems become one diagnostic per field,
// so the user sees every message the portal returned.
func addAPIError(diags *diag.Diagnostics, summary string, err error) {
	var apiErr *docspace.APIError
	if errors.As(err, &apiErr) && len(apiErr.Validation) > 0 {
		fields := make([]string, 0, len(apiErr.Validation))
		for f := range apiErr.Validation {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		for _, f := range fields {
			diags.AddError(summary, fmt.Sprintf("The portal rejected %s: %s", f, strings.Join(apiErr.Validation[f], " ")))
		}
		return
	}
	switch {
	case docspace.IsUnauthorized(err):
		diags.AddError(summary, err.Error()+"\n\nThe portal refused the API key: it is wrong, expired or revoked, or it "+
			"belongs to another portal. Create a key under Settings → Developer Tools → API keys on this portal and set "+
			"api_key or "+EnvAPIKey+".")
	case docspace.MissingRoom(err) != 0:
		diags.AddError(summary, fmt.Sprintf("Room %d does not exist on the portal: it was deleted outside Terraform. "+
			"Remove the resources that refer to it by room_id from the configuration (or from the state with "+
			"terraform state rm), or create the room again and set room_id to the new room's id.\n\n(%s)", docspace.MissingRoom(err), err))
	case docspace.AccountsScopeRefused(err) == "accounts:read":
		diags.AddError(summary, err.Error()+"\n\nThe portal would not show this account or group. "+accountsReadRefused+
			" Use a key of a DocSpace admin that has the scope.")
	case docspace.AccountsScopeRefused(err) == "accounts:write":
		diags.AddError(summary, err.Error()+"\n\nThe portal would not change this group. Either the API key lacks the "+
			"accounts:write scope (create a key with full access, or give it accounts:write), or its user may not "+
			"manage groups. Use a key of a DocSpace admin that has the scope.")
	case docspace.WebhookCallRefused(err):
		diags.AddError(summary, err.Error()+"\n\nThe portal refused the webhook call to the API key's user (api-notes.md §38): "+
			"guests may not use webhooks; users who are not DocSpace admins may only while the portal does not limit the "+
			"developer tools to admins (Settings, Developer Tools), and then only their own webhooks; and a key limited "+
			"to some scopes does not cover the portal's settings. Use a full-access API key of a DocSpace admin.")
	case docspace.IsPaymentRequired(err):
		diags.AddError(summary, err.Error()+"\n\nThe portal's plan allows no more of this (rooms, or storage). Delete or "+
			"archive rooms that are no longer needed, or upgrade the plan, then apply again.")
	default:
		diags.AddError(summary, err.Error())
	}
}

// accountsReadRefused explains a 403 on reading people or groups: the API key's scopes, or whom the key's user
// may see (api-notes.md §2, §30).
const accountsReadRefused = "Either the API key lacks the accounts:read scope (create a key with full access, or give " +
	"it accounts:read besides rooms:write and files:write), or the key belongs to a user of type user or a guest, who " +
	"see nobody but themselves (room admins do not see guests unrelated to them either)."

func unknownAttributeErrors(diags *diag.Diagnostics, unknown map[string]bool) {
	names := make([]string, 0, len(unknown))
	for name, isUnknown := range unknown {
		if isUnknown {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		diags.AddAttributeError(path.Root(name), "Unknown provider configuration value",
			fmt.Sprintf("The provider cannot be configured because %s is not known until apply. "+
				"Set it to a value known at plan time, or apply the resource it depends on first with -target.", name))
	}
}

// addCreateError reports a failed creation. An object that exists although its creation did not finish
// has its id recorded, so Terraform taints it rather than losing it. An object abandoned by an earlier,
// killed creation is named, with the command that adopts it.
func (b *resourceBase) addCreateError(ctx context.Context, plan tfsdk.Plan, resp *resource.CreateResponse, resourceType, summary string, err error) {
	diags := &resp.Diagnostics
	if id := docspace.CreatedID(err); id != "" {
		b.recordCreated(ctx, plan, resp, id)
		diags.AddError(summary, err.Error()+". The object is recorded in the state and marked tainted: "+
			"the next apply replaces it, or run terraform untaint to keep it.")
		return
	}
	var abandoned *docspace.AbandonedError
	if errors.As(err, &abandoned) {
		diags.AddError("Unfinished earlier creation",
			fmt.Sprintf("DocSpace %s %s, titled %q, was left behind by an earlier creation of the same title that never "+
				"finished: its terraform or provider process was killed, or lost the portal. Nothing was created now, "+
				"because that would make a second one.\n\n"+
				"If no other Terraform run is creating it right now, adopt it (in one workspace only, when several create "+
				"this title):\n\n"+
				"  terraform import %s.<name> %s\n\n"+
				"(or an import block with id = \"%s\"); the next apply gives it its real title. Or delete it in DocSpace. "+
				"Then apply again.", abandoned.Noun, abandoned.ID, abandoned.Title, resourceType, abandoned.ID, abandoned.ID))
		return
	}
	addAPIError(diags, summary, err)
}

// destroySettings are the attributes that only say how an object is destroyed. A tainted object is
// destroyed by the next apply with what its state holds, so they go into the state with its id.
var destroySettings = []string{"permanent_delete", "force_destroy"}

// keepDestroySettings copies the planned destroy settings of the resource, when it has them, into the
// state of an object whose creation did not finish.
func keepDestroySettings(ctx context.Context, plan tfsdk.Plan, resp *resource.CreateResponse) {
	for _, name := range destroySettings {
		if _, ok := plan.Schema.GetAttributes()[name]; !ok {
			continue
		}
		var v types.Bool
		if plan.GetAttribute(ctx, path.Root(name), &v).HasError() || v.IsUnknown() {
			continue
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v)...)
	}
}

// recordCreated puts the id of an object that now exists into the state and the identity, before
// anything else can fail: an error after this taints the object instead of orphaning it, and its destroy
// settings with it, so that the replacement destroys it as configured.
func (b *resourceBase) recordCreated(ctx context.Context, plan tfsdk.Plan, resp *resource.CreateResponse, id string) types.String {
	s := types.StringValue(id)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), s)...)
	b.setObjectIdentity(ctx, resp.Identity, s.ValueString(), &resp.Diagnostics)
	keepDestroySettings(ctx, plan, resp)
	return s
}

// removeGone drops a resource that the portal no longer has from the state, with a warning that says
// so (a 404 on read; a 403 never removes anything).
func removeGone(ctx context.Context, resp *resource.ReadResponse, summary, detail string) {
	resp.Diagnostics.AddWarning(summary, detail)
	resp.State.RemoveResource(ctx)
}

// inRoom is a file or folder being read, for readFailed: its noun, its id, what may have removed it and
// what the next apply does then.
type inRoom struct {
	noun, nounTitle string
	id              int64
	removedBy, next string
}

// readFailed reports the failed read of an object in a room, and whether it failed: a 404 removes the
// resource from the state with a warning; a 403 (another user's Trash, or a room the key's user left) is
// an error that keeps it.
func readFailed(ctx context.Context, resp *resource.ReadResponse, o inRoom, err error) bool {
	switch {
	case err == nil:
		return false
	case docspace.IsNotFound(err):
		removeGone(ctx, resp, o.nounTitle+" not found",
			fmt.Sprintf("%s %d no longer exists (%s) and was removed from the Terraform state; the next apply %s.",
				o.nounTitle, o.id, o.removedBy, o.next))
	case docspace.IsForbidden(err):
		addAPIError(&resp.Diagnostics, "Error reading the "+o.noun, fmt.Errorf("%w\n\nThe portal refuses to show %s %d to "+
			"the API key's user: it is in another user's Trash, or the user lost access to its room. The %s was kept "+
			"in the Terraform state", err, o.noun, o.id, o.noun))
	default:
		addAPIError(&resp.Diagnostics, "Error reading the "+o.noun, err)
	}
	return true
}

// withTimeout bounds ctx by the timeout the configuration sets (a method of the timeouts attribute,
// such as plan.Timeouts.Create), or by def when it sets none.
func withTimeout(ctx context.Context, configured func(context.Context, time.Duration) (time.Duration, diag.Diagnostics), def time.Duration, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	timeout, d := configured(ctx, def)
	diags.Append(d...)
	return context.WithTimeout(ctx, timeout)
}

// afterCreation returns the context for the calls that follow a successful creation. The client may
// have finished the creation after the caller's context ended (it watches an interrupted job on within
// its cleanup budget); the few calls that complete the state must still reach the portal.
func afterCreation(ctx context.Context) (context.Context, context.CancelFunc) {
	if ctx.Err() == nil {
		return ctx, func() {}
	}
	return context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
}

// refusal is a change the provider refuses to make because of the object's state or of the change itself
// (an edit of an archived room, a group manager removed): ModifyPlan warns of it, and Create or Update
// reports it as an error before calling the portal. It is no error at plan time because Terraform plans the
// whole configuration before every `terraform destroy` and stops the destroy at the first error, so an edit
// that will never be applied would keep the objects from being destroyed. What depends on the configuration
// alone (a title, a colour, a combination no room type allows) stays an error at plan time.
type refusal struct {
	at      path.Path
	summary string
	// why says what the portal would do, and how to get the change made.
	why string
}

// warn tells at plan time that applying the plan will fail, and why. When the plan replaces the object
// (replacing, see replacesObject), the apply would delete it before its replacement's creation is refused,
// so the refusal is an error at plan time instead: a destroy that meets it can skip the planning of the
// configuration with -refresh=false.
func (r *refusal) warn(resp *resource.ModifyPlanResponse, replacing bool) {
	if replacing {
		resp.Diagnostics.AddAttributeError(r.at, r.summary, "This plan replaces the object, and creating the replacement "+
			"would fail after the object had been deleted. "+r.why+
			"\n\nTo destroy the object instead, run terraform destroy -refresh=false, or first undo the change.")
		return
	}
	resp.Diagnostics.AddAttributeWarning(r.at, r.summary, "Applying this plan will fail here. "+r.why+
		"\n\n(A warning, not an error, so that it does not stop terraform destroy.)")
}

// refuse reports the refusal at apply time; the caller returns before any change.
func (r *refusal) refuse(diags *diag.Diagnostics) {
	diags.AddAttributeError(r.at, r.summary, r.why+" Nothing was changed.")
}

// joinNames lists names for a message: "a", "a and b", "a, b and c".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return "none"
	case 1:
		return names[0]
	}
	out := names[0]
	for _, n := range names[1 : len(names)-1] {
		out += ", " + n
	}
	return out + " and " + names[len(names)-1]
}
