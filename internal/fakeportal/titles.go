package fakeportal

import (
	"strconv"
	"strings"
	"unicode/utf16"
)

// sanitizeTitle is Global.ReplaceInvalidCharsAndTruncate (docspace-api.md §7.1). The client has its own
// copy on purpose: the fake plays the server and must not borrow the client's reading of it. Trim, replace
// \t * + : " < > ? | \ / and every UTF-16 surrogate with "_" (one emoji becomes "__"), cut to 170 units.
func sanitizeTitle(s string) string {
	units := utf16.Encode([]rune(strings.TrimSpace(s)))
	for i, u := range units {
		if strings.ContainsRune("\t*+:\"<>?|\\/", rune(u)) || (u >= 0xD800 && u <= 0xDFFF) {
			units[i] = '_'
		}
	}
	if len(units) > 170 {
		units = units[:170]
	}
	return string(utf16.Decode(units))
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

func itoa(n int) string { return strconv.Itoa(n) }
