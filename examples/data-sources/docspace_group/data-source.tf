# By exact name; when several groups share the name, look the group up by id instead.
data "docspace_group" "legal" {
  name = "Legal"
}

data "docspace_group" "by_id" {
  id = "6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"
}

output "legal_members" {
  value = length(data.docspace_group.legal.member_ids)
}
