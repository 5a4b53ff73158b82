# A folder is imported by its id, which the folder's address in DocSpace shows (…?folder=<id>).
terraform import docspace_folder.contracts 34567
