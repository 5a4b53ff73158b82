#!/usr/bin/env bash
# Measures an upload of one large file into a room of the fake portal, side by side with curl sending the
# same file through the same chunked-session endpoint in the same 10 MiB chunks: wall time and peak RSS
# of each, RUNS times in turn. Usage: .ci/bench-upload.sh [SIZE_MIB] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/lib.sh
size_mib=${1:-200} runs=${2:-5}
work=$(mktemp -d)
trap 'stop_fake_portal; rm -rf "$work"' EXIT
start_fake_portal "$work" "sk-bench-$RANDOM"
go build -o "$work/uploadbench" ./internal/cmd/uploadbench
head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$work/file.bin"
auth="Authorization: Bearer $DOCSPACE_API_KEY"
room=$(curl -fsS -H "$auth" -H 'Content-Type: application/json' -d '{"title":"upload bench","roomType":6}' \
  "$DOCSPACE_API_HOST/api/2.0/files/rooms" | sed -n 's/.*"response":{.*"id":\([0-9]*\),.*/\1/p' | head -n1)
[ -n "$room" ] || { echo "no room was created" >&2; exit 1; }

# curl_upload sends the file as the client does: open a session, then each 10 MiB chunk as multipart File.
curl_upload() {
  local title="curl-$1.bin" chunk=$((10 * 1024 * 1024)) bytes session i n
  bytes=$(stat -c %s "$work/file.bin")
  session=$(curl -fsS -H "$auth" -H 'Content-Type: application/json' -d "{\"fileName\":\"$title\",\"fileSize\":$bytes}" \
    "$DOCSPACE_API_HOST/api/2.0/files/$room/session" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
  n=$(((bytes + chunk - 1) / chunk))
  for ((i = 0; i < n; i++)); do
    dd if="$work/file.bin" bs=$chunk skip=$i count=1 status=none |
      curl -fsS -o /dev/null -H "$auth" -F "File=@-;filename=$title" "$DOCSPACE_API_HOST/api/2.0/files/$room/session/$session"
  done
}
export -f curl_upload; export work auth room DOCSPACE_API_HOST

echo "uploading ${size_mib} MiB into room $room, $runs runs each (wall seconds, peak RSS in KiB):"
for ((run = 1; run <= runs; run++)); do
  /usr/bin/time -f "provider client  %e s  %M KiB" "$work/uploadbench" -folder "$room" -file "$work/file.bin" -title "client-$run.bin" >/dev/null
  /usr/bin/time -f "curl             %e s  %M KiB" bash -c "curl_upload $run"
done
