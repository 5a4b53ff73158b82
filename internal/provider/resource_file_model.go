package provider

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/pdfform"
)

type fileModelV0 struct {
	ID              types.String   `tfsdk:"id"`
	FolderID        types.String   `tfsdk:"folder_id"`
	Title           types.String   `tfsdk:"title"`
	Source          types.String   `tfsdk:"source"`
	Content         types.String   `tfsdk:"content"`
	ContentBase64   types.String   `tfsdk:"content_base64"`
	ContentSHA256   types.String   `tfsdk:"content_sha256"`
	Version         types.Int64    `tfsdk:"version"`
	Size            types.Int64    `tfsdk:"size"`
	IsForm          types.Bool     `tfsdk:"is_form"`
	WebURL          types.String   `tfsdk:"web_url"`
	RoomID          types.String   `tfsdk:"room_id"`
	PermanentDelete types.Bool     `tfsdk:"permanent_delete"`
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
}

// fill copies the portal's file into m, with the id of its room (0 keeps the one m holds). What the
// provider sent (source, content, content_sha256) is left alone: the portal keeps no checksum and a read
// never downloads content (api-notes.md §37, §39). Settings that only steer destroy keep their value, false
// when there is none (after an import).
func (m *fileModelV0) fill(f *docspace.File, roomID int64) {
	m.ID = types.StringValue(formatObjectID(f.ID))
	m.FolderID = types.StringValue(formatObjectID(f.FolderID))
	m.Title = types.StringValue(f.Title)
	m.Version = types.Int64Value(int64(f.Version))
	m.Size = types.Int64Value(f.PureContentLength)
	m.IsForm = types.BoolValue(f.IsForm)
	m.WebURL = types.StringValue(f.WebURL)
	if roomID != 0 {
		m.RoomID = types.StringValue(formatObjectID(roomID))
	}
	if m.PermanentDelete.IsNull() || m.PermanentDelete.IsUnknown() {
		m.PermanentDelete = types.BoolValue(false)
	}
}

// What content_sha256 reads back as when the provider does not know the content on the portal: these
// never equal a hash, so the next plan shows the configured content's hash as a change and the apply
// uploads it as a new version.
const contentImported = "not uploaded by Terraform (imported)"

func contentEditedInDocSpace(version int) string {
	return fmt.Sprintf("changed in DocSpace (version %d)", version)
}

// fileContent is the content a configuration names: a local file (path), or bytes written in it.
type fileContent struct {
	path  string
	data  []byte
	inMem bool
	from  string // the attribute that names it
}

// content returns the configured content; known is false while a value is unknown. An error means
// content_base64 is not base64 (ValidateConfig refuses it first).
func (m *fileModelV0) content() (c fileContent, known bool, err error) {
	switch {
	case !m.Source.IsNull():
		c.from = "source"
		if m.Source.IsUnknown() {
			return c, false, nil
		}
		c.path = m.Source.ValueString()
	case !m.Content.IsNull():
		c.from, c.inMem = "content", true
		if m.Content.IsUnknown() {
			return c, false, nil
		}
		c.data = []byte(m.Content.ValueString())
	case !m.ContentBase64.IsNull():
		c.from, c.inMem = "content_base64", true
		if m.ContentBase64.IsUnknown() {
			return c, false, nil
		}
		c.data, err = base64.StdEncoding.DecodeString(m.ContentBase64.ValueString())
		if err != nil {
			return c, true, fmt.Errorf("content_base64 is not base64: %w", err)
		}
	default:
		return c, false, nil // ValidateConfig requires one
	}
	return c, true, nil
}

// attr is the path of the attribute that names the content.
func (c fileContent) attr() path.Path {
	if c.from == "" {
		return path.Root("source")
	}
	return path.Root(c.from)
}

// open returns the content from its first byte. A local file is returned as the *os.File itself, which
// the client reads in sections for a chunked upload; bytes as a reader that can do the same.
func (c fileContent) open() (io.ReadCloser, error) {
	if c.inMem {
		return bytesFile{bytes.NewReader(c.data)}, nil
	}
	f, err := os.Open(c.path)
	if err != nil {
		return nil, fmt.Errorf("cannot open source %q: %w", c.path, err)
	}
	return f, nil
}

type bytesFile struct{ *bytes.Reader }

func (bytesFile) Close() error { return nil }

// contentDigest is what a plan needs of the content: its SHA-256, its size, and its first bytes (for the
// form signature, api-notes.md §37).
type contentDigest struct {
	sum  string
	size int64
	head []byte
}

// digest reads the content once, streaming: memory stays flat whatever the size of a local file.
func (c fileContent) digest() (contentDigest, error) {
	r, err := c.open()
	if err != nil {
		return contentDigest{}, err
	}
	defer func() { _ = r.Close() }()
	h := sha256.New()
	head := &headWriter{max: pdfform.HeadSize}
	n, err := io.Copy(io.MultiWriter(h, head), r)
	if err != nil {
		return contentDigest{}, fmt.Errorf("cannot read %s: %w", c.describe(), err)
	}
	return contentDigest{sum: hex.EncodeToString(h.Sum(nil)), size: n, head: head.b}, nil
}

func (c fileContent) describe() string {
	if c.inMem {
		return c.from
	}
	return fmt.Sprintf("source %q", c.path)
}

// headWriter keeps the first max bytes written to it.
type headWriter struct {
	b   []byte
	max int
}

func (w *headWriter) Write(p []byte) (int, error) {
	if room := w.max - len(w.b); room > 0 {
		w.b = append(w.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// upload is the client's upload of the content, size bytes, into folder under title.
func (c fileContent) upload(folder int64, title string, size int64) docspace.Upload {
	return docspace.Upload{FolderID: folder, Title: title, Size: size, Open: c.open}
}
