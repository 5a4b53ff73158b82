#!/usr/bin/env bash
# The main job: build the provider and the fake portal, start the portal, point Terraform at the local
# build through dev_overrides, apply examples/quick-start, print its outputs, destroy, stop the portal.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/lib.sh
use_terraform

work=$(mktemp -d)
portal_pid=""
cleanup() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> building the provider and the fake portal"
go build -o "$work/bin/terraform-provider-docspace" .
go build -o "$work/bin/fakeportal" ./internal/cmd/fakeportal

api_key="sk-demo-$(date +%s)"
"$work/bin/fakeportal" -addr 127.0.0.1:0 -api-key "$api_key" >"$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 1 100); do
  url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/portal.log" | head -n1)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "${url:-}" ] || { cat "$work/portal.log" >&2; echo "the fake portal did not start" >&2; exit 1; }
echo "==> fake portal at $url"

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
export DOCSPACE_API_HOST="$url" DOCSPACE_API_KEY="$api_key"

cp -r examples/quick-start "$work/config"
cd "$work/config"

echo "==> terraform apply"
terraform apply -auto-approve -no-color >apply.log 2>&1 || { cat apply.log; exit 1; }
grep -E '^(Apply complete|docspace_)' apply.log || true
echo "==> outputs"
terraform output -no-color
echo "==> terraform plan (expect no changes)"
terraform plan -detailed-exitcode -no-color >plan.log 2>&1 || { cat plan.log; echo "unexpected changes after apply" >&2; exit 1; }
grep -E 'No changes' plan.log
echo "==> terraform destroy"
terraform destroy -auto-approve -no-color >destroy.log 2>&1 || { cat destroy.log; exit 1; }
grep -E '^Destroy complete' destroy.log
for area in 2 4; do # active and archived rooms, then templates
  total=$(curl -fsS -H "Authorization: Bearer $api_key" "$url/api/2.0/files/rooms?searchArea=$area" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  [ "$total" = 0 ] || { echo "the portal still holds $total objects in search area $area" >&2; exit 1; }
done
echo "==> the portal is empty again; demo finished"
