package provider

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/pdfform"
)

// TestContentDigestStreams: the plan-time digest of a local file reads it in small pieces: hashing a
// 64 MiB source allocates well under a megabyte, and gives the file's SHA-256, size and first bytes.
func TestContentDigestStreams(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.bin")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	block := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB
	for range 64 {
		if _, err := io.MultiWriter(f, h).Write(block); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	m := fileModelV0{Source: types.StringValue(path), Content: types.StringNull(), ContentBase64: types.StringNull()}
	content, known, err := m.content()
	if err != nil || !known {
		t.Fatal(known, err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d, err := content.digest()
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if d.sum != hex.EncodeToString(h.Sum(nil)) || d.size != 64<<20 || !bytes.Equal(d.head, block[:pdfform.HeadSize]) {
		t.Errorf("digest = %s, %d bytes, head %q", d.sum, d.size, d.head)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("hashing a 64 MiB file allocated %d bytes; it must stream", alloc)
	}
}

// TestContentOpenKeepsReaderAt: the upload is handed content it can read in sections (a chunked upload
// reads each chunk from its offset): the *os.File of a source, a reader over bytes otherwise.
func TestContentOpenKeepsReaderAt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte("abc"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, m := range []fileModelV0{
		{Source: types.StringValue(path), Content: types.StringNull(), ContentBase64: types.StringNull()},
		{Source: types.StringNull(), Content: types.StringValue("abc"), ContentBase64: types.StringNull()},
		{Source: types.StringNull(), Content: types.StringNull(), ContentBase64: types.StringValue("YWJj")},
	} {
		c, _, err := m.content()
		if err != nil {
			t.Fatal(err)
		}
		up := c.upload(1, "a.txt", 3)
		r, err := up.Open()
		if err != nil {
			t.Fatal(err)
		}
		ra, ok := r.(io.ReaderAt)
		if !ok {
			t.Fatalf("%s: the content is a %T, not an io.ReaderAt", c.from, r)
		}
		b := make([]byte, 2)
		if _, err := ra.ReadAt(b, 1); err != nil || string(b) != "bc" {
			t.Errorf("%s: ReadAt = %q, %v", c.from, b, err)
		}
		_ = r.Close()
	}
}
