resource "docspace_room" "projects" {
  title     = "Projects"
  room_type = "custom"
}

# A folder directly in the room.
resource "docspace_folder" "contracts" {
  room_id = docspace_room.projects.id
  title   = "Contracts"
}

# A folder inside another folder. Destroying it moves it, with whatever it holds, into the Trash of the
# API key's user; permanent_delete = true deletes it for good instead.
resource "docspace_folder" "signed" {
  parent_id = docspace_folder.contracts.id
  title     = "Signed"
}
