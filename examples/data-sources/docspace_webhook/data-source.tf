# Watch a webhook's deliveries: the check warns, without failing the run, when the portal disabled the
# webhook or the receiver answered the latest delivery with an error.
check "intake_webhook_delivers" {
  data "docspace_webhook" "intake" {
    name = "Intake form submitted"
  }

  assert {
    condition     = data.docspace_webhook.intake.enabled && (data.docspace_webhook.intake.status == 0 || (data.docspace_webhook.intake.status >= 200 && data.docspace_webhook.intake.status < 300))
    error_message = "The intake webhook is disabled or failing: status ${data.docspace_webhook.intake.status}, last failure ${coalesce(data.docspace_webhook.intake.last_failure_on, "never")}: ${coalesce(data.docspace_webhook.intake.last_failure_content, "-")}"
  }
}

data "docspace_webhook" "by_id" {
  id = "12"
}

output "webhook_last_success" {
  value = data.docspace_webhook.by_id.last_success_on
}
