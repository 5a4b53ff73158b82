package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestStateStoreKeepsOneStateAsTheHTTPBackendExpects(t *testing.T) {
	address, stop, err := serveStateStore()
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	do := func(method, body string) (int, string) {
		t.Helper()
		req, err := http.NewRequest(method, address, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = resp.Body.Close() }()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, _ := do(http.MethodGet, ""); code != http.StatusNotFound {
		t.Errorf("GET before any state = %d, want 404 (no state yet)", code)
	}
	if code, _ := do(http.MethodPost, `{"serial":1}`); code != http.StatusOK {
		t.Errorf("POST = %d, want 200", code)
	}
	if code, body := do(http.MethodGet, ""); code != http.StatusOK || body != `{"serial":1}` {
		t.Errorf("GET after POST = %d %q, want the posted state", code, body)
	}
	if code, _ := do(http.MethodDelete, ""); code != http.StatusOK {
		t.Errorf("DELETE = %d, want 200", code)
	}
	if code, _ := do(http.MethodGet, ""); code != http.StatusNotFound {
		t.Errorf("GET after DELETE = %d, want 404", code)
	}
	if code, _ := do(http.MethodPut, "{}"); code != http.StatusMethodNotAllowed {
		t.Errorf("PUT = %d, want 405", code)
	}
}
