package docspace

import (
	"bytes"
	"io"
	"net/http"
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
