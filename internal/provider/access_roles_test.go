package provider_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestAccessRoles_oneVocabulary validates configurations with the Terraform CLI, which counts the errors:
// links and members take the same roles, and every mistake in an access value is exactly one error,
// which names the fix. An old link spelling names the role to write instead.
func TestAccessRoles_oneVocabulary(t *testing.T) {
	t.Parallel()
	cli := newTerraformCLI(t, "1.8.0")
	cli.write("main.tf", accessConfig(`resource "docspace_room_member" "m" {
  room_id = "12"
  user_id = "00000000-0000-0000-0000-000000000001"
  access  = "viewer"
}`))
	cli.run([]string{"init", "-input=false"})

	link := func(kind, access string) string {
		return `resource "docspace_room_link" "l" {
  room_id   = "12"
  link_type = "` + kind + `"
  access    = "` + access + `"
}`
	}
	member := func(access string) string {
		return `resource "docspace_room_member" "m" {
  room_id = "12"
  user_id = "00000000-0000-0000-0000-000000000001"
  access  = "` + access + `"
}`
	}
	members := func(access string) string {
		return `resource "docspace_room_members" "m" {
  room_id = "12"
  members = [
    { group_id = "00000000-0000-0000-0000-000000000002", access = "viewer" },
    { user_id = "00000000-0000-0000-0000-000000000001", access = "` + access + `" },
  ]
}`
	}
	const shared = "links and members share one vocabulary."
	cases := map[string]struct {
		config string
		want   string // the one error's detail; "" for a valid configuration
	}{
		"external viewer link":         {link("external", "viewer"), ""},
		"external editor link":         {link("external", "editor"), ""},
		"external form_filler link":    {link("external", "form_filler"), ""},
		"invitation content_creator":   {link("invitation", "content_creator"), ""},
		"invitation reviewer link":     {link("invitation", "reviewer"), ""},
		"invitation commenter link":    {link("invitation", "commenter"), ""},
		"link with read":               {link("external", "read"), `"read" is the old spelling: use "viewer"; ` + shared},
		"link with review":             {link("external", "review"), `"review" is the old spelling: use "reviewer"; ` + shared},
		"link with comment":            {link("invitation", "comment"), `"comment" is the old spelling: use "commenter"; ` + shared},
		"link with fill_forms":         {link("external", "fill_forms"), `"fill_forms" is the old spelling: use "form_filler"; ` + shared},
		"invitation link with editing": {link("invitation", "editing"), `"editing" is the old spelling: use "editor"; ` + shared},
		"external link with editing":   {link("external", "editing"), `"editing" is the old spelling: use "editor"; ` + shared},
		"link with room_manager": {link("invitation", "room_manager"),
			`"room_manager" is not a role links take. Use one of: commenter, content_creator, editor, form_filler, reviewer, viewer.`},
		"external content_creator": {link("external", "content_creator"),
			`external links cannot grant "content_creator". Allowed: commenter, editor, form_filler, reviewer, viewer.`},
		"member editor":              {member("editor"), ""},
		"member with editing":        {member("editing"), `"editing" is the old spelling: use "editor"; ` + shared},
		"member with read":           {member("read"), `"read" is the old spelling: use "viewer"; ` + shared},
		"member list with fill_form": {members("fill_forms"), `"fill_forms" is the old spelling: use "form_filler"; ` + shared},
		"member with owner": {member("owner"),
			`"owner" is not a role members take. Use one of: commenter, content_creator, editor, form_filler, reviewer, room_manager, viewer.`},
	}
	for name, tc := range cases {
		cli.write("main.tf", accessConfig(tc.config))
		_, out := cli.run([]string{"validate", "-json"}, 0, 1)
		var result struct {
			ErrorCount  int `json:"error_count"`
			Diagnostics []struct {
				Severity, Summary, Detail string
			} `json:"diagnostics"`
		}
		if err := json.Unmarshal([]byte(out), &result); err != nil {
			t.Fatalf("%s: terraform validate -json: %v\n%s", name, err, out)
		}
		switch {
		case tc.want == "" && result.ErrorCount != 0:
			t.Errorf("%s: want no error, got %+v", name, result.Diagnostics)
		case tc.want != "" && (result.ErrorCount != 1 || len(result.Diagnostics) != 1):
			t.Errorf("%s: want exactly one error, got %d: %+v", name, result.ErrorCount, result.Diagnostics)
		case tc.want != "" && !strings.Contains(result.Diagnostics[0].Detail, tc.want):
			t.Errorf("%s: the error says %q; want %q", name, result.Diagnostics[0].Detail, tc.want)
		}
	}
}

// accessConfig is a configuration of the provider with one resource, for terraform validate.
func accessConfig(resource string) string {
	return `terraform {
  required_providers {
    docspace = { source = "docspace-community/docspace" }
  }
}

` + resource + "\n"
}
