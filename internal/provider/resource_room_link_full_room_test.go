package provider_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// beforeApply is a pre-apply plan check that runs a change on the portal between plan and apply, as
// someone working in DocSpace at that moment would; the plan's refresh cannot see it.
type beforeApply struct {
	t      *testing.T
	change func() error
}

func (b beforeApply) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if err := b.change(); err != nil {
		resp.Error = fmt.Errorf("changing the portal before the apply: %w", err)
	}
}

// A link deleted outside Terraform in a room at its link limit: the portal takes access None with an id
// it does not know for a create and refuses it with 403 (api-notes.md §22). The destroy must still
// succeed, and must not create anything.
func TestAccRoomLink_vanishedLinkInAFullRoomDestroys(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("fullroom")
	room := linkRoomConfig(env, "custom", title, "")
	withLink := linkRoomConfig(env, "custom", title, `
resource "docspace_room_link" "l" {
  room_id   = docspace_room.room.id
  link_type = "external"
  access    = "viewer"
  title     = "doomed"
}
`)
	var roomID int64
	var linkID string
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				Config: withLink,
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CaptureRoomID("docspace_room.room", &roomID),
					func(s *terraform.State) error {
						linkID = s.RootModule().Resources["docspace_room_link.l"].Primary.Attributes["link_id"]
						return nil
					},
				),
			},
			{
				// The plan destroys the link; before the apply someone deletes it in DocSpace and fills
				// the room with five other external links.
				Config: room,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_room_link.l", plancheck.ResourceActionDestroy),
					beforeApply{t: t, change: func() error {
						ctx := context.Background()
						if _, err := env.Client.SetRoomLink(ctx, roomID, docspace.SetLinkRequest{LinkID: linkID, Access: docspace.FileShareNone, LinkType: docspace.LinkTypeExternal}); err != nil {
							return err
						}
						for i := range 5 {
							if _, err := env.Client.SetRoomLink(ctx, roomID, docspace.SetLinkRequest{Access: docspace.FileShareRead,
								LinkType: docspace.LinkTypeExternal, Title: fmt.Sprintf("%sother %d", acctest.NamePrefix, i)}); err != nil {
								return err
							}
						}
						// The portal itself refuses the removal now.
						_, err := env.Client.SetRoomLink(ctx, roomID, docspace.SetLinkRequest{LinkID: linkID, Access: docspace.FileShareNone, LinkType: docspace.LinkTypeExternal})
						if !docspace.IsForbidden(err) {
							return fmt.Errorf("removing the vanished link from the full room: %v; want 403", err)
						}
						return nil
					}},
				}},
				Check: func(*terraform.State) error {
					links, err := env.Client.ListRoomLinks(context.Background(), roomID, nil)
					if err != nil {
						return err
					}
					if len(links) != 5 {
						return fmt.Errorf("the room has %d links, want the 5 made outside Terraform", len(links))
					}
					for _, l := range links {
						if l.Shared.ID == linkID {
							return fmt.Errorf("link %s came back", linkID)
						}
					}
					return nil
				},
			},
		},
	})
}
