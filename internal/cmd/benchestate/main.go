// Command benchestate measures the provider at scale with the real Terraform CLI against the bundled
// fake portal:
//
//	make bench-estate ROOMS=500 LATENCY=20ms PARALLELISM=10
//	make bench-estate ROOMS=100 FOLDERS=5 LATENCY=20ms
//
// It builds the provider and the fake portal, starts the fake with the given latency, writes a
// configuration of ROOMS docspace_room resources (mixed room types and tags), each with FOLDERS
// docspace_folder resources in it (none by default; -folders-per-room), into a temporary directory, and runs terraform apply, terraform plan (with refresh) and terraform destroy, each with
// -parallelism=PARALLELISM. For every phase it prints the wall time, the API calls per endpoint, the
// CPU of Terraform and of the provider per object (rooms and folders), the provider's peak RSS, and the
// ratio of the wall time to the latency floor and (for destroy) to the physical floor; with folders,
// also the folder calls against the least they take and the floor of the folder creates alone. calc.go
// states the formulas.
//
// It is a measurement, not a test: it never fails on numbers, only when a Terraform command fails.
//
// With -backend=http the state lives in a store this program serves (state_store.go) instead of a local
// file. Terraform's local backend rewrites the whole state file after every change, one change at a
// time, which makes its own CPU per resource grow with the estate; remote backends save the state
// from time to time instead. Running both tells Terraform's state writes apart from the provider's work.
//
// # How the provider is measured
//
// Terraform starts the provider itself, exactly as for a user: the plugin directory given to
// dev_overrides holds a small wrapper (this program, run under the provider's name) that starts the
// real provider binary with the same arguments, standard streams and environment, waits for it, and
// appends the provider's rusage (CPU, ru_maxrss = VmHWM at exit) to a file. The wrapper passes its own
// file descriptors on, so the plugin handshake and the provider's log stream on stderr go straight to
// Terraform, which reads and parses that stream as it does for every user.
//
// Running the provider in debug/reattach mode (main.go -debug, TF_REATTACH_PROVIDERS) would have been
// simpler to observe, but it changes what is measured: a reattached provider writes the SDK log stream
// to its own stderr, not to Terraform, so Terraform's cost of reading and parsing it disappears from the
// measurement, and it is one long-lived process where Terraform normally starts a fresh provider per
// command (several per apply). The wrapper keeps both as they are for users.
//
// Terraform's own CPU is the rusage of the terraform process minus that of the wrappers and providers
// (the rusage of a waited-for process includes the children it waited for; Terraform waits for its
// plugins).
//
// Environment: TF_LOG* variables are passed through unchanged, so setting TF_LOG=DEBUG measures a run
// with logging; the header line says which were set.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

func main() {
	if os.Getenv(wrapExecEnv) != "" {
		os.Exit(wrapProvider())
	}
	var o options
	flag.IntVar(&o.rooms, "rooms", 100, "number of docspace_room resources")
	flag.IntVar(&o.folders, "folders-per-room", 0, "number of docspace_folder resources in each room")
	flag.DurationVar(&o.latency, "latency", 20*time.Millisecond, "latency the fake portal adds to every request")
	flag.IntVar(&o.parallelism, "parallelism", 10, "terraform -parallelism")
	flag.DurationVar(&o.fileOp, "fileop-duration", 200*time.Millisecond, "how long the fake's file operations (deletions) run")
	flag.StringVar(&o.terraform, "terraform", "", "Terraform CLI (default: $TF_ACC_TERRAFORM_PATH, else terraform on PATH)")
	flag.BoolVar(&o.keep, "keep", false, "keep the working directory (configuration, logs, state)")
	flag.StringVar(&o.backend, "backend", "local", `where Terraform keeps the state: "local" (a file, rewritten after every change) or "http" (a state store this program serves, written at the end of a run and every 20 s, as remote backends are)`)
	flag.Parse()
	if err := run(o); err != nil {
		_, _ = fmt.Fprintln(os.Stderr, "benchestate:", err)
		os.Exit(1)
	}
}

type options struct {
	rooms, folders, parallelism int
	latency, fileOp             time.Duration
	terraform, backend          string
	keep                        bool
}

// objects is the number of managed objects: the rooms and their folders.
func (o options) objects() int { return o.rooms * (1 + o.folders) }

type phaseResult struct {
	name          string
	wall          time.Duration
	calls         map[string]int
	terraformCPU  time.Duration
	terraformOK   bool
	providerCPU   time.Duration
	providerProcs int
	peakRSSKB     int64
	portalCPU     time.Duration // the fake portal's CPU, which a real portal would spend on its own machine
}

func run(o options) error {
	if o.terraform == "" {
		o.terraform = os.Getenv("TF_ACC_TERRAFORM_PATH")
	}
	if o.terraform == "" {
		p, err := exec.LookPath("terraform")
		if err != nil {
			return errors.New("no terraform CLI: run through `make bench-estate`, or pass -terraform")
		}
		o.terraform = p
	}
	work, err := os.MkdirTemp("", "benchestate-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Println("working directory:", work)
	} else {
		defer func() { _ = os.RemoveAll(work) }()
	}

	fmt.Println("==> building the provider and the fake portal")
	bin := filepath.Join(work, "bin")
	plugins := filepath.Join(work, "plugins")
	for _, d := range []string{bin, plugins, filepath.Join(work, "config")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	provider := filepath.Join(bin, "terraform-provider-docspace")
	if err := goBuild(provider, "."); err != nil {
		return err
	}
	fake := filepath.Join(bin, "fakeportal")
	if err := goBuild(fake, "./internal/cmd/fakeportal"); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	if err := copyFile(self, filepath.Join(plugins, "terraform-provider-docspace")); err != nil {
		return err
	}
	usageLog := filepath.Join(work, "provider-usage.jsonl")

	key := "sk-bench-estate"
	portalURL, portalCPU, stopPortal, err := startPortal(fake, work, key, o)
	if err != nil {
		return err
	}
	defer stopPortal()

	cliConfig := filepath.Join(work, "terraformrc")
	if err := os.WriteFile(cliConfig, []byte(fmt.Sprintf(`disable_checkpoint = true
provider_installation {
  dev_overrides {
    "docspace-community/docspace" = %q
  }
  direct {}
}
`, plugins)), 0o644); err != nil {
		return err
	}
	config := filepath.Join(work, "config")
	f, err := os.Create(filepath.Join(config, "main.tf"))
	if err != nil {
		return err
	}
	if err := writeConfig(f, o.rooms, o.folders); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}

	switch o.backend {
	case "local":
	case "http":
		address, stop, err := serveStateStore()
		if err != nil {
			return err
		}
		defer stop()
		if err := os.WriteFile(filepath.Join(config, "backend.tf"), []byte(fmt.Sprintf("terraform {\n  backend \"http\" {\n    address = %q\n  }\n}\n", address)), 0o644); err != nil {
			return err
		}
	default:
		return fmt.Errorf(`-backend is "local" or "http", not %q`, o.backend)
	}

	env := append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", "TF_INPUT=0", "CHECKPOINT_DISABLE=1",
		"DOCSPACE_API_HOST="+portalURL, "DOCSPACE_API_KEY="+key,
		wrapExecEnv+"="+provider, wrapOutEnv+"="+usageLog)

	fmt.Printf("==> %s: %d rooms with %d folders each, latency %s, parallelism %d, file operations %s, %s backend, %s\n",
		version(o.terraform), o.rooms, o.folders, o.latency, o.parallelism, o.fileOp, o.backend, logEnvSummary())
	if o.backend != "local" {
		if err := terraformInit(o.terraform, config, env, filepath.Join(plugins, "terraform-provider-docspace")); err != nil {
			return err
		}
	}

	par := fmt.Sprintf("-parallelism=%d", o.parallelism)
	phases := []struct {
		name string
		args []string
	}{
		{"apply", []string{"apply", "-auto-approve", "-no-color", "-input=false", par}},
		{"plan", []string{"plan", "-refresh=true", "-detailed-exitcode", "-no-color", "-input=false", par}},
		{"destroy", []string{"destroy", "-auto-approve", "-no-color", "-input=false", par}},
	}
	var results []phaseResult
	for _, ph := range phases {
		r, err := runPhase(ph.name, o, config, env, portalURL, portalCPU, usageLog, ph.args)
		if err != nil {
			return err
		}
		results = append(results, r)
		report(os.Stdout, r, o)
	}
	summary(os.Stdout, results, o)
	return nil
}

func runPhase(name string, o options, dir string, env []string, portalURL string, portalCPU func() time.Duration, usageLog string, args []string) (phaseResult, error) {
	r := phaseResult{name: name}
	before, err := readCounters(portalURL)
	if err != nil {
		return r, err
	}
	portalBefore := portalCPU()
	if err := os.Remove(usageLog); err != nil && !errors.Is(err, os.ErrNotExist) {
		return r, err
	}
	logPath := filepath.Join(dir, name+".log")
	out, err := os.Create(logPath)
	if err != nil {
		return r, err
	}
	defer func() { _ = out.Close() }()
	cmd := exec.Command(o.terraform, args...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = dir, env, out, out
	start := time.Now()
	runErr := cmd.Run()
	r.wall = time.Since(start)
	if runErr != nil && (name != "plan" || exitCode(runErr) != 2) {
		tail, _ := os.ReadFile(logPath)
		return r, fmt.Errorf("terraform %s: %v\n%s", name, runErr, lastLines(tail, 30))
	}
	if name == "plan" && exitCode(runErr) == 2 {
		fmt.Println("   note: the plan after apply is not empty (see plan.log with -keep)")
	}
	after, err := readCounters(portalURL)
	if err != nil {
		return r, err
	}
	r.calls = diffCounts(before, after)
	r.portalCPU = portalCPU() - portalBefore

	uf, err := os.Open(usageLog)
	if err != nil {
		return r, fmt.Errorf("no provider usage recorded: %w", err)
	}
	usage, err := readUsage(uf)
	_ = uf.Close()
	if err != nil {
		return r, err
	}
	var wrappers time.Duration
	r.providerCPU, wrappers, r.peakRSSKB = providerTotals(usage)
	r.providerProcs = len(usage)
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage) // always a Rusage on Linux
	total := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	r.terraformCPU, r.terraformOK = terraformOwnCPU(total, r.providerCPU, wrappers)
	return r, nil
}

func report(w io.Writer, r phaseResult, o options) {
	calls := totalCalls(r.calls)
	lf := latencyFloor(calls, o.latency, o.parallelism)
	n := o.objects()
	_, _ = fmt.Fprintf(w, "\n--- %s\n", r.name)
	_, _ = fmt.Fprintf(w, "wall time            %v\n", r.wall.Round(time.Millisecond))
	_, _ = fmt.Fprintf(w, "API calls            %d (%.2f per object)\n", calls, float64(calls)/float64(max(n, 1)))
	for _, k := range sortedEndpoints(r.calls) {
		_, _ = fmt.Fprintf(w, "  %6d  %s\n", r.calls[k], k)
	}
	note := ""
	if !r.terraformOK {
		note = " (clamped: a provider process was not waited for)"
	}
	_, _ = fmt.Fprintf(w, "terraform CPU        %v total, %v per object%s\n", r.terraformCPU.Round(time.Millisecond), perObject(r.terraformCPU, n).Round(time.Microsecond), note)
	_, _ = fmt.Fprintf(w, "provider CPU         %v total, %v per object (%d provider processes)\n", r.providerCPU.Round(time.Millisecond), perObject(r.providerCPU, n).Round(time.Microsecond), r.providerProcs)
	_, _ = fmt.Fprintf(w, "provider peak RSS    %.1f MiB\n", float64(r.peakRSSKB)/1024)
	_, _ = fmt.Fprintf(w, "fake portal CPU      %v total, %v per object (the same machine's cores)\n", r.portalCPU.Round(time.Millisecond), perObject(r.portalCPU, n).Round(time.Microsecond))
	_, _ = fmt.Fprintf(w, "latency floor        %v = %d calls × %v / %d → wall is %s\n", lf.Round(time.Millisecond), calls, o.latency, o.parallelism, ratio(r.wall, lf))
	if o.folders > 0 {
		folders := o.rooms * o.folders
		switch r.name {
		case "apply":
			// The creates run in the apply's own provider process: one marker listing per room.
			least := folderCreateCalls(o.rooms, o.folders, 1)
			ff := folderCreateFloor(o.rooms, o.folders, 1, o.parallelism, o.latency)
			_, _ = fmt.Fprintf(w, "folder calls         %d of at least %d = %d folders × 2 + %d rooms × 1 listing\n", folderCalls(r.calls), least, folders, o.rooms)
			_, _ = fmt.Fprintf(w, "folder create floor  %v = %d calls × %v / %d (the folders alone, once their rooms exist)\n", ff.Round(time.Millisecond), least, o.latency, o.parallelism)
		case "destroy":
			_, _ = fmt.Fprintf(w, "folder calls         %d of at least %d = %d folders × 3, plus one refresh read each\n", folderCalls(r.calls), folderDeleteCalls(folders)+folders, folders)
		}
	}
	if r.name == "destroy" {
		pf := physicalFloor(o.rooms, o.folders, o.parallelism, o.latency, o.fileOp)
		if o.folders > 0 {
			_, _ = fmt.Fprintf(w, "physical floor       %v = ceil(%d / %d) × %v + ceil(%d / %d) × (3 × %v + %v) + ceil(%d / %d) × (2 × %v + %v) → wall is %s\n",
				pf, n, o.parallelism, o.latency, o.rooms*o.folders, o.parallelism, o.latency, o.fileOp, o.rooms, o.parallelism, o.latency, o.fileOp, ratio(r.wall, pf))
		} else {
			_, _ = fmt.Fprintf(w, "physical floor       %v = ceil(%d / %d) × (3 × %v + %v) → wall is %s\n", pf, o.rooms, o.parallelism, o.latency, o.fileOp, ratio(r.wall, pf))
		}
	}
}

func summary(w io.Writer, rs []phaseResult, o options) {
	n := o.objects()
	_, _ = fmt.Fprintf(w, "\n%d objects (%d rooms, %d folders); CPU per object\n", n, o.rooms, o.rooms*o.folders)
	_, _ = fmt.Fprintf(w, "%-8s %10s %7s %11s %12s %12s %13s %9s %9s %9s\n", "phase", "wall", "calls", "tf CPU/obj", "prov CPU/obj", "prov RSS MiB", "fake CPU/obj", "lat.floor", "×lat", "×phys")
	for _, r := range rs {
		calls := totalCalls(r.calls)
		lf := latencyFloor(calls, o.latency, o.parallelism)
		phys := "n/a"
		if r.name == "destroy" {
			phys = ratio(r.wall, physicalFloor(o.rooms, o.folders, o.parallelism, o.latency, o.fileOp))
		}
		_, _ = fmt.Fprintf(w, "%-8s %10v %7d %11v %12v %12.1f %13v %9v %9s %9s\n", r.name, r.wall.Round(time.Millisecond), calls,
			perObject(r.terraformCPU, n).Round(time.Microsecond), perObject(r.providerCPU, n).Round(time.Microsecond),
			float64(r.peakRSSKB)/1024, perObject(r.portalCPU, n).Round(time.Microsecond), lf.Round(time.Millisecond), ratio(r.wall, lf), phys)
	}
}

// terraformInit initialises the backend. Init ignores dev_overrides and would look the provider up in
// the registry, so it installs the wrapper from a plugin directory instead; the runs that follow use
// dev_overrides as before.
func terraformInit(terraform, dir string, env []string, wrapper string) error {
	mirror := filepath.Join(filepath.Dir(dir), "mirror")
	platform := runtime.GOOS + "_" + runtime.GOARCH
	pkg := filepath.Join(mirror, filepath.FromSlash(provider.Address), "0.0.1", platform)
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		return err
	}
	if err := copyFile(wrapper, filepath.Join(pkg, "terraform-provider-docspace_v0.0.1")); err != nil {
		return err
	}
	cmd := exec.Command(terraform, "init", "-input=false", "-no-color", "-plugin-dir="+mirror)
	cmd.Dir, cmd.Env = dir, env
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("terraform init: %v\n%s", err, lastLines(out, 30))
	}
	return nil
}

func goBuild(out, pkg string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s: %w", pkg, err)
	}
	return nil
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o755)
}

var listening = regexp.MustCompile(`listening on (http://\S+)`)

// startPortal starts the fake portal and returns its URL, a function that reads the CPU time it has used
// so far, and one that stops it.
func startPortal(bin, work, key string, o options) (string, func() time.Duration, func(), error) {
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-api-key", key, "-debug-counters",
		"-latency", o.latency.String(), "-fileop-duration", o.fileOp.String())
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, nil, err
	}
	logFile, err := os.Create(filepath.Join(work, "portal.log"))
	if err != nil {
		return "", nil, nil, err
	}
	cmd.Stderr = logFile
	if err := cmd.Start(); err != nil {
		return "", nil, nil, err
	}
	stop := func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
		_ = logFile.Close()
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		sent := false
		for sc.Scan() {
			_, _ = fmt.Fprintln(logFile, sc.Text())
			if m := listening.FindStringSubmatch(sc.Text()); m != nil && !sent {
				found <- m[1]
				sent = true
			}
		}
	}()
	select {
	case url := <-found:
		pid := cmd.Process.Pid
		cpu := func() time.Duration {
			stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
			if err != nil {
				return 0
			}
			d, _ := procStatCPU(string(stat))
			return d
		}
		return url, cpu, stop, nil
	case <-time.After(10 * time.Second):
		stop()
		return "", nil, nil, errors.New("the fake portal did not start")
	}
}

func readCounters(portalURL string) (map[string]int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, portalURL+"/_fakeportal/counters", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("reading the fake's counters: %s", resp.Status)
	}
	var counts map[string]int
	return counts, json.NewDecoder(resp.Body).Decode(&counts)
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

func lastLines(b []byte, n int) string {
	lines := bytes.Split(bytes.TrimRight(b, "\n"), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}

func version(terraform string) string {
	out, err := exec.Command(terraform, "version").Output()
	if err != nil {
		return terraform
	}
	first, _, _ := strings.Cut(string(out), "\n")
	return first
}

// logEnvSummary names the TF_LOG* variables set for this run.
func logEnvSummary() string {
	var set []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "TF_LOG") {
			set = append(set, kv)
		}
	}
	if len(set) == 0 {
		return "no TF_LOG* set"
	}
	return strings.Join(set, " ")
}
