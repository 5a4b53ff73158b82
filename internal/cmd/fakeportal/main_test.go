package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

func TestCountersEndpoint(t *testing.T) {
	portal := fakeportal.New(fakeportal.Options{APIKeys: []string{"sk-test"}})
	srv := httptest.NewServer(withCounters(portal, portal))
	defer srv.Close()

	req, _ := http.NewRequest("GET", srv.URL+"/api/2.0/files/rooms/7", nil)
	req.Header.Set("Authorization", "Bearer sk-test")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	read := func() map[string]int {
		t.Helper()
		resp, err := http.Get(srv.URL + countersPath)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var counts map[string]int
		if err := json.NewDecoder(resp.Body).Decode(&counts); err != nil {
			t.Fatal(err)
		}
		return counts
	}
	counts := read()
	if counts["GET /api/2.0/files/rooms/{id}"] != 1 || len(counts) != 1 {
		t.Fatalf("counts = %v, want one GET /api/2.0/files/rooms/{id} and nothing for the counters themselves", counts)
	}

	req, _ = http.NewRequest("DELETE", srv.URL+countersPath, nil)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("DELETE answered %d", resp.StatusCode)
	}
	if counts := read(); len(counts) != 0 {
		t.Fatalf("after reset, counts = %v", counts)
	}
}
