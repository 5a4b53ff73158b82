# A room laid out the way every project should start.
resource "docspace_room" "blueprint" {
  title     = "Project blueprint"
  room_type = "custom"
  indexing  = true
}

# A template built from it, open to every room admin of the portal.
resource "docspace_room_template" "project" {
  room_id = docspace_room.blueprint.id
  title   = "Project template"
  public  = true
  tags    = ["template"]
  quota   = 5368709120 # 5 GiB for each room created from it

  deletion_protection = true
}

# A template only some people may use: room admins and DocSpace admins, named by id, and a group.
data "docspace_user" "lead" {
  email = "team.lead@example.com"
}

data "docspace_group" "managers" {
  name = "Project managers"
}

resource "docspace_room_template" "restricted" {
  room_id         = docspace_room.blueprint.id
  title           = "Restricted project template"
  share_user_ids  = [data.docspace_user.lead.id]
  share_group_ids = [data.docspace_group.managers.id]
}

# Rooms created from the template. Changing the template never replaces them: they keep their files, and a
# new template id (also one of a rebuilt template) is only recorded, with a warning.
resource "docspace_room" "projects" {
  for_each = toset(["Apollo", "Gemini", "Mercury"])

  template_id = docspace_room_template.project.id
  title       = "Project ${each.key}"
  tags        = ["project"]
}
