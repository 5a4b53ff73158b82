# The groups that have access to room 12345, with their roles.
list "docspace_room_member" "project_groups" {
  provider         = docspace
  include_resource = true
  config {
    room_id      = "12345"
    subject_type = "group"
  }
}
