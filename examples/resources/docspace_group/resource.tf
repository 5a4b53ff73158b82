data "docspace_user" "lead" {
  email = "maria.lopez@example.com"
}

data "docspace_user" "analyst" {
  email = "sam.chen@example.com"
}

# The manager is always a member too, so it is listed in member_ids.
resource "docspace_group" "legal" {
  name       = "Legal"
  manager_id = data.docspace_user.lead.id
  member_ids = [data.docspace_user.lead.id, data.docspace_user.analyst.id]
}

resource "docspace_room" "contracts" {
  title     = "Contracts"
  room_type = "virtual_data"
}

# Deleting the group would remove this access too.
resource "docspace_room_member" "legal" {
  room_id  = docspace_room.contracts.id
  group_id = docspace_group.legal.id
  access   = "editor"
}
