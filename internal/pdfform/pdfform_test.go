package pdfform

import (
	"bytes"
	"strings"
	"testing"
)

// editorHead is how the editor's own empty form begins (api-notes.md §37).
const editorHead = "%PDF-1.7\r%\xCD\xCA\xD2\xA9\r1 0 obj\n<<\n/Length 52304     \n/ONLYOFFICEFORM [0 52304 ]\n/Type /MetaOForm\n>>\nstream\r\nPK\x03\x04"

func TestSigned(t *testing.T) {
	for name, tc := range map[string]struct {
		head string
		want bool
	}{
		"the editor's form":      {editorHead, true},
		"a plain PDF":            {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", false},
		"signature after stream": {"%PDF-1.7\r%\xCD\xCA\xD2\xA9\r1 0 obj\n<<\n/Length 5\n/Type /MetaOForm\n>>\nstream\r\n/ONLYOFFICEFORM [0 5 ]\n", false},
		"no object right after":  {"%PDF-1.7\r%\xCD\xCA\xD2\xA9\r\n1 0 obj\n<<\n/ONLYOFFICEFORM [0 5 ]\n>>\nstream\r\n", false},
		"one number only":        {"%PDF-1.7\r%\xCD\xCA\xD2\xA9\r1 0 obj\n<<\n/ONLYOFFICEFORM [52304 ]\n>>\nstream\r\n", false},
		"no stream in the head":  {"%PDF-1.7\r%\xCD\xCA\xD2\xA9\r1 0 obj\n<<\n/ONLYOFFICEFORM [0 5 ]\n>>\n", false},
		"a docx":                 {"PK\x03\x04\x14\x00\x06\x00", false},
		"empty":                  {"", false},
		"signature beyond 300":   {"%PDF-1.7\r%\xCD\xCA\xD2\xA9\r1 0 obj\n<<\n" + strings.Repeat("/Pad 0\n", 50) + "/ONLYOFFICEFORM [0 5 ]\n>>\nstream\r\n", false},
		"wrong marker":           {"%PDF-1.7\r%\xCD\xCA\xD2\xAA\r1 0 obj\n<<\n/ONLYOFFICEFORM [0 5 ]\n>>\nstream\r\n", false},
	} {
		if got := Signed([]byte(tc.head)); got != tc.want {
			t.Errorf("%s: Signed = %v, want %v", name, got, tc.want)
		}
	}
}

// TestSignedReadsOnlyTheHead: bytes past HeadSize do not make a form.
func TestSignedReadsOnlyTheHead(t *testing.T) {
	full := []byte(editorHead)
	if !Signed(append(bytes.Clone(full), bytes.Repeat([]byte("x"), 1000)...)) {
		t.Fatal("a long form is a form")
	}
	cut := full[:bytes.Index(full, []byte("stream\r\n"))]
	padded := append(bytes.Repeat([]byte(" "), HeadSize-len(cut)+2), full...)
	if Signed(padded) {
		t.Error("a signature that ends past the first 300 bytes must not count")
	}
}

func TestSample(t *testing.T) {
	for _, fill := range []int{0, 7, 5000} {
		b := Sample("Leave (request)", fill)
		if !Signed(b) {
			t.Errorf("Sample(%d) is not a form: %q", fill, b[:min(len(b), 120)])
		}
		if !bytes.HasPrefix(b, []byte("%PDF-1.7")) || !bytes.HasSuffix(b, []byte("%%EOF\n")) || !bytes.Contains(b, []byte(`/Title (Leave \(request\))`)) {
			t.Errorf("Sample(%d) does not look like a PDF: %q", fill, b)
		}
		if len(b) < fill {
			t.Errorf("Sample(%d) is %d bytes", fill, len(b))
		}
	}
	if !bytes.Equal(Sample("a", 3), Sample("a", 3)) {
		t.Error("Sample must be repeatable")
	}
}
