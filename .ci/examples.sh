#!/usr/bin/env bash
# Checks every example: `terraform fmt -check`, and `terraform validate` with the locally built provider
# through dev_overrides. With --apply, also applies and destroys the quick start and the onboarding
# scenario against a fake portal, and runs the `terraform test` files of the modules in examples/modules.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/lib.sh
use_terraform
apply=false
[ "${1:-}" = "--apply" ] && apply=true

work=$(mktemp -d)
trap 'stop_fake_portal; rm -rf "$work"' EXIT
use_local_provider "$work"

terraform fmt -check -recursive examples/ || { echo "examples/ is not formatted: run terraform fmt -recursive examples/" >&2; exit 1; }
failed=0
count=0
tf_version=$(terraform_version "$(command -v terraform)")
write_only=true
version_ge "$tf_version" 1.11.0 || write_only=false
while IFS= read -r dir; do
  count=$((count + 1))
  mkdir -p "$work/validate/$count"
  find "$dir" -maxdepth 1 \( -name '*.tf' -o -name '*.tfquery.hcl' \) -exec cp {} "$work/validate/$count/" \;
  if ! $write_only && cat "$work/validate/$count"/*.tf 2>/dev/null | grep -q '_wo '; then
    # Write-only attributes need Terraform 1.11; validate the rest of the example without them.
    # A write-only secret becomes its stored, sensitive variant, so that the resource keeps a secret.
    sed -i -e '/_wo_version *=/d' -e 's/^\( *[a-z_]*\)_wo\( *\)=/\1\2   =/' "$work/validate/$count"/*.tf
    echo "note: $dir uses write-only attributes, which Terraform $tf_version cannot check; validated with their stored variants"
  fi
  # Resource examples use the registry source implicitly; give them the provider requirement.
  if ! cat "$work/validate/$count"/*.tf 2>/dev/null | grep -q required_providers; then
    printf 'terraform {\n  required_providers {\n    docspace = { source = "docspace-community/docspace" }\n  }\n}\n' > "$work/validate/$count/versions.tf"
  fi
  variants=("$work/validate/$count")
  if [ -f "$dir/import-by-identity.tf" ]; then
    # The two import examples name the same resource; validate them one at a time.
    cp -r "$work/validate/$count" "$work/validate/$count-identity"
    rm "$work/validate/$count/import-by-identity.tf" "$work/validate/$count-identity/import-by-string-id.tf"
    variants+=("$work/validate/$count-identity")
  fi
  for variant in "${variants[@]}"; do
    # -query also validates the list resource examples (.tfquery.hcl).
    if out=$(cd "$variant" && terraform validate -query -no-color 2>&1); then
      echo "valid: $dir${variant#"$work/validate/$count"}"
    else
      echo "INVALID: $dir${variant#"$work/validate/$count"}"; echo "$out" | grep -v -e 'dev_overrides' -e 'Provider development overrides' >&2
      failed=1
    fi
  done
done < <(find examples \( -name '*.tf' -o -name '*.tfquery.hcl' \) -exec dirname {} \; | sort -u)
[ "$failed" = 0 ] || exit 1
echo "all $count example directories are formatted and valid"

$apply || exit 0
start_fake_portal "$work" "sk-examples-$RANDOM"
export TF_VAR_colleague_email=colleague@portal.example # the quick start's colleague: one of the fake portal's sample people
# The onboarding scenario's webhook goes to the fake portal program's demo receiver (plain http on loopback).
receiver=$(sed -n 's/^Demo webhook receiver: \(http:[^ ]*\) (secret \([^;]*\);.*/\1 \2/p' "$work/portal.log")
[ -n "$receiver" ] || { cat "$work/portal.log" >&2; echo "the fake portal printed no demo webhook receiver" >&2; exit 1; }
export TF_VAR_intake_webhook_url=${receiver% *} TF_VAR_intake_webhook_secret=${receiver#* } TF_VAR_intake_webhook_ssl=false
for scenario in examples/quick-start examples/scenarios/project-onboarding; do
  rm -rf "$work/run" && cp -r "$scenario" "$work/run"
  (cd "$work/run" && terraform apply -auto-approve -no-color >apply.log 2>&1 || { cat apply.log; exit 1; }
   terraform plan -detailed-exitcode -no-color >plan.log 2>&1 || { cat plan.log; echo "$scenario: changes after apply" >&2; exit 1; }
   if grep -q 'resource "docspace_folder" "skeleton"' ./*.tf; then
     # Every room made from a template holds the skeleton its template copied from the blueprint.
     checked=0
     for room in $(terraform output -json rooms | grep -o '"room_id":"[0-9]*"' | grep -o '[0-9]*'); do
       checked=$((checked + 1))
       listing=$(curl -fsS -H "Authorization: Bearer $DOCSPACE_API_KEY" "$DOCSPACE_API_HOST/api/2.0/files/$room?filterType=2")
       for title in "01 Contracts" "02 Drafts" "03 Signed"; do
         grep -q "\"title\":\"$title\"" <<<"$listing" || { echo "$scenario: room $room lacks the folder $title: $listing" >&2; exit 1; }
       done
     done
     [ "$checked" -gt 0 ] || { echo "$scenario: no room to check for the skeleton" >&2; exit 1; }
     echo "every project room holds the skeleton ($checked rooms): $scenario"
   fi
   if grep -q 'resource "docspace_file" "intake_form"' ./*.tf; then
     # The intake form is a form, and the first form gave the form-filling room its two system folders.
     intake=$(terraform output -json intake)
     grep -q '"is_form":true' <<<"$intake" || { echo "$scenario: the intake form is not a form: $intake" >&2; exit 1; }
     room=$(grep -o '"room_id":"[0-9]*"' <<<"$intake" | grep -o '[0-9]*')
     listing=$(curl -fsS -H "Authorization: Bearer $DOCSPACE_API_KEY" "$DOCSPACE_API_HOST/api/2.0/files/$room?filterType=2")
     for title in "Complete" "In process"; do
       grep -q "\"title\":\"$title\"" <<<"$listing" || { echo "$scenario: the intake room lacks the folder $title: $listing" >&2; exit 1; }
     done
     echo "the intake form is a form, and its room has its system folders: $scenario"
     # The intake webhook is on the portal, enabled and bound to the form.
     form=$(grep -o '"form_id":"[0-9]*"' <<<"$intake" | grep -o '[0-9]*')
     hook=$(curl -fsS -H "Authorization: Bearer $DOCSPACE_API_KEY" "$DOCSPACE_API_HOST/api/2.0/settings/webhook" |
       sed 's/{"configs":/\n/g' | grep '"name":"Client intake submitted"')
     for want in '"enabled":true' "\"targetId\":\"$form\"" '"triggers":268435456'; do
       grep -qF "$want" <<<"$hook" || { echo "$scenario: the intake webhook lacks $want: $hook" >&2; exit 1; }
     done
     echo "the intake webhook is enabled and bound to the form: $scenario"
   fi
   if grep -q 'variable "protect_rooms"' ./*.tf; then
     # Protected rooms: destroying must fail until the protection is switched off and applied.
     if terraform destroy -auto-approve -no-color >destroy.log 2>&1; then echo "$scenario: protected rooms were destroyed" >&2; exit 1; fi
     grep -q 'Deletion protection is on' destroy.log || { cat destroy.log; exit 1; }
     terraform apply -auto-approve -no-color -var protect_rooms=false >unprotect.log 2>&1 || { cat unprotect.log; exit 1; }
   fi
   terraform destroy -auto-approve -no-color >destroy.log 2>&1 || { cat destroy.log; exit 1; })
  echo "applied, planned with no changes, destroyed: $scenario"
done
for module in examples/modules/*/; do
  [ -d "$module/tests" ] || continue
  rm -rf "$work/run" && cp -r "$module" "$work/run"
  # terraform get installs the tests' helper modules; init would also look for the provider in the registry.
  (cd "$work/run" && terraform get -no-color >get.log 2>&1 || { cat get.log; exit 1; }
   terraform test -no-color >test.log 2>&1 || { cat test.log; exit 1; }
   grep -E '^(Success|Failure)!' test.log)
  echo "terraform test passed against the fake portal: $module"
done
expect_empty_portal
echo "the fake portal is empty again"
