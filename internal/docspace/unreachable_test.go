package docspace

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// countingTransport counts the attempts that go out to the network.
type countingTransport struct {
	attempts atomic.Int32
	next     http.RoundTripper
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.attempts.Add(1)
	return c.next.RoundTrip(r)
}

const testHint = "check DOCSPACE_API_HOST"

// unreachableClient is a client of host with the provider's retry budget, whose attempts are counted and
// whose retry waits are recorded instead of slept.
func unreachableClient(t *testing.T, host string) (*Client, *countingTransport, *[]time.Duration) {
	t.Helper()
	base := &countingTransport{next: http.DefaultTransport.(*http.Transport).Clone()}
	c, err := New(Config{Host: host, APIKey: "sk-secret-key", MaxRetries: 8, HTTPClient: &http.Client{Transport: base},
		UnreachableHint: testHint})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var waits []time.Duration
	c.http.Transport.(*retryTransport).sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		waits = append(waits, d)
		mu.Unlock()
		return ctx.Err()
	}
	return c, base, &waits
}

// closedPort returns host:port of a loopback port that nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// requireUnreachable checks that err is an *UnreachableError for host whose message names the host, the
// cause and the hint.
func requireUnreachable(t *testing.T, err error, host, cause string) *UnreachableError {
	t.Helper()
	var u *UnreachableError
	if !errors.As(err, &u) {
		t.Fatalf("got %v (%T), want an *UnreachableError", err, err)
	}
	want := "cannot reach the DocSpace portal at " + host + ": " + cause
	if u.Host != host || !strings.Contains(err.Error(), want) || !strings.HasSuffix(err.Error(), "; "+testHint) {
		t.Errorf("error %q: want it to contain %q and end with the hint %q", err, want, testHint)
	}
	if !refused(err) {
		t.Error("a request that never reached the portal must count as one that did nothing")
	}
	t.Log(err)
	return u
}

func TestClosedPortFailsAfterOneQuickRetry(t *testing.T) {
	host := closedPort(t)
	c, base, waits := unreachableClient(t, "http://"+host)
	_, err := c.GetRoom(t.Context(), 5)
	requireUnreachable(t, err, host, "connection refused")
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("the cause is lost from the chain: %v", err)
	}
	if n := base.attempts.Load(); n != 2 || len(*waits) != 1 || (*waits)[0] != refusedRetryWait {
		t.Errorf("%d attempts with waits %v; want 2 attempts and one wait of %v", n, *waits, refusedRetryWait)
	}

	// Nothing was sent, so a POST gets the same one retry, and a creation reports nothing made.
	c, base, _ = unreachableClient(t, "http://"+host)
	err = c.do(t.Context(), "POST", "files/rooms", nil, map[string]string{"title": "x"}, nil)
	requireUnreachable(t, err, host, "connection refused")
	if n := base.attempts.Load(); n != 2 {
		t.Errorf("POST: %d attempts, want 2", n)
	}
}

// With the real sleep, the three reads of a plan against a closed port end well within seconds.
func TestClosedPortFailsFast(t *testing.T) {
	host := closedPort(t)
	c, err := New(Config{Host: "http://" + host, APIKey: "sk-secret-key", MaxRetries: 8})
	if err != nil {
		t.Fatal(err)
	}
	started := time.Now()
	for range 3 {
		if _, err := c.GetRoom(t.Context(), 5); !IsUnreachable(err) {
			t.Fatalf("got %v, want an *UnreachableError", err)
		}
	}
	if took := time.Since(started); took > 5*time.Second {
		t.Errorf("three reads took %v; the retries of a refused connection must be few and short", took)
	}
}

func TestUnresolvableHostFailsAtOnce(t *testing.T) {
	c, base, waits := unreachableClient(t, "https://docspace-portal.invalid")
	_, err := c.GetRoom(t.Context(), 5)
	u := requireUnreachable(t, err, "docspace-portal.invalid", "")
	var dnsErr *net.DNSError
	if !errors.As(err, &dnsErr) || !strings.Contains(u.Cause, "docspace-portal.invalid") {
		t.Errorf("the cause %q does not name the host name, or the DNS error is lost: %v", u.Cause, err)
	}
	if n := base.attempts.Load(); n != 1 || len(*waits) != 0 {
		t.Errorf("%d attempts with waits %v; want 1 attempt and no wait", n, *waits)
	}
}

func TestUntrustedCertificateFailsAtOnce(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, `{"response":{"id":5,"title":"ok"},"statusCode":200}`)
	}))
	defer srv.Close()
	host := srv.Listener.Addr().String()
	c, base, waits := unreachableClient(t, srv.URL)
	_, err := c.GetRoom(t.Context(), 5)
	u := requireUnreachable(t, err, host, "its TLS certificate is not trusted")
	if !strings.Contains(u.Cause, "x509: ") {
		t.Errorf("the cause %q does not say what is wrong with the certificate", u.Cause)
	}
	if n := base.attempts.Load(); n != 1 || len(*waits) != 0 {
		t.Errorf("%d attempts with waits %v; want 1 attempt and no wait", n, *waits)
	}
}

func TestPlainHTTPPortAddressedOverTLSFailsAtOnce(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, _ *http.Request) {})
	host := srv.Listener.Addr().String()
	c, base, _ := unreachableClient(t, "https://"+host)
	_, err := c.GetRoom(t.Context(), 5)
	requireUnreachable(t, err, host, "the TLS handshake failed")
	if n := base.attempts.Load(); n != 1 {
		t.Errorf("%d attempts, want 1", n)
	}
}

// A connection dropped after it was made keeps the full retry budget, and is no *UnreachableError.
func TestDroppedConnectionsKeepTheirRetries(t *testing.T) {
	var calls atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, _ *http.Request) {
		calls.Add(1)
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
	})
	c, waits := testClient(t, srv, 3)
	_, err := c.GetRoom(t.Context(), 5)
	if err == nil || IsUnreachable(err) || calls.Load() != 4 || len(*waits) != 3 {
		t.Fatalf("got %v after %d calls and waits %v; want a plain error after 4 calls and 3 waits", err, calls.Load(), *waits)
	}
}
