package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// Rooms against a portal that behaves like the server where it surprises clients (api-notes.md §7, §8).

func stateID(s *terraform.State, addr string) (int64, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return 0, fmt.Errorf("%s is not in the state", addr)
	}
	return strconv.ParseInt(rs.Primary.ID, 10, 64)
}

func TestAccRoom_aiRoomTypeRefused(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: roomConfig(env, fmt.Sprintf(`
  title     = %q
  room_type = "ai"`, acctest.RandomName("room"))),
			ExpectError: regexp.MustCompile(`(?s)AI rooms are not supported.*AI agents endpoint`),
		}},
	})
}

func TestAccRoom_watermarkImageMustRoundTrip(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("room")
	// wm is a room with a watermark; attrs are the lines of the watermark as they stand in the file.
	wm := func(attrs string) string {
		return roomConfig(env, fmt.Sprintf(`
  title     = %q
  room_type = "custom"
  watermark = {
%s
  }`, title, blockLines(attrs)))
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				// The portal drops the scale of a watermark without an image at creation.
				Config: wm(`
    text        = "Draft"
    image_scale = 50`),
				ExpectError: regexp.MustCompile(`(?s)image_scale needs an image.*Set image_url`),
			},
			{
				// A relative image_url is taken for an uploaded file's name and rewritten.
				Config: wm(`
    image_url = "logo.png"`),
				ExpectError: regexp.MustCompile(`(?s)image_url must be an absolute URL.*https://`),
			},
			{
				// What can round-trip is created and read back unchanged (the framework checks the next plan is empty).
				Config: wm(`
    image_url   = "https://img.example/logo.png"
    image_scale = 50`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("watermark").AtMapKey("image_scale"), knownvalue.Int64Exact(50)),
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("watermark").AtMapKey("image_url"), knownvalue.StringExact("https://img.example/logo.png")),
				},
			},
		},
	})
}

func TestAccRoom_quotaDefaults(t *testing.T) {
	t.Parallel()
	const portalDefault = 5 << 30
	env := acctest.New(t, fakeportal.Options{DefaultRoomQuota: portalDefault, FileOpDuration: 50 * time.Millisecond})
	env.RequireFake(t, "sets the portal's default room quota")
	title := acctest.RandomName("room")
	// config is a custom room; extra are more lines of its block.
	config := func(extra string) string {
		return roomConfig(env, fmt.Sprintf(`
  title     = %q
  room_type = "custom"
%s`, title, moreLines(extra)))
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				// No quota: the room is stored at -2 and reads back as the portal's default, without a diff.
				Config: config(""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("quota"), knownvalue.Int64Exact(portalDefault)),
				},
			},
			{
				Config: config(""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// An update stores 0 as sent.
				Config: config(`
  quota = 0`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("quota"), knownvalue.Int64Exact(0)),
				},
			},
			{
				// Archived rooms report no quota: neither a diff nor an inconsistent result.
				Config: config(`
  quota    = 0
  archived = true`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("quota"), knownvalue.Int64Exact(0)),
				},
			},
			{
				Config: config(`
  quota    = 0
  archived = true`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// Archived at creation, without a quota: nothing to report, nothing to diff.
				Config: config(`
  archived = true`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(roomAddr, plancheck.ResourceActionNoop)},
				},
			},
			{
				// A new room with quota = 0 (here the replacement of a tainted room): the portal would store
				// its default, but the update that finishes every creation stores 0 as sent.
				Config: config(`
  quota = 0`),
				Taint: []string{roomAddr},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(roomAddr, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("quota"), knownvalue.Int64Exact(0)),
				},
			},
			{
				Config: config(`
  quota = 0`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

func TestAccRoom_uploadedLogoHidesColor(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "uploads a logo through a fake hook")
	title := acctest.RandomName("room")
	config := func(color string) string {
		return roomConfig(env, fmt.Sprintf(`
  title     = %q
  room_type = "custom"
  color     = %q
  cover     = "cover-books"`, title, color))
	}
	var id int64
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				Config: config("1A2B3C"),
				Check:  func(s *terraform.State) (err error) { id, err = stateID(s, roomAddr); return err },
			},
			{
				// With an uploaded logo the portal reports no colour or cover: no diff.
				PreConfig: func() { env.Fake.UploadLogo(id) },
				Config:    config("1A2B3C"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					room, err := env.Client.GetRoom(context.Background(), id)
					if err != nil || !room.HasUploadedLogo() || room.Color() != "" {
						return fmt.Errorf("the portal must show the uploaded logo and no colour: %+v, %v", room, err)
					}
					return nil
				},
			},
			{
				// A new colour is sent and kept, without an inconsistent result.
				Config: config("445566"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(roomAddr, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("color"), knownvalue.StringExact("445566")),
				},
			},
		},
	})
}

func TestAccRoomTemplate_copyLogoWithColor(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond})
	env.RequireFake(t, "uploads a logo through a fake hook")
	prefix := acctest.RandomName("tpl")
	sourceOnly := env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "source" {
  title     = "%s source"
  room_type = "custom"
  indexing  = true
}
`, prefix)
	var sourceID int64
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{
			{
				Config: sourceOnly,
				Check:  func(s *terraform.State) (err error) { sourceID, err = stateID(s, "docspace_room.source"); return err },
			},
			{
				// The source has an uploaded logo: the template copies that image, and the colour sent with
				// it does not show. The provider keeps the configured colour (the framework checks that
				// the result is consistent and the next plan empty).
				PreConfig: func() { env.Fake.UploadLogo(sourceID) },
				Config: templateConfig(env, prefix, `
  copy_logo = true
  color     = "ABCDEF"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(templateAddr, tfjsonpath.New("color"), knownvalue.StringExact("ABCDEF")),
				},
				Check: func(s *terraform.State) error {
					id, err := stateID(s, templateAddr)
					if err != nil {
						return err
					}
					tpl, err := env.Client.GetRoom(context.Background(), id)
					if err != nil || !tpl.HasUploadedLogo() || tpl.Color() != "" {
						return fmt.Errorf("the template must carry the copied image and no colour: %+v, %v", tpl, err)
					}
					return nil
				},
			},
			{
				Config: templateConfig(env, prefix, `
  copy_logo = true
  color     = "ABCDEF"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}
