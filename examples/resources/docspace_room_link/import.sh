# A link is imported as <room_id>/<link_id>. List a room's links with
# GET /api/2.0/files/rooms/<room_id>/links to find the id.
terraform import docspace_room_link.reviewers 12345/6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f
