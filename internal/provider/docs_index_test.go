package provider_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

// TestDocsIndexIsComplete keeps the documentation's entry points current as the provider grows: the
// registry's landing page (templates/index.md.tmpl) names every resource, data source and list resource
// in its own section and links every guide; README names every resource and data source and links every
// guide; the importing guide covers every resource.
func TestDocsIndexIsComplete(t *testing.T) {
	schema, err := provider.NewProtocolServer("test", nil)().GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	index := readRepoFile(t, "templates/index.md.tmpl")
	readme := readRepoFile(t, "README.md")
	importing := readRepoFile(t, "templates/guides/importing.md.tmpl")

	var problems []string
	expect := func(ok bool, problem string) {
		if !ok {
			problems = append(problems, problem)
		}
	}
	kinds := []struct {
		section string
		names   []string
	}{
		{"Resources", sortedNames(schema.ResourceSchemas)},
		{"Data sources", sortedNames(schema.DataSourceSchemas)},
		{"List resources", sortedNames(schema.ListResourceSchemas)},
	}
	for _, kind := range kinds {
		section, found := markdownSection(index, kind.section)
		expect(found, "templates/index.md.tmpl has no section \"## "+kind.section+"\": add it")
		for _, name := range kind.names {
			mention := "`" + name + "`"
			expect(!found || strings.Contains(section, mention),
				"templates/index.md.tmpl: the section \"## "+kind.section+"\" does not name "+mention+": add a line for it")
			if kind.section != "List resources" {
				expect(strings.Contains(readme, mention), "README.md does not name "+mention+": add it to the table at the top")
			}
			if kind.section == "Resources" {
				expect(strings.Contains(importing, mention),
					"templates/guides/importing.md.tmpl does not cover "+mention+": add its import ID and identity to the table")
			}
		}
	}

	guides, err := filepath.Glob(filepath.Join(repoRoot, "templates", "guides", "*.md.tmpl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(guides) == 0 {
		t.Fatal("no guides found under templates/guides")
	}
	for _, guide := range guides {
		name := strings.TrimSuffix(filepath.Base(guide), ".md.tmpl")
		expect(strings.Contains(index, "(guides/"+name+")"),
			"templates/index.md.tmpl does not link the guide "+name+": add [title](guides/"+name+") under \"## Guides\"")
		expect(strings.Contains(readme, "(docs/guides/"+name+".md)"),
			"README.md does not link the guide "+name+": add it to the list under \"## Documentation\"")
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// repoRoot is the repository's top folder, seen from this package's folder, where go test runs.
var repoRoot = filepath.Join("..", "..")

func readRepoFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func sortedNames[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// markdownSection returns the text under the level-two heading title, up to the next level-two heading.
func markdownSection(doc, title string) (string, bool) {
	_, rest, found := strings.Cut(doc, "\n## "+title+"\n")
	if !found {
		return "", false
	}
	if end := strings.Index(rest, "\n## "); end >= 0 {
		rest = rest[:end]
	}
	return rest, true
}
