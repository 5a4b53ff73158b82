package docspace

import (
	"strings"
	"unicode/utf16"
)

// MaxTitleLength is the longest room or template title the portal keeps, in UTF-16 code units.
const MaxTitleLength = 170

// SanitizeTitle returns the title the portal stores for s (api-notes.md §26): trimmed, the characters
// \t * + : " < > ? | \ / and every UTF-16 surrogate replaced by "_", truncated to 170 code units.
func SanitizeTitle(s string) string {
	units := utf16.Encode([]rune(strings.TrimSpace(s)))
	for i, u := range units {
		if strings.ContainsRune("\t*+:\"<>?|\\/", rune(u)) || (u >= 0xD800 && u <= 0xDFFF) {
			units[i] = '_'
		}
	}
	if len(units) > MaxTitleLength {
		units = units[:MaxTitleLength]
	}
	return string(utf16.Decode(units))
}
