package provider_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// Who may manage a room and who may create one (api-notes.md §34, §35).

// theirRoom creates, with the API key of a second user (a room admin), a room that the portal owner, a
// DocSpace admin, may read but not manage.
func theirRoom(t *testing.T, env *acctest.Env, key, title string) *docspace.Room {
	t.Helper()
	client, err := docspace.New(docspace.Config{Host: env.Host, APIKey: key})
	if err != nil {
		t.Fatal(err)
	}
	room, err := client.CreateRoom(t.Context(), roomRequest(title, docspace.RoomTypeCustom))
	if err != nil {
		t.Fatal(err)
	}
	return room
}

func TestAccRoomManagement_adminNeedsToManageTheRoom(t *testing.T) {
	t.Parallel()
	const roomAdminKey = "sk-manage-room-admin"
	env := acctest.New(t, fakeportal.Options{APIKeys: []string{acctest.FakeAPIKey, roomAdminKey}})
	env.RequireFake(t, "gives a second user an API key and a room manager record")
	title := acctest.RandomName("theirs")
	room := theirRoom(t, env, roomAdminKey, title)
	group := env.Fake.AddGroup("Auditors", "")
	// config adopts the room with the owner's key; more are further blocks.
	config := func(title, more string) string {
		return env.ProviderConfig() + fmt.Sprintf(`
import {
  to = docspace_room.theirs
  id = "%d"
}

resource "docspace_room" "theirs" {
  title     = %q
  room_type = "custom"
}
`, room.ID, title) + more
	}
	link := `
resource "docspace_room_link" "l" {
  room_id   = docspace_room.theirs.id
  link_type = "external"
  access    = "viewer"
  title     = "Auditors"
}
`
	member := fmt.Sprintf(`
resource "docspace_room_member" "m" {
  room_id  = docspace_room.theirs.id
  group_id = %q
  access   = "viewer"
}
`, group)
	members := fmt.Sprintf(`
resource "docspace_room_members" "all" {
  room_id = docspace_room.theirs.id
  members = [{ group_id = %q, access = "viewer" }]
}
`, group)
	refused := regexp.MustCompile(`(?s)The API key cannot manage this room.*room's\s+owner\s+\(its\s+creator\).*room\s+manager\s+of\s+the\s+room.*transfer\s+the\s+room's\s+ownership`)
	renamed := title + " renamed"
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{
				// An admin reads every room: the import works.
				Config: config(title, ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_room.theirs", tfjsonpath.New("title"), knownvalue.StringExact(title)),
				},
			},
			{
				// A change is only a warning at plan time, so that no plan (the one before a destroy
				// included) fails on it.
				Config:             config(renamed, ""),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				PreConfig:   env.Fake.ResetCounts,
				Config:      config(renamed, ""),
				ExpectError: refused,
			},
			{
				// The apply refused before any call: the room kept its title.
				PreConfig: func() {
					if n := env.Fake.Counts()["PUT /api/2.0/files/rooms/{id}"]; n != 0 {
						t.Errorf("the refused update sent %d PUTs", n)
					}
					if got := env.Fake.RoomTitles(false)[room.ID]; got != title {
						t.Errorf("the room's title is %q, want %q", got, title)
					}
				},
				// New links and members there: warned of at plan time, refused by the apply, made nowhere.
				Config:             config(title, link),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{Config: config(title, link), ExpectError: refused},
			{Config: config(title, member), ExpectError: refused},
			{Config: config(title, members), ExpectError: refused},
			{
				// Made a room manager by the room's owner, the admin manages the room.
				PreConfig: func() { env.Fake.SetShare(room.ID, env.Fake.UserID(acctest.FakeAPIKey), 9) },
				Config:    config(renamed, link+member),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("docspace_room.theirs", plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("docspace_room.theirs", tfjsonpath.New("title"), knownvalue.StringExact(renamed)),
					statecheck.ExpectKnownValue("docspace_room_member.m", tfjsonpath.New("access"), knownvalue.StringExact("viewer")),
				},
			},
		},
	})
}

func TestAccRoomManagement_usersAndGuestsCannotCreateRooms(t *testing.T) {
	t.Parallel()
	const userKey = "sk-manage-user"
	env := acctest.New(t, fakeportal.Options{APIKeys: []string{acctest.FakeAPIKey, userKey}})
	env.RequireFake(t, "changes the type of the API key's user")
	config := fmt.Sprintf(`
provider "docspace" {
  api_host = %q
  api_key  = %q
}

resource "docspace_room" "test" {
  title     = %q
  room_type = "custom"
}
`, env.Host, userKey, acctest.RandomName("room"))
	steps := []resource.TestStep{}
	for _, kind := range []int{fakeportal.TypeUser, fakeportal.TypeGuest} {
		steps = append(steps, resource.TestStep{
			// Warned of at plan time; the apply refuses before any call, so no room is made.
			PreConfig:   func() { env.Fake.SetUserType(env.Fake.UserID(userKey), kind) },
			Config:      config,
			ExpectError: regexp.MustCompile(`(?s)The API key cannot create rooms.*of\s+type\s+"(user|guest)".*API\s+key\s+of\s+a\s+DocSpace\s+admin\s+or\s+a\s+room\s+admin.*Nothing\s+was\s+changed`),
		})
	}
	steps = append(steps, resource.TestStep{
		// The refused applies made no room; a room admin creates rooms.
		PreConfig: func() {
			if n := len(env.Fake.RoomTitles(false)); n != 0 {
				t.Errorf("the refused applies made %d rooms", n)
			}
			env.Fake.SetUserType(env.Fake.UserID(userKey), fakeportal.TypeRoomAdmin)
		},
		Config: config,
	})
	env.Run(t, resource.TestCase{CheckDestroy: env.CheckRoomsDestroyed("docspace_room"), Steps: steps})
}

func TestAccRoomMember_groupsBecomeContentCreatorsInAIRoomsOnlyByAChange(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	subjects := memberSubjects(t, env)
	group := subjects[4]
	// The provider does not create AI rooms; one made elsewhere can still take members.
	room, err := env.Client.CreateRoom(t.Context(), roomRequest(acctest.RandomName("ai"), docspace.RoomTypeAI))
	if err != nil {
		t.Fatal(err)
	}
	id := strconv.Quote(strconv.FormatInt(room.ID, 10))
	list := func(access string) string {
		return fmt.Sprintf(`
resource "docspace_room_members" "all" {
  room_id = %s
  members = [{ group_id = %q, access = %q }]
}
`, id, group.id, access)
	}
	rule := ruleRegexp(`a group cannot be made content creator by its first grant`)
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig() + memberBlock("group", id, group, "content_creator"), ExpectError: rule},
			{Config: env.ProviderConfig() + list("content_creator"), ExpectError: rule},
			{
				// Viewer first, then content creator: a change of the group's role passes.
				Config: env.ProviderConfig() + memberBlock("group", id, group, "viewer"),
				Check:  checkShareIn(env, room.ID, group.id, 2),
			},
			{
				Config: env.ProviderConfig() + memberBlock("group", id, group, "content_creator"),
				Check:  checkShareIn(env, room.ID, group.id, 11),
			},
			{Config: env.ProviderConfig()},
			{
				// The list resource, too: the group in state holds a role, so the change passes.
				Config: env.ProviderConfig() + list("viewer"),
				Check:  checkShareIn(env, room.ID, group.id, 2),
			},
			{
				Config: env.ProviderConfig() + list("content_creator"),
				Check:  checkShareIn(env, room.ID, group.id, 11),
			},
		},
	})
	env.Fake.DeleteRoomNow(room.ID)
}

// checkShareIn asks the fake for the subject's role in room id (access 0: no record).
func checkShareIn(env *acctest.Env, id int64, subject string, access int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, _ := env.Fake.ShareOf(id, subject)
		if got != access {
			return fmt.Errorf("%s has access %d in room %d, want %d", subject, got, id, access)
		}
		return nil
	}
}

func TestAccQuery_roomsTheKeyCannotManage(t *testing.T) {
	t.Parallel()
	const roomAdminKey = "sk-query-room-admin"
	env := acctest.New(t, fakeportal.Options{APIKeys: []string{acctest.FakeAPIKey, roomAdminKey}})
	env.RequireFake(t, "gives a second user an API key")
	token := acctest.RandomName("q")
	mine, err := env.Client.CreateRoom(t.Context(), roomRequest("mine "+token, docspace.RoomTypeCustom))
	if err != nil {
		t.Fatal(err)
	}
	theirs := theirRoom(t, env, roomAdminKey, "theirs "+token)
	owner, err := docspace.New(docspace.Config{Host: env.Host, APIKey: roomAdminKey})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := owner.SetRoomLink(t.Context(), theirs.ID, docspace.SetLinkRequest{LinkID: newGUID(t), LinkType: docspace.LinkTypeExternal,
		Access: docspace.FileShareRead, Title: "Partners"}); err != nil {
		t.Fatal(err)
	}
	env.Fake.SetShare(theirs.ID, env.Fake.AddGroup("Readers", ""), 2)
	if _, err := owner.CreateFolder(t.Context(), theirs.ID, "Minutes"); err != nil {
		t.Fatal(err)
	}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsQuery,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig()},
			{
				Query: true,
				Config: listConfig("docspace_room", "all", false, fmt.Sprintf("title_contains = %q", token)) +
					listConfig("docspace_room_member", "theirs", false, fmt.Sprintf(`room_id = "%d"`, theirs.ID)) +
					listConfig("docspace_room_link", "theirs", false, fmt.Sprintf(`room_id = "%d"`, theirs.ID)) +
					listConfig("docspace_folder", "theirs", false, fmt.Sprintf(`room_id = "%d"`, theirs.ID)),
				QueryResultChecks: []querycheck.QueryResultCheck{
					// The portal hides the room's links from the key: none are listed, and a warning says why.
					querycheck.ExpectLength("docspace_room_link.theirs", 0),
					querycheck.ExpectResourceDisplayName("docspace_room.all", queryfilter.ByResourceIdentity(objectIdentity(env, mine)),
						knownvalue.StringExact(mine.Title+" (custom room)")),
					querycheck.ExpectResourceDisplayName("docspace_room.all", queryfilter.ByResourceIdentity(objectIdentity(env, theirs)),
						knownvalue.StringExact(theirs.Title+" (custom room, not manageable with this API key)")),
					querycheck.ExpectResourceDisplayName("docspace_room_member.theirs", queryfilter.ByDisplayName(knownvalue.StringRegexp(regexp.MustCompile(`Readers`))),
						knownvalue.StringExact(theirs.Title+": Readers (viewer, not manageable with this API key)")),
					// Its folders are listed, and marked.
					querycheck.ExpectLength("docspace_folder.theirs", 1),
					querycheck.ExpectResourceDisplayName("docspace_folder.theirs", queryfilter.ByDisplayName(knownvalue.StringRegexp(regexp.MustCompile(`^Minutes`))),
						knownvalue.StringExact("Minutes (not manageable with this API key)")),
				},
			},
		},
	})
}

// TestAccRoomManagement_pendingChangesDoNotBlockDestroy: a pending change to a room the key may not
// manage is a warning at plan time and an error at apply, so `terraform destroy` still runs.
func TestAccRoomManagement_pendingChangesDoNotBlockDestroy(t *testing.T) {
	t.Parallel()
	const roomAdminKey = "sk-destroy-room-admin"
	env := acctest.New(t, fakeportal.Options{APIKeys: []string{acctest.FakeAPIKey, roomAdminKey}})
	env.RequireFake(t, "gives a second user an API key")
	title := acctest.RandomName("theirs")
	room := theirRoom(t, env, roomAdminKey, title)
	config := env.ProviderConfig() + fmt.Sprintf(`
import {
  to = docspace_room.theirs
  id = "%d"
}

resource "docspace_room" "theirs" {
  title     = %q
  room_type = "custom"
}
`, room.ID, title+" renamed")
	env.Run(t, resource.TestCase{
		CheckDestroy: env.CheckRoomsDestroyed("docspace_room"),
		Steps: []resource.TestStep{
			{Config: config, ExpectError: regexp.MustCompile(`The API key cannot manage this room`)},
			{
				// An admin may archive any room, and delete an archived one: the destroy, whose plan
				// sees the pending rename, goes through.
				PreConfig: func() {
					if err := env.Client.ArchiveRoom(t.Context(), room.ID); err != nil {
						t.Fatal(err)
					}
				},
				Config:  config,
				Destroy: true,
			},
		},
	})
}

// TestAccRoomManagement_memberChangeInAnotherUsersRoom: a member adopted in a room the key may not
// manage can be read; a change to it is refused before any call until the key's user manages the room.
func TestAccRoomManagement_memberChangeInAnotherUsersRoom(t *testing.T) {
	t.Parallel()
	const roomAdminKey = "sk-member-room-admin"
	env := acctest.New(t, fakeportal.Options{APIKeys: []string{acctest.FakeAPIKey, roomAdminKey}})
	env.RequireFake(t, "gives a second user an API key and member records")
	room := theirRoom(t, env, roomAdminKey, acctest.RandomName("theirs"))
	group := env.Fake.AddGroup("Auditors", "")
	env.Fake.SetShare(room.ID, group, 2)
	config := func(access string) string {
		return env.ProviderConfig() + fmt.Sprintf(`
import {
  to = docspace_room_member.m
  id = "%[1]d/%[2]s"
}

resource "docspace_room_member" "m" {
  room_id  = "%[1]d"
  group_id = %[2]q
  access   = %[3]q
}
`, room.ID, group, access)
	}
	env.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: config("viewer")},
			{Config: config("editor"), PlanOnly: true, ExpectNonEmptyPlan: true},
			{
				PreConfig:   env.Fake.ResetCounts,
				Config:      config("editor"),
				ExpectError: regexp.MustCompile(`(?s)The API key cannot manage this room.*Nothing\s+was\s+changed`),
			},
			{
				PreConfig: func() {
					if n := env.Fake.Counts()["PUT /api/2.0/files/rooms/{id}/share"]; n != 0 {
						t.Errorf("the refused change sent %d PUT /share", n)
					}
					env.Fake.SetShare(room.ID, env.Fake.UserID(acctest.FakeAPIKey), 9)
				},
				Config: config("editor"),
				Check:  checkShareIn(env, room.ID, group, 10),
			},
		},
	})
}
