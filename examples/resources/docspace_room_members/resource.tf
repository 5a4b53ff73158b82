resource "docspace_room" "board" {
  title     = "Board papers"
  room_type = "virtual_data"
}

data "docspace_user" "secretary" {
  email = "company.secretary@example.com"
}

data "docspace_group" "directors" {
  name = "Directors"
}

# Exactly these members, and nobody else apart from the room's owner. Do not add docspace_room_member
# resources for this room.
resource "docspace_room_members" "board" {
  room_id = docspace_room.board.id
  members = [
    { user_id = data.docspace_user.secretary.id, access = "room_manager" },
    { group_id = data.docspace_group.directors.id, access = "viewer" },
  ]
}
