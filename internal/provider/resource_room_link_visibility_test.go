package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// A caller who may not see a room's links gets 200 [] from GET /rooms/{id}/links (api-notes.md §23):
// the provider must report that it cannot tell, not forget the link.
func TestAccRoomLink_invisibleIsNotGone(t *testing.T) {
	t.Parallel()
	const ownerKey, otherKey = "sk-links-owner", "sk-links-other"
	env := acctest.New(t, fakeportal.Options{APIKeys: []string{ownerKey, otherKey}})
	env.RequireFake(t, "makes a second API key's user a room member out of band")
	// The room is made out of band, so that only the link's refresh depends on the key.
	room, err := env.Client.CreateRoom(context.Background(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: acctest.RandomName("links")}, RoomType: docspace.RoomTypeCustom})
	if err != nil {
		t.Fatal(err)
	}
	roomID := room.ID
	config := func(key string) string {
		return fmt.Sprintf(`
provider "docspace" {
  api_host = %q
  api_key  = %q
}

resource "docspace_room_link" "test" {
  room_id   = "%d"
  link_type = "external"
  access    = "viewer"
  title     = "Visible to managers"
}
`, env.Host, key, roomID)
	}
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: config(ownerKey)},
			{
				// Another user who cannot read the room: the refresh fails and says why.
				Config:      config(otherKey),
				ExpectError: regexp.MustCompile(`(?s)Cannot tell whether the room link still exists.*may\s+not\s+read\s+room`),
			},
			{
				// A member who reads the room but may not manage its links.
				PreConfig:   func() { env.Fake.AddMember(roomID, otherKey, 2) },
				Config:      config(otherKey),
				ExpectError: regexp.MustCompile(`(?s)Cannot tell whether the room link still exists.*without\s+the\s+right\s+to\s+manage\s+its\s+links`),
			},
			{
				// The link was kept: the owner sees no change, and the portal still has the link.
				Config: config(ownerKey),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					if n := env.Fake.LinkCount(roomID); n != 1 {
						return fmt.Errorf("the room has %d links, want 1", n)
					}
					return nil
				},
			},
			{
				// A room manager sees the list; a link deleted out of band is then really gone.
				PreConfig: func() {
					env.Fake.AddMember(roomID, otherKey, 9)
					if err := deleteAllLinks(env, roomID); err != nil {
						t.Fatal(err)
					}
				},
				Config: config(otherKey),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("docspace_room_link.test", plancheck.ResourceActionCreate)},
				},
			},
			{Config: config(ownerKey)},
		},
	})
}

func deleteAllLinks(env *acctest.Env, roomID int64) error {
	links, err := env.Client.ListRoomLinks(context.Background(), roomID, nil)
	if err != nil {
		return err
	}
	for _, l := range links {
		if _, err := env.Client.SetRoomLink(context.Background(), roomID, docspace.SetLinkRequest{LinkID: l.Shared.ID, Access: docspace.FileShareNone, LinkType: l.Shared.LinkType}); err != nil {
			return err
		}
	}
	return nil
}

// Links of a form-filling room cannot change their expiry: the portal skips the whole update and answers
// 200 with the link unchanged (api-notes.md §22). The provider reports it and names the rule.
func TestAccRoomLink_formFillingExpiryChangeIsReported(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("forms")
	future := time.Now().AddDate(0, 6, 0).UTC().Format(time.RFC3339)
	// config is a form-filling room with an invitation link; extra are more lines of the link's block.
	config := func(extra string) string {
		return env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "test" {
  title     = %q
  room_type = "form_filling"
}

resource "docspace_room_link" "test" {
  room_id   = docspace_room.test.id
  link_type = "invitation"
  access    = "form_filler"
  title     = "Join"
%s}
`, title, moreLines(extra))
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{Config: config("")},
			{
				Config: config(fmt.Sprintf(`
  expiration_date = %q`, future)),
				ExpectError: regexp.MustCompile(`(?s)did not apply the link settings.*expiry.*nothing\s+else.*form-filling\s+rooms`),
			},
		},
	})
}
