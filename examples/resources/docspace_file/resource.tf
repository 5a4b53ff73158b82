resource "docspace_room" "clients" {
  title     = "Acme Corp"
  room_type = "custom"
}

# A document from a local file. A change of the file uploads a new version of the same file; files above
# the portal's simple-upload size go up in chunks, streamed from disk.
resource "docspace_file" "handbook" {
  folder_id = docspace_room.clients.id
  title     = "Client handbook.docx"
  source    = "${path.module}/files/Client handbook.docx"
}

# A text file written in the configuration. Destroying it moves it into the Trash of the API key's user;
# permanent_delete = true deletes it for good instead.
resource "docspace_file" "welcome" {
  folder_id = docspace_room.clients.id
  title     = "Welcome.md"
  content   = <<-EOT
    # Welcome to Acme Corp's room

    Everything we share with you lives here.
  EOT
}

# A form-filling room takes only ONLYOFFICE PDF forms: the provider checks the form's signature before
# it uploads anything. The first form makes the room's "Complete" and "In process" folders.
resource "docspace_room" "intake" {
  title     = "Client intake"
  room_type = "form_filling"
}

resource "docspace_file" "intake_form" {
  folder_id = docspace_room.intake.id
  title     = "Intake form.pdf"
  source    = "${path.module}/files/Intake form.pdf"
}
