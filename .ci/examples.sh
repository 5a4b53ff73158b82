#!/usr/bin/env bash
# Checks every example: `terraform fmt -check`, and `terraform validate` with the locally built provider
# through dev_overrides. With --apply, also applies and destroys the quick start and the onboarding
# scenario against a fake portal.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/lib.sh
use_terraform
apply=false
[ "${1:-}" = "--apply" ] && apply=true

work=$(mktemp -d)
portal_pid=""
cleanup() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
go build -o "$work/bin/terraform-provider-docspace" .
cat > "$work/terraformrc" <<CFG
disable_checkpoint = true
provider_installation {
  dev_overrides {
    "docspace-community/docspace" = "$work/bin"
  }
  direct {}
}
CFG
export TF_CLI_CONFIG_FILE="$work/terraformrc" TF_IN_AUTOMATION=1 TF_INPUT=0

terraform fmt -check -recursive examples/ || { echo "examples/ is not formatted: run terraform fmt -recursive examples/" >&2; exit 1; }
failed=0
count=0
while IFS= read -r dir; do
  count=$((count + 1))
  mkdir -p "$work/validate/$count"
  cp "$dir"/*.tf "$work/validate/$count/"
  # Resource examples use the registry source implicitly; give them the provider requirement.
  if ! grep -q required_providers "$work/validate/$count"/*.tf; then
    printf 'terraform {\n  required_providers {\n    docspace = { source = "docspace-community/docspace" }\n  }\n}\n' > "$work/validate/$count/versions.tf"
  fi
  if out=$(cd "$work/validate/$count" && terraform validate -no-color 2>&1); then
    echo "valid: $dir"
  else
    echo "INVALID: $dir"; echo "$out" | grep -v -e 'dev_overrides' -e 'Provider development overrides' >&2
    failed=1
  fi
done < <(find examples -name '*.tf' -exec dirname {} \; | sort -u)
[ "$failed" = 0 ] || exit 1
echo "all $count example directories are formatted and valid"

$apply || exit 0
go build -o "$work/bin/fakeportal" ./internal/cmd/fakeportal
key="sk-examples-$RANDOM"
"$work/bin/fakeportal" -addr 127.0.0.1:0 -api-key "$key" >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 1 100); do
  url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/portal.log" | head -n1)
  [ -n "$url" ] && break
  sleep 0.1
done
export DOCSPACE_API_HOST="$url" DOCSPACE_API_KEY="$key"
for scenario in examples/quick-start examples/scenarios/project-onboarding; do
  rm -rf "$work/run" && cp -r "$scenario" "$work/run"
  (cd "$work/run" && terraform apply -auto-approve -no-color >apply.log 2>&1 || { cat apply.log; exit 1; }
   terraform plan -detailed-exitcode -no-color >plan.log 2>&1 || { cat plan.log; echo "$scenario: changes after apply" >&2; exit 1; }
   terraform destroy -auto-approve -no-color >destroy.log 2>&1 || { cat destroy.log; exit 1; })
  echo "applied, planned with no changes, destroyed: $scenario"
done
for area in 2 4; do
  total=$(curl -fsS -H "Authorization: Bearer $key" "$url/api/2.0/files/rooms?searchArea=$area" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  [ "$total" = 0 ] || { echo "the fake portal still holds $total objects in search area $area" >&2; exit 1; }
done
echo "the fake portal is empty again"
