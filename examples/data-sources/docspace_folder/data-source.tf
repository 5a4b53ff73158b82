# A folder directly in a room, by exact title; when several folders there share the title, look it up by id.
data "docspace_folder" "contracts" {
  room_id = data.docspace_room.legal.id
  title   = "01 Contracts"
}

# A folder inside another folder, such as one a room template copied into the room.
data "docspace_folder" "signed" {
  parent_id = data.docspace_folder.contracts.id
  title     = "Signed"
}

data "docspace_folder" "by_id" {
  id = "67890"
}

data "docspace_room" "legal" {
  title = "Legal"
}

# Make a folder Terraform manages inside a folder made by hand.
resource "docspace_folder" "archive_2025" {
  parent_id = data.docspace_folder.signed.id
  title     = "2025"
}
