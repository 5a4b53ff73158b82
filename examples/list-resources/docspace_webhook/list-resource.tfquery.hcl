# The portal's webhooks whose names contain "CRM" (every webhook for a DocSpace admin's key, the key's
# user's own otherwise). A generated configuration has no secret: add secret_wo and secret_wo_version
# (or secret) to each block before planning the import.
list "docspace_webhook" "crm" {
  provider         = docspace
  include_resource = true
  config {
    name_contains = "CRM"
  }
}
