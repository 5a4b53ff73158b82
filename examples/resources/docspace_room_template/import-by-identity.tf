import {
  to = docspace_room_template.project
  identity = {
    id = "12346"
  }
}
