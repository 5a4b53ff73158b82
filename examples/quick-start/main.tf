# Quick start: a project room with tags, a watermark and a file lifetime.
# The portal and the API key come from DOCSPACE_API_HOST and DOCSPACE_API_KEY.
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

output "room_id" {
  value = docspace_room.project.id
}

output "room_color" {
  value = docspace_room.project.color
}
