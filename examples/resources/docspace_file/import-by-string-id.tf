import {
  to = docspace_file.handbook
  id = "45678"
}
