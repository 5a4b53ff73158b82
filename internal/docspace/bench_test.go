package docspace_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// Run with: go test ./internal/docspace -run '^$' -bench . -benchtime 5x
// Each benchmark reports how long after the portal finished the client noticed (ms_after_done) with
// one-second operations, as the closing notes quote.

func benchPortal(b *testing.B, opts fakeportal.Options) (*fakeportal.Portal, *docspace.Client) {
	opts.APIKeys = []string{key}
	portal := fakeportal.New(opts)
	srv := httptest.NewServer(portal)
	b.Cleanup(srv.Close)
	c, err := docspace.New(docspace.Config{Host: srv.URL, APIKey: key}) // production polling settings
	if err != nil {
		b.Fatal(err)
	}
	return portal, c
}

func median(d []time.Duration) time.Duration {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[len(d)/2]
}

// BenchmarkArchiveWait archives and restores a room with 1 s file operations.
func BenchmarkArchiveWait(b *testing.B) {
	const opTime = time.Second
	portal, c := benchPortal(b, fakeportal.Options{FileOpDuration: opTime})
	room, err := c.CreateRoom(context.Background(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: "bench"}, RoomType: docspace.RoomTypeCustom})
	if err != nil {
		b.Fatal(err)
	}
	var lags []time.Duration
	portal.ResetCounts()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		op := c.ArchiveRoom
		if i%2 == 1 {
			op = c.UnarchiveRoom
		}
		if err := op(context.Background(), room.ID); err != nil {
			b.Fatal(err)
		}
		lags = append(lags, time.Since(start)-opTime)
	}
	b.ReportMetric(float64(median(lags).Milliseconds()), "ms_after_done")
	b.ReportMetric(float64(portal.Counts()["GET /api/2.0/files/fileops"])/float64(len(lags)), "fileops_polls/op")
}

// BenchmarkRoomFromTemplate creates rooms from a template one by one with 1 s jobs.
func BenchmarkRoomFromTemplate(b *testing.B) {
	const jobTime = time.Second
	portal, c := benchPortal(b, fakeportal.Options{JobDuration: jobTime})
	_, tpl := sourceAndTemplate(b, c)
	var lags []time.Duration
	portal.ResetCounts()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		if _, err := idOf(c.CreateRoomFromTemplate(context.Background(), docspace.CreateRoomFromTemplateRequest{RoomSettings: docspace.RoomSettings{Title: fmt.Sprint("bench ", i)}, TemplateID: tpl})); err != nil {
			b.Fatal(err)
		}
		lags = append(lags, time.Since(start)-jobTime)
	}
	counts := portal.Counts()
	b.ReportMetric(float64(median(lags).Milliseconds()), "ms_after_done")
	b.ReportMetric(float64(counts["GET /api/2.0/files/rooms/fromtemplate/status"])/float64(len(lags)), "status_requests/job")
	b.ReportMetric(float64(counts["GET /api/2.0/files/rooms/{id}"])/float64(len(lags)), "verify_gets/job")
}

// BenchmarkTenRoomsInParallel starts 10 room-from-template creations at once, as Terraform does, with 1 s
// jobs; the per-portal lock runs them one after another. ratio = elapsed / sum of job durations.
func BenchmarkTenRoomsInParallel(b *testing.B) {
	const jobTime = time.Second
	_, c := benchPortal(b, fakeportal.Options{JobDuration: jobTime})
	_, tpl := sourceAndTemplate(b, c)
	var ratios []float64
	for b.Loop() {
		start := time.Now()
		ids, errs := createRooms(c, tpl, 10)
		for i, err := range errs {
			if err != nil || ids[i] == 0 {
				b.Fatal(err)
			}
		}
		ratios = append(ratios, float64(time.Since(start))/float64(10*jobTime))
	}
	sort.Float64s(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "ratio_to_job_time")
}

// BenchmarkTwentyRoomsFromTemplate starts 20 room-from-template creations at once against a portal with
// 20 ms latency and 1 s jobs, as `terraform apply` does. ratio = elapsed / sum of job durations;
// ms_noticed is the median time from a job's end to the status read that showed it.
func BenchmarkTwentyRoomsFromTemplate(b *testing.B) {
	const jobTime, rooms = time.Second, 20
	portal, c := benchPortal(b, fakeportal.Options{JobDuration: jobTime, Latency: 20 * time.Millisecond})
	_, tpl := sourceAndTemplate(b, c)
	var ratios []float64
	var lags []time.Duration
	portal.ResetCounts()
	for b.Loop() {
		start := time.Now()
		ids, errs := createRooms(c, tpl, rooms)
		for i, err := range errs {
			if err != nil || ids[i] == 0 {
				b.Fatal(err)
			}
		}
		ratios = append(ratios, float64(time.Since(start))/float64(rooms*jobTime))
		lags = append(lags, portal.TakeJobLags()...)
	}
	counts := portal.Counts()
	sort.Float64s(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "ratio_to_job_time")
	b.ReportMetric(float64(median(lags).Milliseconds()), "ms_noticed")
	b.ReportMetric(float64(counts["GET /api/2.0/files/rooms/fromtemplate/status"])/float64(len(lags)), "status_requests/job")
}

// BenchmarkParallelDeletes deletes 100 rooms, ten at a time as `terraform destroy -parallelism=10` does,
// against a portal with 20 ms latency and 200 ms delete operations. ratio_to_floor = elapsed / (10
// batches × (DELETE + operation + confirming read)); ms_over_floor is the median time a delete took
// beyond its own floor (latency + operation + latency).
func BenchmarkParallelDeletes(b *testing.B) {
	const latency, opTime, rooms, parallel = 20 * time.Millisecond, 200 * time.Millisecond, 100, 10
	portal, c := benchPortal(b, fakeportal.Options{FileOpDuration: opTime, Latency: latency})
	own := latency + opTime + latency
	floor := time.Duration((rooms+parallel-1)/parallel) * own
	var ratios []float64
	var extra []time.Duration
	deletes := 0
	counts := map[string]int{}
	for b.Loop() {
		b.StopTimer()
		ids := make(chan int64, rooms)
		for i := range rooms {
			room, err := c.CreateRoom(context.Background(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: fmt.Sprintf("bench %d", i)}, RoomType: docspace.RoomTypeCustom})
			if err != nil {
				b.Fatal(err)
			}
			ids <- room.ID
		}
		close(ids)
		portal.ResetCounts()
		b.StartTimer()
		start := time.Now()
		var mu sync.Mutex
		var wg sync.WaitGroup
		for range parallel {
			wg.Go(func() {
				for id := range ids {
					t := time.Now()
					err := c.DeleteRoom(context.Background(), id)
					mu.Lock()
					extra = append(extra, time.Since(t)-own)
					mu.Unlock()
					if err != nil {
						b.Error(err)
					}
				}
			})
		}
		wg.Wait()
		ratios = append(ratios, float64(time.Since(start))/float64(floor))
		deletes += rooms
		for k, v := range portal.Counts() {
			counts[k] += v
		}
	}
	sort.Float64s(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "ratio_to_floor")
	b.ReportMetric(float64(median(extra).Milliseconds()), "ms_over_floor")
	b.ReportMetric(float64(counts["GET /api/2.0/files/rooms/{id}"])/float64(deletes), "room_reads/delete")
	b.ReportMetric(float64(counts["GET /api/2.0/files/fileops"])/float64(deletes), "fileops_reads/delete")
}

// BenchmarkCreationCost measures one creation of each kind where no marked object exists, the common
// case: the API calls by kind and the wall time (ns/op), with 300 ms jobs and production polling. "first"
// is the first creation of its kind in a provider process, which lists the marked objects; "later"
// follows one of its kind in the same process; "after a room" is the first room from a template in a
// process that has already created a room directly. Run with:
//
//	go test ./internal/docspace -run '^$' -bench CreationCost -benchtime 5x
func BenchmarkCreationCost(b *testing.B) {
	for _, kind := range []string{"room", "template", "room from template"} {
		for _, when := range []string{"first", "later", "after a room"} {
			if when == "after a room" && kind != "room from template" {
				continue
			}
			b.Run(kind+"/"+when, func(b *testing.B) {
				portal, setup := benchPortal(b, fakeportal.Options{})
				roomID, tpl := sourceAndTemplate(b, setup)
				newClient := func() *docspace.Client {
					c, err := docspace.New(docspace.Config{Host: setup.Host(), APIKey: key})
					if err != nil {
						b.Fatal(err)
					}
					docspace.ActAsAnotherProcess(c)
					return c
				}
				n := 0
				create := func(c *docspace.Client, kind string) {
					n++
					title := fmt.Sprint("cost ", n)
					var err error
					switch kind {
					case "room":
						_, err = c.CreateRoom(context.Background(), docspace.CreateRoomRequest{RoomSettings: docspace.RoomSettings{Title: title}, RoomType: docspace.RoomTypeCustom})
					case "template":
						_, err = c.CreateTemplate(context.Background(), docspace.CreateTemplateRequest{RoomID: roomID, Title: title})
					default:
						_, err = c.CreateRoomFromTemplate(context.Background(), docspace.CreateRoomFromTemplateRequest{RoomSettings: docspace.RoomSettings{Title: title}, TemplateID: tpl})
					}
					if err != nil {
						b.Fatal(err)
					}
				}
				c := newClient()
				if when == "later" {
					create(c, kind)
				}
				time.Sleep(1100 * time.Millisecond) // the setup's jobs are not "just freed"
				counts := map[string]int{}
				ops := 0
				for b.Loop() {
					b.StopTimer()
					if when != "later" {
						c = newClient()
						if when == "after a room" {
							create(c, "room")
						}
					}
					portal.ResetCounts() // only the measured creation counts
					b.StartTimer()
					create(c, kind)
					b.StopTimer()
					for route, k := range portal.Counts() {
						counts[route] += k
					}
					ops++
					b.StartTimer()
				}
				total := 0
				for _, k := range counts {
					total += k
				}
				b.ReportMetric(float64(total)/float64(ops), "calls/op")
				b.ReportMetric(float64(counts["GET /api/2.0/files/rooms"])/float64(ops), "lists/op")
				b.ReportMetric(float64(counts["GET /api/2.0/files/rooms/{id}"])/float64(ops), "gets/op")
				status := counts["GET /api/2.0/files/roomtemplate/status"] + counts["GET /api/2.0/files/rooms/fromtemplate/status"]
				b.ReportMetric(float64(status)/float64(ops), "status/op")
			})
		}
	}
}
