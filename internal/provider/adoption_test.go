package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// TestAccAdoption_portal adopts a portal built through the API, as the guide "Adopting an existing portal"
// describes: one `terraform query -generate-config-out`, one apply that imports everything, and a plan
// that shows no changes. It logs the API calls and the wall time of each phase.
func TestAccAdoption_portal(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, fakeportal.Options{})
	env.RequireFake(t, "counts the API calls of each phase of adopting 60 rooms and 5 templates")
	cli := newTerraformCLI(t, "1.14.0")
	ctx := context.Background()

	roomTypes := []docspace.RoomType{docspace.RoomTypeCustom, docspace.RoomTypePublic, docspace.RoomTypeEditing,
		docspace.RoomTypeVirtualData, docspace.RoomTypeFillingForms}
	const rooms, templates = 60, 5
	var ids []int64
	archived := 0
	for i := range rooms {
		room, err := env.Client.CreateRoom(ctx, roomRequest(fmt.Sprintf("%sadopt-%02d", acctest.NamePrefix, i),
			roomTypes[i%len(roomTypes)], []string{fmt.Sprintf("tfacc-team-%c", 'a'+i%3), "tfacc-adopted"}[:1+i%2]...))
		if err != nil {
			t.Fatalf("creating room %d: %v", i, err)
		}
		ids = append(ids, room.ID)
		if i%6 == 5 {
			if err := env.Client.ArchiveRoom(ctx, room.ID); err != nil {
				t.Fatal(err)
			}
			archived++
		}
	}
	for i := range templates {
		public := i == 0
		if _, err := env.Client.CreateTemplate(ctx, docspace.CreateTemplateRequest{
			RoomID: ids[i], Title: fmt.Sprintf("%sadopt-template-%d", acctest.NamePrefix, i), Tags: []string{"tfacc-kit"}[:i%2], Public: &public,
		}); err != nil {
			t.Fatalf("creating template %d: %v", i, err)
		}
	}
	// Links: two in a custom room, and the primary link a public room always has.
	for _, l := range []docspace.SetLinkRequest{
		{LinkID: newGUID(t), LinkType: docspace.LinkTypeExternal, Access: docspace.FileShareRead, Title: "Partners"},
		{LinkID: newGUID(t), LinkType: docspace.LinkTypeInvitation, Access: docspace.FileShareEditing, Title: "Join the team"},
	} {
		if _, err := env.Client.SetRoomLink(ctx, ids[0], l); err != nil {
			t.Fatal(err)
		}
	}

	cli.write("main.tf", `terraform {
  required_providers {
    docspace = { source = "docspace-community/docspace" }
  }
}

`+env.ProviderConfig())
	cli.write("adopt.tfquery.hcl", fmt.Sprintf(`list "docspace_room" "all" {
  provider         = docspace
  include_resource = true
}

list "docspace_room_template" "all" {
  provider         = docspace
  include_resource = true
}

list "docspace_room_link" "team" {
  provider         = docspace
  include_resource = true
  config {
    room_id = "%d"
  }
}

list "docspace_room_link" "public" {
  provider         = docspace
  include_resource = true
  config {
    room_id = "%d"
  }
}
`, ids[0], ids[1]))
	cli.run([]string{"init", "-input=false"})

	env.Fake.ResetCounts()
	started := time.Now()
	cli.run([]string{"query", "-generate-config-out=generated.tf"})
	queried, queryCalls := time.Since(started), env.Fake.Counts()
	generated := cli.read("generated.tf")
	wantObjects := rooms + templates + 3
	if n := len(regexp.MustCompile(`(?m)^resource "docspace_`).FindAllString(generated, -1)); n != wantObjects {
		t.Fatalf("generated %d resource blocks, want %d:\n%s", n, wantObjects, generated)
	}
	if n := len(regexp.MustCompile(`(?m)^import \{`).FindAllString(generated, -1)); n != wantObjects {
		t.Fatalf("generated %d import blocks, want %d", n, wantObjects)
	}
	for _, noise := range []string{"template_id", "room_id = null", "share_user_ids", "share_group_ids"} {
		if strings.Contains(generated, noise) {
			t.Errorf("the generated configuration mentions %q, which the portal does not report:\n%s", noise, generated)
		}
	}

	env.Fake.ResetCounts()
	started = time.Now()
	_, out := cli.run([]string{"apply", "-auto-approve", "-input=false"})
	applied, applyCalls := time.Since(started), env.Fake.Counts()
	want := fmt.Sprintf("Apply complete! Resources: %d imported, 0 added, 0 changed, 0 destroyed.", wantObjects)
	if !strings.Contains(out, want) {
		t.Fatalf("apply did not import everything; want %q:\n%s", want, out)
	}

	env.Fake.ResetCounts()
	started = time.Now()
	if code, out := cli.run([]string{"plan", "-detailed-exitcode", "-input=false"}, 0, 2); code != 0 {
		t.Fatalf("the plan after adoption is not empty:\n%s", out)
	}
	planned, planCalls := time.Since(started), env.Fake.Counts()

	_, list := cli.run([]string{"state", "list"})
	if n := strings.Count(list, "docspace_room."); n != rooms {
		t.Errorf("the state holds %d rooms, want %d", n, rooms)
	}
	t.Logf("adopted %d rooms (%d archived, %d types), %d templates and 3 links", rooms, archived, len(roomTypes), templates)
	t.Logf("query -generate-config-out: %v, %s", queried.Round(time.Millisecond), describeCalls(queryCalls))
	t.Logf("apply (imports):            %v, %s", applied.Round(time.Millisecond), describeCalls(applyCalls))
	t.Logf("plan (no changes):          %v, %s", planned.Round(time.Millisecond), describeCalls(planCalls))
}

// describeCalls sums the API calls and lists them per endpoint.
func describeCalls(counts map[string]int) string {
	total := 0
	parts := make([]string, 0, len(counts))
	for k, n := range counts {
		total += n
		parts = append(parts, fmt.Sprintf("%s: %d", k, n))
	}
	sort.Strings(parts)
	return fmt.Sprintf("%d API calls (%s)", total, strings.Join(parts, ", "))
}
