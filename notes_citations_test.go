package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// apiNotesSections is the register of docs/development/api-notes.md: its sections' titles in order. Code,
// docs and tests cite the notes by section number (`api-notes.md §28`), so a section is never inserted,
// removed or renumbered: a new fact goes into the section of its subject, or into a new section at the end,
// whose title is added here.
var apiNotesSections = []string{
	"Sources and labels",
	"Base URL and authentication",
	"Success envelope and dates",
	"Errors, status codes and retries",
	"Room listing and pagination",
	"Room types, folder types, search areas",
	"Room create",
	"The room object",
	"Room update",
	"Archive and unarchive",
	"Delete",
	"File operations",
	"Tags and covers",
	"What a read answers in each state",
	"Template create",
	"Template job status",
	"Template update and delete",
	"Template public setting",
	"Room from template",
	"The job slot and how the client runs a job",
	"Link enums",
	"Link create, update and delete",
	"Link reads",
	"The link object",
	"Which room types take which links",
	"Title rules",
	"Where the OpenAPI document and the server disagree",
	"Creation markers: the facts they rest on",
	"Room members",
	"People",
	"Groups",
	"Blocked group members",
	"The text filter of room listings: two engines",
	"Who may manage a room",
	"Who may create rooms",
	"Folders inside rooms",
	"Reserved",
	"Webhooks",
}

var (
	notesHeading  = regexp.MustCompile(`(?m)^## (\d+)\. (.+)$`)
	notesCitation = regexp.MustCompile(`api-notes(?:\.md)?((?:(?:,? and |, | ?[-–] ?| )§\d+)+)`)
	sectionNumber = regexp.MustCompile(`§(\d+)`)
)

// TestAPINotesKeepTheirNumbers fails when a section of the API notes moved, which would silently point
// every citation of it, and of each section after it, at another subject.
func TestAPINotesKeepTheirNumbers(t *testing.T) {
	notes, err := os.ReadFile(filepath.Join("docs", "development", "api-notes.md"))
	if err != nil {
		t.Fatal(err)
	}
	headings := notesHeading.FindAllStringSubmatch(string(notes), -1)
	for i, h := range headings {
		n, _ := strconv.Atoi(h[1])
		switch {
		case n != i+1:
			t.Errorf("api-notes.md: the section titled %q is numbered %d but is the %dth: number the sections 1, 2, 3, … in order", h[2], n, i+1)
		case i >= len(apiNotesSections):
			t.Errorf("api-notes.md: section %d (%q) is not in the register: add its title at the end of apiNotesSections in notes_citations_test.go", n, h[2])
		case h[2] != apiNotesSections[i]:
			t.Errorf("api-notes.md: section %d is %q where the register has %q. Sections are cited by number: never insert or "+
				"move one; add a new section at the end instead. If the section was only retitled, update apiNotesSections",
				n, h[2], apiNotesSections[i])
		}
	}
	if len(headings) < len(apiNotesSections) {
		t.Errorf("api-notes.md has %d sections, the register %d: sections are cited by number and are never removed", len(headings), len(apiNotesSections))
	}
}

// TestAPINotesCitationsExist fails on a citation of a section the notes do not have.
func TestAPINotesCitationsExist(t *testing.T) {
	cited := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != "." && (strings.HasPrefix(name, ".") && name != ".ci" || name == "dist") {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".md", ".tmpl", ".sh", ".tf", ".hcl":
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, c := range notesCitation.FindAllStringSubmatch(string(b), -1) {
			for _, m := range sectionNumber.FindAllStringSubmatch(c[1], -1) {
				cited++
				if n, _ := strconv.Atoi(m[1]); n < 1 || n > len(apiNotesSections) {
					t.Errorf("%s cites api-notes.md §%d, which does not exist (the notes have %d sections)", path, n, len(apiNotesSections))
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if cited == 0 {
		t.Fatal("found no citation of api-notes.md at all: the pattern no longer matches how the code cites the notes")
	}
	t.Logf("%d citations checked", cited)
}
