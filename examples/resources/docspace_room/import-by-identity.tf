import {
  to = docspace_room.project
  identity = {
    id = "12345"
    # Optional: refuses the import when the provider is configured for another portal.
    host = "yourportal.onlyoffice.com"
  }
}
