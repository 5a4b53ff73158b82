#!/usr/bin/env bash
# Everything CI runs, in order. `make check` and `.ci/run` call this.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/lib.sh

step() { printf '\n==> %s\n' "$*"; }
started=$SECONDS

step "terraform"
use_terraform
"$TF_ACC_TERRAFORM_PATH" version | sed -n 1p # sed reads everything: no SIGPIPE under pipefail

step "go vet and golangci-lint"
go vet ./...
golangci_lint run ./...

step "unit and acceptance tests against the fake portal"
go test -count=1 -timeout=15m ./...

step "docs are up to date and valid"
check_docs

step "examples are formatted and valid; quick start and onboarding apply against the fake portal"
bash .ci/examples.sh --apply

printf '\nAll checks passed in %ds.\n' $((SECONDS - started))
