package fakeportal

import (
	"encoding/json"
	"maps"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Fault makes matching requests fail, to exercise a client's retries.
type Fault struct {
	// Status is the HTTP status to answer (429, 500, 502, 503, 504), unless Drop is set.
	Status int
	// RetryAfter is sent with 429 and 503 answers.
	RetryAfter time.Duration
	// Drop closes the connection without an answer.
	Drop bool
	// Count is how many matching requests fail; 0 means use Rate.
	Count int
	// Skip lets the first Skip matching requests through before the fault strikes (the last chunk of
	// an upload, not the first).
	Skip int
	// Rate is the fraction of matching requests that fail, when Count is 0.
	Rate float64
	// Method, PathPrefix and PathSuffix narrow which requests match; empty matches all. A suffix picks a
	// route below an id the test does not know yet ("/share").
	Method, PathPrefix, PathSuffix string
	// AfterProcessing lets the portal do the work and then loses the answer, like a proxy timing out.
	AfterProcessing bool
	// Reply, when set, lets the portal do the work and then answers 200 with a damaged version of the
	// real answer, or not at all; Status and Drop are then unused.
	Reply Reply
}

// Reply is how a fault damages an answer the portal has already acted on.
type Reply string

// Damaged answers.
const (
	ReplyHang        Reply = "hang"        // no answer until the client gives up, like an overloaded proxy
	ReplyEmpty       Reply = "empty"       // 200 with an empty body
	ReplyTruncated   Reply = "truncated"   // 200 with the first half of the body
	ReplyNull        Reply = "null"        // 200, the envelope without its response, as for a null payload
	ReplyUndecodable Reply = "undecodable" // 200, a response whose members have the wrong types
	ReplyWithoutID   Reply = "without-id"  // 200, the real response without its id, as a broken proxy or version might
)

// InjectFault adds a fault; faults are checked in the order they were added.
func (p *Portal) InjectFault(f Fault) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.faults = append(p.faults, &f)
}

// ClearFaults removes every fault.
func (p *Portal) ClearFaults() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.faults = nil
}

// FaultsFired counts the faults that struck, by kind: "POST /api/2.0/files/rooms: truncated".
func (p *Portal) FaultsFired() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return maps.Clone(p.faultsFired)
}

func (f *Fault) String() string {
	kind := strconv.Itoa(f.Status)
	switch {
	case f.Reply != "":
		kind = string(f.Reply)
	case f.Drop:
		kind = "dropped"
	}
	if f.AfterProcessing {
		kind += " after acting"
	}
	return strings.TrimSpace(f.Method+" "+f.PathPrefix+f.pathSuffixLabel()) + ": " + kind
}

// pathSuffixLabel shows the suffix in FaultsFired keys, after the prefix: "PUT /api/2.0/files/rooms/…/share".
func (f *Fault) pathSuffixLabel() string {
	if f.PathSuffix == "" {
		return ""
	}
	return "…" + f.PathSuffix
}

// takeFault returns the fault that applies to r, if any. The caller holds the lock.
func (p *Portal) takeFault(r *http.Request) (hit *Fault) {
	defer func() {
		if hit != nil {
			p.faultsFired[hit.String()]++
		}
	}()
	for i, f := range p.faults {
		path := strings.ToLower(r.URL.Path)
		if (f.Method != "" && !strings.EqualFold(f.Method, r.Method)) || !strings.HasPrefix(path, strings.ToLower(f.PathPrefix)) ||
			!strings.HasSuffix(path, strings.ToLower(f.PathSuffix)) {
			continue
		}
		if f.Skip > 0 {
			f.Skip--
			continue
		}
		if f.Count > 0 {
			f.Count--
			if f.Count == 0 {
				p.faults = append(p.faults[:i:i], p.faults[i+1:]...)
			}
			return f
		}
		if f.Rate > 0 && p.rnd.Float64() < f.Rate {
			return f
		}
	}
	return nil
}

// damage writes the damaged version of the answer the portal gave, or none.
func (f *Fault) damage(w http.ResponseWriter, r *http.Request, answer []byte) {
	switch f.Reply {
	case ReplyHang:
		<-r.Context().Done()
		return
	case ReplyEmpty:
		answer = nil
	case ReplyTruncated:
		answer = answer[:len(answer)/2]
	case ReplyNull:
		answer = []byte(`{"count":0,"links":[],"status":0,"statusCode":200}`)
	case ReplyUndecodable:
		answer = []byte(`{"response":{"id":"not a number","title":["not","a","string"]},"count":1,"status":0,"statusCode":200}`)
	case ReplyWithoutID:
		var envelope map[string]any
		if json.Unmarshal(answer, &envelope) == nil {
			if response, ok := envelope["response"].(map[string]any); ok {
				delete(response, "id")
				answer, _ = json.Marshal(envelope)
			}
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(answer)
}

func (f *Fault) apply(w http.ResponseWriter) {
	if f.Drop {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
		f = &Fault{Status: http.StatusBadGateway}
	}
	if f.Status == http.StatusTooManyRequests || f.Status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", strconv.Itoa(int(f.RetryAfter.Round(time.Second)/time.Second)))
	}
	if f.Status == http.StatusTooManyRequests {
		// The rate limiter answers with its headers and an empty body (api-notes.md §4).
		w.Header().Set("X-RateLimit-Limit", "1500")
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.WriteHeader(f.Status)
		return
	}
	// A reverse proxy's error page.
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(f.Status)
	_, _ = w.Write([]byte("<html><body><h1>" + strconv.Itoa(f.Status) + " " + http.StatusText(f.Status) + "</h1></body></html>"))
}
