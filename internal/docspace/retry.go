package docspace

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const (
	// refusedRetryWait is the wait before the one retry of a refused connection (a portal restarting).
	refusedRetryWait = 300 * time.Millisecond
	retryBase        = 500 * time.Millisecond
	retryMaxBackoff  = 30 * time.Second
	retryMaxHonoured = 2 * time.Minute // longest Retry-After / X-RateLimit-Reset wait that is honoured
)

// retryTransport retries what is safe to retry (api-notes.md §4):
//   - GET, PUT and DELETE after 429, 502, 503, 504 or a dropped connection; the provider's PUTs resend
//     the same body, so repeating them is harmless;
//   - POST only after 429, which the server sends before doing any work; a POST that may have reached the
//     server is never repeated, because creations are not idempotent.
//
// A request that cannot reach the portal at all (the connection refused, the host name unknown, the TLS
// handshake failed) is no dropped connection: it fails at once with an *UnreachableError, after one quick
// retry when the connection was refused.
//
// Each attempt has its own timeout, and its response body is read completely before the attempt's
// context is released.
type retryTransport struct {
	next       http.RoundTripper
	maxRetries int
	timeout    time.Duration
	sleep      func(context.Context, time.Duration) error
	// hint ends the message of an *UnreachableError.
	hint string
}

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	retriedRefused := false
	for attempt := 0; ; attempt++ {
		resp, err := t.attempt(req, attempt)
		if err != nil && ctx.Err() == nil {
			if cause, refusedConn, ok := unreachable(err); ok {
				if !refusedConn || retriedRefused || attempt >= t.maxRetries {
					return nil, &UnreachableError{Host: req.URL.Host, Cause: cause, Hint: t.hint, Err: err}
				}
				// Nothing was sent, so even a POST may be repeated.
				retriedRefused = true
				tflog.SubsystemWarn(MaskedContext(ctx, ""), LogSubsystem, "retrying API request",
					map[string]any{"method": req.Method, "path": req.URL.Path, "attempt": attempt + 1, "error": err.Error()})
				if sleepErr := t.sleep(ctx, refusedRetryWait); sleepErr != nil {
					return nil, fmt.Errorf("giving up retrying: %w", sleepErr)
				}
				continue
			}
		}
		if attempt >= t.maxRetries || ctx.Err() != nil || !retryable(req.Method, resp, err) {
			return resp, err
		}
		wait, fromServer := retryWait(resp, attempt)
		if fromServer && wait > retryMaxHonoured {
			return resp, err
		}
		fields := map[string]any{"method": req.Method, "path": req.URL.Path, "attempt": attempt + 1, "wait_ms": wait.Milliseconds()}
		if resp != nil {
			fields["status"] = resp.StatusCode
		} else {
			fields["error"] = err.Error()
		}
		tflog.SubsystemWarn(MaskedContext(ctx, ""), LogSubsystem, "retrying API request", fields)
		if sleepErr := t.sleep(ctx, wait); sleepErr != nil {
			return nil, fmt.Errorf("giving up retrying: %w", sleepErr)
		}
	}
}

// damagedReadRetries bounds how many times a GET whose answer arrived damaged is sent again, within
// maxRetries.
const damagedReadRetries = 3

// readAgain reports, after waiting, whether a request that ended with err may be sent again because its
// answer arrived but was damaged: not JSON, not the shape the call reads, or without the object it
// returns. Only a GET is: it changes nothing, and a proxy or a restarting portal damages an answer now
// and then (api-notes.md §4). attempt counts the attempts already made, from 0.
func (t *retryTransport) readAgain(ctx context.Context, method, path string, attempt int, err error) bool {
	damaged := errors.Is(err, ErrUnreadableAnswer) || errors.Is(err, ErrMissingObject)
	if !damaged || method != http.MethodGet || attempt >= min(t.maxRetries, damagedReadRetries) || ctx.Err() != nil {
		return false
	}
	wait, _ := retryWait(nil, attempt)
	tflog.SubsystemWarn(MaskedContext(ctx, ""), LogSubsystem, "reading again after a damaged answer",
		map[string]any{"path": path, "attempt": attempt + 1, "wait_ms": wait.Milliseconds(), "error": err.Error()})
	return t.sleep(ctx, wait) == nil
}

func (t *retryTransport) attempt(req *http.Request, n int) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(req.Context(), t.timeout)
	defer cancel()
	r := req.Clone(ctx)
	if n > 0 && req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return nil, err
		}
		r.Body = body
	}
	resp, err := t.next.RoundTrip(r)
	if err != nil {
		if ctx.Err() != nil && req.Context().Err() == nil {
			err = fmt.Errorf("no answer within %s: %w", t.timeout, err)
		}
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(b))
	return resp, nil
}

func retryable(method string, resp *http.Response, err error) bool {
	if err != nil {
		return method != http.MethodPost && !errors.Is(err, context.Canceled)
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests:
		return true
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return method != http.MethodPost
	}
	return false
}

// unreachable recognises an error of a request that never reached the portal, and says what failed.
// refusedConn reports a refused connection, the one such error worth a quick second try.
func unreachable(err error) (cause string, refusedConn, ok bool) {
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var unknownAuthority x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	var record tls.RecordHeaderError
	var alert tls.AlertError
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused (nothing listens on that port)", true, true
	case errors.As(err, &dnsErr):
		if dnsErr.IsNotFound {
			return fmt.Sprintf("the host name %s does not resolve (%s)", dnsErr.Name, dnsErr.Err), false, true
		}
		return fmt.Sprintf("looking up the host name %s failed (%s)", dnsErr.Name, dnsErr.Err), false, true
	case errors.As(err, &certErr), errors.As(err, &unknownAuthority), errors.As(err, &hostname), errors.As(err, &invalid):
		inner := err
		if certErr != nil {
			inner = certErr.Err
		}
		return fmt.Sprintf("its TLS certificate is not trusted (%v; a private CA's certificate can be added to the "+
			"system's trust store, or named by SSL_CERT_FILE)", inner), false, true
	case errors.As(err, &record), errors.As(err, &alert), strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		return fmt.Sprintf("the TLS handshake failed (%v; does the port speak HTTPS?)", err), false, true
	}
	return "", false, false
}

// retryWait is how long to wait before the next attempt: what the server asked for through
// Retry-After or X-RateLimit-Reset (the longer of the two), else exponential backoff with jitter.
func retryWait(resp *http.Response, attempt int) (time.Duration, bool) {
	if resp != nil {
		asked := max(parseRetryAfter(resp.Header.Get("Retry-After")), parseRateLimitReset(resp.Header.Get("X-RateLimit-Reset")))
		if asked > 0 {
			return asked + time.Duration(rand.Int64N(int64(250*time.Millisecond))), true
		}
		if resp.Header.Get("Retry-After") != "" {
			return 0, true // "Retry-After: 0"
		}
	}
	d := retryBase << min(attempt, 10)
	d = min(d, retryMaxBackoff)
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1)), false
}

// parseRetryAfter reads delay-seconds or an HTTP date.
func parseRetryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		return time.Duration(max(s, 0)) * time.Second
	}
	if at, err := http.ParseTime(v); err == nil {
		return max(time.Until(at), 0)
	}
	return 0
}

// parseRateLimitReset reads X-RateLimit-Reset. Values above 10^9 are Unix times, smaller ones are
// seconds until the window resets (rate limiters send either).
func parseRateLimitReset(v string) time.Duration {
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || n <= 0 {
		return 0
	}
	if n > 1e9 {
		return max(time.Until(time.Unix(int64(n), 0)), 0)
	}
	return time.Duration(n * float64(time.Second))
}
