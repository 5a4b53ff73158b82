package provider_test

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
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

// linkMatrix is, per room type, the roles each link kind grants (api-notes.md §25).
var linkMatrix = map[string]struct{ invitation, external []string }{
	"custom":        {[]string{"content_creator", "editor", "reviewer", "commenter", "viewer"}, []string{"editor", "form_filler", "reviewer", "commenter", "viewer"}},
	"public":        {[]string{"content_creator", "viewer"}, []string{"editor", "form_filler", "reviewer", "commenter", "viewer"}},
	"form_filling":  {[]string{"content_creator", "form_filler"}, []string{"form_filler", "viewer"}},
	"collaboration": {[]string{"content_creator", "editor", "viewer"}, nil},
	"virtual_data":  {[]string{"content_creator", "editor", "viewer", "form_filler"}, nil},
}

// linkMatrixConfig writes one room per invitation access value (a room takes one invitation link) and,
// where external links exist, one room holding a link per access value. Form-filling rooms take no
// additional external links, so each of their access values is tried on a room's primary link. Every
// resource has its own name, so each can be imported. rotate > 0 moves every link to the next allowed
// access value and renames it.
func linkMatrixConfig(env *acctest.Env, prefix string, rotate int) (string, []string) {
	var b strings.Builder
	var links []string
	b.WriteString(env.ProviderConfig())
	types := make([]string, 0, len(linkMatrix))
	for t := range linkMatrix {
		types = append(types, t)
	}
	sort.Strings(types)
	pick := func(list []string, i int) string { return list[(i+rotate)%len(list)] }
	// link writes a link named name in the room named room; extra are more lines of its block.
	link := func(name, room, linkType, access, extra string) {
		fmt.Fprintf(&b, `
resource "docspace_room_link" %[1]q {
  room_id   = docspace_room.%[2]s.id
  link_type = %[3]q
  access    = %[4]q
  title     = "%[1]s v%[5]d"
%[6]s}
`, name, room, linkType, access, rotate, moreLines(extra))
		links = append(links, "docspace_room_link."+name)
	}
	for _, rt := range types {
		m := linkMatrix[rt]
		for i := range m.invitation {
			name := fmt.Sprintf("%s_inv_%d", rt, i)
			b.WriteString(titledRoom(name, prefix, rt))
			link(name, name, "invitation", pick(m.invitation, i), "")
		}
		if m.external == nil {
			continue
		}
		if rt == "form_filling" {
			for i := range m.external {
				name := fmt.Sprintf("%s_ext_%d", rt, i)
				b.WriteString(titledRoom(name, prefix, rt))
				link(name, name, "external", pick(m.external, i), `
  primary = true`)
			}
			continue
		}
		b.WriteString(titledRoom(rt+"_ext", prefix, rt))
		for i := range m.external {
			link(fmt.Sprintf("%s_ext_%d", rt, i), rt+"_ext", "external", pick(m.external, i), "")
		}
	}
	return b.String(), links
}

func TestAccRoomLink_everyRoomTypeKindAndAccess(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	prefix := acctest.RandomName("links")
	create, links := linkMatrixConfig(env, prefix, 0)
	update, _ := linkMatrixConfig(env, prefix, 1)
	steps := []resource.TestStep{
		{
			Config: create,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("docspace_room_link.custom_ext_0", tfjsonpath.New("access"), knownvalue.StringExact("editor")),
				statecheck.ExpectKnownValue("docspace_room_link.custom_ext_0", tfjsonpath.New("primary"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue("docspace_room_link.custom_ext_0", tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^\d+/[0-9a-f-]{36}$`))),
				statecheck.ExpectSensitiveValue("docspace_room_link.custom_ext_0", tfjsonpath.New("share_link")),
				statecheck.ExpectKnownValue("docspace_room_link.form_filling_ext_1", tfjsonpath.New("primary"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("docspace_room_link.virtual_data_inv_3", tfjsonpath.New("access"), knownvalue.StringExact("form_filler")),
				statecheck.ExpectKnownValue("docspace_room_link.public_inv_1", tfjsonpath.New("internal"), knownvalue.Bool(false)),
			},
		},
		{
			Config: update,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_room_link.custom_inv_0", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("docspace_room_link.public_ext_4", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("docspace_room_link.form_filling_ext_0", plancheck.ResourceActionUpdate),
				},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("docspace_room_link.custom_inv_0", tfjsonpath.New("access"), knownvalue.StringExact("editor")),
				statecheck.ExpectKnownValue("docspace_room_link.public_ext_4", tfjsonpath.New("access"), knownvalue.StringExact("editor")),
				statecheck.ExpectKnownValue("docspace_room_link.collaboration_inv_1", tfjsonpath.New("title"), knownvalue.StringExact("collaboration_inv_1 v1")),
			},
		},
	}
	for _, addr := range links {
		steps = append(steps, resource.TestStep{ResourceName: addr, ImportState: true, ImportStateVerify: true})
	}
	env.Run(t, resource.TestCase{CheckDestroy: env.CheckRoomsDestroyed("docspace_room"), Steps: steps})
}

func linkRoomConfig(env *acctest.Env, roomType, title, links string) string {
	return env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "room" {
  title     = %q
  room_type = %q
}
%s`, title, roomType, links)
}

func TestAccRoomLink_disallowedCombinations(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("links")
	// link is a link of docspace_room.room; extra are more lines of its block.
	link := func(kind, access, extra string) string {
		return fmt.Sprintf(`
resource "docspace_room_link" "l" {
  room_id   = docspace_room.room.id
  link_type = %q
  access    = %q
%s}
`, kind, access, moreLines(extra))
	}
	future := time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)
	planTime := map[string]struct{ config, want string }{
		"external content_creator": {link("external", "content_creator", ""), `external links cannot grant "content_creator"\. Allowed: commenter, editor, form_filler, reviewer, viewer`},
		"invitation password": {link("invitation", "viewer", `
  password = "Secret-123"`), `password applies to external links only`},
		"invitation deny_download": {link("invitation", "viewer", `
  deny_download = true`), `deny_download applies to external links only`},
		"external max_use_count": {link("external", "viewer", `
  max_use_count = 3`), `max_use_count limits how many people join through an invitation link`},
		"eleven years": {link("invitation", "viewer", fmt.Sprintf(`
  expiration_date = %q`, time.Now().AddDate(11, 0, 0).UTC().Format(time.RFC3339))), `at most 10 years ahead`},
		"unknown access": {link("external", "owner", ""), `"owner" is not a role links take\. Use one of: commenter, content_creator, editor, form_filler, reviewer, viewer\.`},
		"invitation primary": {link("invitation", "viewer", `
  primary = true`), `Only external links can be primary`},
	}
	for name, tc := range planTime {
		t.Run(name, func(t *testing.T) {
			env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
				Config: linkRoomConfig(env, "custom", title, tc.config), PlanOnly: true, ExpectError: wrapped(tc.want),
			}}})
		})
	}
	applyTime := map[string]struct{ roomType, config, want string }{
		"external link in collaboration room": {"collaboration", link("external", "viewer", ""), `collaboration rooms take no external links; only an invitation link \(access content_creator, editor, viewer\)`},
		"external link in virtual data room": {"virtual_data", link("external", "viewer", fmt.Sprintf(`
  expiration_date = %q`, future)), `virtual_data rooms take no external links`},
		"reviewer invitation in public room": {"public", link("invitation", "reviewer", ""), `invitation links of public rooms cannot grant "reviewer"; allowed: content_creator, viewer`},
		"editor link in form filling room": {"form_filling", link("external", "editor", `
  primary = true`), `external links of form_filling rooms cannot grant "editor"; allowed: form_filler, viewer`},
		"additional link in form room": {"form_filling", link("external", "viewer", ""), `form_filling rooms take no external links besides their primary link; manage it with primary = true`},
		// The portal answers these with success but does not do them (api-notes.md §22).
		"expiring primary link of public room": {"public", link("external", "viewer", fmt.Sprintf(`
  primary         = true
  expiration_date = %q`, future)), `(?s)The portal did not apply the link settings.*the expiry date was\s+dropped.*primary\s+link.*cannot\s+expire`},
		"internal link in public room": {"public", link("external", "viewer", `
  internal = true`), `(?s)The portal did not apply the link settings.*internal is forced to false for this room`},
		// The date passes; so it is refused when the link is made or changed (pending_refusals_test.go).
		"past expiry": {"custom", link("external", "viewer", `
  expiration_date = "2020-01-01T00:00:00Z"`), `has passed`},
	}
	for name, tc := range applyTime {
		t.Run(name, func(t *testing.T) {
			env.Run(t, resource.TestCase{
				CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
				Steps: []resource.TestStep{{
					Config: linkRoomConfig(env, tc.roomType, title, tc.config), ExpectError: wrapped(tc.want),
				}},
			})
		})
	}
}

// TestAccRoomLink_plansExpired checks that no plan shows expired as "known after apply": it follows from
// the planned expiry, and stays as it is while the expiry does.
func TestAccRoomLink_plansExpired(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("links")
	in30 := time.Now().Add(30 * 24 * time.Hour).UTC().Truncate(time.Second).Format(time.RFC3339)
	in60 := time.Now().Add(60 * 24 * time.Hour).UTC().Truncate(time.Second).Format(time.RFC3339)
	step := func(linkTitle, expiry string, action plancheck.ResourceActionType) resource.TestStep {
		extra := fmt.Sprintf("  title = %q", linkTitle)
		if expiry != "" {
			extra += fmt.Sprintf("\n  expiration_date = %q", expiry)
		}
		return resource.TestStep{
			Config: linkRoomConfig(env, "custom", title, externalLink(extra)),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, action),
					plancheck.ExpectKnownValue(linkAddr, tfjsonpath.New("expired"), knownvalue.Bool(false)),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("expired"), knownvalue.Bool(false)),
			},
		}
	}
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			step("guests", in30, plancheck.ResourceActionCreate),
			step("visitors", in30, plancheck.ResourceActionUpdate), // the expiry stays: the state's value
			step("visitors", in60, plancheck.ResourceActionUpdate), // a later expiry
			step("everyone", "", plancheck.ResourceActionUpdate),   // no expiry: never expired
		},
	})
}

func TestAccRoomLink_limits(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	title := acctest.RandomName("links")
	var links strings.Builder
	for i := range 6 {
		fmt.Fprintf(&links, `
resource "docspace_room_link" "ext%[1]d" {
  room_id   = docspace_room.room.id
  link_type = "external"
  access    = "viewer"
  title     = "link %[1]d"
}
`, i)
	}
	for i, access := range []string{"viewer", "editor"} {
		fmt.Fprintf(&links, `
resource "docspace_room_link" "inv%d" {
  room_id   = docspace_room.room.id
  link_type = "invitation"
  access    = %q
}
`, i, access)
	}
	var roomID int64
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{Config: linkRoomConfig(env, "custom", title, ""), Check: env.CaptureRoomID("docspace_room.room", &roomID)},
			{
				Config:      linkRoomConfig(env, "custom", title, links.String()),
				ExpectError: wrapped(`(?s)(custom rooms take at most 5 external links besides the primary link.*a room takes only one invitation link|a room takes only one invitation link.*custom rooms take at most 5 external links besides the primary link)`),
			},
			{
				// Nothing half-made: 5 external links and 1 invitation link exist, and the two refused ones are not in the state.
				RefreshState:       true,
				ExpectNonEmptyPlan: true, // the configuration still asks for the two refused links
				Check: func(s *terraform.State) error {
					n := 0
					for _, rs := range s.RootModule().Resources {
						if rs.Type == "docspace_room_link" {
							n++
						}
					}
					got, err := env.Client.ListRoomLinks(t.Context(), roomID, nil)
					if err != nil {
						return err
					}
					if n != 6 || len(got) != 6 {
						return fmt.Errorf("%d links in state and %d on the portal; want 6 and 6", n, len(got))
					}
					return nil
				},
			},
		},
	})
}

// wrapped compiles a pattern whose spaces also match the line breaks Terraform puts into long messages.
func wrapped(pattern string) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(pattern, " ", `\s+`))
}
