# The whole member list of every active room whose title mentions "Project".
list "docspace_room_members" "projects" {
  provider         = docspace
  include_resource = true
  config {
    area           = "active"
    title_contains = "Project"
  }
}
