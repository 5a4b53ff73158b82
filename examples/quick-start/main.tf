# Quick start: a project room with a member, a template built from it, a second room created from the
# template, and an external share link. The portal and the API key come from DOCSPACE_API_HOST and
# DOCSPACE_API_KEY.
terraform {
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

provider "docspace" {}

resource "docspace_room" "project" {
  title     = "Project Apollo"
  room_type = "custom"
  tags      = ["project", "apollo"]

  watermark = {
    text      = "Internal"
    additions = ["user_email"]
  }

  lifetime = {
    value  = 12
    period = "months"
  }
}

# A colleague who works in the room, found by e-mail: someone who already has an account on your portal
# (a lookup never creates one). `make demo` passes the bundled fake portal's colleague@portal.example.
variable "colleague_email" {
  type        = string
  description = "E-mail address of an existing user of the portal, who becomes an editor of the project room."
}

data "docspace_user" "colleague" {
  email = var.colleague_email
}

resource "docspace_room_member" "colleague" {
  room_id = docspace_room.project.id
  user_id = data.docspace_user.colleague.id
  access  = "editor"
}

# Save the room as a template (a background job on the portal; the provider waits for it).
resource "docspace_room_template" "project" {
  room_id = docspace_room.project.id
  title   = "Project template"
}

# A new room from the template (a second background job).
resource "docspace_room" "gemini" {
  template_id = docspace_room_template.project.id
  title       = "Project Gemini"
  tags        = ["project"]
}

# A read-only link for people outside the portal.
resource "docspace_room_link" "share" {
  room_id   = docspace_room.gemini.id
  link_type = "external"
  access    = "viewer"
  title     = "Read-only link"
}

output "room_id" {
  value = docspace_room.project.id
}

output "template_id" {
  value = docspace_room_template.project.id
}

output "room_from_template" {
  value = "${docspace_room.gemini.title} (id ${docspace_room.gemini.id}, type ${docspace_room.gemini.room_type})"
}

# The link itself is a secret; show only that it exists.
output "share_link_created" {
  value = nonsensitive(docspace_room_link.share.share_link != "")
}
