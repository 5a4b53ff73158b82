package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// deleteRoomOrTemplate deletes the room or template s describes and waits until it is gone
// (api-notes.md §11), unless its deletion protection is on.
func deleteRoomOrTemplate(ctx context.Context, client *docspace.Client, s *sharedRoomModel, defaultTimeout time.Duration, noun string, diags *diag.Diagnostics) {
	if s.DeletionProtection.ValueBool() {
		refuseProtectedDelete(noun, diags)
		return
	}
	timeout, d := s.Timeouts.Delete(ctx, defaultTimeout)
	diags.Append(d...)
	id, ok := objectIDFromState(s.ID, diags)
	if !ok || diags.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := client.DeleteRoom(ctx, id); err != nil {
		addAPIError(diags, "Error deleting "+noun, err)
	}
}
