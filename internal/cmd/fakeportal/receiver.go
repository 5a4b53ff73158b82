package main

import (
	"crypto/hmac"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// receiverPath is where the demo webhook receiver listens, on a listener of its own: a webhook of the
// fake portal can point at it on a machine that has no other receiver (api-notes.md §38).
const receiverPath = "/demo/webhook-receiver"

// maxReceived is how many deliveries the demo receiver remembers.
const maxReceived = 100

// receivedEvent is a delivery as GET on the receiver lists it.
type receivedEvent struct {
	Trigger  string          `json:"trigger"`
	Webhook  string          `json:"webhook"`
	Verified bool            `json:"verified"`
	Body     json.RawMessage `json:"body"`
}

// demoReceiver is a webhook receiver: HEAD answers 200, as the portal's check of a new webhook wants;
// POST checks the signature header against secret and answers 200 when it matches, 401 when it does
// not, and logs each delivery to log; GET lists the latest deliveries as JSON, newest last.
type demoReceiver struct {
	secret string
	log    io.Writer
	mu     sync.Mutex
	events []receivedEvent
}

func (d *demoReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != receiverPath {
		http.NotFound(w, r)
		return
	}
	switch r.Method {
	case http.MethodHead:
		w.WriteHeader(http.StatusOK)
	case http.MethodGet:
		d.mu.Lock()
		defer d.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		events := d.events
		if events == nil {
			events = []receivedEvent{}
		}
		_ = json.NewEncoder(w).Encode(events)
	case http.MethodPost:
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		got := strings.ToLower(r.Header.Get(fakeportal.WebhookSignatureHeader))
		verified := hmac.Equal([]byte(got), []byte(fakeportal.WebhookSignature(d.secret, body)))
		var event struct {
			Event   struct{ Trigger string }
			Webhook struct{ Name string }
		}
		_ = json.Unmarshal(body, &event)
		e := receivedEvent{Trigger: event.Event.Trigger, Webhook: event.Webhook.Name, Verified: verified}
		if json.Valid(body) {
			e.Body = body
		}
		d.mu.Lock()
		d.events = append(d.events, e)
		if len(d.events) > maxReceived {
			d.events = d.events[len(d.events)-maxReceived:]
		}
		d.mu.Unlock()
		if !verified {
			_, _ = fmt.Fprintf(d.log, "demo receiver: %s for webhook %q: the signature does not match the secret; answered 401\n", e.Trigger, e.Webhook)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		_, _ = fmt.Fprintf(d.log, "demo receiver: %s for webhook %q, signature verified\n", e.Trigger, e.Webhook)
		w.WriteHeader(http.StatusOK)
	default:
		w.Header().Set("Allow", "HEAD, GET, POST")
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

// startReceiver serves a demoReceiver on addr and returns its URL and a function that stops it.
func startReceiver(addr, secret string, log io.Writer) (string, func(), error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: &demoReceiver{secret: secret, log: log}, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String() + receiverPath, func() { _ = srv.Close() }, nil
}
