# Runs against the portal in DOCSPACE_API_HOST and DOCSPACE_API_KEY: the bundled fake portal in CI
# (`make fakeportal`, then `terraform test`), or a test portal of yours.
variables {
  editor_email = "colleague@portal.example" # one of the fake portal's sample people
}

run "setup" {
  module {
    source = "./tests/setup"
  }
}

run "creates_a_project_room" {
  variables {
    title      = "tfacc-module Project Apollo"
    editor_ids = [run.setup.editor_id]
    tags       = ["apollo"]
  }

  assert {
    condition     = docspace_room.this.room_type == "collaboration"
    error_message = "a project room is a collaboration room"
  }

  assert {
    condition     = docspace_room.this.tags == toset(["apollo", "project"])
    error_message = "the room carries the project tag besides its own"
  }

  assert {
    condition     = docspace_room_member.editor[run.setup.editor_id].access == "editor"
    error_message = "every editor is granted the editor role"
  }

  assert {
    condition     = output.room_id == docspace_room.this.id
    error_message = "room_id is the room's id"
  }
}

run "renames_in_place" {
  variables {
    title      = "tfacc-module Project Apollo II"
    editor_ids = [run.setup.editor_id]
    tags       = ["apollo"]
  }

  assert {
    condition     = output.room_id == run.creates_a_project_room.room_id
    error_message = "a new title changes the room in place and keeps its id"
  }
}

run "refuses_an_overlong_title" {
  command = plan

  variables {
    title = join("", [for i in range(101) : "x"])
  }

  expect_failures = [var.title]
}
