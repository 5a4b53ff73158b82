package provider

// Readable names of user types and statuses, shared by the member rules and the user data sources.

import (
	"fmt"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// userTypeNames are the readable user types.
var userTypeNames = map[docspace.EmployeeType]string{
	docspace.EmployeeTypeDocSpaceAdmin: "docspace_admin",
	docspace.EmployeeTypeRoomAdmin:     "room_admin",
	docspace.EmployeeTypeUser:          "user",
	docspace.EmployeeTypeGuest:         "guest",
}

func userTypeName(t docspace.EmployeeType) string {
	if n, ok := userTypeNames[t]; ok {
		return n
	}
	return fmt.Sprintf("type_%d", int(t))
}

// userStatusName names an account status.
func userStatusName(s docspace.EmployeeStatus) string {
	switch s {
	case docspace.EmployeeStatusActive:
		return "active"
	case docspace.EmployeeStatusTerminated:
		return "terminated"
	}
	return fmt.Sprintf("status_%d", int(s))
}

// userTypeList is every user type name, sorted, for descriptions and validators.
var userTypeList = []string{"docspace_admin", "guest", "room_admin", "user"}

// userTypeDoc explains the user types, and the owner's.
const userTypeDoc = "`docspace_admin`, `room_admin`, `user` or `guest`. The portal owner is a `docspace_admin` " +
	"(the portal itself reports `isAdmin` false for the owner and flags it as the owner instead)."
