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
		if got := physicalFloor(tc.rooms, tc.par, lat, op); got != tc.want {
			t.Errorf("physicalFloor(%d, %d) = %v, want %v", tc.rooms, tc.par, got, tc.want)
		}
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
	if perRoom(time.Second, 4) != 250*time.Millisecond || perRoom(time.Second, 0) != 0 {
		t.Fatal("perRoom")
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
	if err := writeConfig(&b, 12); err != nil {
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
