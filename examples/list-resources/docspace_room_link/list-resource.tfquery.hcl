# The external links of room 12345.
list "docspace_room_link" "project" {
  provider         = docspace
  include_resource = true
  config {
    room_id   = "12345"
    link_type = "external"
  }
}
