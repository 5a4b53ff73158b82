package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// maxTitleLength is the server's [StringLength(170)] on room and template titles (api-notes.md §7).
const maxTitleLength = 170

// titleRewrittenChars are the characters the portal silently replaces with "_" (api-notes.md §26).
// Refusing them at plan time avoids a perpetual diff between the configured and the stored title.
const titleRewrittenChars = "\t*+:\"<>?|\\/"

// titleProblem explains why the portal would reject or rewrite a title of at most limit characters, or
// returns "".
func titleProblem(title string, limit int) string {
	if strings.TrimSpace(title) == "" {
		return "must not be empty"
	}
	if strings.TrimSpace(title) != title {
		return "must not start or end with white space, which the portal trims"
	}
	for _, r := range title {
		if strings.ContainsRune(titleRewrittenChars, r) {
			return fmt.Sprintf("contains the character %q, which the portal replaces with \"_\"; "+
				"the characters %s are not kept", r, describeRewrittenChars())
		}
		if r > 0xFFFF {
			return fmt.Sprintf("contains %q (U+%04X), which the portal replaces with \"__\"; emoji and other "+
				"characters outside the Basic Multilingual Plane are not kept", r, r)
		}
		if unicode.IsControl(r) {
			return fmt.Sprintf("contains the control character U+%04X", r)
		}
	}
	if n := utf8.RuneCountInString(title); n > limit {
		return fmt.Sprintf("is %d characters long; the portal allows at most %d", n, limit)
	}
	return ""
}

func describeRewrittenChars() string {
	parts := make([]string, 0, len(titleRewrittenChars))
	for _, r := range titleRewrittenChars {
		if r == '\t' {
			parts = append(parts, "tab")
			continue
		}
		parts = append(parts, string(r))
	}
	return strings.Join(parts, " ")
}

// roomTitle validates titles of rooms and templates, and, with max set, of other objects whose titles the
// portal stores the same way but limits otherwise (folders: maxFolderTitleLength).
type roomTitle struct{ max int }

// maxFolderTitleLength is the server's [StringLength(165)] on folder titles (api-notes.md §36).
const maxFolderTitleLength = 165

func (v roomTitle) limit() int {
	if v.max == 0 {
		return maxTitleLength
	}
	return v.max
}

var _ validator.String = roomTitle{}

func (v roomTitle) Description(context.Context) string {
	return fmt.Sprintf("must be 1 to %d characters, without leading or trailing white space, emoji or any of %s",
		v.limit(), describeRewrittenChars())
}

func (v roomTitle) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v roomTitle) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if problem := titleProblem(req.ConfigValue.ValueString(), v.limit()); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid title", "The title "+problem+".")
	}
}

var hexColor = regexp.MustCompile(`^[0-9A-Fa-f]{6}$`)

// positiveDuration validates Go duration strings such as "30s".
type positiveDuration struct{}

var _ validator.String = positiveDuration{}

func (positiveDuration) Description(context.Context) string {
	return "must be a positive Go duration such as 30s or 2m"
}

func (v positiveDuration) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (positiveDuration) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	if err != nil || d <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%q is not a positive duration; use a value such as 30s or 2m.", req.ConfigValue.ValueString()))
	}
}

var nonBlank = regexp.MustCompile(`\S`)

var numericID = regexp.MustCompile(`^[1-9][0-9]*$`)

// guidPattern matches user and group ids.
var guidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

var emailAddress = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// trimmedText has no white space at either end.
var trimmedText = regexp.MustCompile(`^\S(.*\S)?$`)

// maxFileTitleLength is the longest file title the portal takes on rename (api-notes.md §37); an upload
// cuts longer ones silently, so they are refused.
const maxFileTitleLength = docspace.MaxFileTitleLength

// fileTitle validates file titles: what the portal would refuse or store differently (forbidden
// characters, an upper-case extension) is an error whose message names the title to write, so no
// plan shows a perpetual difference; an extension the portal converts after the upload, which changes
// the title, is refused naming the format to convert to (api-notes.md §37).
type fileTitle struct{}

var _ validator.String = fileTitle{}

func (fileTitle) Description(context.Context) string {
	return fmt.Sprintf("must be 1 to %d characters with a lower-case extension, without leading or trailing white space, "+
		"emoji or any of %s", maxFileTitleLength, describeRewrittenChars())
}

func (v fileTitle) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (fileTitle) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if problem := fileTitleProblem(req.ConfigValue.ValueString()); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid file title", problem)
	}
}

// fileTitleProblem explains why the portal would refuse, rewrite or convert a file titled title, naming
// the title to write instead when there is one, or returns "".
func fileTitleProblem(title string) string {
	if problem := titleProblem(title, maxFileTitleLength); problem != "" {
		msg := fmt.Sprintf("The title %q %s.", title, problem)
		if fixed := docspace.NormalizeFileTitle(title); fixed != title && fixed != "" && titleProblem(fixed, maxFileTitleLength) == "" {
			msg += fmt.Sprintf(" The portal would store it as %q: write title = %q.", fixed, fixed)
		}
		return msg
	}
	base, ext := splitExtension(title)
	if lower := strings.ToLower(ext); lower != ext {
		return fmt.Sprintf("The portal stores a file's extension in lower case, so %q would read back as %q and show a "+
			"change at every plan: write title = %q.", title, base+lower, base+lower)
	}
	if modern, ok := docspace.AutoConvertedTo(ext); ok {
		return fmt.Sprintf("The portal converts %s files to %s after the upload and then changes the file's title (and, "+
			"depending on the user's settings, makes a second file), which Terraform cannot follow. Convert the file to "+
			"%s first and write title = %q.", ext, modern, modern, base+modern)
	}
	return ""
}

// splitExtension splits a file title into its name and its extension as the portal reads it, from the
// last dot on (api-notes.md §37).
func splitExtension(title string) (base, ext string) {
	ext = docspace.FileExtension(title)
	return strings.TrimSuffix(title, ext), ext
}
