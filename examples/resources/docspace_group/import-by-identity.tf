import {
  to = docspace_group.legal
  identity = {
    id = "6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"
    # Optional: refuses the import when the provider is configured for another portal.
    host = "yourportal.onlyoffice.com"
  }
}
