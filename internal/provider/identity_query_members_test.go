package provider_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// Query tests of the member and group list resources. Their users are acctest's accounts and their groups
// are made for the test, like the member resources' tests; like the other query tests, they need
// Terraform 1.14.

// memberEstate is a room with a user and a group as members, and an archived room with none.
type memberEstate struct {
	token        string
	room, empty  *docspace.Room
	user, group  memberSubject
	userTitle    string // the user's display name
	groupTitle   string // the group's name
	roomIDString string
}

func newMemberEstate(t *testing.T, env *acctest.Env) *memberEstate {
	t.Helper()
	ctx := context.Background()
	subjects := memberSubjects(t, env)
	e := &memberEstate{token: strings.TrimPrefix(acctest.RandomName("q"), acctest.NamePrefix), user: subjects[2], group: subjects[4],
		userTitle: subjects[2].title, groupTitle: subjects[4].title}
	room := func(name string) *docspace.Room {
		r, err := env.Client.CreateRoom(ctx, roomRequest(acctest.NamePrefix+name+" "+e.token, docspace.RoomTypeCustom))
		if err != nil {
			t.Fatalf("creating room %s: %v", name, err)
		}
		t.Cleanup(func() { _ = env.Client.DeleteRoom(context.Background(), r.ID) })
		return r
	}
	e.room, e.empty = room("team"), room("empty")
	e.roomIDString = id(e.room)
	if _, err := env.Client.SetRoomMember(ctx, e.room.ID, e.user.id, docspace.FileShareEditing, false); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Client.SetRoomMember(ctx, e.room.ID, e.group.id, docspace.FileShareRead, false); err != nil {
		t.Fatal(err)
	}
	if err := env.Client.ArchiveRoom(ctx, e.empty.ID); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestAccQuery_roomMember(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	e := newMemberEstate(t, env)
	list := func(name, filter string, include bool) string {
		return listConfig("docspace_room_member", name, include, fmt.Sprintf("room_id = %q", e.roomIDString), filter)
	}
	identity := func(subject string) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{"room_id": knownvalue.StringExact(e.roomIDString), "subject_id": knownvalue.StringExact(subject),
			"host": knownvalue.StringExact(portalHost(env))}
	}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsQuery,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig()},
			{
				Query:  true,
				Config: list("all", "", true) + list("users", `subject_type = "user"`, false) + list("groups", `subject_type = "group"`, false),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("docspace_room_member.all", 2), // the owner's entry is not a member
					querycheck.ExpectLength("docspace_room_member.users", 1),
					querycheck.ExpectLength("docspace_room_member.groups", 1),
					querycheck.ExpectIdentity("docspace_room_member.users", identity(e.user.id)),
					querycheck.ExpectIdentity("docspace_room_member.groups", identity(e.group.id)),
					querycheck.ExpectResourceDisplayName("docspace_room_member.all", queryfilter.ByResourceIdentity(identity(e.user.id)),
						knownvalue.StringExact(e.room.Title+": "+e.userTitle+" (editor)")),
					querycheck.ExpectResourceDisplayName("docspace_room_member.all", queryfilter.ByResourceIdentity(identity(e.group.id)),
						knownvalue.StringExact(e.room.Title+": "+e.groupTitle+" (viewer)")),
					querycheck.ExpectResourceKnownValues("docspace_room_member.all", queryfilter.ByResourceIdentity(identity(e.group.id)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(e.roomIDString + "/" + e.group.id)},
							{Path: tfjsonpath.New("room_id"), KnownValue: knownvalue.StringExact(e.roomIDString)},
							{Path: tfjsonpath.New("group_id"), KnownValue: knownvalue.StringExact(e.group.id)},
							{Path: tfjsonpath.New("user_id"), KnownValue: knownvalue.Null()},
							{Path: tfjsonpath.New("access"), KnownValue: knownvalue.StringExact("viewer")},
							{Path: tfjsonpath.New("notify"), KnownValue: knownvalue.Bool(false)},
						}),
				},
			},
		},
	})
}

func TestAccQuery_roomMembers(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	e := newMemberEstate(t, env)
	list := func(name, filter string, include bool) string {
		return listConfig("docspace_room_members", name, include, fmt.Sprintf("title_contains = %q", e.token), filter)
	}
	identity := func(r *docspace.Room) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{"room_id": knownvalue.StringExact(id(r)), "host": knownvalue.StringExact(portalHost(env))}
	}
	entry := func(user, group, access string) knownvalue.Check {
		value := func(s string) knownvalue.Check {
			if s == "" {
				return knownvalue.Null()
			}
			return knownvalue.StringExact(s)
		}
		return knownvalue.ObjectExact(map[string]knownvalue.Check{"user_id": value(user), "group_id": value(group), "access": knownvalue.StringExact(access)})
	}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsQuery,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig()},
			{
				Query: true,
				Config: list("all", "", true) + list("any", `area = "any"`, false) + list("archived", `area = "archived"`, false) +
					list("active", `area = "active"`, false) +
					listConfig("docspace_room_members", "title", false, fmt.Sprintf(`title_contains = "TEAM %s"`, e.token)),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("docspace_room_members.all", 2),
					querycheck.ExpectLength("docspace_room_members.any", 2),
					querycheck.ExpectLength("docspace_room_members.archived", 1),
					querycheck.ExpectLength("docspace_room_members.active", 1),
					querycheck.ExpectLength("docspace_room_members.title", 1),
					querycheck.ExpectIdentity("docspace_room_members.archived", identity(e.empty)),
					querycheck.ExpectIdentity("docspace_room_members.active", identity(e.room)),
					querycheck.ExpectIdentity("docspace_room_members.title", identity(e.room)),
					querycheck.ExpectResourceDisplayName("docspace_room_members.all", queryfilter.ByResourceIdentity(identity(e.room)),
						knownvalue.StringExact("Members of "+e.room.Title)),
					querycheck.ExpectResourceKnownValues("docspace_room_members.all", queryfilter.ByResourceIdentity(identity(e.room)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("room_id"), KnownValue: knownvalue.StringExact(id(e.room))},
							{Path: tfjsonpath.New("members"), KnownValue: knownvalue.SetExact([]knownvalue.Check{
								entry(e.user.id, "", "editor"), entry("", e.group.id, "viewer"),
							})},
							{Path: tfjsonpath.New("notify"), KnownValue: knownvalue.Bool(false)},
						}),
					// The owner's entry is not a member: a room nobody else may enter has an empty member list.
					querycheck.ExpectResourceKnownValues("docspace_room_members.all", queryfilter.ByResourceIdentity(identity(e.empty)),
						[]querycheck.KnownValueCheck{{Path: tfjsonpath.New("members"), KnownValue: knownvalue.SetExact([]knownvalue.Check{})}}),
				},
			},
		},
	})
}

func TestAccQuery_groups(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	accounts := env.Accounts(t, acctest.RoomAdmin, acctest.User)
	manager, member := accounts[0].ID, accounts[1].ID
	token := strings.TrimPrefix(acctest.RandomName("q"), acctest.NamePrefix)
	teamName, otherName := acctest.NamePrefix+"Team "+token, acctest.NamePrefix+"Other "+token
	team := env.Group(t, teamName, manager, manager, member)
	other := env.Group(t, otherName, "")
	list := func(name, filter string) string {
		return listConfig("docspace_group", name, true, fmt.Sprintf("name_contains = %q", filter))
	}
	identity := func(groupID string) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{"id": knownvalue.StringExact(groupID), "host": knownvalue.StringExact(portalHost(env))}
	}
	env.Run(t, resource.TestCase{
		TerraformVersionChecks: needsQuery,
		Steps: []resource.TestStep{
			{Config: env.ProviderConfig()},
			{
				Query:  true,
				Config: list("all", token) + list("team", "TEAM "+strings.ToUpper(token)) + list("none", "no such group "+token),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("docspace_group.all", 2),
					querycheck.ExpectLength("docspace_group.team", 1),
					querycheck.ExpectLength("docspace_group.none", 0),
					querycheck.ExpectIdentity("docspace_group.team", identity(team)),
					querycheck.ExpectIdentity("docspace_group.all", identity(other)),
					querycheck.ExpectResourceDisplayName("docspace_group.all", queryfilter.ByResourceIdentity(identity(team)), knownvalue.StringExact(teamName)),
					querycheck.ExpectResourceDisplayName("docspace_group.all", queryfilter.ByResourceIdentity(identity(other)), knownvalue.StringExact(otherName)),
					querycheck.ExpectResourceKnownValues("docspace_group.all", queryfilter.ByResourceIdentity(identity(team)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(team)},
							{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact(teamName)},
							{Path: tfjsonpath.New("manager_id"), KnownValue: knownvalue.StringExact(manager)},
							{Path: tfjsonpath.New("member_ids"), KnownValue: knownvalue.SetExact([]knownvalue.Check{
								knownvalue.StringExact(manager), knownvalue.StringExact(member),
							})},
						}),
					querycheck.ExpectResourceKnownValues("docspace_group.all", queryfilter.ByResourceIdentity(identity(other)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("manager_id"), KnownValue: knownvalue.Null()},
							{Path: tfjsonpath.New("member_ids"), KnownValue: knownvalue.SetExact([]knownvalue.Check{})},
						}),
				},
			},
		},
	})
}
