# Finds the people the tests name: on the bundled fake portal, its sample colleague.
terraform {
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

variable "editor_email" {
  type = string
}

data "docspace_user" "editor" {
  email = var.editor_email
}

output "editor_id" {
  value = data.docspace_user.editor.id
}
