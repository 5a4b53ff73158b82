# A file is imported by its id, which the file's address in DocSpace shows when it is open (…?fileid=<id>).
# The content is not downloaded: the first apply after the import uploads the configured content as a
# new version of the file.
terraform import docspace_file.handbook 45678
