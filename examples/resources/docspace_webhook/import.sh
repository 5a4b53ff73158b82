# A webhook is imported by its id (GET /api/2.0/settings/webhook lists them, or the docspace_webhook list
# resource). The portal never returns the secret: keep secret_wo (or secret) in the block, and the first
# apply after the import sends it.
terraform import docspace_webhook.intake_submitted 12
