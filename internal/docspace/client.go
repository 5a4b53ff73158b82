// Package docspace is a typed client for the parts of the ONLYOFFICE DocSpace REST API (v2.0) that the
// Terraform provider manages: rooms, file operations, room templates and room links. It knows nothing of
// Terraform; docs/development/api-notes.md records the API facts behind every quirk handled here.
package docspace

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/poll"
)

// Config configures a Client.
type Config struct {
	// Host is the portal's base URL, such as "https://yourportal.onlyoffice.com", without /api/2.0.
	Host   string
	APIKey string
	// UserAgent is sent with every request.
	UserAgent string
	// RequestTimeout limits one HTTP attempt; 0 means 60 seconds.
	RequestTimeout time.Duration
	// MaxRetries is how many times a retryable failure is retried; 0 disables retries.
	MaxRetries int
	// HTTPClient is the base client; its Transport is wrapped. Nil means a default client.
	HTTPClient *http.Client
	// PollBackoff paces waits on file operations and jobs; zero means poll.DefaultBackoff.
	PollBackoff poll.Backoff
	// UnreachableHint ends the message of an *UnreachableError, to say where the portal's address is set
	// (such as "check api_host or DOCSPACE_API_HOST").
	UnreachableHint string
}

// Client calls one portal with one API key. It is safe for concurrent use.
type Client struct {
	host        string
	http        *http.Client
	retry       *retryTransport // also http's transport; it decides which damaged answers are read again
	pollBackoff poll.Backoff
	ops         finishedOps
	// jobLocks serialise jobs; every client of a process shares one set (see jobs.go).
	jobLocks *keyedLocks
	pace     *pacing
	// noJobLock turns off the serialisation of jobs; only tests that prove the lock is needed set it.
	noJobLock bool

	selfMu sync.Mutex
	self   *User

	scansMu sync.Mutex
	scans   map[string]*markerScan // by objectKind.scope
}

// New returns a client for cfg.
func New(cfg Config) (*Client, error) {
	u, err := url.Parse(cfg.Host)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return nil, fmt.Errorf("invalid portal URL %q", cfg.Host)
	}
	if cfg.APIKey == "" {
		return nil, errors.New("an API key is required")
	}
	base := http.DefaultTransport
	if cfg.HTTPClient != nil && cfg.HTTPClient.Transport != nil {
		base = cfg.HTTPClient.Transport
	}
	timeout := cfg.RequestTimeout
	if timeout <= 0 {
		timeout = 60 * time.Second
	}
	backoff := cfg.PollBackoff
	if backoff == (poll.Backoff{}) {
		backoff = poll.DefaultBackoff
	}
	retry := &retryTransport{
		next:       &loggingTransport{next: &headerTransport{next: base, apiKey: cfg.APIKey, userAgent: cfg.UserAgent}, apiKey: cfg.APIKey, level: apiLogLevel(os.Getenv)},
		maxRetries: cfg.MaxRetries,
		timeout:    timeout,
		sleep:      poll.Sleep,
		hint:       cfg.UnreachableHint,
	}
	return &Client{
		host:        strings.TrimRight(cfg.Host, "/"),
		http:        &http.Client{Transport: retry},
		retry:       retry,
		pollBackoff: backoff,
		ops:         finishedOps{seen: map[string]FileOperation{}},
		scans:       map[string]*markerScan{},
		jobLocks:    &jobLocks,
		pace:        newPacing(),
	}, nil
}

// Host returns the portal's base URL.
func (c *Client) Host() string { return c.host }

// envelope is the wrapper around every answer (api-notes.md §3, §4).
type envelope struct {
	Response   json.RawMessage `json:"response"`
	Status     int             `json:"status"`
	StatusCode int             `json:"statusCode"`
	Error      *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// validationProblem is a model-validation failure, which arrives inside the success envelope.
type validationProblem struct {
	Title  string              `json:"title"`
	Errors map[string][]string `json:"errors"`
}

// do sends a request to /api/2.0/<path> and decodes the envelope's response into out (when not nil).
// An answer that lacks the response, or carries null, is an error when out is not nil: a call that
// returns an object must never yield an empty one.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	_, err := c.call(ctx, method, path, query, body, out, true)
	return err
}

// required is err, or, for a call that returns an object into out, an error when the answer lacked it.
func required(present bool, err error, method, path string, out any) error {
	if err == nil && out != nil && !present {
		return fmt.Errorf("%s /api/2.0/%s: %w", method, strings.TrimLeft(path, "/"), ErrMissingObject)
	}
	return err
}

// doOptional is do for the calls whose answer may legitimately lack a response (a job slot without a
// record, a removed link). It reports whether the response was present and not null.
func (c *Client) doOptional(ctx context.Context, method, path string, query url.Values, body, out any) (bool, error) {
	return c.call(ctx, method, path, query, body, out, false)
}

// call is do (needed) or doOptional.
func (c *Client) call(ctx context.Context, method, path string, query url.Values, body, out any, needed bool) (bool, error) {
	var present bool
	err := c.again(ctx, method, func() (string, error) {
		status, urlPath, raw, err := c.send(ctx, method, path, query, body)
		present = false
		if err == nil {
			present, err = decode(status, method, urlPath, raw, out)
		}
		if needed {
			err = required(present, err, method, path, out)
		}
		return urlPath, err
	})
	return present, err
}

// again makes one request with attempt, which returns the URL path it asked for and its error, and makes
// it again for as long as the transport lets a damaged answer be read again (readAgain).
func (c *Client) again(ctx context.Context, method string, attempt func() (string, error)) error {
	for n := 0; ; n++ {
		urlPath, err := attempt()
		if !c.retry.readAgain(ctx, method, urlPath, n, err) {
			return err
		}
	}
}

// send makes one request to /api/2.0/<path> and returns the status, the URL path and the body.
func (c *Client) send(ctx context.Context, method, path string, query url.Values, body any) (int, string, []byte, error) {
	var reader io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, "", nil, fmt.Errorf("encoding %s %s: %w", method, path, err)
		}
		reader = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.apiURL(path, query), reader)
	if err != nil {
		return 0, "", nil, err
	}
	return c.exchange(req, method, path)
}

// apiURL is the address of /api/2.0/<path> with query.
func (c *Client) apiURL(path string, query url.Values) string {
	target := c.host + "/api/2.0/" + strings.TrimLeft(path, "/")
	if len(query) > 0 {
		target += "?" + query.Encode()
	}
	return target
}

// exchange sends req, a method request to /api/2.0/<path>, and returns the status, the URL path and the
// body of the answer.
func (c *Client) exchange(req *http.Request, method, path string) (int, string, []byte, error) {
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, "", nil, fmt.Errorf("%s %s: %w", method, "/api/2.0/"+strings.TrimLeft(path, "/"), unwrapURLError(err))
	}
	raw, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return 0, "", nil, fmt.Errorf("%s %s: reading the response: %w", method, req.URL.Path, err)
	}
	return resp.StatusCode, req.URL.Path, raw, nil
}

func decode(status int, method, path string, raw []byte, out any) (bool, error) {
	var env envelope
	jsonErr := json.Unmarshal(raw, &env)
	apiErr := &APIError{StatusCode: status, Method: method, Path: path}
	if jsonErr != nil {
		if status >= 300 {
			// 401 answers carry no body; a proxy's 502/503 may be HTML. Never echo such bodies.
			apiErr.Message = http.StatusText(status)
			return false, apiErr
		}
		return false, fmt.Errorf("%s %s: the portal answered %d with a body that is not JSON: %w", method, path, status, ErrUnreadableAnswer)
	}
	if env.StatusCode >= 400 && status < 400 {
		apiErr.StatusCode = env.StatusCode // an error inside a 2xx body (api-notes.md §4)
	}
	if env.Error != nil {
		apiErr.Message = env.Error.Message
		if apiErr.StatusCode < 400 {
			apiErr.StatusCode = http.StatusInternalServerError
		}
		return false, apiErr
	}
	if len(env.Response) > 0 && (env.Status == 1 || apiErr.StatusCode >= 400) {
		var problem validationProblem
		if json.Unmarshal(env.Response, &problem) == nil && len(problem.Errors) > 0 {
			apiErr.Message, apiErr.Validation = problem.Title, problem.Errors
			if apiErr.StatusCode < 400 {
				apiErr.StatusCode = http.StatusBadRequest
			}
			return false, apiErr
		}
	}
	if apiErr.StatusCode >= 300 {
		apiErr.Message = http.StatusText(apiErr.StatusCode)
		return false, apiErr
	}
	if len(env.Response) == 0 || string(env.Response) == "null" {
		return false, nil
	}
	if out == nil {
		return true, nil
	}
	if err := json.Unmarshal(env.Response, out); err != nil {
		return false, fmt.Errorf("%s %s: decoding the response: %v: %w", method, path, err, ErrUnreadableAnswer)
	}
	return true, nil
}

func unwrapURLError(err error) error {
	var u *url.Error
	if errors.As(err, &u) {
		return u.Err
	}
	return err
}
