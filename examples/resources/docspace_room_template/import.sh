# A template is imported by its numeric id (see the docspace_templates data source).
terraform import docspace_room_template.project 12345
