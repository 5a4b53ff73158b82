# Project onboarding: a project system hands over its projects; each gets a room created from the
# template matching its type, with the template's folder skeleton, a welcome document and an external
# link for the client; clients fill in the intake form in a form-filling room.
terraform {
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

provider "docspace" {}

variable "projects" {
  description = "Projects by id: name and type, as the project system sends them."
  type = map(object({
    name = string
    type = string
  }))
  default = {
    "PRJ-1042" = { name = "ACME rollout", type = "Onboarding" }
    "PRJ-1043" = { name = "Globex audit", type = "Audit" }
    "PRJ-1044" = { name = "Initech migration", type = "Onboarding" }
  }
}

variable "protect_rooms" {
  description = "Refuse to delete the project rooms. Set it to false and apply before removing a project."
  type        = bool
  default     = true
}

# The templates an administrator prepared once.
resource "docspace_room" "blueprint" {
  for_each  = toset(["Onboarding", "Audit"])
  title     = "${each.key} blueprint"
  room_type = "custom"
}

# The folder skeleton of every project room, set up once in each blueprint. The template copies it, and
# every room made from the template gets its own copy: those copies are not managed here (see the
# template-jobs guide to adopt them).
resource "docspace_folder" "skeleton" {
  for_each = { for pair in setproduct(keys(docspace_room.blueprint), ["01 Contracts", "02 Drafts", "03 Signed"]) : "${pair[0]}/${pair[1]}" => pair }
  room_id  = docspace_room.blueprint[each.value[0]].id
  title    = each.value[1]
}

resource "docspace_room_template" "kind" {
  for_each = docspace_room.blueprint
  room_id  = each.value.id
  title    = "${each.key} project template"
  tags     = ["project-template"]

  # A template is a snapshot of its room: build it once the skeleton is there.
  depends_on = [docspace_folder.skeleton]
}

# Each project room refers to its template directly. Use the docspace_templates data source only for
# templates made outside this configuration: a data source that depends on resources here is read at
# apply time, so plans show its ids as unknown. Either way a change of template never replaces a room:
# the new id is recorded with a warning, and the room keeps its files.
resource "docspace_room" "project" {
  for_each    = var.projects
  template_id = docspace_room_template.kind[each.value.type].id
  title       = "${each.value.name} (${each.key})"
  tags        = ["project", lower(each.value.type)]

  # The rooms hold the clients' documents: refuse to delete them by accident.
  deletion_protection = var.protect_rooms
}

resource "docspace_room_link" "client" {
  for_each  = docspace_room.project
  room_id   = each.value.id
  link_type = "external"
  access    = "viewer"
  title     = "Client access"
}

# Every project room starts with a welcome document for the client, written here. A change of the text
# uploads a new version of the same file; an edit made in DocSpace shows in the next plan and is undone
# by the next apply.
resource "docspace_file" "welcome" {
  for_each  = docspace_room.project
  folder_id = each.value.id
  title     = "Welcome.md"
  content   = <<-EOT
    # Welcome, ${var.projects[each.key].name}

    This room holds everything about project ${each.key}: contracts, drafts and signed documents, in the
    folders of the same names. Start with the intake form in the room "${docspace_room.intake.title}".
  EOT
}

# A form-filling room where clients fill in the intake form. It accepts only ONLYOFFICE PDF forms (the
# provider checks the form before uploading it); the first form makes the room's "Complete" and
# "In process" folders, where filled-in forms collect.
resource "docspace_room" "intake" {
  title     = "Client intake"
  room_type = "form_filling"
}

resource "docspace_file" "intake_form" {
  folder_id = docspace_room.intake.id
  title     = "Client intake form.pdf"
  source    = "${path.module}/Client intake form.pdf"
}

variable "intake_webhook_url" {
  description = "Receiver of submitted intake forms: the webhook URL of your CRM or automation platform (n8n, Pipedream…). The portal must reach it, and it must answer HEAD requests with 200. Null: no webhook."
  type        = string
  default     = null
}

variable "intake_webhook_ssl" {
  description = "Require https and verify the receiver's certificate; false for a plain-http receiver."
  type        = bool
  default     = true
}

variable "intake_webhook_secret" {
  description = "Signs each delivery (header x-docspace-signature-256: sha256=<HMAC-SHA256 of the body>); the receiver checks it. 8 to 30 printable ASCII characters, no spaces. Take it from your secret store."
  type        = string
  sensitive   = true
  default     = null
}

# Every submitted intake form goes to the receiver. target_id is the form itself: form.submit events carry
# the original form's id (the room's id would match no form event).
resource "docspace_webhook" "intake_submitted" {
  count             = var.intake_webhook_url == null ? 0 : 1
  name              = "Client intake submitted"
  uri               = var.intake_webhook_url
  ssl               = var.intake_webhook_ssl
  triggers          = ["form.submit"]
  target_id         = docspace_file.intake_form.id
  secret_wo         = var.intake_webhook_secret
  secret_wo_version = 1
}

# What the project system stores: room ids and titles (the links themselves are secrets).
output "rooms" {
  value = { for id, room in docspace_room.project : id => { room_id = room.id, title = room.title, type = room.room_type } }
}

# The intake room and its form, for example for a webhook bound to the form.
output "intake" {
  value = {
    room_id    = docspace_room.intake.id
    form_id    = docspace_file.intake_form.id
    is_form    = docspace_file.intake_form.is_form
    webhook_id = one(docspace_webhook.intake_submitted[*].id)
  }
}
