import {
  to = docspace_folder.contracts
  id = "34567"
}
