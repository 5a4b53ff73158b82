package fakeportal

import (
	"strings"
	"unicode/utf16"
)

// sanitizeTitle is Global.ReplaceInvalidCharsAndTruncate (api-notes.md §26). The client has its own
// copy on purpose: the fake plays the server and must not borrow the client's reading of it. Trim; cut
// to 170 UTF-16 units, keeping an "extension" — the part from the last "." on, when that dot sits beyond
// unit 150 — and cutting before it instead; then replace \t * + : " < > ? | \ / and every surrogate
// with "_" (one emoji becomes "__").
func sanitizeTitle(s string) string {
	const maxTitle = 170
	units := utf16.Encode([]rune(strings.TrimSpace(s)))
	if len(units) > maxTitle {
		dot := -1
		for i, u := range units {
			if u == '.' {
				dot = i
			}
		}
		if dot > maxTitle-20 {
			ext := units[dot:]
			units = append(append([]uint16{}, units[:maxTitle-len(ext)]...), ext...)
		} else {
			units = units[:maxTitle]
		}
	}
	for i, u := range units {
		if strings.ContainsRune("\t*+:\"<>?|\\/", rune(u)) || (u >= 0xD800 && u <= 0xDFFF) {
			units[i] = '_'
		}
	}
	return string(utf16.Decode(units))
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }
