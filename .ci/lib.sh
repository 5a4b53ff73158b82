# Shared shell functions for the make targets and CI. Source it; do not run it.

TERRAFORM_PINNED=1.8.5 # the oldest supported release, for make compat
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-docspace"

version_ge() { # version_ge A B: A >= B
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

terraform_version() {
  "$1" version -json 2>/dev/null | sed -n 's/.*"terraform_version": *"\([^"]*\)".*/\1/p' | head -n1
}

# terraform_cli_config gives Terraform a CLI configuration that exists (the machine may point
# TF_CLI_CONFIG_FILE at a missing file) and turns off its update checks.
terraform_cli_config() {
  mkdir -p "$CACHE_DIR"
  export CHECKPOINT_DISABLE=1
  if [ -z "${TF_CLI_CONFIG_FILE:-}" ] || [ ! -f "${TF_CLI_CONFIG_FILE}" ]; then
    printf 'disable_checkpoint = true\n' > "$CACHE_DIR/terraformrc"
    export TF_CLI_CONFIG_FILE="$CACHE_DIR/terraformrc"
  fi
}

# use_terraform puts the pinned TERRAFORM_NEWEST first on PATH and exports TF_ACC_TERRAFORM_PATH, whatever
# terraform the machine has, so that identity, query and write-only tests run everywhere.
use_terraform() {
  terraform_cli_config
  local bin
  bin=$(terraform_newest) || return 1
  put_terraform_first "$bin"
}

# use_any_terraform is for what runs on every supported CLI alike (the demo): a terraform of at least
# TERRAFORM_PINNED on PATH is used as it is; only when there is none is the pinned oldest release built.
use_any_terraform() {
  terraform_cli_config
  local bin
  bin=$(command -v terraform || true)
  if [ -z "$bin" ] || ! version_ge "$(terraform_version "$bin")" "$TERRAFORM_PINNED"; then
    bin=$(terraform_pinned) || return 1
  fi
  put_terraform_first "$bin"
}

put_terraform_first() {
  export PATH="$(dirname "$1"):$PATH"
  export TF_ACC_TERRAFORM_PATH="$1"
}

# go_install_cached NAME VERSION PACKAGE [LDFLAGS] prints the path of the Go command NAME installed from the Go module
# proxy into the cache, building it the first time. A build writes into a folder of its own and the binary is
# moved into place whole, so two first runs that share the cache never see a half-written binary.
go_install_cached() {
  local bin="$CACHE_DIR/$1-$2/$1" tmp status
  if [ ! -x "$bin" ]; then
    mkdir -p "$(dirname "$bin")" && tmp=$(mktemp -d "$CACHE_DIR/.build-$1-XXXXXX") || return 1
    GOBIN="$tmp" GOFLAGS=-mod=mod go install ${4:+-ldflags "$4"} "$3@$2" >&2 && mv -f "$tmp/$1" "$bin"
    status=$?
    rm -rf "$tmp"
    [ $status = 0 ] || return 1
  fi
  echo "$bin"
}

# terraform_pinned prints the path of Terraform TERRAFORM_PINNED, built on first use. Without version.dev=no
# the binary calls itself a pre-release, which sorts below the release.
terraform_pinned() {
  [ -x "$CACHE_DIR/terraform-v$TERRAFORM_PINNED/terraform" ] ||
    echo "building Terraform $TERRAFORM_PINNED from the Go module proxy (about 3 minutes, once)..." >&2
  go_install_cached terraform "v$TERRAFORM_PINNED" github.com/hashicorp/terraform "-s -w -X github.com/hashicorp/terraform/version.dev=no"
}

# Terraform 1.9 and later cannot be installed with `go install`: their go.mod replaces ten nested modules
# (nine remote-state backends and internal/legacy) with local directories, and those modules are not on the
# Go module proxy. build_terraform_newest builds TERRAFORM_NEWEST from a throwaway main module in the cache
# that requires Terraform and replaces each nested module with a stub: the stub backends wrap the in-memory
# backend and refuse to be configured. Local state and the acceptance tests need none of them.
TERRAFORM_NEWEST=1.14.9
TERRAFORM_STUBBED_BACKENDS="azure consul cos gcs kubernetes oci oss pg s3"
terraform_newest() {
  local bin="$CACHE_DIR/terraform-$TERRAFORM_NEWEST/terraform"
  [ -x "$bin" ] || build_terraform_newest "$bin" >&2 || return 1
  echo "$bin"
}

build_terraform_newest() {
  local bin=$1 src name path status
  echo "building Terraform $TERRAFORM_NEWEST from the Go module proxy (about 4 minutes, once)..."
  # A folder of its own for each build: two first runs sharing the cache must not remove each other's.
  mkdir -p "$CACHE_DIR" && src=$(mktemp -d "$CACHE_DIR/.build-terraform-$TERRAFORM_NEWEST-XXXXXX") || return 1
  mkdir -p "$src/stubs/legacy" "$(dirname "$bin")" || return 1
  printf 'module github.com/hashicorp/terraform/internal/legacy\n\ngo 1.24\n' > "$src/stubs/legacy/go.mod"
  printf 'module terraform-build\n\ngo 1.25\n\nrequire github.com/hashicorp/terraform v%s\n\n' "$TERRAFORM_NEWEST" > "$src/go.mod"
  printf 'replace github.com/hashicorp/terraform/internal/legacy => ./stubs/legacy\n' >> "$src/go.mod"
  for name in $TERRAFORM_STUBBED_BACKENDS; do
    path=github.com/hashicorp/terraform/internal/backend/remote-state/$name
    mkdir -p "$src/stubs/$name"
    printf 'module %s\n\ngo 1.24\n' "$path" > "$src/stubs/$name/go.mod"
    cat > "$src/stubs/$name/backend.go" <<GO
// Package $name stands in for the $name state backend, which this build leaves out.
package $name

import (
	"fmt"

	"github.com/hashicorp/terraform/internal/backend"
	"github.com/hashicorp/terraform/internal/backend/remote-state/inmem"
	"github.com/hashicorp/terraform/internal/tfdiags"
	"github.com/zclconf/go-cty/cty"
)

type unavailable struct{ backend.Backend }

func New() backend.Backend { return unavailable{inmem.New()} }

func (unavailable) Configure(cty.Value) tfdiags.Diagnostics {
	var diags tfdiags.Diagnostics
	return diags.Append(fmt.Errorf("the $name state backend is not included in this build of Terraform"))
}
GO
    printf 'replace %s => ./stubs/%s\n' "$path" "$name" >> "$src/go.mod"
  done
  (cd "$src" && GOFLAGS=-mod=mod GOBIN="$src/bin" go install \
    -ldflags "-s -w -X github.com/hashicorp/terraform/version.dev=no" github.com/hashicorp/terraform) &&
    mv -f "$src/bin/terraform" "$bin"
  status=$?
  rm -rf "$src"
  [ $status = 0 ] || return 1
  "$bin" version | sed -n 1p
}

# tfplugindocs runs the pinned tfplugindocs with the provider's schema, read from the provider itself
# rather than from a Terraform CLI, so docs/ does not depend on which CLI the machine has.
tfplugindocs() {
  local schema
  schema=$(mktemp)
  go run ./internal/cmd/providerschema > "$schema" || return 1
  go run github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs@v0.25.0 "$@" \
    --provider-name docspace --providers-schema "$schema"
  local status=$?
  rm -f "$schema"
  return $status
}

# check_docs regenerates docs/ and fails when that changes anything, then validates it.
check_docs() {
  tfplugindocs generate --rendered-provider-name DocSpace >/dev/null || return 1
  if ! git diff --exit-code --stat -- docs/ || [ -n "$(git status --porcelain -- docs/)" ]; then
    echo "docs/ is stale: run 'make docs' and commit the result." >&2
    git status --porcelain -- docs/ >&2
    return 1
  fi
  tfplugindocs validate >/dev/null || return 1
  echo "docs/ is up to date and valid."
}

# cached_tool NAME VERSION PACKAGE MINUTES prints the path of a Go tool, installing it from the Go module
# proxy into the cache the first time.
cached_tool() {
  [ -x "$CACHE_DIR/$1-$2/$1" ] || echo "installing $1 $2 (about $4 minutes, once)..." >&2
  go_install_cached "$1" "$2" "$3"
}

GOLANGCI_LINT_VERSION=v2.15.0
golangci_lint() {
  local bin
  bin=$(cached_tool golangci-lint "$GOLANGCI_LINT_VERSION" github.com/golangci/golangci-lint/v2/cmd/golangci-lint 2) || return 1
  "$bin" "$@"
}

GORELEASER_VERSION=v2.16.0 # the newest release that builds with Go 1.26
goreleaser() {
  local bin
  bin=$(cached_tool goreleaser "$GORELEASER_VERSION" github.com/goreleaser/goreleaser/v2 6) || return 1
  "$bin" "$@"
}

# use_local_provider builds the provider into DIR/bin and points Terraform at it through dev_overrides.
use_local_provider() {
  local dir=$1
  go build -o "$dir/bin/terraform-provider-docspace" . || return 1
  cat > "$dir/terraformrc" <<CFG
disable_checkpoint = true
provider_installation {
  dev_overrides {
    "docspace-community/docspace" = "$dir/bin"
  }
  direct {}
}
CFG
  export TF_CLI_CONFIG_FILE="$dir/terraformrc" TF_IN_AUTOMATION=1 TF_INPUT=0
}

# start_fake_portal builds and starts the fake portal on a free loopback port with API key KEY, and
# exports DOCSPACE_API_HOST, DOCSPACE_API_KEY and FAKE_PORTAL_PID. Stop it with stop_fake_portal.
start_fake_portal() {
  local dir=$1 key=$2 url=""
  go build -o "$dir/bin/fakeportal" ./internal/cmd/fakeportal || return 1
  "$dir/bin/fakeportal" -addr 127.0.0.1:0 -api-key "$key" >"$dir/portal.log" 2>&1 &
  FAKE_PORTAL_PID=$!
  for _ in $(seq 1 100); do
    url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$dir/portal.log" | head -n1)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { cat "$dir/portal.log" >&2; echo "the fake portal did not start" >&2; return 1; }
  export DOCSPACE_API_HOST="$url" DOCSPACE_API_KEY="$key" FAKE_PORTAL_PID
}

stop_fake_portal() {
  [ -n "${FAKE_PORTAL_PID:-}" ] && kill "$FAKE_PORTAL_PID" 2>/dev/null && wait "$FAKE_PORTAL_PID" 2>/dev/null
  return 0
}

# expect_empty_portal fails unless the fake portal holds no rooms (active, archived), no templates and no
# webhooks.
expect_empty_portal() {
  local area total hooks
  for area in 2 4; do
    total=$(curl -fsS -H "Authorization: Bearer $DOCSPACE_API_KEY" "$DOCSPACE_API_HOST/api/2.0/files/rooms?searchArea=$area" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
    [ "$total" = 0 ] || { echo "the portal still holds $total objects in search area $area" >&2; return 1; }
  done
  hooks=$(curl -fsS -H "Authorization: Bearer $DOCSPACE_API_KEY" "$DOCSPACE_API_HOST/api/2.0/settings/webhook")
  grep -q '"response":\[\]' <<<"$hooks" || { echo "the portal still holds webhooks: $hooks" >&2; return 1; }
}
