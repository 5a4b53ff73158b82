resource "docspace_room" "handbook" {
  title     = "Employee handbook"
  room_type = "collaboration"
}

# People are referred to by id; look them up by e-mail. A lookup never creates an account.
data "docspace_user" "editor" {
  email = "maria.lopez@example.com"
}

data "docspace_group" "staff" {
  name = "All staff"
}

resource "docspace_room_member" "editor" {
  room_id = docspace_room.handbook.id
  user_id = data.docspace_user.editor.id
  access  = "editor"
}

# Everyone in the group can read the handbook. Deleting the group in DocSpace removes this access.
resource "docspace_room_member" "staff" {
  room_id  = docspace_room.handbook.id
  group_id = data.docspace_group.staff.id
  access   = "viewer"
}
