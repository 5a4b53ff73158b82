# A form that people uploaded into a room, by its title; the lookup ignores letter case, as the portal
# does, and fails when no file or several files there carry the title.
data "docspace_room" "hr" {
  title = "HR requests"
}

data "docspace_file" "leave_request" {
  folder_id = data.docspace_room.hr.id
  title     = "Leave request.pdf"
}

data "docspace_file" "by_id" {
  id = "45678"
}

output "leave_request_form" {
  value = {
    id      = data.docspace_file.leave_request.id
    is_form = data.docspace_file.leave_request.is_form
    url     = data.docspace_file.leave_request.web_url
  }
}
