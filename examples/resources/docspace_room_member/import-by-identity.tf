import {
  to = docspace_room_member.editor
  identity = {
    room_id    = "12345"
    subject_id = "6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"
  }
}
