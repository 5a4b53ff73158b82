import {
  to = docspace_room_members.board
  identity = {
    room_id = "12345"
  }
}
