# By exact title among the active rooms; when several rooms share the title, look the room up by id instead.
data "docspace_room" "board" {
  title = "Board Minutes"
}

# In the archive.
data "docspace_room" "old_board" {
  title = "Board Minutes 2024"
  area  = "archived"
}

# Wherever it is, active or archived (an error when one of each has the title).
data "docspace_room" "anywhere" {
  title = "Board Minutes 2023"
  area  = "any"
}

data "docspace_room" "by_id" {
  id = "12345"
}

# Give a group access to a room Terraform does not manage.
resource "docspace_room_member" "board_editors" {
  room_id  = data.docspace_room.board.id
  group_id = "6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"
  access   = "editor"
}
