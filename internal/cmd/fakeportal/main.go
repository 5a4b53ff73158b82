// Command fakeportal serves the in-memory DocSpace portal of internal/fakeportal on a local address:
//
//	go run ./internal/cmd/fakeportal -addr 127.0.0.1:8080 -api-key sk-anything
//
// Point the provider at it with DOCSPACE_API_HOST=http://127.0.0.1:8080 and the same key. With
// -user-key TYPE=KEY it makes a user of that type whose requests carry KEY, and with -controls it lets a
// script block or remove users (controls.go), so that the rules for each type of caller can be tried
// from outside the Go tests.
//
// It also runs a demo webhook receiver on a listener of its own (receiver.go) and prints its URL, so
// that a docspace_webhook can point at it on a machine that has no other receiver. Because that
// receiver, like the portal, is on a loopback address, the program's portal accepts loopback webhook
// receivers unless -allow-loopback-webhooks=false, as a self-hosted portal configured without them on
// its blacklist does (api-notes.md §38); a default portal refuses them, and so does the fake in tests
// unless they ask.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

type keyList []string

func (k *keyList) String() string     { return strings.Join(*k, ",") }
func (k *keyList) Set(v string) error { *k = append(*k, v); return nil }

func main() {
	var (
		keys        keyList
		addr        = flag.String("addr", "127.0.0.1:8080", "address to listen on; port 0 picks a free one")
		latency     = flag.Duration("latency", 0, "delay added to every request")
		fileOp      = flag.Duration("fileop-duration", 200*time.Millisecond, "how long archive, unarchive and delete run")
		jobDuration = flag.Duration("job-duration", 300*time.Millisecond, "how long template and room-from-template jobs run")
		retention   = flag.Duration("job-retention", 60*time.Second, "how long a finished job's status stays readable")
		roomLimit   = flag.Int("room-limit", 0, "rooms the plan allows (0: unlimited); more answer 402")
		every429    = flag.Int("fault-429-every", 0, "answer 429 with Retry-After: 1 to every Nth request (0: never)")
		rate5xx     = flag.Float64("fault-5xx-rate", 0, "fraction of GET, PUT and DELETE requests answered with 503")
		rateDrop    = flag.Float64("fault-drop-rate", 0, "fraction of GET requests whose connection is dropped")
		rateLost    = flag.Float64("fault-lost-answer-rate", 0, "fraction of creating POSTs whose answer is lost (a 502) after the portal acted")
		opsAtOnce   = flag.Bool("fileops-at-once", false, "end archive, unarchive and delete before their start call answers")
		failJobs    = flag.Int("fail-jobs", 0, "fail the next N template jobs and N room-from-template jobs")
		occupy      = flag.Duration("foreign-job", 0, "start another user's job in both job slots, running this long")
		counters    = flag.Bool("debug-counters", false, "serve the request counters at "+countersPath+" (GET reads, DELETE resets)")
		controls    = flag.Bool("controls", false, "serve POST "+usersPath+"{id}/block and /remove, which block or remove a user")
		userKeys    userKeyList
		loopback    = flag.Bool("allow-loopback-webhooks", true, "accept webhook receivers on loopback addresses, as a portal "+
			"configured without them on its blacklist does (false: refuse them, as a default portal does)")
		receiverAddr = flag.String("demo-receiver-addr", "127.0.0.1:0", "address of the demo webhook receiver (empty: none)")
		receiverKey  = flag.String("demo-receiver-secret", "demo-Webhook-Secret1", "the webhook secret the demo receiver checks signatures with")
		textIndex    = flag.Int("full-text-search-cap", 0, "answer room title filters as a portal with full-text search does: per word, "+
			"from at most this many matching folders (0: substring match, as without full-text search)")
	)
	flag.Var(&keys, "api-key", "a valid API key, one user per key: the first is the portal owner's, the others room admins' (repeatable; default: $API_KEY or sk-fake-portal-key)")
	flag.Var(&userKeys, "user-key", "TYPE=KEY: a user of TYPE (docspaceadmin, roomadmin, user or guest) whose API key is KEY (repeatable)")
	flag.Parse()
	if len(keys) == 0 {
		key := os.Getenv("API_KEY")
		if key == "" {
			key = "sk-fake-portal-key"
		}
		keys = keyList{key}
	}

	portal := fakeportal.New(fakeportal.Options{APIKeys: keys, Latency: *latency, FileOpDuration: *fileOp,
		JobDuration: *jobDuration, JobRetention: *retention, RoomLimit: *roomLimit,
		FullTextSearch: *textIndex > 0, FullTextSearchCap: *textIndex, AllowLoopbackWebhooks: *loopback})
	if *rate5xx > 0 {
		for _, m := range []string{"GET", "PUT", "DELETE"} {
			portal.InjectFault(fakeportal.Fault{Status: http.StatusServiceUnavailable, Rate: *rate5xx, Method: m})
		}
	}
	if *rateDrop > 0 {
		portal.InjectFault(fakeportal.Fault{Drop: true, Rate: *rateDrop, Method: "GET"})
	}
	if *rateLost > 0 {
		// Every creating POST: files/rooms, files/rooms/fromtemplate, files/roomtemplate and settings/webhook.
		portal.InjectFault(fakeportal.Fault{Status: http.StatusBadGateway, AfterProcessing: true, Rate: *rateLost, Method: "POST", PathPrefix: "/api/2.0/files/room"})
		portal.InjectFault(fakeportal.Fault{Status: http.StatusBadGateway, AfterProcessing: true, Rate: *rateLost, Method: "POST", PathPrefix: "/api/2.0/settings/webhook"})
	}
	cast := newCast(portal, keys)
	if err := cast.addCallers(userKeys); err != nil {
		log.Fatal(err)
	}
	cast.addSamples()
	portal.FinishFileOperationsAtOnce(*opsAtOnce)
	for range *failJobs {
		portal.FailNextJob(fakeportal.JobTemplate, "injected failure", fakeportal.FailAfterCreate)
		portal.FailNextJob(fakeportal.JobRoomFromTemplate, "injected failure", fakeportal.FailAfterCreate)
	}
	if *occupy > 0 {
		portal.OccupyJobSlot(fakeportal.JobTemplate, *occupy)
		portal.OccupyJobSlot(fakeportal.JobRoomFromTemplate, *occupy)
	}
	var handler http.Handler = portal
	if *every429 > 0 {
		handler = every(*every429, portal)
	}
	if *counters {
		handler = withCounters(portal, handler)
	}
	if *controls {
		handler = withControls(portal, handler)
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	server := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	// Scripts read the URL from the first line (.ci/lib.sh, benchestate): keep its start as it is.
	fmt.Printf("DocSpace fake portal listening on http://%s (API keys: %d)\n", ln.Addr(), len(keys)+len(userKeys))
	cast.print(os.Stdout, *controls)
	if *receiverAddr != "" {
		url, stopReceiver, err := startReceiver(*receiverAddr, *receiverKey, os.Stdout)
		if err != nil {
			log.Fatal(err)
		}
		defer stopReceiver()
		fmt.Printf("Demo webhook receiver: %s (secret %s; GET lists what it received)\n", url, *receiverKey)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = server.Shutdown(shutdown)
	}()
	if err := server.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

// every answers every nth request with 429 and Retry-After: 1.
func every(n int, next http.Handler) http.Handler {
	count := make(chan int, 1)
	count <- 0
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := <-count + 1
		count <- c
		if c%n == 0 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// countersPath is where -debug-counters serves the request counters. It is outside /api, so it can
// never shadow a DocSpace endpoint, and requests to it are not counted.
const countersPath = "/_fakeportal/counters"

// withCounters serves the portal's request counters at countersPath: GET answers a JSON object of
// "METHOD /route/pattern" to count, DELETE zeroes them. Everything else goes to next.
func withCounters(portal *fakeportal.Portal, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != countersPath {
			next.ServeHTTP(w, r)
			return
		}
		switch r.Method {
		case http.MethodGet:
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(portal.Counts())
		case http.MethodDelete:
			portal.ResetCounts()
			w.WriteHeader(http.StatusNoContent)
		default:
			w.Header().Set("Allow", "GET, DELETE")
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
}
