package docspace

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Webhooks (api-notes.md §38): configurations that make the portal POST signed events to a receiver.
// Every create, update and enable asks the receiver with a HEAD request first; there is no read by id.

// MaxWebhookNameLength is the longest webhook name the portal accepts, in UTF-16 code units.
const MaxWebhookNameLength = 50

// Webhook is a webhook's configuration as the portal answers it (WebhooksConfigDto), with the status of
// its latest delivery from the list. The secret is never answered. Dates are the portal's local time
// without an offset, kept as the portal writes them (api-notes.md §38).
type Webhook struct {
	ID                 int64     `json:"id"`
	Name               string    `json:"name"`
	URI                string    `json:"uri"`
	Enabled            bool      `json:"enabled"`
	SSL                bool      `json:"ssl"`
	Triggers           int64     `json:"triggers"`
	TargetID           string    `json:"targetId"`
	CreatedBy          *Employee `json:"createdBy"`
	CreatedOn          string    `json:"createdOn"`
	ModifiedOn         string    `json:"modifiedOn"`
	LastFailureOn      string    `json:"lastFailureOn"`
	LastSuccessOn      string    `json:"lastSuccessOn"`
	LastFailureContent string    `json:"lastFailureContent"`
	// Status is the HTTP status of the latest delivery, 0 when there was none. Only the list answers it:
	// a webhook returned by a create, update, enable or delete has 0.
	Status int `json:"-"`
}

// WebhookConfig is what a webhook is created or updated with. Triggers 0 means every event. An empty
// Secret on update keeps the stored one; on create the portal requires one (api-notes.md §38).
type WebhookConfig struct {
	Name, URI, Secret string
	Enabled, SSL      bool
	Triggers          int64
	TargetID          string
}

// webhookRequest is the body of POST, PUT and PUT enable.
type webhookRequest struct {
	ID        *int64 `json:"id,omitempty"`
	Name      string `json:"name"`
	URI       string `json:"uri"`
	SecretKey string `json:"secretKey,omitempty"`
	Enabled   bool   `json:"enabled"`
	SSL       bool   `json:"ssl"`
	Triggers  int64  `json:"triggers"`
	TargetID  string `json:"targetId,omitempty"`
}

func (cfg WebhookConfig) request(id *int64) webhookRequest {
	return webhookRequest{ID: id, Name: cfg.Name, URI: cfg.URI, SecretKey: cfg.Secret, Enabled: cfg.Enabled,
		SSL: cfg.SSL, Triggers: cfg.Triggers, TargetID: cfg.TargetID}
}

const webhookPath = "settings/webhook"

// WebhookUserTypes says which user types may use a trigger.
type WebhookUserTypes struct{ DocSpaceAdmin, RoomAdmin, User, Guest bool }

// WebhookTriggerFlag is a trigger: its name, its bit, and the user types that may use it.
type WebhookTriggerFlag struct {
	Name string
	Bit  int64
	For  WebhookUserTypes
}

// AvailableTo reports whether a user of type t may use the trigger.
func (f WebhookTriggerFlag) AvailableTo(t EmployeeType) bool {
	switch t {
	case EmployeeTypeDocSpaceAdmin:
		return f.For.DocSpaceAdmin
	case EmployeeTypeRoomAdmin:
		return f.For.RoomAdmin
	case EmployeeTypeUser:
		return f.For.User
	}
	return f.For.Guest
}

var (
	adminsOnly  = WebhookUserTypes{DocSpaceAdmin: true, RoomAdmin: true}
	alsoForUser = WebhookUserTypes{DocSpaceAdmin: true, RoomAdmin: true, User: true}
)

// WebhookTriggerFlags is the portal's list of triggers, in the order of their bits, with who may use
// each: the one place the client and the provider take trigger names and bits from (api-notes.md §38).
// Bits from 1<<31 up do not fit 32-bit integers; triggers are int64 throughout. Guests may use none.
var WebhookTriggerFlags = []WebhookTriggerFlag{
	{"user.created", 1 << 0, adminsOnly}, {"user.invited", 1 << 1, adminsOnly},
	{"user.updated", 1 << 2, alsoForUser}, {"user.deleted", 1 << 3, alsoForUser},
	{"group.created", 1 << 4, adminsOnly}, {"group.updated", 1 << 5, adminsOnly}, {"group.deleted", 1 << 6, adminsOnly},
	{"file.created", 1 << 7, alsoForUser}, {"file.uploaded", 1 << 8, alsoForUser}, {"file.updated", 1 << 9, alsoForUser},
	{"file.trashed", 1 << 10, alsoForUser}, {"file.deleted", 1 << 11, alsoForUser}, {"file.restored", 1 << 12, alsoForUser},
	{"file.copied", 1 << 13, alsoForUser}, {"file.moved", 1 << 14, alsoForUser},
	{"folder.created", 1 << 15, alsoForUser}, {"folder.updated", 1 << 16, alsoForUser},
	{"folder.trashed", 1 << 17, alsoForUser}, {"folder.deleted", 1 << 18, alsoForUser},
	{"folder.restored", 1 << 19, alsoForUser}, {"folder.copied", 1 << 20, alsoForUser}, {"folder.moved", 1 << 21, alsoForUser},
	{"room.created", 1 << 22, adminsOnly}, {"room.updated", 1 << 23, alsoForUser}, {"room.archived", 1 << 24, alsoForUser},
	{"room.deleted", 1 << 25, alsoForUser}, {"room.restored", 1 << 26, alsoForUser}, {"room.copied", 1 << 27, adminsOnly},
	{"form.submit", 1 << 28, alsoForUser}, {"form.filled.out", 1 << 29, alsoForUser}, {"form.stopped", 1 << 30, alsoForUser},
	{"agent.created", 1 << 31, adminsOnly}, {"agent.updated", 1 << 32, alsoForUser}, {"agent.deleted", 1 << 33, alsoForUser},
	{"file.downloaded", 1 << 34, alsoForUser}, {"folder.downloaded", 1 << 35, alsoForUser},
}

// WebhookTriggerByName returns the trigger named name.
func WebhookTriggerByName(name string) (WebhookTriggerFlag, bool) {
	for _, f := range WebhookTriggerFlags {
		if f.Name == name {
			return f, true
		}
	}
	return WebhookTriggerFlag{}, false
}

// WebhookTriggerNames returns the names of the known bits set in triggers, in bit order, and the bits
// no trigger has (the portal keeps them, api-notes.md §38).
func WebhookTriggerNames(triggers int64) (names []string, unknown int64) {
	unknown = triggers
	for _, f := range WebhookTriggerFlags {
		if triggers&f.Bit != 0 {
			names = append(names, f.Name)
			unknown &^= f.Bit
		}
	}
	return names, unknown
}

// WebhookProblem tells the portal's refusals of a webhook write apart, so that they can be explained.
type WebhookProblem int

// Webhook problems (api-notes.md §38).
const (
	WebhookProblemOther WebhookProblem = iota
	// WebhookReceiverUnreachable: the portal answered a webhook write with 500 in its own error envelope
	// (not a proxy's page). The write's only step that fails that way is the HEAD request to the
	// receiver: it could not connect or timed out (api-notes.md §38). Nothing was stored.
	WebhookReceiverUnreachable
	// WebhookReceiverRefused: the receiver answered the HEAD request with a status other than 2xx (400).
	WebhookReceiverRefused
	// WebhookSecretRefused: the secret is missing on create, or does not meet the portal's password
	// policy (400).
	WebhookSecretRefused
	// WebhookTriggerUnavailable: a trigger is not available to the API key's user type (400).
	WebhookTriggerUnavailable
	// WebhookURLRefused: the URL is invalid, needs https, or is (or resolves to) a blacklisted address,
	// such as loopback or a private network (400).
	WebhookURLRefused
	// WebhookDuplicate: a webhook with the same name and URL exists (400 on create).
	WebhookDuplicate
)

// WebhookError is a webhook write the portal refused for a reason the caller can explain.
type WebhookError struct {
	Problem WebhookProblem
	Err     error // the *APIError, or for WebhookDuplicate a description of the existing webhook
}

func (e *WebhookError) Error() string { return e.Err.Error() }
func (e *WebhookError) Unwrap() error { return e.Err }

// WebhookProblemOf returns the problem of a *WebhookError in err's chain, or WebhookProblemOther.
func WebhookProblemOf(err error) WebhookProblem {
	var e *WebhookError
	if errors.As(err, &e) {
		return e.Problem
	}
	return WebhookProblemOther
}

// webhookURLTexts begin the URL validator's refusals (api-notes.md §38).
var webhookURLTexts = []string{"URL host is in the blacklist", "URL resolves to a blacklisted IP address",
	"DNS resolution failed", "HTTPS is required", "URL is not valid"}

// classifyWebhookError wraps an error of a webhook write in a *WebhookError when it is one of the
// refusals of api-notes.md §38.
func classifyWebhookError(err error) error {
	var e *APIError
	if !errors.As(err, &e) {
		return err
	}
	problem := WebhookProblemOther
	switch {
	case e.StatusCode == http.StatusInternalServerError && e.Message != "" && e.Message != http.StatusText(e.StatusCode):
		// the portal's own error envelope: the exception of the HEAD request
		problem = WebhookReceiverUnreachable
	case e.StatusCode != http.StatusBadRequest || len(e.Validation) > 0:
	case strings.HasPrefix(e.Message, "Webhook URL is not available"):
		problem = WebhookReceiverRefused
	case e.Message == "Trigger is not available":
		problem = WebhookTriggerUnavailable
	case strings.HasPrefix(e.Message, "Webhook with the same name"):
		problem = WebhookDuplicate
	case strings.Contains(strings.ToLower(e.Message), "password"), strings.Contains(strings.ToLower(e.Message), "secretkey"):
		problem = WebhookSecretRefused
	default:
		for _, t := range webhookURLTexts {
			if strings.HasPrefix(e.Message, t) {
				problem = WebhookURLRefused
			}
		}
	}
	if problem == WebhookProblemOther {
		return err
	}
	return &WebhookError{Problem: problem, Err: err}
}

// webhookListItem is an entry of the list: the configuration and the latest delivery's status.
type webhookListItem struct {
	Configs *Webhook `json:"configs"`
	Status  int      `json:"status"`
}

// ListWebhooks returns the webhooks the API key's user may see: every webhook for a DocSpace admin,
// the user's own otherwise (api-notes.md §38).
func (c *Client) ListWebhooks(ctx context.Context) ([]Webhook, error) {
	var items []webhookListItem
	if err := c.do(ctx, "GET", webhookPath, nil, nil, &items); err != nil {
		return nil, err
	}
	out := make([]Webhook, 0, len(items))
	for _, it := range items {
		if it.Configs == nil || it.Configs.ID == 0 {
			return nil, fmt.Errorf("GET /api/2.0/%s: an entry without its configuration: %w", webhookPath, ErrMissingObject)
		}
		w := *it.Configs
		w.Status = it.Status
		out = append(out, w)
	}
	return out, nil
}

// GetWebhook reads one webhook. The portal has no read by id, so it lists and picks (one call); a
// webhook that is not in the list is a 404 (IsNotFound).
func (c *Client) GetWebhook(ctx context.Context, id int64) (*Webhook, error) {
	all, err := c.ListWebhooks(ctx)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].ID == id {
			return &all[i], nil
		}
	}
	return nil, &APIError{StatusCode: http.StatusNotFound, Method: "GET", Path: "/api/2.0/" + webhookPath,
		Message: fmt.Sprintf("webhook %d is not among the webhooks the API key's user may see", id)}
}

// CreateWebhook creates a webhook and returns it. The POST is not idempotent, so the creation protocol
// of creation.go applies (api-notes.md §38): the webhook is created disabled under a marked name with
// the secret, found by its marker when the answer is lost, then given its real name and configuration
// with a PUT, which asks the receiver again. Because the marked name makes the portal's own refusal of
// a duplicate (name, URI) useless, the client refuses one itself, as a *WebhookError with
// WebhookDuplicate. A webhook that exists but could not be finished is an *IncompleteCreateError with
// its id.
func (c *Client) CreateWebhook(ctx context.Context, cfg WebhookConfig) (*Webhook, error) {
	all, err := c.ListWebhooks(ctx)
	objects, err := viewAll(webhookObject)(all, err)
	if err != nil {
		return nil, err
	}
	for _, w := range all {
		if w.Name == cfg.Name && w.URI == cfg.URI {
			return nil, &WebhookError{Problem: WebhookDuplicate, Err: fmt.Errorf(
				"webhook %d already has the name %q and the URL %s, and the portal refuses a second webhook with both", w.ID, w.Name, w.URI)}
		}
	}
	cr := newCreation(creationWebhook, cfg.Name)
	c.noteListing(cr, objects) // the first creation of a process needs no listing of its own
	if err := c.checkAbandoned(ctx, cr); err != nil {
		return nil, err
	}
	marked := cfg
	marked.Name, marked.Enabled = cr.markedTitle(), false
	var w Webhook
	request := "POST /api/2.0/" + webhookPath
	err = classifyWebhookError(c.do(ctx, "POST", webhookPath, nil, marked.request(nil), &w))
	var id string
	if WebhookProblemOf(err) == WebhookReceiverUnreachable {
		// The portal answered: the HEAD request failed before anything was stored. One look settles it,
		// as the list is read from the database (api-notes.md §38).
		found, lookErr := c.findCreated(ctx, cr)
		switch {
		case lookErr != nil:
			return nil, fmt.Errorf("%w; looking for the webhook afterwards failed too: %w", err, lookErr)
		case found == nil:
			return nil, err
		}
		id = found.ID
	} else if id, err = c.createdID(ctx, cr, request, webhookObject(&w), err); err != nil {
		return nil, err
	}
	return finishCreation(ctx, cr, id, func(ctx context.Context, name string) (*Webhook, error) {
		final := cfg
		final.Name, final.Secret = name, "" // the secret is stored already
		return c.UpdateWebhook(ctx, parseRoomID(id), final)
	})
}

// UpdateWebhook replaces webhook id's configuration with cfg; an empty Secret keeps the stored one. The
// portal checks cfg and asks the receiver before it looks the id up: a missing webhook is a 404 only
// when cfg passes (api-notes.md §38).
func (c *Client) UpdateWebhook(ctx context.Context, id int64, cfg WebhookConfig) (*Webhook, error) {
	var w Webhook
	if err := c.do(ctx, "PUT", webhookPath, nil, cfg.request(&id), &w); err != nil {
		return nil, classifyWebhookError(err)
	}
	return answerAbout(&w, w.ID, id, "webhook", "PUT /api/2.0/"+webhookPath)
}

// SetWebhookEnabled enables or disables w, which must carry its ID, Name and URI (as a read returns
// it). The portal uses only the id and the switch, but requires the name and URL too; enabling asks the receiver with the stored configuration, disabling does not, so a
// webhook whose receiver is down can always be disabled (api-notes.md §38).
func (c *Client) SetWebhookEnabled(ctx context.Context, w *Webhook, enabled bool) (*Webhook, error) {
	if w == nil || w.ID == 0 || w.Name == "" || w.URI == "" {
		return nil, errors.New("switching a webhook on or off needs its id, name and URL, which the portal requires")
	}
	var out Webhook
	body := webhookRequest{ID: &w.ID, Name: w.Name, URI: w.URI, Enabled: enabled}
	if err := c.do(ctx, "PUT", webhookPath+"/enable", nil, body, &out); err != nil {
		return nil, classifyWebhookError(err)
	}
	return answerAbout(&out, out.ID, w.ID, "webhook", "PUT /api/2.0/"+webhookPath+"/enable")
}

// DeleteWebhook deletes webhook id. A webhook that is already gone (the portal deletes some by itself)
// is not an error.
func (c *Client) DeleteWebhook(ctx context.Context, id int64) error {
	var w Webhook
	err := c.do(ctx, "DELETE", webhookPath+"/"+strconv.FormatInt(id, 10), nil, nil, &w)
	if IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	_, err = answerAbout(&w, w.ID, id, "webhook", "DELETE /api/2.0/"+webhookPath+"/"+strconv.FormatInt(id, 10))
	return err
}

// WebhookTrigger is an entry of the portal's trigger list: whether the API key's user type may use it.
type WebhookTrigger struct {
	Name      string `json:"name"`
	ID        int64  `json:"id"`
	Available bool   `json:"available"`
}

// WebhookTriggers returns the portal's triggers with their availability for the API key's user. The
// provider uses the built-in WebhookTriggerFlags; the tests compare that table with this list.
func (c *Client) WebhookTriggers(ctx context.Context) ([]WebhookTrigger, error) {
	var list []WebhookTrigger
	if err := c.do(ctx, "GET", webhookPath+"/triggers", nil, nil, &list); err != nil {
		return nil, err
	}
	return list, nil
}

// webhookObject is a webhook as the creation protocol sees it; an answer without an id has none there
// either.
func webhookObject(w *Webhook) *object {
	return numberedObject(w.ID, w.Name)
}

// webhookObjects describes webhooks to the creation protocol (creation.go). The list is read from the
// database, so it never lags; the portal keeps a name as sent (api-notes.md §38).
var webhookObjects = objectKind{
	noun:     "webhook",
	maxTitle: MaxWebhookNameLength,
	stored:   func(name string) string { return name },
	scope:    webhookPath,
	list: func(ctx context.Context, c *Client, _, text string) ([]object, error) {
		all, err := viewAll(webhookObject)(c.ListWebhooks(ctx))
		return slices.DeleteFunc(all, func(o object) bool {
			return !strings.Contains(strings.ToLower(o.Title), strings.ToLower(text))
		}), err
	},
	get: func(ctx context.Context, c *Client, id string) (*object, error) {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("webhook id %q is not a number", id)
		}
		return viewOne(webhookObject)(c.GetWebhook(ctx, n))
	},
}
