package provider

import (
	"strings"
	"testing"
)

func TestNormalizePortalURL(t *testing.T) {
	t.Parallel()
	ok := map[string]string{
		"yourportal.onlyoffice.com":                   "https://yourportal.onlyoffice.com",
		"https://yourportal.onlyoffice.com/":          "https://yourportal.onlyoffice.com",
		"https://yourportal.onlyoffice.com/api/2.0/":  "https://yourportal.onlyoffice.com",
		"  https://docs.example.com:8443/docspace/  ": "https://docs.example.com:8443/docspace",
		"http://127.0.0.1:8080":                       "http://127.0.0.1:8080",
		"http://localhost:8080":                       "http://localhost:8080",
		"http://[::1]:8080":                           "http://[::1]:8080",
	}
	for in, want := range ok {
		got, err := normalizePortalURL(in, false)
		if err != nil || got != want {
			t.Errorf("normalizePortalURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := map[string]string{
		"http://docs.example.com":      "plain http",
		"ftp://docs.example.com":       `scheme "ftp"`,
		"https://":                     "no host name",
		"https://user:pw@x.example":    "credentials",
		"https://x.example/?a=1":       "query",
		"https://x.exa mple.com":       "not a valid URL",
		"http://192.168.1.10:80/space": "plain http",
	}
	for in, want := range bad {
		_, err := normalizePortalURL(in, false)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("normalizePortalURL(%q) error = %v; want it to mention %q", in, err, want)
		}
	}
	if got, err := normalizePortalURL("http://docs.example.com", true); err != nil || got != "http://docs.example.com" {
		t.Errorf("allow_insecure_http: got %q, %v", got, err)
	}
}

func TestTitleProblem(t *testing.T) {
	t.Parallel()
	for title, want := range map[string]string{
		"Project X": "",
		"Отдел продаж & партнёры; 'Q3'":    "",
		strings.Repeat("я", 170):           "",
		"":                                 "must not be empty",
		"   ":                              "must not be empty",
		" padded":                          "white space",
		strings.Repeat("a", 171):           "171 characters long",
		"a/b":                              `'/'`,
		"Room \"with\" \\slashes & <html>": `'"'`,
		"tab\there":                        "tab",
		"Launch 🚀":                         "U+1F680",
		"bell\a":                           "control character",
	} {
		got := titleProblem(title, maxTitleLength)
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("titleProblem(%q) = %q; want it to mention %q", title, got, want)
		}
	}
}
