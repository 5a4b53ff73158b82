package docspace

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func TestNormalizeFileTitle(t *testing.T) {
	long := strings.Repeat("a", 200)
	for in, want := range map[string]string{
		"  Form.PDF ":   "Form.pdf",
		"a:b/c.Docx":    "a_b_c.docx",
		"README":        "README",
		"v1.2 Notes":    "v1.2 notes", // the portal's extension is everything from the last dot
		long + ".XLSX":  strings.Repeat("a", 165) + ".xlsx",
		long:            strings.Repeat("a", 170),
		"x." + long:     "x." + strings.Repeat("a", 168), // an early dot is no extension to keep
		"Report 😀.docx": "Report __.docx",
	} {
		if got := NormalizeFileTitle(in); got != want {
			t.Errorf("NormalizeFileTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAutoConvertedTo(t *testing.T) {
	for ext, want := range map[string]string{".doc": ".docx", ".DOC": ".docx", ".xls": ".xlsx", ".odt": ".docx", ".odp": ".pptx",
		".docx": "", ".pdf": "", "": ""} {
		if got, ok := AutoConvertedTo(ext); got != want || ok != (want != "") {
			t.Errorf("AutoConvertedTo(%q) = %q, %v; want %q", ext, got, ok, want)
		}
	}
}

// TestFileMarkerKeepsTheExtension: a file's marker goes before its extension, the whole fits what an
// upload keeps, and another creation of the same title and extension recognises it.
func TestFileMarkerKeepsTheExtension(t *testing.T) {
	cr := newCreationIn(creationFile, "7", "Quarterly Report.DOCX")
	marked := cr.markedTitle()
	if !strings.HasPrefix(marked, "Quarterly Report ["+cr.token+"]") || !strings.HasSuffix(marked, "].docx") {
		t.Fatalf("marked title %q", marked)
	}
	if NormalizeFileTitle(marked) != marked {
		t.Errorf("the portal would store %q as %q", marked, NormalizeFileTitle(marked))
	}
	other := newCreationIn(creationFile, "7", "quarterly report.docx")
	if !newCreationIn(creationFile, "7", "Quarterly Report.docx").sameAs(marked) || other.sameAs(marked) {
		t.Error("sameAs does not tell the title")
	}
	if newCreationIn(creationFile, "7", "Quarterly Report.xlsx").sameAs(marked) {
		t.Error("another extension is another title")
	}
	long := newCreationIn(creationFile, "7", strings.Repeat("b", 300)+".pdf")
	if m := long.markedTitle(); len(utf16.Encode([]rune(m))) != maxUploadTitle || !strings.HasSuffix(m, "].pdf") || NormalizeFileTitle(m) != m {
		t.Errorf("a long title's marker: %q (%d units)", m, len(utf16.Encode([]rune(m))))
	}
	// Rooms keep their marker at the end.
	if room := newCreation(creationRoom, "a.b"); !strings.HasSuffix(room.markedTitle(), "]") {
		t.Errorf("room marker %q", room.markedTitle())
	}
}
