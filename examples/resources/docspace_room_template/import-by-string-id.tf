import {
  to = docspace_room_template.project
  id = "12345"
}
