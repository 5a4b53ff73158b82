# Every folder of room 12345, however deep: made by hand, or copied into the room by a template.
# Each result is named after the folder's path in the room, such as "01 Contracts/Signed".
list "docspace_folder" "legal" {
  provider         = docspace
  include_resource = true
  config {
    room_id = "12345"
  }
}
