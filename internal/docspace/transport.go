package docspace

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
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

// secretFields matches JSON members whose values are secrets: link passwords, and share links and
// request tokens, which grant access to a room.
var secretFields = regexp.MustCompile(`"(?:password|shareLink|requestToken|sharedLink\.password)"\s*:\s*"(?:[^"\\]|\\.)*"`)

// loggingTransport logs each attempt: method, path, status and duration, with secrets masked.
type loggingTransport struct {
	next   http.RoundTripper
	apiKey string
}

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
	ctx := MaskedContext(req.Context(), t.apiKey)
	fields := map[string]any{"method": req.Method, "path": req.URL.Path}
	if req.URL.RawQuery != "" {
		fields["query"] = req.URL.RawQuery
	}
	if req.GetBody != nil {
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
	if resp.Body != nil {
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
