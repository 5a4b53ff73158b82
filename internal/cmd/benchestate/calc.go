package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// diffCounts returns after minus before for every endpoint, leaving out endpoints that were not called
// in between. The fake's counters only grow unless reset, so a negative difference means a reset
// happened in between; it is reported as the after value.
func diffCounts(before, after map[string]int) map[string]int {
	d := map[string]int{}
	for k, a := range after {
		n := a - before[k]
		if n < 0 {
			n = a
		}
		if n > 0 {
			d[k] = n
		}
	}
	return d
}

func totalCalls(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// latencyFloor is the least wall time a phase that made calls API requests can take when the portal
// answers each request no sooner than latency and Terraform runs at most parallelism resource
// operations at once.
//
// A resource operation makes its requests one after another (each waits for the previous answer), so
// every request sits on the critical path of one of at most `parallelism` concurrent chains. With
// perfect packing the chains share the calls evenly, which gives
//
//	floor = calls × latency / parallelism
//
// It ignores the requests' own processing time and Terraform's work between operations, so the real
// wall time can only be larger; the ratio wall / floor says how far from that ideal the phase is.
func latencyFloor(calls int, latency time.Duration, parallelism int) time.Duration {
	if parallelism < 1 {
		parallelism = 1
	}
	return time.Duration(int64(calls) * int64(latency) / int64(parallelism))
}

// physicalFloor is the least wall time of destroying rooms that hold foldersPerRoom docspace_folder
// resources each. Terraform first refreshes every object (one read each, parallelism at a time); then it
// deletes every folder before its room. A folder's deletion is a listing of its content (the provider
// refuses to delete a folder holding what the configuration does not manage), one DELETE, a file
// operation on the portal that takes opDuration however fast the client is, and one read that confirms
// the folder is gone; a room's deletion is the DELETE, the operation and the confirming read. At most
// parallelism deletions are in flight at once, so each kind goes in full batches:
//
//	floor = ceil(rooms × (1 + foldersPerRoom) / parallelism) × latency                (the refresh)
//	      + ceil(rooms × foldersPerRoom / parallelism) × (3 × latency + opDuration) (folders)
//	      + ceil(rooms / parallelism) × (2 × latency + opDuration)                  (rooms)
//
// A room's deletion may overlap the folder deletions of other rooms, so the batches may be packed
// tighter than this when the counts are not multiples of parallelism; when they are, the sum is the
// total work divided by parallelism and cannot be beaten. Without folders it is ceil(rooms /
// parallelism) × (3 × latency + opDuration).
func physicalFloor(rooms, foldersPerRoom, parallelism int, latency, opDuration time.Duration) time.Duration {
	if parallelism < 1 {
		parallelism = 1
	}
	// batchesOf is how long n requests of duration d take, parallelism at a time.
	batchesOf := func(n int, d time.Duration) time.Duration {
		return time.Duration(int64((n+parallelism-1)/parallelism) * int64(d))
	}
	folders := rooms * foldersPerRoom
	return batchesOf(rooms+folders, latency) +
		batchesOf(folders, 3*latency+opDuration) +
		batchesOf(rooms, 2*latency+opDuration)
}

// folderCreateCalls is the least number of requests that creating rooms × foldersPerRoom folders takes
// when processes provider processes create them: each folder is a POST of its marked title and a PUT
// that renames it to its own title (the creation protocol, internal/docspace/creation.go), and before
// the first creation in a parent every process lists the parent's folders once for markers that an
// earlier run left behind (internal/docspace/folders.go, folderObjects).
func folderCreateCalls(rooms, foldersPerRoom, processes int) int {
	if foldersPerRoom < 1 {
		return 0
	}
	return rooms*foldersPerRoom*2 + rooms*processes
}

// folderDeleteCalls is the least number of requests that deleting folders takes: each is a listing of
// its content, the DELETE that starts the file operation and one read that finds the folder gone.
func folderDeleteCalls(folders int) int { return folders * 3 }

// folderCreateFloor is the least wall time the folder creates of an apply take on their own, once their
// rooms exist: every request is on one of at most parallelism chains (a parent's marker listing comes
// before its folders' POSTs), so with perfect packing
//
//	floor = folderCreateCalls × latency / parallelism
func folderCreateFloor(rooms, foldersPerRoom, processes, parallelism int, latency time.Duration) time.Duration {
	return latencyFloor(folderCreateCalls(rooms, foldersPerRoom, processes), latency, parallelism)
}

// folderCalls counts the calls to the folder endpoints: /files/folder/… and a folder's content listing,
// GET /files/{id}.
func folderCalls(counts map[string]int) int {
	n := 0
	for k, c := range counts {
		if strings.Contains(k, "/files/folder/") || strings.HasSuffix(k, " /api/2.0/files/{id}") {
			n += c
		}
	}
	return n
}

// procStatCPU reads the user and system CPU time from the text of a Linux /proc/<pid>/stat file: fields
// 14 and 15, counted after the command name in parentheses (which may hold spaces), in clock ticks of
// 1/100 s.
func procStatCPU(stat string) (time.Duration, error) {
	i := strings.LastIndexByte(stat, ')')
	if i < 0 {
		return 0, fmt.Errorf("no command name in %q", stat)
	}
	f := strings.Fields(stat[i+1:]) // f[0] is field 3
	if len(f) < 13 {
		return 0, fmt.Errorf("too few fields in %q", stat)
	}
	var ticks int64
	for _, s := range f[11:13] {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, err
		}
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond, nil
}

// ratio formats wall / floor, or "n/a" when there is no floor.
func ratio(wall, floor time.Duration) string {
	if floor <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f×", float64(wall)/float64(floor))
}

// processUsage is what the provider wrapper records for one provider process when it exits.
type processUsage struct {
	PID int `json:"pid"`
	// UserNS and SysNS are the provider's CPU time (rusage of the provider process).
	UserNS int64 `json:"user_ns"`
	SysNS  int64 `json:"sys_ns"`
	// MaxRSSKB is the provider's peak resident set size (ru_maxrss, the same as VmHWM at exit).
	MaxRSSKB int64 `json:"maxrss_kb"`
	// WrapperNS is the wrapper's own CPU time, which Terraform's rusage includes too.
	WrapperNS int64 `json:"wrapper_ns"`
}

func (u processUsage) cpu() time.Duration { return time.Duration(u.UserNS + u.SysNS) }

// readUsage parses the wrapper's log: one JSON object a line.
func readUsage(r io.Reader) ([]processUsage, error) {
	var out []processUsage
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var u processUsage
		if err := json.Unmarshal([]byte(line), &u); err != nil {
			return nil, fmt.Errorf("usage line %q: %w", line, err)
		}
		out = append(out, u)
	}
	return out, sc.Err()
}

// providerTotals sums the provider processes' CPU and the wrappers' CPU, and takes the largest peak RSS.
func providerTotals(us []processUsage) (cpu, wrapper time.Duration, peakRSSKB int64) {
	for _, u := range us {
		cpu += u.cpu()
		wrapper += time.Duration(u.WrapperNS)
		peakRSSKB = max(peakRSSKB, u.MaxRSSKB)
	}
	return cpu, wrapper, peakRSSKB
}

// terraformOwnCPU is Terraform's CPU without its plugin processes. The rusage of a waited-for child
// includes the children that it waited for in turn, and Terraform waits for every provider process it
// starts, so the Terraform process's rusage covers the wrappers and the providers; subtracting them
// leaves Terraform's own CPU. It cannot be negative; if it would be, a provider process was not waited
// for and the result is clamped to zero (ok = false).
func terraformOwnCPU(terraformTotal, providers, wrappers time.Duration) (own time.Duration, ok bool) {
	own = terraformTotal - providers - wrappers
	if own < 0 {
		return 0, false
	}
	return own, true
}

// perObject divides a duration by the number of managed objects (rooms and folders).
func perObject(d time.Duration, objects int) time.Duration {
	if objects < 1 {
		return 0
	}
	return d / time.Duration(objects)
}

// sortedEndpoints lists endpoints by calls, most first, then by name.
func sortedEndpoints(counts map[string]int) []string {
	keys := slices.Collect(maps.Keys(counts))
	slices.SortFunc(keys, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	return keys
}

// roomTypes are cycled through by the generated configuration.
var roomTypes = []string{"custom", "collaboration", "public", "form_filling", "virtual_data"}

// writeConfig writes a configuration of n docspace_room resources of mixed types, each with one to
// three tags from a small shared vocabulary and foldersPerRoom docspace_folder resources in it.
func writeConfig(w io.Writer, n, foldersPerRoom int) error {
	bw := bufio.NewWriter(w)
	_, _ = fmt.Fprint(bw, `terraform {
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

provider "docspace" {}
`)
	tags := []string{"estate", "team-a", "team-b", "finance", "legal", "archive-2025"}
	for i := range n {
		var ts []string
		for j := 0; j <= i%3; j++ {
			ts = append(ts, fmt.Sprintf("%q", tags[(i+j*2)%len(tags)]))
		}
		_, _ = fmt.Fprintf(bw, `
resource "docspace_room" "r%04d" {
  title     = "Estate room %04d"
  room_type = %q
  tags      = [%s]
}
`, i, i, roomTypes[i%len(roomTypes)], strings.Join(ts, ", "))
		for j := range foldersPerRoom {
			_, _ = fmt.Fprintf(bw, `
resource "docspace_folder" "r%04d_f%02d" {
  room_id = docspace_room.r%04d.id
  title   = "Folder %02d"
}
`, i, j, i, j)
		}
	}
	return bw.Flush()
}
