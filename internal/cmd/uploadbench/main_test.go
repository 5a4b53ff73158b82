package main

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// TestUploadbench uploads a file of two chunks into a fake portal's room and prints what arrived.
func TestUploadbench(t *testing.T) {
	portal := fakeportal.New(fakeportal.Options{APIKeys: []string{"sk-bench"}})
	srv := httptest.NewServer(portal)
	defer srv.Close()
	room := portal.AddRoom("bench", 5, nil, false)
	path := filepath.Join(t.TempDir(), "data.bin")
	content := bytes.Repeat([]byte("0123456789abcdef"), (11<<20)/16)
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := run([]string{"-host", srv.URL, "-key", "sk-bench", "-folder", fmt.Sprint(room), "-file", path}, &out)
	if err != nil {
		t.Fatal(err)
	}
	files := portal.FilesIn(room)
	if len(files) != 1 || !bytes.Equal(files[0].Content, content) || files[0].Title != "data.bin" {
		t.Fatalf("the room holds %d files", len(files))
	}
	if want := fmt.Sprintf("id=%d bytes=%d title=\"data.bin\"", files[0].ID, len(content)); !strings.HasPrefix(out.String(), want) {
		t.Errorf("printed %q, want it to start with %q", out.String(), want)
	}
	if err := run([]string{"-host", srv.URL}, &out); err == nil {
		t.Error("missing flags were accepted")
	}
}
