package provider_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
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

// TestCrashThenImmediateReapply kills the terraform process, or the provider plugin it started, while
// the portal's job for a template or a room from a template runs, and applies again at once, as a CI
// retry does. The real terraform CLI runs the provider binary, as for a user. Whatever the interleaving,
// the portal must end with exactly one object of that title, in the state: the re-apply either records
// it, or stops with the unfinished-creation error, and the import it names adopts it. With terraform
// killed, the orphaned plugin must leave the object under its marker and exit within a few seconds.
// An interrupt (SIGINT, as Ctrl-C) is no crash: Terraform waits for the provider, which finishes the
// creation, and the re-apply has nothing to do.
func TestCrashThenImmediateReapply(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("finding the plugin process needs /proc")
	}
	bin := buildProvider(t)
	for _, kind := range []string{"template", "room"} {
		for _, victim := range []string{"plugin", "terraform", "interrupt"} {
			for _, when := range []string{"job started", "object made"} {
				name := kind + "/" + victim + " killed/" + when
				if victim == "interrupt" {
					name = kind + "/terraform interrupted/" + when
				}
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					crashThenReapply(t, bin, kind, victim, when)
				})
			}
		}
	}
}

func crashThenReapply(t *testing.T, bin, kind, victim, when string) {
	env := acctest.New(t, fakeportal.Options{JobDuration: 50 * time.Millisecond})
	prefix := acctest.RandomName("crash")
	addr, title, prereq, startRoute := "docspace_room_template.tpl", prefix+" template", "docspace_room.source", "POST /api/2.0/files/roomtemplate"
	if kind == "room" {
		addr, title, prereq, startRoute = "docspace_room.copy", prefix+" copy", "docspace_room_template.tpl", "POST /api/2.0/files/rooms/fromtemplate"
	}
	w := newWorkspace(t, bin, "crash", `
terraform {
  required_providers {
    docspace = { source = "docspace-community/docspace" }
  }
}
`+estateConfig(env, prefix, ""))
	if code, out := w.run("apply", "-auto-approve", "-input=false", "-target="+prereq); code != 0 {
		t.Fatalf("applying %s: exit %d\n%s", prereq, code, out)
	}

	// The apply that is killed: its job runs for 3 s, long enough to be caught at either moment.
	env.Fake.SetJobDuration(3 * time.Second)
	starts := env.Fake.Counts()[startRoute]
	tf := w.command("apply", "-auto-approve", "-input=false")
	var out bytes.Buffer
	tf.Stdout, tf.Stderr = &out, &out
	if err := tf.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	for {
		reached := env.Fake.Counts()[startRoute] > starts
		if when == "object made" {
			reached = markedObject(env, kind, title) != 0
		}
		if reached {
			break
		}
		if time.Now().After(deadline) {
			_ = tf.Process.Kill()
			_ = tf.Wait()
			t.Fatalf("the apply never reached %q:\n%s", when, out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	plugins := childProcesses(tf.Process.Pid)
	if len(plugins) != 1 {
		_ = tf.Process.Kill()
		_ = tf.Wait()
		t.Fatalf("terraform runs %d provider processes (%v), want 1", len(plugins), plugins)
	}
	plugin := plugins[0]
	killed, signal := tf.Process.Pid, syscall.SIGKILL
	switch victim {
	case "plugin":
		killed = plugin
	case "interrupt":
		signal = syscall.SIGINT
	}
	if err := syscall.Kill(killed, signal); err != nil {
		t.Fatal(err)
	}
	killedAt := time.Now()
	pluginEnded := make(chan time.Duration, 1)
	if victim == "terraform" {
		// The orphaned plugin must give up, without finishing the creation, and end.
		go func() {
			for processAlive(plugin) && time.Since(killedAt) < time.Minute {
				time.Sleep(20 * time.Millisecond)
			}
			pluginEnded <- time.Since(killedAt)
		}()
	}
	_ = tf.Wait()
	t.Logf("sent %s to the %s when the %s job had %s", signal, map[bool]string{true: "terraform", false: victim}[victim == "interrupt"], kind, when)

	// The re-apply starts at once; the killed apply's job may still be running on the portal.
	code, reapply := w.run("apply", "-auto-approve", "-input=false")
	if victim == "terraform" {
		if took := <-pluginEnded; took > 5*time.Second {
			_ = syscall.Kill(plugin, syscall.SIGKILL)
			t.Errorf("the plugin whose terraform was killed ran on for %s", took.Round(time.Millisecond))
		} else {
			t.Logf("the plugin whose terraform was killed ended %s later", took.Round(time.Millisecond))
		}
	}
	if victim == "interrupt" && code != 0 {
		t.Fatalf("the apply after an interrupt failed (exit %d); the interrupted apply should have recorded the object:\n%s", code, reapply)
	}
	if code != 0 {
		m := abandonedObject.FindStringSubmatch(reapply)
		if !strings.Contains(reapply, "Unfinished earlier creation") || m == nil {
			t.Fatalf("the re-apply failed (exit %d) without naming an unfinished creation:\n%s", code, reapply)
		}
		t.Logf("the re-apply stopped at the unfinished creation %s; importing it", m[1])
		if code, out := w.run("import", "-input=false", addr, m[1]); code != 0 {
			t.Fatalf("import %s %s: exit %d\n%s", addr, m[1], code, out)
		}
		if code, out := w.run("apply", "-auto-approve", "-input=false"); code != 0 {
			t.Fatalf("the apply after the import: exit %d\n%s", code, out)
		}
	} else {
		t.Log("the re-apply succeeded")
	}
	// Exactly one object of that title, with its real title, and it is the one in the state.
	var ids []int64
	for id, got := range env.Fake.RoomTitles(kind == "template") {
		if got == title || strings.HasPrefix(got, title+" [tf-pending-") {
			ids = append(ids, id)
			if got != title {
				t.Errorf("%d still carries its creation marker: %q", id, got)
			}
		}
	}
	if len(ids) != 1 {
		t.Fatalf("the portal holds %d objects titled %q (%v), want exactly 1", len(ids), title, env.Fake.RoomTitles(kind == "template"))
	}
	inState := ""
	for _, r := range w.resources(t) {
		if name, _ := r.Values["title"].(string); r.Type == strings.Split(addr, ".")[0] && name == title {
			inState, _ = r.Values["id"].(string)
		}
	}
	if inState != strconv.FormatInt(ids[0], 10) {
		t.Fatalf("the state records %q for %s, want the portal's object %d", inState, addr, ids[0])
	}
}

// command is the terraform command `args` in the workspace, in a process group of its own.
func (w *workspace) command(args ...string) *exec.Cmd {
	cmd := exec.Command(w.terraform, append(args[:1:1], append([]string{"-no-color"}, args[1:]...)...)...)
	cmd.Dir, cmd.Env = w.dir, w.env
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd
}

// childProcesses lists the processes whose parent is pid (Linux /proc).
func childProcesses(pid int) []int {
	var kids []int
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if ppid, _, ok := procStat(child); ok && ppid == pid {
			kids = append(kids, child)
		}
	}
	return kids
}

// processAlive reports whether pid runs (a zombie has exited).
func processAlive(pid int) bool {
	_, state, ok := procStat(pid)
	return ok && state != "Z" && state != "X"
}

// procStat reads the parent and the state of pid from /proc/<pid>/stat.
func procStat(pid int) (ppid int, state string, ok bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, "", false
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 2 {
		return 0, "", false
	}
	ppid, err = strconv.Atoi(f[1])
	return ppid, f[0], err == nil
}
