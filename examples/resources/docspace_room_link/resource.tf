resource "docspace_room" "review" {
  title     = "Contract review"
  room_type = "custom"
}

variable "link_password" {
  type      = string
  sensitive = true
}

# An external link for outside reviewers: password protected, expiring, no downloads.
resource "docspace_room_link" "reviewers" {
  room_id         = docspace_room.review.id
  link_type       = "external"
  access          = "reviewer"
  title           = "External reviewers"
  password        = var.link_password
  expiration_date = "2027-06-30T18:00:00Z"
  deny_download   = true
}

# With Terraform 1.11 or later, keep the password out of the state with a write-only attribute.
resource "docspace_room_link" "auditors" {
  room_id             = docspace_room.review.id
  link_type           = "external"
  access              = "viewer"
  password_wo         = var.link_password
  password_wo_version = 1
}

# An invitation link that lets up to 20 colleagues join as editors.
resource "docspace_room_link" "team" {
  room_id       = docspace_room.review.id
  link_type     = "invitation"
  access        = "editor"
  max_use_count = 20
}

# The primary link every public room has, adopted and managed.
resource "docspace_room" "press" {
  title     = "Press kit"
  room_type = "public"
}

resource "docspace_room_link" "press" {
  room_id   = docspace_room.press.id
  link_type = "external"
  primary   = true
  access    = "viewer"
  title     = "Press kit link"
}

output "reviewers_link" {
  value     = docspace_room_link.reviewers.share_link
  sensitive = true
}
