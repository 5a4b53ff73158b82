package provider_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

// terraformCLI runs the Terraform CLI of the acceptance tests (TF_ACC_TERRAFORM_PATH, else terraform on
// PATH) in a working directory of its own, against the provider served inside the test process. It is
// for workflows the test framework does not drive, such as `terraform query -generate-config-out`.
type terraformCLI struct {
	t   *testing.T
	bin string
	dir string
	env []string
}

// newTerraformCLI skips the test when no CLI of at least minVersion is available.
func newTerraformCLI(t *testing.T, minVersion string) *terraformCLI {
	t.Helper()
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("terraform"); err != nil {
			t.Skip("no Terraform CLI: set TF_ACC_TERRAFORM_PATH or put terraform on PATH")
		}
	}
	out, err := exec.Command(bin, "version", "-json").Output()
	if err != nil {
		t.Fatalf("%s version: %v", bin, err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%s version -json: %v", bin, err)
	}
	have, err := version.NewVersion(v.Version)
	if err != nil {
		t.Fatalf("%s version: %v", bin, err)
	}
	if have.LessThan(version.Must(version.NewVersion(minVersion))) {
		t.Skipf("needs Terraform %s or later; %s is %s", minVersion, bin, v.Version)
	}

	ctx, cancel := context.WithCancel(context.Background())
	reattach := make(chan *plugin.ReattachConfig)
	closed := make(chan struct{})
	go func() {
		err := tf6server.Serve(provider.Address, provider.NewProtocolServer("test", nil),
			tf6server.WithDebug(ctx, reattach, closed), tf6server.WithGoPluginLogger(hclog.NewNullLogger()), tf6server.WithLoggingSink(t))
		if err != nil {
			t.Errorf("serving the provider: %v", err)
		}
	}()
	var cfg *plugin.ReattachConfig
	select {
	case cfg = <-reattach:
	case <-closed:
		t.Fatal("the provider server stopped before it was ready")
	}
	t.Cleanup(func() { cancel(); <-closed })
	info, _ := json.Marshal(map[string]any{provider.Address: map[string]any{
		"Protocol": string(cfg.Protocol), "ProtocolVersion": cfg.ProtocolVersion, "Pid": cfg.Pid, "Test": true,
		"Addr": map[string]string{"Network": cfg.Addr.Network(), "String": cfg.Addr.String()},
	}})

	dir := t.TempDir()
	rc := filepath.Join(dir, ".terraformrc")
	cliConfig := `
disable_checkpoint = true
`
	if err := os.WriteFile(rc, []byte(cliConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "TF_REATTACH_PROVIDERS="+string(info), "TF_CLI_CONFIG_FILE="+rc,
		"CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", "TF_INPUT=0")
	return &terraformCLI{t: t, bin: bin, dir: dir, env: env}
}

// write puts a file into the working directory.
func (c *terraformCLI) write(name, content string) {
	c.t.Helper()
	if err := os.WriteFile(filepath.Join(c.dir, name), []byte(content), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

func (c *terraformCLI) read(name string) string {
	c.t.Helper()
	b, err := os.ReadFile(filepath.Join(c.dir, name))
	if err != nil {
		c.t.Fatal(err)
	}
	return string(b)
}

// run runs terraform with args and returns its exit code and combined output; it fails the test when
// terraform exits with another code than one of okCodes (0 when none are given).
func (c *terraformCLI) run(args []string, okCodes ...int) (int, string) {
	c.t.Helper()
	cmd := exec.Command(c.bin, append(args, "-no-color")...)
	cmd.Dir, cmd.Env = c.dir, c.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		c.t.Fatalf("terraform %s: %v", strings.Join(args, " "), err)
	}
	if len(okCodes) == 0 {
		okCodes = []int{0}
	}
	for _, ok := range okCodes {
		if code == ok {
			return code, out.String()
		}
	}
	c.t.Fatalf("terraform %s exited with %d:\n%s", strings.Join(args, " "), code, out.String())
	return code, ""
}
