package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// A room deleted outside Terraform, named by a literal room_id: the link's and the member's calls on it
// answer 404, and the error says which room is gone and what to do, not just the request and its status.
func TestAccAPIErrors_roomDeletedOutsideTerraform(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	user := env.Account(t, acctest.RoomAdmin)
	room, err := env.Client.CreateRoom(context.Background(), roomRequest(acctest.RandomName("gone"), docspace.RoomTypeCustom))
	if err != nil {
		t.Fatal(err)
	}
	if err := env.Client.DeleteRoom(context.Background(), room.ID); err != nil {
		t.Fatal(err)
	}
	gone := regexp.MustCompile(fmt.Sprintf(`(?s)Room\s+%d\s+does\s+not\s+exist\s+on\s+the\s+portal:\s+it\s+was\s+deleted\s+outside\s+Terraform\..*Remove\s+the\s+resources\s+that\s+refer\s+to\s+it.*or\s+create\s+the\s+room\s+again`, room.ID))
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config: env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room_link" "gone" {
  room_id = "%d"
  link_type = "external"
  title     = "Reviewers"
  access    = "viewer"
}
`, room.ID),
			ExpectError: gone,
		},
		{
			Config: env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room_member" "gone" {
  room_id = "%d"
  user_id = %q
  access  = "editor"
}
`, room.ID, user.ID),
			ExpectError: gone,
		},
	}})
}

// A key without the accounts scope cannot read the people a member check looks up: the error names the
// scope, and says that users and guests see only themselves (api-notes.md §2, §30).
func TestAccAPIErrors_keyWithoutAccountsScope(t *testing.T) {
	t.Parallel()
	const key = "sk-test-no-accounts"
	env := acctest.New(t, fakeportal.Options{APIKeys: []string{key}, KeysWithoutAccountsScope: []string{key}})
	env.RequireFake(t, "creates an API key without the accounts scopes")
	user := env.Account(t, acctest.RoomAdmin)
	room, err := env.Client.CreateRoom(context.Background(), roomRequest(acctest.RandomName("scope"), docspace.RoomTypeCustom))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = env.Client.DeleteRoom(context.Background(), room.ID) })
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room_member" "scope" {
  room_id = "%d"
  user_id = %q
  access  = "editor"
}
`, room.ID, user.ID),
		ExpectError: regexp.MustCompile(`(?s)Cannot add the room member.*lacks\s+the\s+accounts:read\s+scope.*user\s+of\s+type\s+user\s+or\s+a\s+guest,\s+who\s+see\s+nobody\s+but\s+themselves`),
	}}})
}
