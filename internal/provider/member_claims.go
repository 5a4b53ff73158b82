package provider

// Claims on a room's members, by which docspace_room_member and docspace_room_members refuse at plan time to
// manage the members of the same room.

import (
	"fmt"
	"sync"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// Kinds of claim on a room's members within one provider process.
const (
	claimList   = "docspace_room_members"
	claimMember = "docspace_room_member"
)

// roomClaim is one resource kind planning members of one room with one client. The key holds the
// client itself, which keeps it alive, so a later client can never take its address.
type roomClaim struct {
	client *docspace.Client
	roomID int64
	kind   string
}

var roomClaims sync.Map

// claimRoom records that a resource of kind plans members of the room, and returns the other kind
// when one planned members of the same room with the same client, that is within the same Terraform
// run (each run configures the provider afresh).
func claimRoom(client *docspace.Client, roomID int64, kind string) string {
	key := func(k string) roomClaim { return roomClaim{client: client, roomID: roomID, kind: k} }
	roomClaims.Store(key(kind), true)
	other := claimMember
	if kind == claimMember {
		other = claimList
	}
	if _, ok := roomClaims.Load(key(other)); ok {
		return other
	}
	return ""
}

func mixError(roomID int64) string {
	return fmt.Sprintf("Both a docspace_room_members resource and a docspace_room_member resource manage the members of room %d. "+
		"docspace_room_members is authoritative: it removes every member it does not list, so the two undo each other's "+
		"changes on every apply. List the member in docspace_room_members instead, or manage every member with "+
		"docspace_room_member.", roomID)
}
