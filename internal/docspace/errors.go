package docspace

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// APIError is a failed API call. It covers both error shapes of api-notes.md §4: the error envelope
// (`error.message`) and a validation problem inside the success envelope (`response.errors`).
// It never carries the server's exception type or stack trace.
type APIError struct {
	StatusCode int
	Message    string
	// Validation maps a request field to the portal's complaints about it.
	Validation map[string][]string
	Method     string
	Path       string
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %d %s", e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Message != "" && e.Message != http.StatusText(e.StatusCode) {
		b.WriteString(": " + e.Message)
	}
	fields := make([]string, 0, len(e.Validation))
	for f := range e.Validation {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		fmt.Fprintf(&b, "; %s: %s", f, strings.Join(e.Validation[f], " "))
	}
	return b.String()
}

// StatusCode returns the HTTP status of an *APIError in err's chain, or 0.
func StatusCode(err error) int {
	var e *APIError
	if errors.As(err, &e) {
		return e.StatusCode
	}
	return 0
}

// IsNotFound reports a 404. Writes to a missing object answer 403 instead (api-notes.md §14).
func IsNotFound(err error) bool { return StatusCode(err) == http.StatusNotFound }

// IsForbidden reports a 403: no permission, or a write to an object that does not exist.
func IsForbidden(err error) bool { return StatusCode(err) == http.StatusForbidden }

// IsPaymentRequired reports a 402: the portal's plan does not allow more (rooms, storage).
func IsPaymentRequired(err error) bool { return StatusCode(err) == http.StatusPaymentRequired }

// IsUnauthorized reports a 401: a missing, wrong or expired API key.
func IsUnauthorized(err error) bool { return StatusCode(err) == http.StatusUnauthorized }

// ErrMissingObject is a successful answer that lacks the object the call returns: no response, null,
// or an object without its id. It never becomes an empty object.
var ErrMissingObject = errors.New("the portal's answer does not contain the expected object")

// ErrUnreadableAnswer is a successful answer whose body is not the JSON the call returns: empty,
// truncated or of the wrong shape.
var ErrUnreadableAnswer = errors.New("the portal's answer could not be read")

// refused reports whether err is a request that did nothing: the portal's refusal (a 4xx answer), or a
// request that never reached the portal (*UnreachableError). Anything else (no answer, a 5xx from the
// portal or a proxy, an answer that cannot be read or lacks its object) leaves the outcome of a creation
// unknown.
func refused(err error) bool {
	code := StatusCode(err)
	return code >= 400 && code < 500 || IsUnreachable(err)
}

// UnreachableError is a request that never reached the portal: the connection was refused, the host name
// does not resolve, or the TLS handshake failed (an untrusted certificate, a port that does not speak
// TLS). Waiting does not mend these, so the transport reports them at once (after one quick retry for a
// refused connection) instead of retrying for a minute; and since nothing was sent, a creation that
// meets one is known to have made nothing.
type UnreachableError struct {
	// Host is the portal's host, with the port when the URL names one.
	Host string
	// Cause says in words what failed.
	Cause string
	// Hint says where the portal's address is set (Config.UnreachableHint).
	Hint string
	Err  error
}

func (e *UnreachableError) Error() string {
	msg := fmt.Sprintf("cannot reach the DocSpace portal at %s: %s", e.Host, e.Cause)
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return msg
}

func (e *UnreachableError) Unwrap() error { return e.Err }

// IsUnreachable reports an *UnreachableError in err's chain.
func IsUnreachable(err error) bool {
	var u *UnreachableError
	return errors.As(err, &u)
}

// roomScoped matches the path of a call on one room or template and everything in it (settings, links,
// members): /api/2.0/files/rooms/{id}[/…].
var roomScoped = regexp.MustCompile(`/api/2\.0/files/rooms/(\d+)(?:/|$)`)

// accountsScoped matches the path of a people or group call.
var accountsScoped = regexp.MustCompile(`/api/2\.0/(?:people|group)(?:/|$)`)

// MissingRoom returns the id of the room named by a room-scoped call (its settings, links or members)
// that the portal answered as it answers for a room that does not exist: 404, or the settings update's
// 403 "The required folder was not found" (api-notes.md §9); otherwise 0.
func MissingRoom(err error) int64 {
	var e *APIError
	if !errors.As(err, &e) || e.StatusCode != http.StatusNotFound &&
		(e.StatusCode != http.StatusForbidden || e.Message != "The required folder was not found") {
		return 0
	}
	m := roomScoped.FindStringSubmatch(e.Path)
	if m == nil {
		return 0
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

// AccountsScopeRefused returns the scope an API key needs for a people or group call (/api/2.0/people…,
// /api/2.0/group…) that the portal answered with 403: accounts:read for a read, accounts:write for a
// change (api-notes.md §2). It returns "" for any other error.
func AccountsScopeRefused(err error) string {
	var e *APIError
	if !errors.As(err, &e) || e.StatusCode != http.StatusForbidden {
		return ""
	}
	if !accountsScoped.MatchString(e.Path) {
		return ""
	}
	if e.Method == http.MethodGet {
		return "accounts:read"
	}
	return "accounts:write"
}

// WebhookCallRefused reports a 403 answered to a webhook call (/api/2.0/settings/webhook…, api-notes.md
// §38).
func WebhookCallRefused(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.StatusCode == http.StatusForbidden && strings.Contains(e.Path, "/api/2.0/"+webhookPath)
}

// answerAbout returns v, the answer to request about the noun with id want, or an error wrapping
// ErrMissingObject when the answer describes another one (got is the id it carries).
func answerAbout[T any](v *T, got, want int64, noun, request string) (*T, error) {
	if got != want {
		return nil, fmt.Errorf("%s: the answer describes %s %d, not %d: %w", request, noun, got, want, ErrMissingObject)
	}
	return v, nil
}
