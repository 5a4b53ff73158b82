terraform {
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

# Both values can come from the environment instead:
#   export DOCSPACE_API_HOST=https://yourportal.onlyoffice.com
#   export DOCSPACE_API_KEY=sk-...
provider "docspace" {
  api_host = "https://yourportal.onlyoffice.com"
  api_key  = var.docspace_api_key
}

variable "docspace_api_key" {
  type      = string
  sensitive = true
}
