package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestDiffCounts(t *testing.T) {
	before := map[string]int{"GET /a": 3, "POST /b": 1, "GET /gone": 2}
	after := map[string]int{"GET /a": 10, "POST /b": 1, "DELETE /c": 4}
	got := diffCounts(before, after)
	want := map[string]int{"GET /a": 7, "DELETE /c": 4}
	if len(got) != len(want) {
		t.Fatalf("diff = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Fatalf("diff = %v, want %v", got, want)
		}
	}
	if totalCalls(got) != 11 {
		t.Fatalf("total = %d, want 11", totalCalls(got))
	}
	// A reset in between: the counter restarted, so its current value is what was called since.
	if got := diffCounts(map[string]int{"GET /a": 9}, map[string]int{"GET /a": 2}); got["GET /a"] != 2 {
		t.Fatalf("after a reset, diff = %v", got)
	}
}

func TestLatencyFloor(t *testing.T) {
	for _, tc := range []struct {
		calls, par int
		lat, want  time.Duration
	}{
		{1000, 10, 20 * time.Millisecond, 2 * time.Second},
		{15, 10, 20 * time.Millisecond, 30 * time.Millisecond},
		{7, 1, 10 * time.Millisecond, 70 * time.Millisecond},
		{7, 0, 10 * time.Millisecond, 70 * time.Millisecond}, // parallelism below 1 counts as 1
		{0, 10, 20 * time.Millisecond, 0},
	} {
		if got := latencyFloor(tc.calls, tc.lat, tc.par); got != tc.want {
			t.Errorf("latencyFloor(%d, %v, %d) = %v, want %v", tc.calls, tc.lat, tc.par, got, tc.want)
		}
	}
}

func TestPhysicalFloor(t *testing.T) {
	lat, op := 20*time.Millisecond, 200*time.Millisecond
	batch := lat + 2*lat + op // refresh read, DELETE, confirming read, and the operation
	for _, tc := range []struct {
		rooms, par int
		want       time.Duration
	}{
		{500, 10, 50 * batch}, // 13 s: the floor the 500-room figures are measured against
		{501, 10, 51 * batch},
		{9, 10, batch},
		{0, 10, 0},
		{3, 0, 3 * batch},
	} {
		if got := physicalFloor(tc.rooms, 0, tc.par, lat, op); got != tc.want {
			t.Errorf("physicalFloor(%d, %d) = %v, want %v", tc.rooms, tc.par, got, tc.want)
		}
	}
}

func TestPhysicalFloorWithFolders(t *testing.T) {
	lat, op := 20*time.Millisecond, 200*time.Millisecond
	folder := 3*lat + op // content listing, DELETE, confirming read, and the operation
	room := 2*lat + op   // DELETE, confirming read, and the operation
	for _, tc := range []struct {
		rooms, folders, par int
		want                time.Duration
	}{
		// 100 rooms with 5 folders: 600 refresh reads in 60 batches, 500 folder deletions in 50, 100
		// room deletions in 10: 1.2 s + 13 s + 2.4 s.
		{100, 5, 10, 60*lat + 50*folder + 10*room},
		{3, 1, 10, lat + folder + room},      // one batch of each
		{7, 2, 4, 6*lat + 4*folder + 2*room}, // 21 reads, 14 folders, 7 rooms, parallelism 4
		{2, 3, 0, 8*lat + 6*folder + 2*room}, // parallelism below 1 counts as 1
		{0, 5, 10, 0},
	} {
		if got := physicalFloor(tc.rooms, tc.folders, tc.par, lat, op); got != tc.want {
			t.Errorf("physicalFloor(%d rooms, %d folders, %d) = %v, want %v", tc.rooms, tc.folders, tc.par, got, tc.want)
		}
	}
	if physicalFloor(100, 5, 10, lat, op) != 16600*time.Millisecond {
		t.Errorf("the 100 × 5 floor is %v, want 16.6s", physicalFloor(100, 5, 10, lat, op))
	}
}

func TestFolderCalls(t *testing.T) {
	// 100 rooms with 5 folders, created by one process: 1000 POSTs and PUTs and 100 marker listings.
	if got := folderCreateCalls(100, 5, 1); got != 1100 {
		t.Errorf("folderCreateCalls(100, 5, 1) = %d, want 1100", got)
	}
	if got := folderCreateCalls(3, 2, 2); got != 3*2*2+3*2 { // each process lists each parent once
		t.Errorf("folderCreateCalls(3, 2, 2) = %d, want 18", got)
	}
	if got := folderCreateCalls(100, 0, 1); got != 0 { // no folders, no listings
		t.Errorf("folderCreateCalls without folders = %d, want 0", got)
	}
	if got := folderDeleteCalls(500); got != 1500 {
		t.Errorf("folderDeleteCalls(500) = %d, want 1500", got)
	}
	// 1100 calls of 20 ms on 10 chains: 2.2 s.
	if got := folderCreateFloor(100, 5, 1, 10, 20*time.Millisecond); got != 2200*time.Millisecond {
		t.Errorf("folderCreateFloor(100, 5) = %v, want 2.2s", got)
	}
	counts := map[string]int{
		"POST /api/2.0/files/folder/{id}":     500,
		"PUT /api/2.0/files/folder/{id}":      500,
		"GET /api/2.0/files/{id}":             100,
		"GET /api/2.0/files/folder/{id}/path": 2,
		"POST /api/2.0/files/rooms":           100,
		"GET /api/2.0/files/rooms/{id}":       300,
		"GET /api/2.0/files/fileops":          7,
		"DELETE /api/2.0/files/folder/{id}":   0,
	}
	if got := folderCalls(counts); got != 1102 {
		t.Errorf("folderCalls = %d, want 1102 (rooms and file operations are not folder calls)", got)
	}
}

func TestRatio(t *testing.T) {
	if got := ratio(3*time.Second, time.Second); got != "3.00×" {
		t.Fatalf("ratio = %q", got)
	}
	if got := ratio(time.Second, 0); got != "n/a" {
		t.Fatalf("ratio without a floor = %q", got)
	}
}

func TestUsageAndCPUAttribution(t *testing.T) {
	log := `{"pid":1,"user_ns":300000000,"sys_ns":100000000,"maxrss_kb":30000,"wrapper_ns":5000000}

{"pid":2,"user_ns":200000000,"sys_ns":0,"maxrss_kb":50000,"wrapper_ns":5000000}
`
	us, err := readUsage(strings.NewReader(log))
	if err != nil {
		t.Fatal(err)
	}
	cpu, wrappers, rss := providerTotals(us)
	if cpu != 600*time.Millisecond || wrappers != 10*time.Millisecond || rss != 50000 {
		t.Fatalf("totals = %v, %v, %d", cpu, wrappers, rss)
	}
	own, ok := terraformOwnCPU(time.Second, cpu, wrappers)
	if !ok || own != 390*time.Millisecond {
		t.Fatalf("terraform's own CPU = %v, %v; want 390ms", own, ok)
	}
	if own, ok := terraformOwnCPU(500*time.Millisecond, cpu, wrappers); ok || own != 0 {
		t.Fatalf("an impossible attribution must clamp to 0 and say so, got %v, %v", own, ok)
	}
	if _, err := readUsage(strings.NewReader("not json\n")); err == nil {
		t.Fatal("a malformed line must be an error")
	}
	if perObject(time.Second, 4) != 250*time.Millisecond || perObject(time.Second, 0) != 0 {
		t.Fatal("perObject")
	}
}

func TestSortedEndpoints(t *testing.T) {
	got := sortedEndpoints(map[string]int{"GET /b": 2, "GET /a": 2, "POST /c": 5})
	if strings.Join(got, ",") != "POST /c,GET /a,GET /b" {
		t.Fatalf("order = %v", got)
	}
}

func TestWriteConfig(t *testing.T) {
	var b bytes.Buffer
	if err := writeConfig(&b, 12, 0); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	if n := strings.Count(s, `resource "docspace_room"`); n != 12 {
		t.Fatalf("%d rooms, want 12", n)
	}
	for _, typ := range roomTypes {
		if !strings.Contains(s, `room_type = "`+typ+`"`) {
			t.Errorf("no room of type %s", typ)
		}
	}
	if !strings.Contains(s, `tags      = ["team-b", "legal", "estate"]`) {
		t.Errorf("expected a room with three tags:\n%s", s)
	}
	if strings.Contains(s, "docspace_folder") {
		t.Error("folders without -folders-per-room")
	}
}

func TestWriteConfigFolders(t *testing.T) {
	var b bytes.Buffer
	if err := writeConfig(&b, 4, 3); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	if n := strings.Count(s, `resource "docspace_room"`); n != 4 {
		t.Fatalf("%d rooms, want 4", n)
	}
	if n := strings.Count(s, `resource "docspace_folder"`); n != 12 {
		t.Fatalf("%d folders, want 12", n)
	}
	for _, want := range []string{
		"resource \"docspace_folder\" \"r0003_f02\" {\n  room_id = docspace_room.r0003.id\n  title   = \"Folder 02\"\n}",
		"room_id = docspace_room.r0000.id",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q in:\n%s", want, s)
		}
	}
}

func TestProcStatCPU(t *testing.T) {
	// pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
	got, err := procStatCPU("4242 (fake portal) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 37 0 0 20 0 9 0")
	if err != nil || got != 2870*time.Millisecond {
		t.Fatalf("procStatCPU = %v, %v; want 2.87s", got, err)
	}
	if _, err := procStatCPU("4242 (x) S 1"); err == nil {
		t.Fatal("a short stat line must be an error")
	}
}
