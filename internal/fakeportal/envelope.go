package fakeportal

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// call is one request being served.
type call struct {
	p    *Portal
	w    http.ResponseWriter
	r    *http.Request
	args []string // path parameters
	user *user
	body json.RawMessage
	// upload is an upload route's body (files_upload.go).
	upload *uploadBody
}

// link is an entry of the envelope's `links` member.
type envLink struct {
	Href   string `json:"href"`
	Action string `json:"action"`
}

func (c *call) links() []envLink {
	scheme := "http"
	if c.r.TLS != nil {
		scheme = "https"
	}
	return []envLink{{Href: scheme + "://" + c.r.Host + c.r.URL.RequestURI(), Action: c.r.Method}}
}

// ok writes the success envelope (api-notes.md §3). A nil payload is omitted, with count 0.
func (c *call) ok(payload any) { c.okWith(http.StatusOK, payload) }

// okWith writes the success envelope with another success status, such as the 201 of the chunk that
// completes an upload (api-notes.md §37).
func (c *call) okWith(status int, payload any) {
	env := map[string]any{"links": c.links(), "status": 0, "statusCode": status}
	switch v := payload.(type) {
	case nil:
		env["count"] = 0
	case []any:
		env["response"], env["count"] = v, len(v)
	default:
		env["response"], env["count"] = v, 1
	}
	c.writeJSON(status, env)
}

// list writes a list payload; count is its length.
func (c *call) list(items []any) {
	if items == nil {
		items = []any{}
	}
	c.ok(items)
}

// empty writes a success envelope without a response member.
func (c *call) empty() { c.ok(nil) }

// errorTypes are the exception names the real server reports (and leaks) per status.
var errorTypes = map[int]string{
	400: "System.ArgumentException",
	402: "ASC.Core.Tenants.TenantQuotaException",
	403: "System.InvalidOperationException",
	404: "ASC.Files.Core.ItemNotFoundException",
	500: "System.Exception",
}

// fail writes the error envelope (api-notes.md §4), stack trace included, as the real server does.
func (c *call) fail(status int, message string) {
	c.writeJSON(status, map[string]any{
		"error": map[string]any{
			"message": message,
			"type":    errorTypes[status],
			"stack":   "   at ASC.Files.Core.FileStorageService.Execute() in /app/products/ASC.Files/Core/Core/FileStorageService.cs:line " + strconv.Itoa(100+status),
			"hresult": -2146233088,
		},
		"status":     1,
		"statusCode": status,
	})
}

// denied is the SecurityException answer: always "Access denied".
func (c *call) denied() { c.fail(http.StatusForbidden, "Access denied") }

// invalid writes a model-validation failure: HTTP 400 inside the success envelope (api-notes.md §4).
func (c *call) invalid(field, message string) {
	c.writeJSON(http.StatusBadRequest, map[string]any{
		"response": map[string]any{
			"type":    "https://tools.ietf.org/html/rfc9110#section-15.5.1",
			"title":   "One or more validation errors occurred.",
			"status":  400,
			"errors":  map[string][]string{field: {message}},
			"traceId": "00-" + c.p.token(32) + "-" + c.p.token(16) + "-00",
		},
		"count":      1,
		"links":      c.links(),
		"status":     1,
		"statusCode": http.StatusBadRequest,
	})
}

func (c *call) writeJSON(status int, v any) {
	c.w.Header().Set("Content-Type", "application/json; charset=utf-8")
	c.w.WriteHeader(status)
	_ = json.NewEncoder(c.w).Encode(v)
}

// apiTime renders a date as the server does: seven fraction digits and the portal's offset.
func (p *Portal) apiTime(t time.Time) string {
	return t.In(p.opts.TimeZone).Format("2006-01-02T15:04:05.0000000-07:00")
}

// parseAPITime reads a date as ApiDateTimeConverter does: ISO-8601 with or without an offset (then in
// the portal's zone), with or without a time; anything else is "no date" (api-notes.md §3).
func (p *Portal) parseAPITime(s string) time.Time {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t
	}
	for _, layout := range []string{"2006-01-02T15:04:05.9999999", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, p.opts.TimeZone); err == nil {
			return t
		}
	}
	return time.Time{}
}

// pathID parses the numeric id path parameter; ok is false when it is not numeric.
func (c *call) pathID() (int64, bool) {
	if len(c.args) == 0 {
		return 0, false
	}
	id, err := strconv.ParseInt(c.args[0], 10, 64)
	return id, err == nil
}
