package provider_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/acctest"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// TestChaos applies one mixed estate from two workspaces at once, with the same API key and the same
// titles and group names (each names its own webhook: a portal refuses a second of the same name and
// URI), against a fake portal that loses and damages answers after acting, damages answers to reads,
// fails jobs and file operations, rate-limits and drops connections; the first apply of one workspace
// is interrupted with SIGINT mid-way. Each workspace re-applies as a user would (and imports what an
// error tells it to) until it succeeds. Then, with the faults gone: both plans are empty, no object is
// in both states, the portal holds exactly the rooms, templates, groups, room members, folders, files
// and webhooks of the two states (no orphan, no duplicate, no creation marker left), and destroying
// both leaves the portal empty.
//
// Each workspace runs the real provider binary in a process of its own, as two Terraform runs would.
// The seed (CHAOS_SEED, default fixed) makes the portal's random choices repeatable; the interleaving of
// the two workspaces is not. CHAOS_DUMP names a directory that receives the whole output of every
// failed attempt.
func TestChaos(t *testing.T) {
	t.Parallel()
	seed := uint64(20261202)
	if s := os.Getenv("CHAOS_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d", seed)
	portal := fakeportal.New(fakeportal.Options{APIKeys: []string{acctest.FakeAPIKey}, Seed: seed,
		JobDuration: 150 * time.Millisecond, FileOpDuration: 100 * time.Millisecond, AllowLoopbackWebhooks: true})
	srv := httptest.NewServer(portal)
	t.Cleanup(srv.Close)
	bin := buildProvider(t)
	manager := portal.AddUser("Chaos Manager", "manager@portal.example", fakeportal.TypeRoomAdmin)
	member := portal.AddUser("Chaos Member", "member@portal.example", fakeportal.TypeUser)

	receiver := newTestReceiver(t)
	for _, route := range slices.Concat(creationRoutes, []string{"/api/2.0/group", "/api/2.0/files/folder/", "/api/2.0/settings/webhook"}) {
		for _, f := range []fakeportal.Fault{
			{Status: 502, AfterProcessing: true, Rate: 0.08},
			{Drop: true, AfterProcessing: true, Rate: 0.06},
			{Reply: fakeportal.ReplyHang, Rate: 0.04},
			{Reply: fakeportal.ReplyEmpty, Rate: 0.06},
			{Reply: fakeportal.ReplyTruncated, Rate: 0.06},
			{Reply: fakeportal.ReplyNull, Rate: 0.06},
			{Reply: fakeportal.ReplyUndecodable, Rate: 0.06},
			{Status: 502, Rate: 0.04}, // refused by the proxy: nothing was made
		} {
			f.Method, f.PathPrefix = "POST", route
			portal.InjectFault(f)
		}
	}
	// Uploads of files (their route ends in /insert, below the folder's id).
	for _, f := range []fakeportal.Fault{
		{Status: 502, AfterProcessing: true, Rate: 0.08},
		{Drop: true, AfterProcessing: true, Rate: 0.06},
		{Reply: fakeportal.ReplyTruncated, Rate: 0.06},
		{Reply: fakeportal.ReplyNull, Rate: 0.06},
		{Status: 502, Rate: 0.04},
	} {
		f.Method, f.PathSuffix = "POST", "/insert"
		portal.InjectFault(f)
	}
	portal.InjectFault(fakeportal.Fault{Reply: fakeportal.ReplyNull, Method: "GET", PathPrefix: "/api/2.0/files/rooms/", Rate: 0.02})
	portal.InjectFault(fakeportal.Fault{Reply: fakeportal.ReplyTruncated, Method: "GET", Rate: 0.02})
	portal.InjectFault(fakeportal.Fault{Reply: fakeportal.ReplyUndecodable, Method: "GET", Rate: 0.02})
	portal.InjectFault(fakeportal.Fault{Status: 429, Rate: 0.05})
	portal.InjectFault(fakeportal.Fault{Status: 503, Method: "GET", Rate: 0.05})
	portal.InjectFault(fakeportal.Fault{Drop: true, Method: "GET", Rate: 0.02})
	portal.FailNextJob(fakeportal.JobTemplate, "Disk quota exceeded", fakeportal.FailAfterCreate)
	portal.FailNextJob(fakeportal.JobRoomFromTemplate, "The template is being edited", fakeportal.FailLeavingObject)
	portal.FailNextFileOperation("The room is being moved by another user")
	portal.FinishFileOperationsAtOnce(true)

	config := chaosEstate(srv.URL, manager, member, receiver.URL())
	spaces := []*workspace{newWorkspace(t, bin, "a", config), newWorkspace(t, bin, "b", config)}
	// The operator of both workspaces adopts an abandoned object once, in the first workspace that
	// names it: with identical titles the error appears in both, and the object belongs to only one.
	adopted := &adoptions{ids: map[string]string{}}
	for _, w := range spaces {
		w.adopted = adopted
	}
	var wg sync.WaitGroup
	for i, w := range spaces {
		wg.Go(func() { w.converge(t, "apply", i == 0) })
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	portal.ClearFaults()
	portal.FinishFileOperationsAtOnce(false)

	owned := map[string]string{} // object id → workspace
	inStates := map[string]int{} // resource type → how many the states hold
	members := map[int64]int{}   // room id → member resources on it
	for _, w := range spaces {
		if code, out := w.run("plan", "-detailed-exitcode", "-input=false"); code != 0 {
			t.Fatalf("workspace %s: the plan after converging is not empty (exit %d):\n%s", w.name, code, out)
		}
		for _, r := range w.resources(t) {
			if r.Type == "docspace_room_link" {
				continue
			}
			id := r.Values["id"].(string)
			if other, dup := owned[id]; dup {
				t.Errorf("object %s is in the states of workspace %s and workspace %s", id, other, w.name)
			}
			owned[id] = w.name
			inStates[r.Type]++
			if r.Type == "docspace_room_member" {
				room, _ := strconv.ParseInt(r.Values["room_id"].(string), 10, 64)
				members[room]++
			}
		}
	}
	onPortal := map[bool]map[int64]string{false: portal.RoomTitles(false), true: portal.RoomTitles(true)}
	for isTemplate, titles := range onPortal {
		for id, title := range titles {
			if _, ok := owned[strconv.FormatInt(id, 10)]; !ok {
				t.Errorf("orphan: %d %q (template: %t) is on the portal but in no state", id, title, isTemplate)
			}
			if strings.Contains(title, "[tf-pending-") {
				t.Errorf("%d still carries its creation marker: %q", id, title)
			}
			// Every member record on the portal is a member resource: the room's owner has no record.
			if n := portal.ShareCount(id); n != members[id] {
				t.Errorf("room %d %q has %d member records on the portal; the states hold %d", id, title, n, members[id])
			}
		}
	}
	folders := map[string]string{}
	for id, title := range portal.Folders() {
		folders[strconv.FormatInt(id, 10)] = title
	}
	files := map[string]string{}
	for _, f := range portal.AllFiles() {
		files[strconv.FormatInt(f.ID, 10)] = f.Title
	}
	hooks := map[string]string{}
	for _, h := range portal.Webhooks() {
		hooks[strconv.FormatInt(h.ID, 10)] = h.Name
	}
	groups := portal.GroupNames()
	for _, c := range []struct {
		noun, resourceType string
		onPortal           map[string]string // id → title or name
	}{{"folder", "docspace_folder", folders}, {"file", "docspace_file", files}, {"group", "docspace_group", groups}, {"webhook", "docspace_webhook", hooks}} {
		for id, title := range c.onPortal {
			if _, ok := owned[id]; !ok {
				t.Errorf("orphan: %s %s %q is on the portal but in no state", c.noun, id, title)
			}
			if strings.Contains(title, "[tf-pending-") {
				t.Errorf("%s %s still carries its creation marker: %q", c.noun, id, title)
			}
		}
		if len(c.onPortal) != inStates[c.resourceType] {
			t.Errorf("the portal holds %d of %s; the states hold %d", len(c.onPortal), c.resourceType, inStates[c.resourceType])
		}
	}
	if len(onPortal[false]) != inStates["docspace_room"] || len(onPortal[true]) != inStates["docspace_room_template"] {
		t.Errorf("the portal holds %d rooms and %d templates; the states hold %v", len(onPortal[false]), len(onPortal[true]), inStates)
	}
	counts := portal.Counts()
	t.Logf("faults that struck: %v", portal.FaultsFired())
	t.Logf("calls: %d room creations, %d template jobs, %d room-from-template jobs, %d group creations; objects in the states: %v",
		counts["POST /api/2.0/files/rooms"], counts["POST /api/2.0/files/roomtemplate"], counts["POST /api/2.0/files/rooms/fromtemplate"],
		counts["POST /api/2.0/group"], inStates)

	for _, w := range spaces {
		wg.Go(func() { w.converge(t, "destroy", false) })
	}
	wg.Wait()
	if ids, groups, folders, files, hooks := portal.RoomIDs(), portal.GroupNames(), portal.Folders(), portal.AllFiles(), portal.Webhooks(); len(ids) > 0 || len(groups) > 0 || len(folders) > 0 || len(files) > 0 || len(hooks) > 0 {
		t.Errorf("the portal still holds rooms %v, groups %v, folders %v, files %+v and webhooks %+v after both workspaces were destroyed", ids, groups, folders, files, hooks)
	}
}

// chaosEstate is what each workspace applies: rooms of several types, an archived one, templates, rooms
// from templates, links, groups of manager and member, the groups and member as room members, and
// folders in rooms and in folders, files in folders, and a webhook. Webhook names and URIs are unique on
// a portal, so each workspace names its own (var.workspace); everything else is titled alike.
func chaosEstate(host, manager, member, receiver string) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    docspace = { source = "docspace-community/docspace" }
  }
}

provider "docspace" {
  api_host        = %q
  api_key         = %q
  request_timeout = "2s"
  max_retries     = 12
}

resource "docspace_room" "source" {
  count     = 2
  title     = "tfacc-chaos source ${count.index}"
  room_type = ["custom", "virtual_data"][count.index]
}

resource "docspace_room_template" "tpl" {
  count   = 2
  room_id = docspace_room.source[count.index].id
  title   = "tfacc-chaos template ${count.index}"
}

resource "docspace_room" "copy" {
  count       = 4
  template_id = docspace_room_template.tpl[count.index %% 2].id
  title       = "tfacc-chaos copy ${count.index}"
}

resource "docspace_room" "plain" {
  count     = 3
  title     = "tfacc-chaos plain ${count.index}"
  room_type = "custom"
  tags      = ["tfacc-chaos"]
  archived  = count.index == 2
}

resource "docspace_room_link" "share" {
  count     = 2
  room_id   = docspace_room.plain[count.index].id
  link_type = "external"
  access    = "viewer"
  title     = "chaos ${count.index}"
}

resource "docspace_group" "team" {
  count      = 2
  name       = "tfacc-chaos team ${count.index}"
  manager_id = %[3]q
  member_ids = [%[3]q, %[4]q]
}

resource "docspace_room_member" "team" {
  count    = 2
  room_id  = docspace_room.plain[count.index].id
  group_id = docspace_group.team[count.index].id
  access   = "editor"
}

resource "docspace_room_member" "member" {
  count   = 2
  room_id = docspace_room.plain[count.index].id
  user_id = %[4]q
  access  = "viewer"
}

resource "docspace_folder" "top" {
  count            = 2
  room_id          = docspace_room.plain[count.index].id
  title            = "Contracts"
  permanent_delete = true
}

resource "docspace_folder" "sub" {
  count            = 2
  parent_id        = docspace_folder.top[count.index].id
  title            = "Signed ${count.index}"
  permanent_delete = true
}

resource "docspace_file" "doc" {
  count            = 2
  folder_id        = docspace_folder.sub[count.index].id
  title            = "Minutes ${count.index}.txt"
  content          = "minutes ${count.index}"
  permanent_delete = true
}

variable "workspace" {
  type = string
}

resource "docspace_webhook" "rooms" {
  name     = "tfacc-chaos hook ${var.workspace}"
  uri      = %[5]q
  ssl      = false
  triggers = ["room.created"]
  secret   = "Chaos-secret-1"
}
`, host, acctest.FakeAPIKey, manager, member, receiver)
}

// buildProvider compiles the provider and writes a CLI configuration that points Terraform at it.
func buildProvider(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-docspace"), ".")
	build.Dir = filepath.Dir(strings.TrimSpace(string(gomod)))
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	rc := fmt.Sprintf(`disable_checkpoint = true

provider_installation {
  dev_overrides {
    "docspace-community/docspace" = %q
  }
  direct {}
}
`, dir)
	if err := os.WriteFile(filepath.Join(dir, "terraformrc"), []byte(rc), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

type workspace struct {
	name, dir string
	env       []string
	terraform string
	adopted   *adoptions
}

// adoptions records which workspace adopted which abandoned object.
type adoptions struct {
	mu  sync.Mutex
	ids map[string]string
}

// claim reports whether workspace may adopt id: nobody has, or it already did.
func (a *adoptions) claim(id, workspace string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if by, ok := a.ids[id]; ok {
		return by == workspace
	}
	a.ids[id] = workspace
	return true
}

func newWorkspace(t *testing.T, bin, name, config string) *workspace {
	t.Helper()
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			t.Fatal("no terraform CLI: run the tests through `make test`, which provides one")
		}
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+filepath.Join(bin, "terraformrc"), "TF_IN_AUTOMATION=1", "TF_INPUT=0",
		"CHECKPOINT_DISABLE=1", "TF_LOG=", "NO_COLOR=1", "TF_VAR_workspace="+name)
	return &workspace{name: name, dir: dir, env: env, terraform: tf}
}

// run runs terraform in the workspace and returns its exit code and output.
func (w *workspace) run(args ...string) (int, string) {
	code, out, _ := w.start(args...)(nil)
	return code, out
}

// start starts terraform; the returned function waits for it, first sending SIGINT after the given
// delay when it is not nil.
func (w *workspace) start(args ...string) func(interruptAfter *time.Duration) (int, string, bool) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	cmd := exec.CommandContext(ctx, w.terraform, append(args[:1:1], append([]string{"-no-color"}, args[1:]...)...)...)
	cmd.Dir, cmd.Env = w.dir, w.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	startErr := cmd.Start()
	return func(interruptAfter *time.Duration) (int, string, bool) {
		defer cancel()
		if startErr != nil {
			return -1, startErr.Error(), false
		}
		interrupted := false
		if interruptAfter != nil {
			done := make(chan struct{})
			go func() {
				select {
				case <-time.After(*interruptAfter):
					interrupted = cmd.Process.Signal(os.Interrupt) == nil
				case <-done:
				}
			}()
			err := cmd.Wait()
			close(done)
			return exitCode(err), out.String(), interrupted
		}
		return exitCode(cmd.Wait()), out.String(), false
	}
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if e, ok := err.(*exec.ExitError); ok {
		return e.ExitCode()
	}
	return -1
}

var (
	abandonedObject = regexp.MustCompile(`DocSpace (?:room template|room|group|folder|file|webhook) ([0-9a-f-]+), titled`)
	diagnosticOf    = regexp.MustCompile(`with (docspace_[a-z_]+\.[a-z_]+\[\d+\]),`)
)

// converge runs `terraform <verb>` until it succeeds, as a user would: reading each failure, and
// importing an object that an error names as left behind by an unfinished creation.
func (w *workspace) converge(t *testing.T, verb string, interruptFirst bool) {
	for attempt := 1; attempt <= 10; attempt++ {
		var after *time.Duration
		if interruptFirst && attempt == 1 {
			d := 1500 * time.Millisecond
			after = &d
		}
		code, out, interrupted := w.start(verb, "-auto-approve", "-input=false", "-parallelism=10")(after)
		if code == 0 && !interrupted {
			t.Logf("workspace %s: %s succeeded on attempt %d", w.name, verb, attempt)
			return
		}
		t.Logf("workspace %s: %s attempt %d failed (exit %d, interrupted %t): %s", w.name, verb, attempt, code, interrupted, summarise(out))
		if d := os.Getenv("CHAOS_DUMP"); d != "" {
			_ = os.WriteFile(filepath.Join(d, fmt.Sprintf("%s-%s-%d.txt", w.name, verb, attempt)), []byte(out), 0o600)
		}
		for _, block := range strings.Split(out, "Error: Unfinished earlier creation")[1:] {
			id, addr := abandonedObject.FindStringSubmatch(block), diagnosticOf.FindStringSubmatch(block)
			if id == nil || addr == nil {
				t.Errorf("workspace %s: cannot read the unfinished creation from:\n%s", w.name, block)
				return
			}
			if !w.adopted.claim(id[1], w.name) {
				t.Logf("workspace %s: %s was adopted by the other workspace; applying again", w.name, id[1])
				continue
			}
			if code, out := w.run("import", "-input=false", addr[1], id[1]); code != 0 {
				t.Logf("workspace %s: import %s %s failed: %s", w.name, addr[1], id[1], summarise(out))
			}
		}
	}
	t.Errorf("workspace %s: %s did not converge in 10 attempts", w.name, verb)
}

// summarise keeps the error lines of terraform's output.
func summarise(out string) string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "Error:") || strings.Contains(l, "Interrupt") {
			lines = append(lines, strings.TrimSpace(strings.Trim(l, "│ ")))
		}
	}
	return strings.Join(lines, " | ")
}

type stateResource struct {
	Type   string         `json:"type"`
	Values map[string]any `json:"values"`
}

// resources lists the managed resources in the workspace's state.
func (w *workspace) resources(t *testing.T) []stateResource {
	cmd := exec.Command(w.terraform, "show", "-json")
	cmd.Dir, cmd.Env = w.dir, w.env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("workspace %s: show: %v", w.name, err)
	}
	var state struct {
		Values struct {
			RootModule struct {
				Resources []stateResource `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal(out, &state); err != nil {
		t.Fatalf("workspace %s: reading the state: %v", w.name, err)
	}
	return state.Values.RootModule.Resources
}
