package docspace

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// LogSubsystem is the tflog subsystem of API calls. TF_LOG_PROVIDER_DOCSPACE_API sets its level;
// at TRACE it also logs request and response bodies, masked.
const LogSubsystem = "docspace_api"

// headerTransport adds authentication, the user agent and JSON content negotiation.
type headerTransport struct {
	next      http.RoundTripper
	apiKey    string
	userAgent string
}

func (t *headerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer "+t.apiKey)
	req.Header.Set("Accept", "application/json")
	if req.Body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if t.userAgent != "" {
		req.Header.Set("User-Agent", t.userAgent)
	}
	return t.next.RoundTrip(req)
}

// secretFields matches JSON members whose values are secrets: link passwords, share links and request
// tokens, which grant access to a room, and webhook secrets, which sign deliveries.
var secretFields = regexp.MustCompile(`"(?:password|shareLink|requestToken|sharedLink\.password|secretKey)"\s*:\s*"(?:[^"\\]|\\.)*"`)

// loggingTransport logs each attempt: method, path, status and duration, with secrets masked.
type loggingTransport struct {
	next   http.RoundTripper
	apiKey string
	// level is the least severe level the API subsystem logs at, worked out once from the environment
	// (see apiLogLevel). Below it the transport does no logging work at all: no masked logger, no field
	// maps, no copies of the bodies.
	level logLevel
}

// logLevel mirrors the levels of terraform-plugin-log, in the same order.
type logLevel int

const (
	levelUnknown logLevel = iota // not set: whatever the logger in the context decides
	levelTrace
	levelDebug
	levelInfo
	levelWarn
	levelError
	levelOff
)

// parseLogLevel reads a level the way terraform-plugin-log does (case-insensitive, trimmed); anything
// else is levelUnknown, which terraform-plugin-log treats as not set either.
func parseLogLevel(s string) logLevel {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "trace":
		return levelTrace
	case "debug":
		return levelDebug
	case "info":
		return levelInfo
	case "warn":
		return levelWarn
	case "error":
		return levelError
	case "off":
		return levelOff
	}
	return levelUnknown
}

// apiLogLevel is the level of the API subsystem logger as terraform-plugin-log sets it up: its own
// variable TF_LOG_PROVIDER_DOCSPACE_API, or else the provider's TF_LOG_PROVIDER_DOCSPACE, which the
// subsystem inherits. When neither holds a level the answer is levelUnknown and the transport logs
// everything, leaving the filtering to the logger (the root logger's level can also come from a test
// sink, which the environment does not show).
func apiLogLevel(getenv func(string) string) logLevel {
	if l := parseLogLevel(getenv("TF_LOG_PROVIDER_DOCSPACE_API")); l != levelUnknown {
		return l
	}
	return parseLogLevel(getenv("TF_LOG_PROVIDER_DOCSPACE"))
}

// logs reports whether a message at level l could be written.
func (t *loggingTransport) logs(l logLevel) bool { return t.level <= l }

// MaskedContext returns ctx with the API subsystem logger and its masks for apiKey. Everything logged
// through it has the key, link passwords and share-link tokens replaced by "***".
func MaskedContext(ctx context.Context, apiKey string) context.Context {
	ctx = tflog.NewSubsystem(ctx, LogSubsystem, tflog.WithLevelFromEnv("TF_LOG_PROVIDER_DOCSPACE_API"))
	if apiKey != "" {
		ctx = tflog.SubsystemMaskAllFieldValuesStrings(ctx, LogSubsystem, apiKey)
		ctx = tflog.SubsystemMaskMessageStrings(ctx, LogSubsystem, apiKey)
	}
	ctx = tflog.SubsystemMaskAllFieldValuesRegexes(ctx, LogSubsystem, secretFields)
	ctx = tflog.SubsystemMaskMessageRegexes(ctx, LogSubsystem, secretFields)
	return ctx
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if !t.logs(levelDebug) {
		return t.next.RoundTrip(req)
	}
	trace := t.logs(levelTrace)
	ctx := MaskedContext(req.Context(), t.apiKey)
	fields := map[string]any{"method": req.Method, "path": req.URL.Path}
	if req.URL.RawQuery != "" {
		fields["query"] = req.URL.RawQuery
	}
	if trace && req.GetBody != nil {
		if body, err := req.GetBody(); err == nil {
			b, _ := io.ReadAll(body)
			tflog.SubsystemTrace(ctx, LogSubsystem, "request body", map[string]any{"path": req.URL.Path, "body": string(b)})
		}
	}
	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	fields["duration_ms"] = time.Since(start).Milliseconds()
	if err != nil {
		fields["error"] = err.Error()
		tflog.SubsystemDebug(ctx, LogSubsystem, "API request failed", fields)
		return nil, err
	}
	fields["status"] = resp.StatusCode
	tflog.SubsystemDebug(ctx, LogSubsystem, "API request", fields)
	if trace && resp.Body != nil {
		b, readErr := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(b))
		if readErr != nil {
			return nil, readErr
		}
		tflog.SubsystemTrace(ctx, LogSubsystem, "response body", map[string]any{"path": req.URL.Path, "body": string(b)})
	}
	return resp, nil
}
