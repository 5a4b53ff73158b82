# A room's member list is imported by the room's id.
terraform import docspace_room_members.board 12345
