# Pick a template made outside this configuration by name, the way integrations with project systems do:
# the template whose title contains the project type, or else the first template there is. For templates
# made in the same configuration, refer to the docspace_room_template resource instead; a data source that
# depends on resources is read only at apply time. When the pick changes, the room keeps its files: the new
# template id is only recorded, with a warning.
variable "project_type" {
  type    = string
  default = "Onboarding"
}

data "docspace_templates" "matching" {
  title_contains = var.project_type
}

data "docspace_templates" "all" {}

locals {
  template = coalescelist(data.docspace_templates.matching.templates, data.docspace_templates.all.templates)[0]
}

resource "docspace_room" "project" {
  template_id = local.template.id
  title       = "ACME onboarding (PRJ-1042)"
}

# Templates of one room type that carry a tag.
data "docspace_templates" "public_kits" {
  room_type = "public"
  tags      = ["kit"]
}
