// Package pdfform recognises ONLYOFFICE PDF forms the way the portal does, and makes small ones for tests
// and examples. One rule serves the fake portal (which marks uploads as forms) and the provider (which
// checks a file before putting it into a form-filling room): api-notes.md §37.
package pdfform

import (
	"bytes"
	"fmt"
)

// HeadSize is how many leading bytes of a file the portal looks at to tell a form (api-notes.md §37).
const HeadSize = 300

// Signature is the name of the form's metadata entry.
const Signature = "ONLYOFFICEFORM"

var (
	binaryMarker = []byte("%\xCD\xCA\xD2\xA9\r")
	firstObject  = []byte("1 0 obj\n<<\n")
	streamStart  = []byte("stream\r\n")
)

// Signed reports whether a file whose first bytes are head is an ONLYOFFICE PDF form. Only the first
// HeadSize bytes count. The rule (api-notes.md §37): the binary marker %\xCD\xCA\xD2\xA9\r, then at once
// "1 0 obj\n<<\n"; inside that first object, before its first "stream\r\n", the name ONLYOFFICEFORM
// followed by two numbers separated by a space (the offset and length of the form's data), as in
// "/ONLYOFFICEFORM [0 52304 ]".
func Signed(head []byte) bool {
	if len(head) > HeadSize {
		head = head[:HeadSize]
	}
	at := bytes.Index(head, binaryMarker)
	if at < 0 {
		return false
	}
	rest := head[at+len(binaryMarker):]
	if !bytes.HasPrefix(rest, firstObject) {
		return false
	}
	rest = rest[len(firstObject):]
	stream := bytes.Index(rest, streamStart)
	sig := bytes.Index(rest, []byte(Signature))
	if stream < 0 || sig < 0 || sig > stream {
		return false
	}
	rest = rest[sig+len(Signature) : stream]
	rest = bytes.TrimLeft(rest, " [")
	n, rest := digits(rest)
	if n == 0 || len(rest) == 0 || rest[0] != ' ' {
		return false
	}
	n, _ = digits(bytes.TrimLeft(rest, " "))
	return n > 0
}

// digits returns how many decimal digits b starts with, and what follows them.
func digits(b []byte) (int, []byte) {
	n := 0
	for n < len(b) && b[n] >= '0' && b[n] <= '9' {
		n++
	}
	return n, b[n:]
}

// Sample returns a small ONLYOFFICE PDF form made by this package: the signed metadata object the portal
// looks for, whose stream carries fill bytes of stand-in form data, and a one-page PDF whose document
// information names title. The portal recognises it as a form (Signed is true); it is not meant to open
// in an editor with fields.
func Sample(title string, fill int) []byte {
	fill = max(fill, 0)
	data := bytes.Repeat([]byte("form data "), fill/10+1)[:fill]
	var b bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	b.WriteString("%PDF-1.7\r")
	b.Write(binaryMarker)
	offsets = append(offsets, b.Len())
	// The metadata object, with the padding after the numbers that the editor's own forms carry.
	fmt.Fprintf(&b, "1 0 obj\n<<\n/Length %d     \n/%s [0 %d ]\n/Type /MetaOForm\n>>\nstream\r\n", fill, Signature, fill)
	b.Write(data)
	b.WriteString("\r\nendstream\nendobj\n")
	obj("<< /Type /Catalog /Pages 3 0 R >>")
	obj("<< /Type /Pages /Kids [4 0 R] /Count 1 >>")
	obj("<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>")
	obj("<< /Title (" + pdfString(title) + ") /Producer (terraform-provider-docspace) >>")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 2 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// pdfString escapes s for a PDF literal string.
func pdfString(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r > 0x7e:
			b.WriteByte('?') // the stand-in keeps to ASCII
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
