#!/usr/bin/env bash
# The main job: build the provider and the fake portal, start the portal, point Terraform at the local
# build through dev_overrides, apply examples/quick-start, print its outputs, destroy, stop the portal.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/lib.sh
use_any_terraform
echo "==> $("$TF_ACC_TERRAFORM_PATH" version | sed -n 1p) ($TF_ACC_TERRAFORM_PATH)"

work=$(mktemp -d)
trap 'stop_fake_portal; rm -rf "$work"' EXIT

echo "==> building the provider and the fake portal"
use_local_provider "$work"
start_fake_portal "$work" "sk-demo-$(date +%s)"
echo "==> fake portal at $DOCSPACE_API_HOST"
export TF_VAR_colleague_email=colleague@portal.example # one of the fake portal's sample people

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
expect_empty_portal
echo "==> the portal is empty again; demo finished"
