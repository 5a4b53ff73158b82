# Every folder of room 12345, however deep, sorted by path ("01 Contracts", "01 Contracts/Signed", …).
data "docspace_folders" "legal" {
  room_id = "12345"
}

# Only what lies below one folder of that room; paths still start at the room.
data "docspace_folders" "contracts" {
  room_id   = "12345"
  parent_id = "67890"
}

# The folder ids by path.
output "legal_folders" {
  value = { for f in data.docspace_folders.legal.folders : f.path => f.id }
}
