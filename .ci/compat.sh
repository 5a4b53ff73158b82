#!/usr/bin/env bash
# Runs the acceptance suite against the oldest supported Terraform (1.8.5) and against OpenTofu 1.6.3,
# building each once from the Go module proxy into the cache. `make check` covers the newest CLI (lib.sh).
# Tests of identities, list resources and write-only attributes skip themselves on these CLIs.
# COMPAT_RUN, when set, is a -run pattern that narrows the suite (CI runs a cross-section, see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/lib.sh
terraform_cli_config

build() { # build NAME VERSION PACKAGE VERSION-PACKAGE
  local bin="$CACHE_DIR/$1-$2/$1"
  if [ ! -x "$bin" ] || "$bin" version | sed -n 1p | grep -q -- '-dev'; then
    echo "building $1 $2 from the Go module proxy (a few minutes, once)..." >&2
    # Without version.dev=no the binary calls itself a pre-release, which sorts below the release.
    GOBIN="$(dirname "$bin")" GOFLAGS=-mod=mod go install -ldflags "-s -w -X $4.dev=no" "$3@v$2" >&2
  fi
  echo "$bin"
}

run() { # run LABEL BINARY [ENV...]
  local label=$1 bin=$2 start=$SECONDS
  shift 2
  echo "==> acceptance tests with $label ($("$bin" version | sed -n 1p))"
  env "$@" TF_ACC_TERRAFORM_PATH="$bin" go test -count=1 -timeout 20m ${COMPAT_RUN:+-run "$COMPAT_RUN"} ./internal/provider/
  echo "$label: passed in $((SECONDS - start))s"
}

tf=$(build terraform "$TERRAFORM_PINNED" github.com/hashicorp/terraform github.com/hashicorp/terraform/version)
tofu=$(build tofu 1.6.3 github.com/opentofu/opentofu/cmd/tofu github.com/opentofu/opentofu/version)
run "Terraform $TERRAFORM_PINNED (oldest supported)" "$tf"
run "OpenTofu 1.6.3" "$tofu" TF_ACC_PROVIDER_HOST=registry.opentofu.org
