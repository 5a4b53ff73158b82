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

# Rooms created from the template. Changing the template never replaces them: they keep their files, and a
# new template id (also one of a rebuilt template) is only recorded, with a warning.
resource "docspace_room" "projects" {
  for_each = toset(["Apollo", "Gemini", "Mercury"])

  template_id = docspace_room_template.project.id
  title       = "Project ${each.key}"
  tags        = ["project"]
}
