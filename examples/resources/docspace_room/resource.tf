# A custom room for a project team.
resource "docspace_room" "project" {
  title     = "Project Apollo"
  room_type = "custom"
  tags      = ["project", "apollo"]
  color     = "1A73E8"
  quota     = 10737418240 # 10 GiB, on portals with room quotas

  # Destroying a room deletes its files for good; refuse to do it by accident.
  deletion_protection = true

  lifetime = {
    value              = 6
    period             = "months"
    delete_permanently = false
  }
}

# A virtual data room whose documents carry a watermark and cannot be downloaded.
resource "docspace_room" "deal" {
  title         = "Acquisition due diligence"
  room_type     = "virtual_data"
  indexing      = true
  deny_download = true

  watermark = {
    text      = "Confidential"
    additions = ["user_email", "current_date"]
    rotate    = -45
  }
}

# A finished project, kept read-only in the archive.
resource "docspace_room" "archive" {
  title     = "Project Gemini"
  room_type = "collaboration"
  archived  = true
}

# A room that Terraform should stop managing without deleting it (Terraform 1.7 and later): remove its
# resource block and add
#
# removed {
#   from = docspace_room.old_project
#   lifecycle {
#     destroy = false
#   }
# }
