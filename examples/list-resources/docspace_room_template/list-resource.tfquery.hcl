list "docspace_room_template" "onboarding" {
  provider         = docspace
  include_resource = true
  config {
    title_contains = "onboarding"
    tags           = ["hr"]
  }
}
