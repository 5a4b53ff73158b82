# By e-mail address: an address no user has is an error, never a new account.
data "docspace_user" "maria" {
  email = "maria.lopez@example.com"
}

# By id.
data "docspace_user" "by_id" {
  id = "6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"
}

# The user the API key belongs to.
data "docspace_user" "me" {}

output "maria" {
  value = "${data.docspace_user.maria.display_name} is a ${data.docspace_user.maria.type} (${data.docspace_user.maria.status})"
}
