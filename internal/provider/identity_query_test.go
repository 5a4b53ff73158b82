package provider_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// Identities need Terraform 1.12, list resources and `terraform query` 1.14. The compatibility run
// (make compat: Terraform 1.8.5, OpenTofu 1.6.3) skips these tests; make check runs them.
var (
	needsIdentity = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)}
	needsQuery    = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}
)

var regexpGUID = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// portalHost is the identity's host of env's portal.
func portalHost(env *acctest.Env) string {
	host := strings.TrimPrefix(strings.TrimPrefix(env.Host, "https://"), "http://")
	return strings.TrimRight(host, "/")
}

func TestAccIdentity_room(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	config := roomConfig(env, fmt.Sprintf(`
  title     = %q
  room_type = "custom"
  tags      = ["tfacc-id"]`, acctest.RandomName("room")))
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		CheckDestroy:           env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(roomAddr, map[string]knownvalue.Check{
						"id":   knownvalue.StringRegexp(regexpNumeric),
						"host": knownvalue.StringExact(portalHost(env)),
					}),
					statecheck.ExpectIdentityValueMatchesState(roomAddr, tfjsonpath.New("id")),
				},
			},
			{Config: config, ResourceName: roomAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{Config: config, ResourceName: roomAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
			{Config: config, ResourceName: roomAddr, ImportState: true, ImportStateKind: resource.ImportCommandWithID, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"timeouts"}},
		},
	})
}

func TestAccIdentity_roomOfAnotherPortal(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	room, err := env.Client.CreateRoom(context.Background(), roomRequest(acctest.RandomName("room"), docspace.RoomTypeCustom))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = env.Client.DeleteRoom(context.Background(), room.ID) })
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		Steps: []resource.TestStep{{
			Config: roomConfig(env, fmt.Sprintf(`
  title     = %q
  room_type = "custom"`, room.Title)) + fmt.Sprintf(`
import {
  to       = docspace_room.test
  identity = { id = "%d", host = "elsewhere.example.com" }
}
`, room.ID),
			ExpectError: regexp.MustCompile(`(?s)Identity of another portal.*elsewhere\.example\.com`),
		}},
	})
}

func TestAccIdentity_roomTemplate(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	source := env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "source" {
  title     = %q
  room_type = "custom"
}
`, acctest.RandomName("source"))
	title := acctest.RandomName("template")
	config := source + fmt.Sprintf(`
resource "docspace_room_template" "test" {
  room_id = docspace_room.source.id
  title   = %q
  tags    = ["tfacc-id"]
}
`, title)
	// An adopted template leaves out room_id, which the portal does not report.
	adopted := source + fmt.Sprintf(`
resource "docspace_room_template" "test" {
  title = %q
  tags  = ["tfacc-id"]
}
`, title)
	const addr = "docspace_room_template.test"
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		CheckDestroy:           env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{
						"id":   knownvalue.StringRegexp(regexpNumeric),
						"host": knownvalue.StringExact(portalHost(env)),
					}),
					statecheck.ExpectIdentityValueMatchesState(addr, tfjsonpath.New("id")),
				},
			},
			{Config: adopted, ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{Config: adopted, ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		},
	})
}

func TestAccIdentity_roomLink(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	config := env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "room" {
  title     = %q
  room_type = "custom"
}

resource "docspace_room_link" "test" {
  room_id   = docspace_room.room.id
  link_type = "external"
  access    = "viewer"
  title     = "Auditors"
}
`, acctest.RandomName("room"))
	const addr = "docspace_room_link.test"
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		CheckDestroy:           env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{
						"room_id": knownvalue.StringRegexp(regexpNumeric),
						"link_id": knownvalue.StringRegexp(regexpGUID),
						"host":    knownvalue.StringExact(portalHost(env)),
					}),
					statecheck.ExpectIdentityValueMatchesState(addr, tfjsonpath.New("room_id")),
					statecheck.ExpectIdentityValueMatchesState(addr, tfjsonpath.New("link_id")),
				},
			},
			{Config: config, ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{Config: config, ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		},
	})
}

// queryEstate is what the query tests list: rooms, templates and links made through the API, every title
// carrying token so that the filters find only them, also on a shared real portal.
type queryEstate struct {
	token                     string
	alpha, beta, gamma, delta *docspace.Room // custom [red blue]; public [red]; collaboration, archived [blue]; custom "other"
	templateA, templateB      *docspace.Room // from alpha [red]; from delta []
	externalLinkID            string         // a second external link in beta, next to its primary link
	invitationLinkID          string         // an invitation link in beta
}

func newQueryEstate(t *testing.T, env *acctest.Env) *queryEstate {
	t.Helper()
	ctx := context.Background()
	e := &queryEstate{token: strings.TrimPrefix(acctest.RandomName("q"), acctest.NamePrefix)}
	room := func(name string, typ docspace.RoomType, tags ...string) *docspace.Room {
		r, err := env.Client.CreateRoom(ctx, roomRequest(acctest.NamePrefix+name+" "+e.token, typ, tags...))
		if err != nil {
			t.Fatalf("creating room %s: %v", name, err)
		}
		t.Cleanup(func() { _ = env.Client.DeleteRoom(context.Background(), r.ID) })
		return r
	}
	e.alpha = room("alpha", docspace.RoomTypeCustom, "tfacc-red", "tfacc-blue")
	e.beta = room("beta", docspace.RoomTypePublic, "tfacc-red")
	e.gamma = room("gamma", docspace.RoomTypeEditing, "tfacc-blue")
	e.delta = room("other", docspace.RoomTypeCustom)
	if err := env.Client.ArchiveRoom(ctx, e.gamma.ID); err != nil {
		t.Fatal(err)
	}
	template := func(name string, from *docspace.Room, tags ...string) *docspace.Room {
		tpl, err := env.Client.CreateTemplate(ctx, docspace.CreateTemplateRequest{RoomID: from.ID, Title: acctest.NamePrefix + name + " " + e.token, Tags: tags})
		if err != nil {
			t.Fatalf("creating template %s: %v", name, err)
		}
		t.Cleanup(func() { _ = env.Client.DeleteRoom(context.Background(), tpl.ID) })
		return tpl
	}
	e.templateA = template("template-a", e.alpha, "tfacc-red")
	e.templateB = template("template-b", e.delta)
	link := func(typ docspace.LinkType, access docspace.FileShare, title string) string {
		l, err := env.Client.SetRoomLink(ctx, e.beta.ID, docspace.SetLinkRequest{LinkID: newGUID(t), Access: access, LinkType: typ, Title: title})
		if err != nil {
			t.Fatalf("creating link %s: %v", title, err)
		}
		return l.Shared.ID
	}
	e.externalLinkID = link(docspace.LinkTypeExternal, docspace.FileShareRead, "Press kit")
	e.invitationLinkID = link(docspace.LinkTypeInvitation, docspace.FileShareRead, "Join us")
	return e
}

func newGUID(t *testing.T) string {
	t.Helper()
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func roomRequest(title string, typ docspace.RoomType, tags ...string) docspace.CreateRoomRequest {
	return docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: title, Tags: tags}, RoomType: typ}
}

func id(r *docspace.Room) string { return fmt.Sprint(r.ID) }

func objectIdentity(env *acctest.Env, r *docspace.Room) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{"id": knownvalue.StringExact(id(r)), "host": knownvalue.StringExact(portalHost(env))}
}

// listConfig is a list block of resourceType named name. Its config block holds config: lines of the form
// "attribute = value", which it indents and aligns as terraform fmt does; empty lines are left out.
func listConfig(resourceType, name string, include bool, config ...string) string {
	return fmt.Sprintf(`
list %q %q {
  provider         = docspace
  include_resource = %t
  config {
%s
  }
}
`, resourceType, name, include, alignAttributes("    ", config))
}

// alignAttributes indents lines of the form "attribute = value" and aligns their equals signs; it leaves
// out empty lines.
func alignAttributes(indent string, lines []string) string {
	width := 0
	for _, l := range lines {
		width = max(width, strings.Index(l, " = "))
	}
	var aligned []string
	for _, l := range lines {
		if name, value, ok := strings.Cut(l, " = "); ok {
			aligned = append(aligned, fmt.Sprintf("%s%-*s = %s", indent, width, name, value))
		}
	}
	return strings.Join(aligned, "\n")
}

func TestAccQuery_rooms(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	e := newQueryEstate(t, env)
	list := func(name, filter string, include bool) string {
		return listConfig("docspace_room", name, include, fmt.Sprintf("title_contains = %q", e.token), filter)
	}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsQuery,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig()},
			{
				Query: true,
				Config: list("all", "", true) + list("any", `area = "any"`, false) + list("archived", `area = "archived"`, false) +
					list("active", `area = "active"`, false) + list("public", `room_type = "public"`, false) + list("red_blue", `tags = ["TFACC-RED", "tfacc-blue"]`, false) +
					listConfig("docspace_room", "title", false, fmt.Sprintf(`title_contains = "ALPHA %s"`, e.token)),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("docspace_room.all", 4),
					querycheck.ExpectLength("docspace_room.any", 4),
					querycheck.ExpectLength("docspace_room.archived", 1),
					querycheck.ExpectLength("docspace_room.active", 3),
					querycheck.ExpectLength("docspace_room.public", 1),
					querycheck.ExpectLength("docspace_room.red_blue", 1),
					querycheck.ExpectLength("docspace_room.title", 1),
					querycheck.ExpectIdentity("docspace_room.archived", objectIdentity(env, e.gamma)),
					querycheck.ExpectIdentity("docspace_room.public", objectIdentity(env, e.beta)),
					querycheck.ExpectIdentity("docspace_room.red_blue", objectIdentity(env, e.alpha)),
					querycheck.ExpectIdentity("docspace_room.title", objectIdentity(env, e.alpha)),
					querycheck.ExpectIdentity("docspace_room.active", objectIdentity(env, e.delta)),
					querycheck.ExpectResourceDisplayName("docspace_room.all", queryfilter.ByResourceIdentity(objectIdentity(env, e.gamma)),
						knownvalue.StringExact(e.gamma.Title+" (collaboration room, archived)")),
					querycheck.ExpectResourceDisplayName("docspace_room.all", queryfilter.ByResourceIdentity(objectIdentity(env, e.beta)),
						knownvalue.StringExact(e.beta.Title+" (public room)")),
					querycheck.ExpectResourceKnownValues("docspace_room.all", queryfilter.ByResourceIdentity(objectIdentity(env, e.gamma)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("title"), KnownValue: knownvalue.StringExact(e.gamma.Title)},
							{Path: tfjsonpath.New("room_type"), KnownValue: knownvalue.StringExact("collaboration")},
							{Path: tfjsonpath.New("archived"), KnownValue: knownvalue.Bool(true)},
							{Path: tfjsonpath.New("tags"), KnownValue: knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("tfacc-blue")})},
							{Path: tfjsonpath.New("template_id"), KnownValue: knownvalue.Null()},
							{Path: tfjsonpath.New("deletion_protection"), KnownValue: knownvalue.Bool(false)},
						}),
				},
			},
		},
	})
}

func TestAccQuery_roomTemplates(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	e := newQueryEstate(t, env)
	list := func(name, filter string) string {
		return listConfig("docspace_room_template", name, true, fmt.Sprintf("title_contains = %q", e.token), filter)
	}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsQuery,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig()},
			{
				Query: true,
				Config: list("all", "") + list("red", `tags = ["tfacc-red"]`) +
					listConfig("docspace_room_template", "b", true, fmt.Sprintf(`title_contains = "template-B %s"`, e.token)),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("docspace_room_template.all", 2),
					querycheck.ExpectLength("docspace_room_template.red", 1),
					querycheck.ExpectLength("docspace_room_template.b", 1),
					querycheck.ExpectIdentity("docspace_room_template.red", objectIdentity(env, e.templateA)),
					querycheck.ExpectIdentity("docspace_room_template.b", objectIdentity(env, e.templateB)),
					querycheck.ExpectResourceDisplayName("docspace_room_template.all", queryfilter.ByResourceIdentity(objectIdentity(env, e.templateA)),
						knownvalue.StringExact(e.templateA.Title+" (template for custom rooms)")),
					querycheck.ExpectResourceKnownValues("docspace_room_template.all", queryfilter.ByResourceIdentity(objectIdentity(env, e.templateA)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("title"), KnownValue: knownvalue.StringExact(e.templateA.Title)},
							{Path: tfjsonpath.New("room_type"), KnownValue: knownvalue.StringExact("custom")},
							{Path: tfjsonpath.New("public"), KnownValue: knownvalue.Bool(false)},
							{Path: tfjsonpath.New("tags"), KnownValue: knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("tfacc-red")})},
							{Path: tfjsonpath.New("room_id"), KnownValue: knownvalue.Null()},
						}),
				},
			},
		},
	})
}

func TestAccQuery_roomLinks(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	e := newQueryEstate(t, env)
	list := func(name, filter string) string {
		return listConfig("docspace_room_link", name, true, fmt.Sprintf("room_id = %q", id(e.beta)), filter)
	}
	linkIdentity := func(linkID string) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{"room_id": knownvalue.StringExact(id(e.beta)), "link_id": knownvalue.StringExact(linkID),
			"host": knownvalue.StringExact(portalHost(env))}
	}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsQuery,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig()},
			{
				Query:  true,
				Config: list("all", "") + list("external", `link_type = "external"`) + list("invitation", `link_type = "invitation"`),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("docspace_room_link.all", 3), // the public room's primary link, and the two made here
					querycheck.ExpectLength("docspace_room_link.external", 2),
					querycheck.ExpectLength("docspace_room_link.invitation", 1),
					querycheck.ExpectIdentity("docspace_room_link.invitation", linkIdentity(e.invitationLinkID)),
					querycheck.ExpectIdentity("docspace_room_link.external", linkIdentity(e.externalLinkID)),
					querycheck.ExpectResourceDisplayName("docspace_room_link.all", queryfilter.ByResourceIdentity(linkIdentity(e.externalLinkID)),
						knownvalue.StringExact(e.beta.Title+": Press kit (external)")),
					querycheck.ExpectResourceDisplayName("docspace_room_link.all", queryfilter.ByDisplayName(knownvalue.StringRegexp(regexp.MustCompile(`\(external, primary\)$`))),
						knownvalue.StringRegexp(regexp.MustCompile("^"+regexp.QuoteMeta(e.beta.Title+": ")))),
					querycheck.ExpectResourceKnownValues("docspace_room_link.all", queryfilter.ByResourceIdentity(linkIdentity(e.invitationLinkID)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("title"), KnownValue: knownvalue.StringExact("Join us")},
							{Path: tfjsonpath.New("link_type"), KnownValue: knownvalue.StringExact("invitation")},
							{Path: tfjsonpath.New("access"), KnownValue: knownvalue.StringExact("viewer")},
							{Path: tfjsonpath.New("primary"), KnownValue: knownvalue.Bool(false)},
							{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(id(e.beta) + "/" + e.invitationLinkID)},
						}),
				},
			},
		},
	})
}

// importGuardedLink is the configuration that imports the guarded link (see guardedLink) of room by
// identity, as terraform query writes it, with extra lines in its block.
func importGuardedLink(env *acctest.Env, room int64, link, extra string) string {
	return env.ProviderConfig() + fmt.Sprintf(`
import {
  to       = docspace_room_link.guarded
  identity = { room_id = "%[1]d", link_id = %[2]q }
}

resource "docspace_room_link" "guarded" {
  room_id   = "%[1]d"
  link_type = "external"
  access    = "viewer"
  title     = "Guarded"
%[3]s}
`, room, link, moreLines(extra))
}

// A generated configuration never holds a link's password; the plan that imports such a link must not
// remove the password from the portal.
func TestAccIdentity_importedLinkKeepsItsPassword(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	ctx := context.Background()
	room, link := guardedLink(t, env)
	config := func(password string) string {
		return importGuardedLink(env, room.ID, link.Shared.ID, password)
	}
	const addr = "docspace_room_link.guarded"
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		Steps: []resource.TestStep{
			{Config: config(""), ExpectError: importedPasswordError},
			// That refusal stays an error at plan time: only a plan that imports meets it, and terraform
			// destroy imports nothing, so it never blocks a destroy.
			{Config: config(""), Destroy: true},
			{
				Config: config(`
  password = "Portal-Secret-42"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{
						"room_id": knownvalue.StringExact(id(room)), "link_id": knownvalue.StringExact(link.Shared.ID),
						"host": knownvalue.StringExact(portalHost(env)),
					}),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("password"), knownvalue.StringExact("Portal-Secret-42")),
				},
			},
			// Once adopted, removing the password is an ordinary change.
			{Config: env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room_link" "guarded" {
  room_id   = "%d"
  link_type = "external"
  access    = "viewer"
  title     = "Guarded"
}
`, room.ID),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(addr, tfjsonpath.New("password"), knownvalue.Null())},
				Check: func(*terraform.State) error {
					got, err := env.Client.GetRoomLink(ctx, room.ID, link.Shared.ID)
					if err == nil && got.Shared.Password != "" {
						err = fmt.Errorf("the password is still set after it was removed from the configuration")
					}
					return err
				},
			},
		},
	})
}

// importedPasswordError is the refusal of an import plan that would remove a link's password: it says what
// to add to the generated block before planning the import again, and never to import without it first.
var importedPasswordError = regexp.MustCompile(`(?s)Imported link has a password.*generated\s+by\s+terraform\s+query.*` +
	`Add\s+the\s+link's\s+password\s+to\s+the\s+resource\s+block,\s+then\s+plan\s+the\s+import\s+again:\s+password\s+=.*` +
	`password_wo\s+=.*password_wo_version\s+=\s+1`)

// guardedLink makes a room with an external link protected by the password Portal-Secret-42.
func guardedLink(t *testing.T, env *acctest.Env) (*docspace.Room, *docspace.Link) {
	t.Helper()
	ctx := context.Background()
	room, err := env.Client.CreateRoom(ctx, roomRequest(acctest.RandomName("room"), docspace.RoomTypeCustom))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = env.Client.DeleteRoom(context.Background(), room.ID) })
	link, err := env.Client.SetRoomLink(ctx, room.ID, docspace.SetLinkRequest{LinkID: newGUID(t), Access: docspace.FileShareRead,
		LinkType: docspace.LinkTypeExternal, Title: "Guarded", Password: "Portal-Secret-42"})
	if err != nil {
		t.Fatal(err)
	}
	return room, link
}

// The second way the refusal offers: the generated block with password_wo and password_wo_version added.
// The import plan goes through, the password stays on the portal and out of the state, and the next plan
// is empty.
func TestAccIdentity_importedLinkWithWriteOnlyPassword(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	room, link := guardedLink(t, env)
	config := func(extra string) string {
		return importGuardedLink(env, room.ID, link.Shared.ID, extra)
	}
	const addr = "docspace_room_link.guarded"
	withPassword := config(`
  password_wo         = "Portal-Secret-42"
  password_wo_version = 1`)
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		Steps: []resource.TestStep{
			{Config: config(""), ExpectError: importedPasswordError},
			{
				Config: withPassword,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("password"), knownvalue.Null()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(1)),
				},
				Check: func(*terraform.State) error {
					got, err := env.Client.GetRoomLink(context.Background(), room.ID, link.Shared.ID)
					if err == nil && got.Shared.Password != "Portal-Secret-42" {
						err = fmt.Errorf("the portal's password is %q after the import, not the configured one", got.Shared.Password)
					}
					return err
				},
			},
			{
				Config:           withPassword,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
