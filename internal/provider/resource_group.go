package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.Resource                   = (*groupResource)(nil)
	_ resource.ResourceWithConfigure      = (*groupResource)(nil)
	_ resource.ResourceWithImportState    = (*groupResource)(nil)
	_ resource.ResourceWithIdentity       = (*groupResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*groupResource)(nil)
	_ resource.ResourceWithValidateConfig = (*groupResource)(nil)
)

// NewGroupResource returns the docspace_group resource.
func NewGroupResource() resource.Resource { return &groupResource{} }

type groupResource struct{ resourceBase }

func (r *groupResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (r *groupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan groupModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	members := plan.members(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	g, err := r.client.CreateGroup(ctx, docspace.CreateGroupRequest{Name: plan.Name.ValueString(), Manager: plan.ManagerID.ValueString(), Members: members})
	if err != nil {
		if docspace.StatusCode(err) == 400 {
			if why := r.invalidMembers(ctx, append(members, plan.ManagerID.ValueString())); why != "" {
				resp.Diagnostics.AddAttributeError(path.Root("member_ids"), "Error creating the group",
					fmt.Sprintf("%v. The portal creates a group only when every member and the manager is an active account that is not a guest: %s. Nothing was created.", err, why))
				return
			}
		}
		r.addCreateError(ctx, req.Plan, resp, "docspace_group", "Error creating the group", err)
		return
	}
	plan.ID = r.recordCreated(ctx, req.Plan, resp, g.ID)
	plan.fill(g, plan.MemberIDs)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// invalidMembers names the ids the portal refuses as group members: unknown, terminated or guests.
func (r *groupResource) invalidMembers(ctx context.Context, ids []string) string {
	var bad []string
	seen := map[string]bool{}
	for _, id := range ids {
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		u, err := r.client.GetUser(ctx, id)
		switch {
		case docspace.IsNotFound(err):
			bad = append(bad, id+" does not exist")
		case err != nil:
		case u.Status == docspace.EmployeeStatusTerminated:
			bad = append(bad, fmt.Sprintf("%s (%s) is terminated", id, u.Email))
		case u.Type() == docspace.EmployeeTypeGuest:
			bad = append(bad, fmt.Sprintf("%s (%s) is a guest", id, u.Email))
		}
	}
	return strings.Join(bad, "; ")
}

func (r *groupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state groupModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	restoreIdentity(resp.Identity, func() { r.setObjectIdentity(ctx, resp.Identity, state.ID.ValueString(), &resp.Diagnostics) })
	g, err := r.client.GetGroup(ctx, state.ID.ValueString())
	if docspace.IsNotFound(err) {
		removeGone(ctx, resp, "Group not found",
			fmt.Sprintf("Group %s no longer exists and was removed from the Terraform state; the next apply creates it again "+
				"(its access to rooms went with it).", state.ID.ValueString()))
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading the group", err)
		return
	}
	r.keepBlockedMembers(ctx, g, state.members(ctx, &resp.Diagnostics), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	state.fill(g, state.MemberIDs)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// keepBlockedMembers adds to g, as the portal answered it, the members of want it leaves out because they
// are blocked, and warns about each. The portal hides blocked (terminated) members from a group's read-back
// and skips them when they are added again, but they stay in the group (api-notes.md §32): a member counts
// as still in it when their own record lists the group. Members that no longer exist, or that left the
// group, stay out.
func (r *groupResource) keepBlockedMembers(ctx context.Context, g *docspace.Group, want []string, diags *diag.Diagnostics) {
	listed := map[string]bool{}
	for _, u := range g.Members {
		listed[strings.ToLower(u.ID)] = true
	}
	for _, id := range want {
		if listed[id] {
			continue
		}
		u, err := r.client.GetUser(ctx, id)
		if docspace.IsNotFound(err) {
			continue
		}
		if err != nil {
			addAPIError(diags, "Error reading group member "+id, err)
			return
		}
		if u.Status != docspace.EmployeeStatusTerminated || !u.InGroup(g.ID) {
			continue
		}
		g.Members = append(g.Members, *u)
		diags.AddAttributeWarning(path.Root("member_ids"), "Blocked group member",
			fmt.Sprintf("Member %s (%s) of group %q is blocked in DocSpace; the portal hides blocked members from the group; "+
				"unblock or remove them from member_ids. They still belong to the group, so the provider keeps them in "+
				"member_ids as configured; the portal would skip adding them again.", u.ID, u.Email, g.Name))
	}
}

func (r *groupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state groupModelV0
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	want, had := plan.members(ctx, &resp.Diagnostics), state.members(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if refused := managerRemoval(&plan, &state); refused != nil {
		refused.refuse(&resp.Diagnostics) // warned of at plan time
		return
	}
	restoreIdentity(resp.Identity, func() { r.setObjectIdentity(ctx, resp.Identity, state.ID.ValueString(), &resp.Diagnostics) })
	body := docspace.UpdateGroupRequest{}
	if !plan.Name.Equal(state.Name) {
		body.Name = plan.Name.ValueString()
	}
	if !plan.ManagerID.Equal(state.ManagerID) {
		body.Manager = plan.ManagerID.ValueString()
	}
	listed := !plan.MemberIDs.IsNull() && !plan.MemberIDs.IsUnknown()
	if listed {
		body.MembersToAdd, body.MembersToRemove = difference(want, had), difference(had, want)
	}
	g, err := r.client.UpdateGroup(ctx, state.ID.ValueString(), body)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error updating the group", err)
		return
	}
	plan.ID = state.ID
	if listed {
		r.keepBlockedMembers(ctx, g, want, &resp.Diagnostics)
	}
	plan.fill(g, plan.MemberIDs)
	// The portal skips invalid members and managers without an error: compare what it kept.
	var problems []string
	if listed {
		got := plan.members(ctx, &resp.Diagnostics)
		if missing := difference(want, got); len(missing) > 0 {
			problems = append(problems, "it did not add "+strings.Join(missing, ", ")+" ("+r.invalidMembers(ctx, missing)+")")
		}
		if extra := difference(got, want); len(extra) > 0 {
			problems = append(problems, "it kept "+strings.Join(extra, ", "))
		}
	}
	if body.Manager != "" && !strings.EqualFold(plan.ManagerID.ValueString(), body.Manager) {
		problems = append(problems, "it did not make "+body.Manager+" the manager ("+r.invalidMembers(ctx, []string{body.Manager})+")")
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if len(problems) > 0 {
		resp.Diagnostics.AddError("The portal did not apply every change to the group",
			"The portal answered with success but "+strings.Join(problems, "; ")+". It silently skips accounts that do not exist, are "+
				"terminated or are guests. The state holds the group as the portal has it.")
	}
}

func (r *groupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state groupModelV0
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.DeleteGroup(ctx, state.ID.ValueString()); err != nil && !docspace.IsNotFound(err) {
		addAPIError(&resp.Diagnostics, "Error deleting the group", err)
	}
}

// ImportState imports a group by its id or by its identity.
func (r *groupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !r.importIDFromIdentity(ctx, &req, &objectIdentityModel{}, &resp.Diagnostics) {
		return
	}
	if !guidPattern.MatchString(req.ID) {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("%q is not a group id such as 6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f; "+
			"find it with the docspace_group data source.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("member_ids"), types.SetNull(types.StringType))...)
	r.setObjectIdentity(ctx, resp.Identity, req.ID, &resp.Diagnostics)
}

// difference lists the items of a not in b.
func difference(a, b []string) []string {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}
