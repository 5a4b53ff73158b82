package provider_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

func TestAccUserDataSource_byEmailIDAndAPIKey(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	accounts := env.Accounts(t, acctest.DocSpaceAdmin, acctest.BlockedUser)
	dana, blocked, self := accounts[0], accounts[1], env.Self(t)
	nobody := acctest.RandomName("nobody") + "@portal.example"
	guests, err := env.Client.ListUsers(t.Context(), docspace.UserFilter{Type: docspace.EmployeeTypeGuest})
	if err != nil {
		t.Fatal(err)
	}
	config := env.ProviderConfig() + fmt.Sprintf(`
data "docspace_user" "me" {}

data "docspace_user" "dana" {
  email = %q
}

data "docspace_user" "gina" {
  id = %q
}
`, dana.Email, blocked.ID)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				// The key's user, on the fake the owner: the portal says isAdmin false, the provider says docspace_admin.
				statecheck.ExpectKnownValue("data.docspace_user.me", tfjsonpath.New("type"), knownvalue.StringExact("docspace_admin")),
				statecheck.ExpectKnownValue("data.docspace_user.me", tfjsonpath.New("is_owner"), knownvalue.Bool(self.IsOwner)),
				statecheck.ExpectKnownValue("data.docspace_user.me", tfjsonpath.New("id"), knownvalue.StringExact(self.ID)),
				statecheck.ExpectKnownValue("data.docspace_user.dana", tfjsonpath.New("id"), knownvalue.StringExact(dana.ID)),
				statecheck.ExpectKnownValue("data.docspace_user.dana", tfjsonpath.New("type"), knownvalue.StringExact("docspace_admin")),
				statecheck.ExpectKnownValue("data.docspace_user.dana", tfjsonpath.New("is_owner"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue("data.docspace_user.dana", tfjsonpath.New("display_name"), knownvalue.StringExact(dana.Name)),
				statecheck.ExpectKnownValue("data.docspace_user.gina", tfjsonpath.New("email"), knownvalue.StringExact(blocked.Email)),
				statecheck.ExpectKnownValue("data.docspace_user.gina", tfjsonpath.New("type"), knownvalue.StringExact(blocked.Type)),
				statecheck.ExpectKnownValue("data.docspace_user.gina", tfjsonpath.New("status"), knownvalue.StringExact("terminated")),
			},
		},
		{
			// An unknown address is refused, and no account is made for it.
			Config: env.ProviderConfig() + fmt.Sprintf(`
data "docspace_user" "x" {
  email = %q
}
`, nobody),
			ExpectError: ruleRegexp(regexp.QuoteMeta(`No DocSpace user has the e-mail address "` + nobody + `"`)),
		},
		{
			Config: env.ProviderConfig() + fmt.Sprintf(`
data "docspace_user" "x" {
  email = %q
  id    = %q
}
`, dana.Email, dana.ID),
			ExpectError: regexp.MustCompile(`Invalid Attribute Combination`),
		},
		{
			Config: env.ProviderConfig() + `
data "docspace_users" "guests" {
  type = "guest"
}
`,
			// As many guests as before (on the fake, the blocked guest alone): the failed lookup created nobody.
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.docspace_users.guests", tfjsonpath.New("users"), knownvalue.ListSizeExact(len(guests))),
			},
		},
	}})
}

// TestAccUserDataSource_emailCheckedAtPlanTime: an e-mail address that cannot be one is refused before
// any call, with the way to look a user up by id.
func TestAccUserDataSource_emailCheckedAtPlanTime(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.ProviderConfig() + `
data "docspace_user" "x" {
  email = "colleague"
}
`,
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)must be an e-mail address such as colleague@example.com;.*set id instead`),
	}}})
}

func TestAccUsersDataSource_filtersAndEveryPage(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "seeds 130 accounts directly in the fake")
	for i := range 130 {
		env.Fake.AddUser(fmt.Sprintf("Staff %03d", i), fmt.Sprintf("staff%03d@portal.example", i), fakeportal.TypeUser)
	}
	gone := env.Fake.AddUser("Left Company", "left@portal.example", fakeportal.TypeUser)
	env.Fake.TerminateUser(gone)
	a := env.Fake.AddUser("Ann Able", "ann@portal.example", fakeportal.TypeRoomAdmin)
	group := env.Fake.AddGroup("Editors", a)
	config := env.ProviderConfig() + fmt.Sprintf(`
data "docspace_users" "all" {}

data "docspace_users" "staff" {
  type   = "user"
  status = "active"
}

data "docspace_users" "search" {
  search = "staff 12"
}

data "docspace_users" "editors" {
  group_id = %q
}

data "docspace_users" "terminated" {
  status = "terminated"
}
`, group)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: config,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.docspace_users.all", tfjsonpath.New("users"), knownvalue.ListSizeExact(133)),
			statecheck.ExpectKnownValue("data.docspace_users.staff", tfjsonpath.New("users"), knownvalue.ListSizeExact(130)),
			// Every word must occur in the first name, the last name or the e-mail: 012, 112 and 120-129.
			statecheck.ExpectKnownValue("data.docspace_users.search", tfjsonpath.New("users"), knownvalue.ListSizeExact(12)),
			statecheck.ExpectKnownValue("data.docspace_users.editors", tfjsonpath.New("users"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(a), "type": knownvalue.StringExact("room_admin")}),
			})),
			statecheck.ExpectKnownValue("data.docspace_users.terminated", tfjsonpath.New("users").AtSliceIndex(0).AtMapKey("email"), knownvalue.StringExact("left@portal.example")),
			statecheck.ExpectKnownValue("data.docspace_users.all", tfjsonpath.New("users").AtSliceIndex(0).AtMapKey("email"), knownvalue.StringExact("ann@portal.example")),
		},
	}}})
}

func TestAccUsersDataSource_refusedToUserTypeKeys(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	user := env.Account(t, acctest.User)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.ProviderConfigAs(t, user) + `
data "docspace_users" "all" {}
`,
		ExpectError: regexp.MustCompile(`only DocSpace admins and room admins list people`),
	}}})
}

// Users of type "user" and guests see nobody but themselves (api-notes.md §30).
func TestAccUserDataSource_userTypeKeySeesOnlyItself(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "turns the API key's own user into a user-type account")
	self := env.Fake.UserID(acctest.FakeAPIKey)
	env.Fake.SetUserType(self, fakeportal.TypeUser)
	env.Fake.AddUser("Dana Admin", "dana@portal.example", fakeportal.TypeDocSpaceAdmin)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config: env.ProviderConfig() + `
data "docspace_user" "me" {}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.docspace_user.me", tfjsonpath.New("id"), knownvalue.StringExact(self)),
			},
		},
		{
			Config: env.ProviderConfig() + `
data "docspace_user" "x" {
  email = "dana@portal.example"
}
`,
			ExpectError: regexp.MustCompile(`(?s)Cannot see the user.*see nobody but\s+themselves`),
		},
	}})
}

func TestAccGroupDataSource_exactNameOrID(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	accounts := env.Accounts(t, acctest.RoomAdmin, acctest.User)
	a, b := accounts[0].ID, accounts[1].ID
	name, twins := acctest.RandomName("editors"), acctest.RandomName("twins")
	editors := env.Group(t, name, a, b)
	env.Group(t, name+" (old)", "")
	env.Group(t, twins, "")
	env.Group(t, twins, "")
	lookup := func(attr, value string) string {
		return env.ProviderConfig() + fmt.Sprintf(`
data "docspace_group" "g" {
  %s = %q
}
`, attr, value)
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config: lookup("name", name),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.docspace_group.g", tfjsonpath.New("id"), knownvalue.StringExact(editors)),
				statecheck.ExpectKnownValue("data.docspace_group.g", tfjsonpath.New("manager_id"), knownvalue.StringExact(a)),
				statecheck.ExpectKnownValue("data.docspace_group.g", tfjsonpath.New("member_ids"), knownvalue.SetExact([]knownvalue.Check{
					knownvalue.StringExact(a), knownvalue.StringExact(b)})),
			},
		},
		{
			Config: lookup("id", editors),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.docspace_group.g", tfjsonpath.New("name"), knownvalue.StringExact(name)),
			},
		},
		{Config: lookup("name", strings.ToUpper(name)), ExpectError: ruleRegexp(regexp.QuoteMeta(`No DocSpace group is named "` + strings.ToUpper(name) + `"`))},
		{Config: lookup("name", twins), ExpectError: ruleRegexp(regexp.QuoteMeta(`2 DocSpace groups are named "` + twins + `"`))},
		{Config: lookup("id", "00000000-0000-0000-0000-000000000001"), ExpectError: regexp.MustCompile(`No DocSpace group has the id`)},
	}})
}
