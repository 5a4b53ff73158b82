package provider_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// TestAccRoomDataSource_readsAsTheResource reads rooms made by docspace_room, by id and by title in each
// area, and expects every attribute the two share to agree.
func TestAccRoomDataSource_readsAsTheResource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	active, archived := acctest.RandomName("room"), acctest.RandomName("room")
	rooms := env.ProviderConfig() + fmt.Sprintf(`
resource "docspace_room" "active" {
  title         = %q
  room_type     = "virtual_data"
  tags          = ["tfacc-ds", "legal"]
  color         = "1A2B3C"
  indexing      = true
  deny_download = true
  lifetime = {
    value  = 3
    period = "months"
  }
  watermark = {
    text      = "Confidential"
    additions = ["user_name", "room_name"]
    rotate    = -45
  }
}

resource "docspace_room" "archived" {
  title     = %q
  room_type = "custom"
  archived  = true
}
`, active, archived)
	lookups := rooms + `
data "docspace_room" "by_id" {
  id = docspace_room.active.id
}

data "docspace_room" "by_title" {
  title = docspace_room.active.title
}

data "docspace_room" "archived" {
  title = docspace_room.archived.title
  area  = "archived"
}
`
	same := func(ds, res string) []statecheck.StateCheck {
		var checks []statecheck.StateCheck
		for _, a := range []string{"id", "title", "room_type", "tags", "color", "cover", "quota", "indexing", "deny_download",
			"lifetime", "watermark", "archived", "owner_id", "created"} {
			checks = append(checks, statecheck.CompareValuePairs(ds, tfjsonpath.New(a), res, tfjsonpath.New(a), compare.ValuesSame()))
		}
		return checks
	}
	checks := append(same("data.docspace_room.by_id", "docspace_room.active"), same("data.docspace_room.by_title", "docspace_room.active")...)
	checks = append(checks, same("data.docspace_room.archived", "docspace_room.archived")...)
	checks = append(checks,
		statecheck.ExpectKnownValue("data.docspace_room.by_id", tfjsonpath.New("area"), knownvalue.StringExact("active")),
		statecheck.ExpectKnownValue("data.docspace_room.by_id", tfjsonpath.New("lifetime").AtMapKey("period"), knownvalue.StringExact("months")),
		statecheck.ExpectKnownValue("data.docspace_room.by_id", tfjsonpath.New("watermark").AtMapKey("rotate"), knownvalue.Int64Exact(-45)),
		statecheck.ExpectKnownValue("data.docspace_room.archived", tfjsonpath.New("area"), knownvalue.StringExact("archived")),
		statecheck.ExpectKnownValue("data.docspace_room.archived", tfjsonpath.New("archived"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue("data.docspace_room.archived", tfjsonpath.New("lifetime"), knownvalue.Null()),
	)
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{Config: lookups, ConfigStateChecks: checks},
			{
				// The archived room is not among the active ones.
				Config: rooms + fmt.Sprintf(`
data "docspace_room" "x" {
  title = %q
}
`, archived),
				ExpectError: wrapped(`(?s)No active DocSpace room is titled "` + archived + `". Similar rooms: [0-9]+ \("` + archived + `", archived\)`),
			},
		},
	})
}

// TestAccRoomDataSource_notFoundAmbiguousAndTemplates pins the errors: each names the ids to choose from.
func TestAccRoomDataSource_notFoundAmbiguousAndTemplates(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "seeds rooms and a template with chosen titles directly in the fake")
	twin1 := env.Fake.AddRoom("Twins", 5, nil, false)
	twin2 := env.Fake.AddRoom("Twins", 2, nil, false)
	archivedTwin := env.Fake.AddRoom("Twins", 5, nil, true)
	upper := env.Fake.AddRoom("Board Minutes", 5, nil, false)
	only := env.Fake.AddRoom("Twins archive", 8, []string{"kept"}, true)
	template := env.Fake.AddTemplate("Twins", 5, nil, false)
	// lookup is a configuration of the data source; attrs are the lines of its block as they stand in the file.
	lookup := func(attrs string) string {
		return env.ProviderConfig() + fmt.Sprintf(`
data "docspace_room" "r" {
%s
}
`, blockLines(attrs))
	}
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config: lookup(`
  title = "Twins"`),
			ExpectError: wrapped(fmt.Sprintf(`2 active DocSpace rooms are titled "Twins" \(ids %d, %d\)`, twin1, twin2)),
		},
		{
			// The archive holds one "Twins"; the template of that title never counts.
			Config: lookup(`
  title = "Twins"
  area  = "archived"`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.docspace_room.r", tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(archivedTwin))),
				statecheck.ExpectKnownValue("data.docspace_room.r", tfjsonpath.New("room_type"), knownvalue.StringExact("custom")),
			},
		},
		{
			// The title is exact: another letter case is only suggested.
			Config: lookup(`
  title = "board minutes"`),
			ExpectError: wrapped(fmt.Sprintf(`No active DocSpace room is titled "board minutes". Similar rooms: %d \("Board Minutes", active\)`, upper)),
		},
		{
			Config: lookup(`
  title = "Nothing like it"`),
			ExpectError: wrapped(`No active DocSpace room is titled "Nothing like it"\.`),
		},
		{
			Config: lookup(`
  id = "999999"`),
			ExpectError: wrapped(`No DocSpace room has the id 999999`),
		},
		{
			Config: lookup(fmt.Sprintf(`
  id = "%d"`, template)),
			ExpectError: wrapped(fmt.Sprintf(`DocSpace object %d is a room template, not a room`, template)),
		},
		{
			Config: env.ProviderConfig() + `
data "docspace_room" "r" {}
`,
			ExpectError: regexp.MustCompile(`Invalid Attribute Combination`),
		},
		{
			Config: lookup(fmt.Sprintf(`
  id   = "%d"
  area = "active"`, upper)),
			ExpectError: regexp.MustCompile(`Invalid Attribute Combination`),
		},
		{
			// Both areas: the archived twin makes three.
			Config: lookup(`
  title = "Twins"
  area  = "any"`),
			ExpectError: wrapped(fmt.Sprintf(`3 DocSpace rooms are titled "Twins" \(ids %d, %d, %d\)`, twin1, twin2, archivedTwin)),
		},
		{
			// Both areas find the archived room; area stays as configured and archived says where it is.
			Config: lookup(`
  title = "Twins archive"
  area  = "any"`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.docspace_room.r", tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(only))),
				statecheck.ExpectKnownValue("data.docspace_room.r", tfjsonpath.New("area"), knownvalue.StringExact("any")),
				statecheck.ExpectKnownValue("data.docspace_room.r", tfjsonpath.New("archived"), knownvalue.Bool(true)),
			},
		},
		// Last, so the test's final destroy has a valid configuration.
		{
			Config: lookup(`
  title = "Twins archive"
  area  = "archived"`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.docspace_room.r", tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(only))),
				statecheck.ExpectKnownValue("data.docspace_room.r", tfjsonpath.New("tags"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("kept")})),
				statecheck.ExpectKnownValue("data.docspace_room.r", tfjsonpath.New("quota"), knownvalue.Null()),
			},
		},
	}})
}

// TestAccRoomsDataSource_pagesAndFilters lists more rooms than one page (100) holds, with each filter.
func TestAccRoomsDataSource_pagesAndFilters(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "seeds 140 rooms directly in the fake")
	for i := range 120 {
		env.Fake.AddRoom(fmt.Sprintf("Bulk room %03d", i), 5, []string{"bulk"}, false)
	}
	for i := range 10 {
		env.Fake.AddRoom(fmt.Sprintf("Old bulk room %d", i), 5, []string{"bulk", "old"}, true)
	}
	env.Fake.AddRoom("Deal room Acme", 8, []string{"deal", "legal"}, false)
	env.Fake.AddRoom("Deal room Zenith", 8, []string{"deal"}, false)
	env.Fake.AddRoom("DEAL ROOM closed", 8, []string{"Legal", "deal"}, true)
	env.Fake.AddRoom("Forms intake", 1, []string{"legal"}, false)
	env.Fake.AddRoom("Team space", 2, nil, false)
	for i := range 5 {
		env.Fake.AddRoom(fmt.Sprintf("Press kit %d", i), 6, []string{"press"}, false)
	}
	env.Fake.AddTemplate("Deal room template", 8, []string{"deal", "legal"}, false)
	owner := env.Fake.UserID(acctest.FakeAPIKey)

	config := env.ProviderConfig() + `
data "docspace_rooms" "active" {}

data "docspace_rooms" "archived" {
  area = "archived"
}

data "docspace_rooms" "any" {
  area = "any"
}

data "docspace_rooms" "deals" {
  area           = "any"
  title_contains = "deal room"
}

data "docspace_rooms" "vdr" {
  room_type = "virtual_data"
}

data "docspace_rooms" "legal_deals" {
  area = "any"
  tags = ["LEGAL", "deal"]
}

data "docspace_rooms" "old_bulk" {
  area           = "archived"
  title_contains = "bulk"
  tags           = ["old"]
  room_type      = "custom"
}

data "docspace_rooms" "none" {
  room_type = "collaboration"
  tags      = ["press"]
}
`
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{{
		Config: config,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.docspace_rooms.active", tfjsonpath.New("area"), knownvalue.StringExact("active")),
			statecheck.ExpectKnownValue("data.docspace_rooms.active", tfjsonpath.New("rooms"), knownvalue.ListSizeExact(129)),
			statecheck.ExpectKnownValue("data.docspace_rooms.archived", tfjsonpath.New("rooms"), knownvalue.ListSizeExact(11)),
			statecheck.ExpectKnownValue("data.docspace_rooms.any", tfjsonpath.New("rooms"), knownvalue.ListSizeExact(140)),
			statecheck.ExpectKnownValue("data.docspace_rooms.deals", tfjsonpath.New("rooms"), knownvalue.ListSizeExact(3)),
			statecheck.ExpectKnownValue("data.docspace_rooms.vdr", tfjsonpath.New("rooms"), knownvalue.ListSizeExact(2)),
			statecheck.ExpectKnownValue("data.docspace_rooms.legal_deals", tfjsonpath.New("rooms"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id":        knownvalue.StringRegexp(regexpNumeric),
					"title":     knownvalue.StringExact("DEAL ROOM closed"),
					"room_type": knownvalue.StringExact("virtual_data"),
					"tags":      knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("legal"), knownvalue.StringExact("deal")}),
					"archived":  knownvalue.Bool(true),
					"owner_id":  knownvalue.StringExact(owner),
					"created":   knownvalue.NotNull(),
				}),
				knownvalue.ObjectPartial(map[string]knownvalue.Check{"title": knownvalue.StringExact("Deal room Acme"), "archived": knownvalue.Bool(false)}),
			})),
			statecheck.ExpectKnownValue("data.docspace_rooms.old_bulk", tfjsonpath.New("rooms"), knownvalue.ListSizeExact(10)),
			statecheck.ExpectKnownValue("data.docspace_rooms.old_bulk", tfjsonpath.New("rooms").AtSliceIndex(9).AtMapKey("title"), knownvalue.StringExact("Old bulk room 9")),
			statecheck.ExpectKnownValue("data.docspace_rooms.active", tfjsonpath.New("rooms").AtSliceIndex(0).AtMapKey("title"), knownvalue.StringExact("Bulk room 000")),
			statecheck.ExpectKnownValue("data.docspace_rooms.active", tfjsonpath.New("rooms").AtSliceIndex(128).AtMapKey("title"), knownvalue.StringExact("Team space")),
			statecheck.ExpectKnownValue("data.docspace_rooms.none", tfjsonpath.New("rooms"), knownvalue.ListSizeExact(0)),
		},
	}}})
	if n := env.Fake.Counts()["GET /api/2.0/files/rooms"]; n < 4 {
		t.Fatalf("the listings used %d pages; 129 active and 140 rooms in all need at least 2 pages each", n)
	}
}

// TestAccRoomLookups_fullTextSearch runs the title lookups against a portal whose text search is a full-text
// index capped at 5 folders (api-notes.md §33). More rooms match than the cap, templates or archived rooms
// fill the cap, and the index folds ё: each exact-title lookup still finds its rooms, and title_contains
// keeps every room. (An answer that reaches the real cap of 1000 is the client's test, TestListRoomsByText.)
func TestAccRoomLookups_fullTextSearch(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{FullTextSearch: true, FullTextSearchCap: 5})
	env.RequireFake(t, "switches the portal's title search to a small full-text index")
	for i := range 8 {
		env.Fake.AddRoom(fmt.Sprintf("Project %02d", i+1), 5, nil, false)
	}
	project := env.Fake.AddRoom("Project", 2, nil, false) // the newest: the cap leaves it out
	for i := range 6 {
		env.Fake.AddTemplate(fmt.Sprintf("Budget plan %d", i+1), 5, nil, false)
	}
	budget := env.Fake.AddRoom("Budget", 5, nil, false) // the templates fill the cap; no room is left in the answer
	fir := env.Fake.AddRoom("Ёлка", 5, nil, false)      // indexed as "елка"
	for range 5 {
		env.Fake.AddRoom("Twins", 5, nil, true) // the oldest: the index answers with these archived twins only
	}
	env.Fake.AddRoom("Twins", 5, nil, false)
	env.Fake.AddRoom("Twins", 2, nil, false)
	env.Run(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config: env.ProviderConfig() + `
data "docspace_room" "project" {
  title = "Project"
}

data "docspace_room" "budget" {
  title = "Budget"
}

data "docspace_room" "fir" {
  title = "Ёлка"
}

data "docspace_rooms" "projects" {
  title_contains = "project"
}

data "docspace_rooms" "twins" {
  area           = "any"
  title_contains = "twins"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.docspace_room.project", tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(project))),
				statecheck.ExpectKnownValue("data.docspace_room.project", tfjsonpath.New("room_type"), knownvalue.StringExact("collaboration")),
				statecheck.ExpectKnownValue("data.docspace_room.budget", tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(budget))),
				statecheck.ExpectKnownValue("data.docspace_room.fir", tfjsonpath.New("id"), knownvalue.StringExact(fmt.Sprint(fir))),
				statecheck.ExpectKnownValue("data.docspace_rooms.projects", tfjsonpath.New("rooms"), knownvalue.ListSizeExact(9)),
				statecheck.ExpectKnownValue("data.docspace_rooms.twins", tfjsonpath.New("rooms"), knownvalue.ListSizeExact(7)),
			},
		},
		{
			// The active twins lie beyond the cap: both are found and reported.
			Config: env.ProviderConfig() + `
data "docspace_room" "twins" {
  title = "Twins"
}
`,
			ExpectError: wrapped(`2 active DocSpace rooms are titled "Twins"`),
		},
	}})
}
