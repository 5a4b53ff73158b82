# Every group whose name mentions "sales", with its manager and members.
list "docspace_group" "sales" {
  provider         = docspace
  include_resource = true
  config {
    name_contains = "sales"
  }
}
