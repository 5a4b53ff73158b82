package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// syncBuffer is a log that a receiver goroutine writes and the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestDemoReceiverTakesSignedDeliveries: a webhook of the portal bound to the demo receiver passes the
// portal's HEAD request, and a room created afterwards is delivered, signed and verified; a webhook
// with another secret is answered 401, which the portal records.
func TestDemoReceiverTakesSignedDeliveries(t *testing.T) {
	var log syncBuffer
	url, stop, err := startReceiver("127.0.0.1:0", "demo-Webhook-Secret1", &log)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	portal := fakeportal.New(fakeportal.Options{APIKeys: []string{"sk-owner"}, AllowLoopbackWebhooks: true})
	srv := httptest.NewServer(portal)
	defer srv.Close()
	call := func(method, path, body string) int {
		req, _ := http.NewRequest(method, srv.URL+"/api/2.0/"+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer sk-owner")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if s := call("POST", "settings/webhook", `{"name":"demo","uri":"`+url+`","secretKey":"demo-Webhook-Secret1","enabled":true,"triggers":4194304}`); s != 200 {
		t.Fatalf("a webhook bound to the demo receiver: %d", s)
	}
	if s := call("POST", "settings/webhook", `{"name":"wrong secret","uri":"`+url+`","secretKey":"another-Secret-2","enabled":true}`); s != 200 {
		t.Fatalf("a second webhook: %d", s)
	}
	if s := call("POST", "files/rooms", `{"title":"Intake","roomType":"CustomRoom"}`); s != 200 {
		t.Fatalf("room: %d", s)
	}
	portal.WaitWebhookDeliveries()

	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var events []receivedEvent
	if err := json.NewDecoder(resp.Body).Decode(&events); err != nil {
		t.Fatal(err)
	}
	verified := map[string]bool{}
	for _, e := range events {
		if e.Trigger != "room.created" || !strings.Contains(string(e.Body), `"title":"Intake"`) {
			t.Errorf("received %+v", e)
		}
		verified[e.Webhook] = e.Verified
	}
	if len(events) != 2 || !verified["demo"] || verified["wrong secret"] {
		t.Errorf("received %+v", events)
	}
	for _, h := range portal.Webhooks() {
		if want := map[string]int{"demo": 200, "wrong secret": 401}[h.Name]; h.Status != want {
			t.Errorf("webhook %q recorded status %d, want %d", h.Name, h.Status, want)
		}
	}
	if out := log.String(); !strings.Contains(out, `room.created for webhook "demo", signature verified`) || !strings.Contains(out, "does not match") {
		t.Errorf("receiver log:\n%s", out)
	}
}
