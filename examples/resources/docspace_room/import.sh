# A room is imported by its numeric id, shown in the room's URL.
terraform import docspace_room.project 12345
