# A "project room" module: a room of one standard shape with its editors. Its tests, in tests/, run with
# `terraform test` against the bundled fake portal (see the guide "Testing modules against the fake
# portal").
terraform {
  required_version = ">= 1.8"
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

variable "title" {
  type        = string
  description = "The room's title: a project's name, which the module's users see in every room list."

  validation {
    condition     = trimspace(var.title) != "" && length(var.title) <= 100
    error_message = "A project room's title is not blank and at most 100 characters long, so that it stays readable in room lists."
  }
}

variable "editor_ids" {
  type        = set(string)
  description = "Ids of the people who edit the room's documents."
  default     = []
}

variable "tags" {
  type        = set(string)
  description = "Tags besides \"project\", which every project room carries."
  default     = []
}

resource "docspace_room" "this" {
  title     = var.title
  room_type = "collaboration"
  tags      = setunion(["project"], var.tags)

  lifetime = {
    value  = 12
    period = "months"
  }
}

resource "docspace_room_member" "editor" {
  for_each = var.editor_ids

  room_id = docspace_room.this.id
  user_id = each.value
  access  = "editor"
}

output "room_id" {
  description = "The room's id."
  value       = docspace_room.this.id
}
