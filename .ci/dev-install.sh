#!/usr/bin/env bash
# `make dev-install`: builds the provider into the cache, writes a Terraform CLI configuration whose
# dev_overrides point at it, and prints the export that makes Terraform use that configuration.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/lib.sh
dir="$CACHE_DIR/dev"
use_local_provider "$dir"
cat <<MSG
Built $dir/bin/terraform-provider-docspace and wrote this CLI configuration to $TF_CLI_CONFIG_FILE:

$(sed 's/^/    /' "$TF_CLI_CONFIG_FILE")

Point Terraform at it, and at your portal (or at the fake portal of \`make fakeportal\`):

    export TF_CLI_CONFIG_FILE=$TF_CLI_CONFIG_FILE
    export DOCSPACE_API_HOST=https://yourportal.onlyoffice.com DOCSPACE_API_KEY=sk-...

Then run \`terraform plan\` or \`terraform apply\` directly: with dev_overrides Terraform needs no
\`terraform init\` for this provider (it warns that init is not needed). Run \`make dev-install\` again
after changing the code.
MSG
