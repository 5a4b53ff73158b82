package docspace

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

func TestLogsMaskSecrets(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_DOCSPACE_API", "TRACE")
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"response":{"access":2,"sharedLink":{"id":"l1","shareLink":"https://portal.example/s/SECRET-TOKEN","password":"hunter2-pass","requestToken":"REQ-TOKEN"}},"statusCode":200}`)
	})
	c, _ := testClient(t, srv, 0)
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(t.Context(), &buf)
	body := map[string]any{"linkId": "l1", "password": "hunter2-pass", "access": 2}
	if err := c.do(ctx, "PUT", "files/rooms/1/links", nil, body, nil); err != nil {
		t.Fatal(err)
	}
	logs := buf.String()
	if !strings.Contains(logs, `"path":"/api/2.0/files/rooms/1/links"`) || !strings.Contains(logs, `"status":200`) {
		t.Fatalf("the call was not logged with path and status:\n%s", logs)
	}
	if !strings.Contains(logs, "request body") || !strings.Contains(logs, "response body") {
		t.Fatalf("bodies were not logged at TRACE:\n%s", logs)
	}
	for _, secret := range []string{"sk-secret-key", "hunter2-pass", "SECRET-TOKEN", "REQ-TOKEN"} {
		if strings.Contains(logs, secret) {
			t.Errorf("the logs contain the secret %q:\n%s", secret, logs)
		}
	}
}

func TestAPILogLevel(t *testing.T) {
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	for _, tc := range []struct {
		env  map[string]string
		want logLevel
	}{
		{nil, levelUnknown},
		{map[string]string{"TF_LOG_PROVIDER_DOCSPACE": "OFF"}, levelOff},
		{map[string]string{"TF_LOG_PROVIDER_DOCSPACE": " debug "}, levelDebug},
		{map[string]string{"TF_LOG_PROVIDER_DOCSPACE": "OFF", "TF_LOG_PROVIDER_DOCSPACE_API": "TRACE"}, levelTrace},
		{map[string]string{"TF_LOG_PROVIDER_DOCSPACE": "INFO", "TF_LOG_PROVIDER_DOCSPACE_API": "nonsense"}, levelInfo},
		{map[string]string{"TF_LOG_PROVIDER_DOCSPACE": "loud"}, levelUnknown},
	} {
		if got := apiLogLevel(env(tc.env)); got != tc.want {
			t.Errorf("apiLogLevel(%v) = %d, want %d", tc.env, got, tc.want)
		}
	}
}

// roomAnswer is a typical answer of GET /files/rooms/{id}.
var roomAnswer = `{"response":{"id":4242,"title":"Estate room 0001","roomType":2,"private":false,"indexing":false,` +
	`"denyDownload":false,"tags":["team-a","finance"],"logo":{"color":"6E7787","cover":null},"quotaLimit":-1,` +
	`"usedSpace":0,"isFavorite":false,"new":0,"mute":false,"pinned":false,"rootFolderType":14,"security":{"Read":true,` +
	`"Create":true,"Delete":true,"EditRoom":true,"Rename":true,"CopyTo":true,"Copy":true,"MoveTo":true,"Move":true,` +
	`"Pin":true,"Mute":true,"EditAccess":true,"Duplicate":true,"Download":true,"CopySharedLink":true},` +
	`"createdBy":{"id":"66faa6e4-f133-11ea-b126-00ffeec8b4ef","displayName":"Owner"},"created":"2026-12-02T01:50:11.0000000+00:00",` +
	`"updated":"2026-12-02T01:50:11.0000000+00:00","watermark":null,"lifetime":null},"count":1,"status":0,"statusCode":200}`

type fixedAnswer struct{}

func (fixedAnswer) RoundTrip(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(roomAnswer))}, nil
}

func TestLoggingOffDoesNoWork(t *testing.T) {
	for _, tc := range []struct {
		name, env, value   string
		wantCall, wantBody bool
	}{
		{"provider off", "TF_LOG_PROVIDER_DOCSPACE", "OFF", false, false},
		{"api debug", "TF_LOG_PROVIDER_DOCSPACE_API", "DEBUG", true, false},
		{"api trace", "TF_LOG_PROVIDER_DOCSPACE_API", "TRACE", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(tc.env, tc.value)
			lt := &loggingTransport{next: fixedAnswer{}, apiKey: "sk-secret-key", level: apiLogLevel(os.Getenv)}
			var buf bytes.Buffer
			ctx := tflogtest.RootLogger(t.Context(), &buf)
			req, _ := http.NewRequestWithContext(ctx, "GET", "http://portal.example/api/2.0/files/rooms/4242", nil)
			resp, err := lt.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			if string(b) != roomAnswer {
				t.Fatalf("the body changed: %s", b)
			}
			logs := buf.String()
			if got := strings.Contains(logs, `"API request"`); got != tc.wantCall {
				t.Errorf("call logged = %v, want %v:\n%s", got, tc.wantCall, logs)
			}
			if got := strings.Contains(logs, "response body"); got != tc.wantBody {
				t.Errorf("body logged = %v, want %v:\n%s", got, tc.wantBody, logs)
			}
		})
	}
}

// BenchmarkLoggingTransport measures what the request logging costs per API call:
//
//	go test ./internal/docspace -run '^$' -bench LoggingTransport -benchmem
//
// "unset" is a provider started with no TF_LOG* variable before main.go turned the provider logger
// off: everything is formatted (into io.Discard here; into Terraform's pipe in real life). "off" is
// TF_LOG_PROVIDER_DOCSPACE=OFF, what main.go now sets when no TF_LOG* variable is present.
func BenchmarkLoggingTransport(b *testing.B) {
	for _, tc := range []struct{ name, value string }{{"unset", ""}, {"off", "OFF"}, {"debug", "DEBUG"}} {
		b.Run(tc.name, func(b *testing.B) {
			b.Setenv("TF_LOG_PROVIDER_DOCSPACE", tc.value)
			lt := &loggingTransport{next: fixedAnswer{}, apiKey: "sk-secret-key", level: apiLogLevel(os.Getenv)}
			ctx := tflogtest.RootLogger(context.Background(), io.Discard)
			req, _ := http.NewRequestWithContext(ctx, "GET", "http://portal.example/api/2.0/files/rooms/4242", nil)
			b.ReportAllocs()
			for b.Loop() {
				resp, err := lt.RoundTrip(req)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
			}
		})
	}
}
