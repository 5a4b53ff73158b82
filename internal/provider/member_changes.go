package provider

// What docspace_room_member and docspace_room_members do alike to a room's members: the checked grant
// and the removal of one member.

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// checkGrant looks up the room and the subject and checks the role against every rule the portal
// applies, so that a refusal names its rule and nothing is half-made. It reports false after adding an error.
// room is the room as read while planning, or nil to read it now; firstGrant says that the subject holds
// no role in the room yet. A room the key may not manage is refused too (api-notes.md §34).
func (b *resourceBase) checkGrant(ctx context.Context, room *docspace.Room, roomID int64, subject string, group bool, access string, firstGrant bool, summary string, diags *diag.Diagnostics) bool {
	if room == nil {
		var err error
		if room, err = b.client.GetRoom(ctx, roomID); err != nil {
			addAPIError(diags, summary, fmt.Errorf("reading room %d: %w", roomID, err))
			return false
		}
	}
	if !room.CallerMayManage() {
		unmanagedRoom(path.Root("room_id"), roomID, "member changes").refuse(diags)
		return false
	}
	if why := memberRoomViolation(room, group, subject, access, firstGrant); why != "" {
		diags.AddAttributeError(path.Root("access"), summary, why+".")
		return false
	}
	if group {
		if _, err := b.client.GetGroup(ctx, subject); err != nil {
			if docspace.IsNotFound(err) {
				diags.AddAttributeError(path.Root("group_id"), summary, fmt.Sprintf("Group %s does not exist; the portal silently ignores grants to deleted groups.", subject))
			} else {
				addAPIError(diags, summary, fmt.Errorf("reading group %s: %w", subject, err))
			}
			return false
		}
		return true
	}
	u, err := b.client.GetUser(ctx, subject)
	switch {
	case docspace.IsNotFound(err):
		diags.AddAttributeError(path.Root("user_id"), summary, fmt.Sprintf("User %s does not exist; the portal silently ignores grants to deleted users.", subject))
		return false
	case docspace.IsForbidden(err):
		diags.AddAttributeError(path.Root("user_id"), summary, fmt.Sprintf("The portal would not show user %s to the API key, "+
			"and it silently ignores grants to users the caller may not see, so nothing was sent. %s Use a key of a "+
			"DocSpace admin that has the scope.", subject, accountsReadRefused))
		return false
	case err != nil:
		addAPIError(diags, summary, fmt.Errorf("reading user %s: %w", subject, err))
		return false
	}
	if why := memberUserViolation(room, u, access); why != "" {
		diags.AddAttributeError(path.Root("access"), summary, why+".")
		return false
	}
	return true
}

// revokeMember removes one subject's record. A missing room means it is gone already. A terminated
// user's record cannot be removed through the API (the portal skips it): that is a warning.
func revokeMember(ctx context.Context, client *docspace.Client, roomID int64, subject string, notify bool, diags *diag.Diagnostics) {
	_, err := client.SetRoomMember(ctx, roomID, subject, docspace.FileShareNone, notify)
	var skipped *docspace.SkippedError
	switch {
	case err == nil, docspace.IsNotFound(err):
	case errors.As(err, &skipped):
		if u, uerr := client.GetUser(ctx, subject); uerr == nil && u.Status == docspace.EmployeeStatusTerminated {
			diags.AddWarning("Terminated user kept in the room",
				fmt.Sprintf("User %s (%s) is terminated, and the portal ignores access changes for terminated users, so its "+
					"record in room %d stays until the account is reactivated or deleted. It was removed from the Terraform state.", subject, u.Email, roomID))
			return
		}
		diags.AddError("The portal did not remove the room member", err.Error())
	case errors.Is(err, docspace.ErrFormRoles):
		diags.AddError("The portal refuses to remove the room member",
			fmt.Sprintf("%s holds form roles in virtual data room %d: %v. Remove the member in DocSpace, which asks to confirm, then run terraform again.", subject, roomID, err))
	default:
		addAPIError(diags, "Error removing the room member", err)
	}
}
