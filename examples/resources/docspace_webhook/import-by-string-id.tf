import {
  to = docspace_webhook.intake_submitted
  id = "12"
}
