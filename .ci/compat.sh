#!/usr/bin/env bash
# Runs the acceptance suite against the oldest supported Terraform (1.8.5) and against OpenTofu 1.6.3,
# building each once from the Go module proxy into the cache. `make check` covers the newest CLI (lib.sh).
# Tests of identities, list resources and write-only attributes skip themselves on these CLIs.
# COMPAT_RUN, when set, is a -run pattern that narrows the suite (CI runs a cross-section, see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/lib.sh
terraform_cli_config

run() { # run LABEL BINARY [ENV...]
  local label=$1 bin=$2 start=$SECONDS
  shift 2
  echo "==> acceptance tests with $label ($("$bin" version | sed -n 1p))"
  env "$@" TF_ACC_TERRAFORM_PATH="$bin" go test -count=1 -timeout 20m ${COMPAT_RUN:+-run "$COMPAT_RUN"} ./internal/provider/
  echo "$label: passed in $((SECONDS - start))s"
}

tf=$(terraform_pinned)
[ -x "$CACHE_DIR/tofu-v1.6.3/tofu" ] || echo "building OpenTofu 1.6.3 from the Go module proxy (about 3 minutes, once)..." >&2
tofu=$(go_install_cached tofu v1.6.3 github.com/opentofu/opentofu/cmd/tofu "-s -w -X github.com/opentofu/opentofu/version.dev=no")
run "Terraform $TERRAFORM_PINNED (oldest supported)" "$tf"
run "OpenTofu 1.6.3" "$tofu" TF_ACC_PROVIDER_HOST=registry.opentofu.org
