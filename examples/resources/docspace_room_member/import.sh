# A member is imported as <room_id>/<user_or_group_id>. Find the ids with the docspace_user and
# docspace_group data sources.
terraform import docspace_room_member.editor 12345/6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f
