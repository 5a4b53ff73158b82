package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Deleting a room or template deletes its files for good, so both can be protected the way users know
// from other providers: while deletion_protection is true, a plan that destroys the object fails, and so
// does a delete that reaches the provider anyway. No attribute of either plans a replacement
// (plan_modifiers.go); one asked for with -replace, or of a tainted object, stops at that delete. There is no
// "archive instead of delete" switch: archiving is `archived = true`, and leaving a room on the portal
// while Terraform forgets it is a `removed` block with `lifecycle { destroy = false }`.

func deletionProtectionAttribute(noun string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: fmt.Sprintf("Refuse to delete the %s. While `true`, a plan that would destroy it fails with an "+
			"error, and so does `terraform destroy`; a replacement (`-replace`, or a tainted object) fails when applied, "+
			"before anything is deleted. Set it to `false` and apply first. The setting "+
			"lives only in Terraform: the portal knows nothing of it. Defaults to `false`.", noun),
		Optional: true,
		Computed: true,
		Default:  booldefault.StaticBool(false),
	}
}

var deletionProtectionPath = path.Root("deletion_protection")

// protected reads deletion_protection from a state or plan; a missing value means false.
func protected(ctx context.Context, get func(context.Context, path.Path, any) diag.Diagnostics) bool {
	var v types.Bool
	get(ctx, deletionProtectionPath, &v)
	return v.ValueBool()
}

// refuseProtectedDeletion fails a plan that destroys a protected object.
func refuseProtectedDeletion(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, noun string) {
	if req.State.Raw.IsNull() || !req.Plan.Raw.IsNull() || !protected(ctx, req.State.GetAttribute) {
		return
	}
	var id types.String
	req.State.GetAttribute(ctx, path.Root("id"), &id)
	resp.Diagnostics.AddAttributeError(deletionProtectionPath, "Deletion protection is on",
		fmt.Sprintf("This plan would destroy %s %s, which deletes it and its files for good, but its deletion_protection is true. "+
			"If that is really meant, set deletion_protection = false, apply, and then run this again.", noun, id.ValueString()))
}

// refuseProtectedDelete is the apply-time twin of refuseProtectedDeletion, for plans made without it.
func refuseProtectedDelete(noun string, diags *diag.Diagnostics) {
	diags.AddAttributeError(deletionProtectionPath, "Deletion protection is on",
		fmt.Sprintf("The %s has deletion_protection = true, so it was not deleted. Set deletion_protection = false and apply first.", noun))
}
