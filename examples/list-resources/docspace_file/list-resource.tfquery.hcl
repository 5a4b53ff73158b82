# The files directly in room (or folder) 12345, each named after its title. A generated configuration has
# no source or content: add one before applying; the first apply uploads it as a new version.
list "docspace_file" "handbooks" {
  provider         = docspace
  include_resource = true
  config {
    folder_id = "12345"
  }
}
