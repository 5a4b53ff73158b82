# A template is imported by its numeric id (see the docspace_templates data source).
# The portal does not report room_id, share_user_ids or share_group_ids: they are taken from the
# configuration, and the next apply grants the users and groups listed there by id.
terraform import docspace_room_template.project 12345
