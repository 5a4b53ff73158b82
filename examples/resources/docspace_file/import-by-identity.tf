import {
  to = docspace_file.handbook
  identity = {
    id = "45678"
    # Optional: refuses the import when the provider is configured for another portal.
    host = "yourportal.onlyoffice.com"
  }
}
