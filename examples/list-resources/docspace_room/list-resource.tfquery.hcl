# Every room, active and archived (area defaults to "any"), with all its settings.
list "docspace_room" "all" {
  provider         = docspace
  include_resource = true
}

# Active public rooms of the sales team whose title mentions "Q3".
list "docspace_room" "sales_q3" {
  provider = docspace
  config {
    area           = "active"
    room_type      = "public"
    title_contains = "Q3"
    tags           = ["sales"]
  }
}
