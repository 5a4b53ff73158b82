# Every active room admin of the portal.
data "docspace_users" "room_admins" {
  type   = "room_admin"
  status = "active"
}

# The members of a group.
data "docspace_group" "legal" {
  name = "Legal"
}

data "docspace_users" "legal" {
  group_id = data.docspace_group.legal.id
}

output "room_admin_emails" {
  value = [for u in data.docspace_users.room_admins.users : u.email]
}
