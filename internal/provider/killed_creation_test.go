package provider_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// abandonEnv carries "host|key|kind|parent id|title" to the helper process that a test kills mid-job.
const abandonEnv = "DOCSPACE_TEST_ABANDON"

// abandonCreation runs one creation in this process and blocks; the parent test kills the process
// with SIGKILL while the portal's job runs, as when terraform or the provider plugin is killed.
func abandonCreation() {
	f := strings.SplitN(os.Getenv(abandonEnv), "|", 5)
	c, err := docspace.New(docspace.Config{Host: f[0], APIKey: f[1]})
	if err != nil {
		panic(err)
	}
	parent, _ := strconv.ParseInt(f[3], 10, 64)
	if f[2] == "template" {
		_, err = c.CreateTemplate(context.Background(), docspace.CreateTemplateRequest{RoomID: parent, Title: f[4]})
	} else {
		_, err = c.CreateRoomFromTemplate(context.Background(), docspace.CreateRoomFromTemplateRequest{RoomSettings: docspace.RoomSettings{Title: f[4]}, TemplateID: parent})
	}
	fmt.Fprintln(os.Stderr, "the creation finished before it was killed:", err)
	os.Exit(3)
}

// killMidJob starts a process that creates title from parent and SIGKILLs it as soon as the portal
// shows the half-made object, which still carries its creation marker.
func killMidJob(t *testing.T, env *acctest.Env, kind string, parent int64, title string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s|%s|%s|%d|%s", abandonEnv, env.Host, env.APIKey, kind, parent, title))
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for markedObject(env, kind, title) == 0 {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("the %s job never made %q", kind, title)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
}

// markedObject returns the id of the object titled title that still carries a creation marker, or 0.
func markedObject(env *acctest.Env, kind, title string) int64 {
	for id, got := range env.Fake.RoomTitles(kind == "template") {
		if strings.HasPrefix(got, title+" [tf-pending-") {
			return id
		}
	}
	return 0
}

// TestAccCreate_killedMidJob: the process creating a template, or a room from a template, is killed
// while the portal's job runs. The object is left on the portal under its creation marker and in no
// state. The next apply does not make a second one: it stops and names the object and the import
// command; after the import, the apply gives the object its real title and the plan is clean.
func TestAccCreate_killedMidJob(t *testing.T) {
	t.Parallel()
	for _, kind := range []string{"template", "room"} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, fakeportal.Options{JobDuration: 2 * time.Second})
			env.RequireFake(t, "sets how long the portal's jobs run and reads the titles it holds")
			prefix := acctest.RandomName("killed")
			config := estateConfig(env, prefix, "")
			addr, title, parentAddr, noun, before := "docspace_room_template.tpl", prefix+" template", "docspace_room.source", "room template", 1
			if kind == "room" {
				addr, title, parentAddr, noun, before = "docspace_room.copy", prefix+" copy", "docspace_room_template.tpl", "room", 2
			}
			configBefore := estatePart(env, prefix, "", before)
			var parent int64
			env.Run(t, resource.TestCase{
				CheckDestroy: env.CheckRoomsDestroyed("docspace_room", "docspace_room_template"),
				Steps: []resource.TestStep{
					{
						Config: configBefore,
						Check:  env.CaptureRoomID(parentAddr, &parent),
					},
					{
						PreConfig: func() {
							env.Fake.SetJobDuration(2 * time.Second)
							killMidJob(t, env, kind, parent, title)
						},
						Config:      config,
						ExpectError: regexp.MustCompile(`(?s)Unfinished earlier creation.*` + noun + ` \d+.*terraform import ` + strings.Split(addr, ".")[0]),
					},
					{
						PreConfig:          func() { env.Fake.SetJobDuration(50 * time.Millisecond) },
						Config:             config,
						ResourceName:       addr,
						ImportState:        true,
						ImportStatePersist: true,
						ImportStateIdFunc: func(*terraform.State) (string, error) {
							if n := countMarked(env, kind, title); n != 1 {
								return "", fmt.Errorf("the portal holds %d half-made %ss titled %q, want exactly 1", n, kind, title)
							}
							return strconv.FormatInt(markedObject(env, kind, title), 10), nil
						},
					},
					{
						// The adopted object gets its real title in place; nothing is created.
						Config: config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
						}},
						Check: resource.ComposeTestCheckFunc(
							env.CheckTitle(addr, title),
							expectPortalHolds(env, []string{prefix + " source", prefix + " copy"}, []string{prefix + " template"}),
						),
					},
				},
			})
		})
	}
}

func countMarked(env *acctest.Env, kind, title string) int {
	n := 0
	for _, got := range env.Fake.RoomTitles(kind == "template") {
		if strings.HasPrefix(got, title+" [tf-pending-") {
			n++
		}
	}
	return n
}
