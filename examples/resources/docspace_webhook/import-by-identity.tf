import {
  to = docspace_webhook.intake_submitted
  identity = {
    id = "12"
    # Optional: refuses the import when the provider is configured for another portal.
    host = "yourportal.onlyoffice.com"
  }
}
