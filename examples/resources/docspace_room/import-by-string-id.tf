import {
  to = docspace_room.project
  id = "12345"
}
