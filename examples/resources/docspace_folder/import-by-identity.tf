import {
  to = docspace_folder.contracts
  identity = {
    id = "34567"
    # Optional: refuses the import when the provider is configured for another portal.
    host = "yourportal.onlyoffice.com"
  }
}
