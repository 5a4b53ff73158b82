package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// resourceBase is embedded by every resource and data source: it receives the configured client.
type resourceBase struct {
	client *docspace.Client
}

func (b *resourceBase) configure(providerData any, addError func(summary, detail string)) {
	// Terraform calls Configure before the provider itself is configured; the data arrives later.
	if providerData == nil {
		return
	}
	client, ok := providerData.(*docspace.Client)
	if !ok {
		addError("Unexpected provider data",
			fmt.Sprintf("Expected *docspace.Client, got %T. Please report this issue to the provider developers.", providerData))
		return
	}
	b.client = client
}

func (b *resourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.configure(req.ProviderData, resp.Diagnostics.AddError)
}

// dataSourceBase is the data-source twin of resourceBase.
type dataSourceBase struct{ resourceBase }

func (b *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.configure(req.ProviderData, resp.Diagnostics.AddError)
}

// parseID parses a numeric DocSpace id (of a room, a template, a user's room and so on) written as text:
// an import ID, a configuration value or a value kept in state.
func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%q is not a DocSpace id; ids are positive numbers such as 12345", s)
	}
	return id, nil
}

func formatObjectID(id int64) string { return strconv.FormatInt(id, 10) }

// attributeID returns the numeric id held by the attribute attr ("id", "room_id") of a plan or state
// that the caller has read; an invalid one is an error on that attribute, and ok is false.
func attributeID(v types.String, attr string, diags *diag.Diagnostics) (id int64, ok bool) {
	n, err := parseID(v.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root(attr), "Invalid "+attr, err.Error())
		return 0, false
	}
	return n, true
}

// idRestoringIdentity returns the DocSpace object id a resource keeps in its id attribute, like
// attributeID, and restores the resource's identity when Terraform kept none.
func (b *resourceBase) idRestoringIdentity(ctx context.Context, id types.String, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) (int64, bool) {
	n, ok := attributeID(id, "id", diags)
	if ok {
		restoreIdentity(identity, func() { b.setObjectIdentity(ctx, identity, id.ValueString(), diags) })
	}
	return n, ok
}

// importNumericID imports a resource whose import ID is its numeric DocSpace id.
func importNumericID(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, hint string) {
	id, err := parseID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error()+". "+hint)
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), formatObjectID(id))...)
}

// importInRoom imports an object of a room whose import ID is <room_id>/<part>: the room's numeric id and
// a part that partOK accepts, which part names as the error shows it (such as `link_id`). hint says where
// to find the ids. It records id and room_id in state and returns the two halves; ok is false after an error.
func importInRoom(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, part, hint string, partOK func(string) bool) (roomPart, rest string, ok bool) {
	roomPart, rest, ok = strings.Cut(req.ID, "/")
	_, err := parseID(roomPart)
	if !ok || err != nil || !partOK(rest) {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("%q is not <room_id>/<%s>, such as 12345/6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f. %s", req.ID, part, hint))
		return "", "", false
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("room_id"), roomPart)...)
	return roomPart, rest, true
}
