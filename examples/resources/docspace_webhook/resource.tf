variable "receiver_url" {
  description = "Where DocSpace delivers the events: the webhook URL of your automation platform (n8n, Pipedream…) or of your own service. The portal must reach it, and it must answer HEAD requests with 200."
  type        = string
}

variable "receiver_ssl" {
  description = "Require https and verify the receiver's certificate. Set it to false only for a plain-http receiver."
  type        = bool
  default     = true
}

variable "webhook_secret" {
  description = "Signs every delivery (header x-docspace-signature-256: sha256=<HMAC-SHA256 of the body>); the receiver checks it. 8 to 30 printable ASCII characters, no spaces."
  type        = string
  sensitive   = true
}

variable "intake_form_id" {
  description = "File id of the intake form (the original PDF form in the form-filling room)."
  type        = string
}

# Every submitted intake form goes to the CRM. target_id is the form's own id: form.submit events carry
# the original form's id (a room's id would match no form event).
resource "docspace_webhook" "intake_submitted" {
  name      = "Intake form submitted"
  uri       = var.receiver_url
  ssl       = var.receiver_ssl
  triggers  = ["form.submit"]
  target_id = var.intake_form_id

  # Terraform 1.11 or later: the secret is sent, never stored. Raise the version to send a new one.
  secret_wo         = var.webhook_secret
  secret_wo_version = 1
}

# New rooms and folders anywhere on the portal, for an automation platform.
resource "docspace_webhook" "new_rooms" {
  name     = "New rooms and folders"
  uri      = var.receiver_url
  ssl      = var.receiver_ssl
  triggers = ["room.created", "folder.created"]

  secret_wo         = var.webhook_secret
  secret_wo_version = 1
}

# Every event (triggers left out), switched off for now. With Terraform before 1.11, the secret is given
# as secret, and stored in the state.
resource "docspace_webhook" "audit" {
  name    = "Audit trail"
  uri     = "https://audit.example.com/docspace"
  secret  = var.webhook_secret
  enabled = false
}
