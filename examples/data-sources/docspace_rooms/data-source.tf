# Every active virtual data room tagged "deal", across all pages of the listing.
data "docspace_rooms" "deals" {
  room_type = "virtual_data"
  tags      = ["deal"]
}

# Archived rooms whose title contains "2024".
data "docspace_rooms" "old" {
  area           = "archived"
  title_contains = "2024"
}

output "deal_room_ids" {
  value = [for r in data.docspace_rooms.deals.rooms : r.id]
}
