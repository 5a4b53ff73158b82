import {
  to = docspace_room_members.board
  id = "12345"
}
