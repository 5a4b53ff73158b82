package fakeportal

import (
	"context"
	"crypto/tls"
	"fmt"
	"maps"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Webhooks (api-notes.md §38): a per-portal store of configurations, the server's checks on create,
// update and enable (with a HEAD request to the receiver), and deliveries of events (webhook_delivery.go).

// webhookTrigger is one trigger flag: its name, its bit, and whether users of type User may use it
// (DocSpace admins and room admins may use all of them, guests none).
type webhookTrigger struct {
	name    string
	bit     int64
	forUser bool
}

// webhookTriggers is the server's list of trigger flags, in order (api-notes.md §38).
var webhookTriggers = []webhookTrigger{
	{"user.created", 1 << 0, false}, {"user.invited", 1 << 1, false}, {"user.updated", 1 << 2, true},
	{"user.deleted", 1 << 3, true}, {"group.created", 1 << 4, false}, {"group.updated", 1 << 5, false},
	{"group.deleted", 1 << 6, false}, {"file.created", 1 << 7, true}, {"file.uploaded", 1 << 8, true},
	{"file.updated", 1 << 9, true}, {"file.trashed", 1 << 10, true}, {"file.deleted", 1 << 11, true},
	{"file.restored", 1 << 12, true}, {"file.copied", 1 << 13, true}, {"file.moved", 1 << 14, true},
	{"folder.created", 1 << 15, true}, {"folder.updated", 1 << 16, true}, {"folder.trashed", 1 << 17, true},
	{"folder.deleted", 1 << 18, true}, {"folder.restored", 1 << 19, true}, {"folder.copied", 1 << 20, true},
	{"folder.moved", 1 << 21, true}, {"room.created", 1 << 22, false}, {"room.updated", 1 << 23, true},
	{"room.archived", 1 << 24, true}, {"room.deleted", 1 << 25, true}, {"room.restored", 1 << 26, true},
	{"room.copied", 1 << 27, false}, {"form.submit", 1 << 28, true}, {"form.filled.out", 1 << 29, true},
	{"form.stopped", 1 << 30, true}, {"agent.created", 1 << 31, false}, {"agent.updated", 1 << 32, true},
	{"agent.deleted", 1 << 33, true}, {"file.downloaded", 1 << 34, true}, {"folder.downloaded", 1 << 35, true},
}

// available reports whether a user of kind may use the trigger.
func (t webhookTrigger) available(kind int) bool {
	switch kind {
	case TypeDocSpaceAdmin, TypeRoomAdmin:
		return true
	case TypeUser:
		return t.forUser
	}
	return false
}

func triggerByName(name string) (webhookTrigger, bool) {
	for _, t := range webhookTriggers {
		if t.name == name {
			return t, true
		}
	}
	return webhookTrigger{}, false
}

// The server's texts (api-notes.md §38).
const (
	webhookTriggerUnavailable = "Trigger is not available"
	webhookHTTPSRequired      = "HTTPS is required"
	webhookHostBlacklisted    = "URL host is in the blacklist"
	webhookAddressBlacklisted = "URL resolves to a blacklisted IP address"
	webhookURLInvalid         = "URL is not valid"
	webhookHeadRefused        = "Webhook URL is not available. HEAD request is not response 200 http status."
	webhookDuplicate          = "Webhook with the same name and payload URL already exists"
	webhookNotFound           = "The webhook was not found"
)

// webhookBlacklist is the URL validator's default blacklist; webhookLoopback the part of it that
// Options.AllowLoopbackWebhooks lifts.
var (
	webhookBlacklist = prefixes("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
		"172.16.0.0/12", "192.168.0.0/16", "::/128", "::1/128", "fc00::/8", "fd00::/8", "fe80::/10")
	webhookLoopback = prefixes("127.0.0.0/8", "::1/128")
)

func prefixes(list ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(list))
	for i, s := range list {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

// webhook is a stored configuration.
type webhook struct {
	id                    int64
	name, uri, secret     string
	enabled, ssl          bool
	triggers              int64
	targetID              string
	createdBy, modifiedBy *user
	created, modified     time.Time
	lastSuccess           time.Time
	lastFailure           time.Time
	lastFailureContent    string
	status                int
}

// webhookTime renders a webhook date as the server does: a plain DateTime in the portal's zone,
// without an offset (api-notes.md §38).
func (p *Portal) webhookTime(t time.Time) string {
	return t.In(p.opts.TimeZone).Format("2006-01-02T15:04:05.9999999")
}

// webhookDTO is a WebhooksConfigDto: no secret, null members omitted.
func (p *Portal) webhookDTO(h *webhook) map[string]any {
	d := map[string]any{"id": h.id, "name": h.name, "uri": h.uri, "enabled": h.enabled, "ssl": h.ssl,
		"triggers": h.triggers, "createdOn": p.webhookTime(h.created)}
	if h.targetID != "" {
		d["targetId"] = h.targetID
	}
	if h.createdBy != nil {
		d["createdBy"] = h.createdBy.dto()
	}
	if h.modifiedBy != nil {
		d["modifiedBy"] = h.modifiedBy.dto()
	}
	if !h.modified.IsZero() {
		d["modifiedOn"] = p.webhookTime(h.modified)
	}
	if !h.lastSuccess.IsZero() {
		d["lastSuccessOn"] = p.webhookTime(h.lastSuccess)
	}
	if !h.lastFailure.IsZero() {
		d["lastFailureOn"] = p.webhookTime(h.lastFailure)
	}
	if h.lastFailureContent != "" {
		d["lastFailureContent"] = h.lastFailureContent
	}
	return d
}

// mayUseWebhooks is CheckAdminPermissionsAsync: guests never; other non-admins only while developer
// tools are not limited to admins (api-notes.md §38). It answers 403 itself.
func (p *Portal) mayUseWebhooks(c *call) bool {
	if c.user.kind == TypeGuest || !c.user.admin && p.devToolsAdminsOnly {
		c.denied()
		return false
	}
	return true
}

// mayTouchWebhook: admins every webhook, others their own.
func (u *user) mayTouchWebhook(h *webhook) bool { return u.admin || h.createdBy == u }

func (p *Portal) listWebhooks(c *call) {
	if !p.mayUseWebhooks(c) {
		return
	}
	var items []any
	for _, id := range slices.Sorted(maps.Keys(p.webhooks)) {
		if h := p.webhooks[id]; c.user.mayTouchWebhook(h) {
			items = append(items, map[string]any{"configs": p.webhookDTO(h), "status": h.status})
		}
	}
	c.list(items)
}

func (p *Portal) webhookTriggerList(c *call) {
	if !p.mayUseWebhooks(c) {
		return
	}
	items := []any{map[string]any{"name": "*", "id": 0, "available": c.user.kind != TypeGuest}}
	for _, t := range webhookTriggers {
		items = append(items, map[string]any{"name": t.name, "id": t.bit, "available": t.available(c.user.kind)})
	}
	c.list(items)
}

// webhookRequest is a CreateWebhooksConfigRequestsDto or UpdateWebhooksConfigRequestsDto as bound.
type webhookRequest struct {
	id                int64
	hasID             bool
	name, uri, secret string
	enabled, ssl      bool
	triggers          int64
	targetID          string
}

// readWebhookRequest binds the DTO: [Required] name (at most 50) and uri, secretKey at most 50,
// targetId at most 255, and id when withID. It answers the validation 400 itself.
func readWebhookRequest(c *call, withID bool) (webhookRequest, bool) {
	b := c.object()
	var r webhookRequest
	var hasName, hasURI bool
	r.name, hasName = b.maxLength("name", 50)
	r.uri, hasURI = b.str("uri")
	r.secret, _ = b.maxLength("secretKey", 50)
	r.enabled, _ = b.boolean("enabled")
	r.ssl, _ = b.boolean("ssl")
	r.triggers, _ = b.enumNumber("triggers", "ASC.Webhooks.Core.WebhookTrigger")
	r.targetID, _ = b.maxLength("targetId", 255)
	if withID {
		r.id, r.hasID = b.int64("id")
	}
	switch {
	case b.failed:
	case !hasName || strings.TrimSpace(r.name) == "": // [Required] refuses blank strings too
		b.fail("Name", "The Name field is required.")
	case !hasURI || strings.TrimSpace(r.uri) == "":
		b.fail("Uri", "The Uri field is required.")
	case withID && !r.hasID:
		b.fail("$", "JSON deserialization for type 'ASC.Web.Api.ApiModels.RequestsDto.UpdateWebhooksConfigRequestsDto' was missing required properties, including the following: id")
	}
	return r, !b.failed
}

// checkWebhook is CheckWebhook: triggers, then the secret (required when requireSecret; checked when
// given), then the URL validator and the HEAD request. It runs with the store lock released for the
// URL's resolution and the HEAD request, and answers the failure itself.
func (p *Portal) checkWebhook(c *call, r webhookRequest, requireSecret bool) bool {
	for _, t := range webhookTriggers {
		if r.triggers&t.bit != 0 && !t.available(c.user.kind) {
			c.fail(http.StatusBadRequest, webhookTriggerUnavailable)
			return false
		}
	}
	switch {
	case r.secret == "" && requireSecret:
		c.fail(http.StatusBadRequest, "Value cannot be null. (Parameter 'SecretKey')")
		return false
	case r.secret != "" && !p.passwordPolicy.allows(r.secret):
		c.fail(http.StatusBadRequest, p.passwordPolicy.text())
		return false
	}
	allowLoopback := p.opts.AllowLoopbackWebhooks
	p.mu.Unlock()
	status, message := probeWebhook(c.r.Context(), r.uri, r.ssl, allowLoopback)
	p.mu.Lock()
	if status != 0 {
		c.fail(status, message)
		return false
	}
	return true
}

// PasswordPolicy is the portal's password policy as it applies to webhook secrets (api-notes.md §38):
// printable ASCII without spaces, from MinLength (default 8) to 30 characters, with the kinds of
// characters it demands.
type PasswordPolicy struct {
	MinLength                         int
	UpperCase, Digits, SpecialSymbols bool
}

// allows reports whether s meets the policy.
func (pp PasswordPolicy) allows(s string) bool {
	if len(s) < pp.minLength() || len(s) > 30 {
		return false
	}
	var upper, digit, special bool
	for i := range len(s) {
		ch := s[i]
		switch {
		case ch < 0x21 || ch > 0x7e:
			return false
		case ch >= 'A' && ch <= 'Z':
			upper = true
		case ch >= '0' && ch <= '9':
			digit = true
		case ch < 'a' || ch > 'z':
			special = true
		}
	}
	return (upper || !pp.UpperCase) && (digit || !pp.Digits) && (special || !pp.SpecialSymbols)
}

func (pp PasswordPolicy) minLength() int {
	if pp.MinLength <= 0 {
		return 8
	}
	return pp.MinLength
}

// text is the refusal's message: the policy's help text.
func (pp PasswordPolicy) text() string {
	t := fmt.Sprintf("The password does not meet the portal's password policy: from %d to 30 characters, "+
		"Latin letters, digits and symbols, no spaces", pp.minLength())
	for _, demand := range []struct {
		on   bool
		text string
	}{{pp.UpperCase, "at least one capital letter"}, {pp.Digits, "at least one digit"}, {pp.SpecialSymbols, "at least one special character"}} {
		if demand.on {
			t += ", " + demand.text
		}
	}
	return t
}

// probeWebhook runs the URL validator and the HEAD request. It returns 0 when both pass, else the
// status and message of the server's answer: 400 for a refused URL or a non-2xx answer, 500 when the
// receiver cannot be reached.
func probeWebhook(ctx context.Context, raw string, ssl, allowLoopback bool) (int, string) {
	if status, message := validateWebhookURL(raw, ssl, allowLoopback); status != 0 {
		return status, message
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, raw, nil)
	if err != nil {
		return http.StatusBadRequest, webhookURLInvalid
	}
	resp, err := receiverClient(ssl).Do(req)
	if err != nil {
		// HttpRequestException is unknown to the exception mapper: 500 (api-notes.md §38).
		return http.StatusInternalServerError, "An error occurred while sending the request."
	}
	_ = resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return http.StatusBadRequest, webhookHeadRefused
	}
	return 0, ""
}

// validateWebhookURL is the URL validator: an absolute http or https URL, https when ssl, whose host is
// not a blacklisted address and does not resolve (within 3 seconds) to one. It returns 0 or the 400
// and its message.
func validateWebhookURL(raw string, ssl, allowLoopback bool) (int, string) {
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Hostname() == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return http.StatusBadRequest, webhookURLInvalid
	}
	if ssl && u.Scheme != "https" {
		return http.StatusBadRequest, webhookHTTPSRequired
	}
	host := u.Hostname()
	if ip, err := netip.ParseAddr(host); err == nil {
		if blacklisted(ip, allowLoopback) {
			return http.StatusBadRequest, webhookHostBlacklisted
		}
		return 0, ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil || len(addrs) == 0 {
		return http.StatusBadRequest, "DNS resolution failed for " + host
	}
	for _, ip := range addrs {
		if blacklisted(ip, allowLoopback) {
			return http.StatusBadRequest, webhookAddressBlacklisted
		}
	}
	return 0, ""
}

func blacklisted(ip netip.Addr, allowLoopback bool) bool {
	ip = ip.Unmap()
	for _, pfx := range webhookBlacklist {
		if pfx.Contains(ip) {
			for _, lo := range webhookLoopback {
				if allowLoopback && lo.Contains(ip) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// receiverClients send HEAD requests and deliveries: the first checks certificates (ssl true), the
// second ignores TLS errors, as the server does when ssl is false (api-notes.md §38). Neither follows
// redirects.
var receiverClients = [2]*http.Client{newReceiverClient(nil),
	newReceiverClient(&tls.Config{InsecureSkipVerify: true})} //nolint:gosec // the server ignores TLS errors when ssl is false

func newReceiverClient(tlsConfig *tls.Config) *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: tlsConfig, MaxIdleConnsPerHost: 4, IdleConnTimeout: 30 * time.Second},
		Timeout:       10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func receiverClient(ssl bool) *http.Client {
	if ssl {
		return receiverClients[0]
	}
	return receiverClients[1]
}

// createWebhook is POST /settings/webhook.
func (p *Portal) createWebhook(c *call) {
	r, ok := readWebhookRequest(c, false)
	if !ok || !p.mayUseWebhooks(c) || !p.checkWebhook(c, r, true) {
		return
	}
	for _, h := range p.webhooks {
		if h.name == r.name && h.uri == r.uri {
			c.fail(http.StatusBadRequest, webhookDuplicate)
			return
		}
	}
	p.nextWebhookID++
	h := &webhook{id: p.nextWebhookID, createdBy: c.user, created: p.now()}
	h.apply(r)
	p.webhooks[h.id] = h
	c.ok(p.webhookDTO(h))
}

func (h *webhook) apply(r webhookRequest) {
	h.name, h.uri, h.enabled, h.ssl, h.triggers, h.targetID = r.name, r.uri, r.enabled, r.ssl, r.triggers, r.targetID
	if r.secret != "" {
		h.secret = r.secret
	}
}

// touchedWebhook is webhook id for a change by the caller, or nil after answering 404 (none) or 403
// (another user's, for a non-admin).
func (p *Portal) touchedWebhook(c *call, id int64) *webhook {
	h := p.webhooks[id]
	switch {
	case h == nil:
		c.fail(http.StatusNotFound, webhookNotFound)
		return nil
	case !c.user.mayTouchWebhook(h):
		c.denied()
		return nil
	}
	return h
}

// updateWebhook is PUT /settings/webhook: the checks and the HEAD request come before the id is looked
// up; the configuration is replaced whole, an empty secret keeps the stored one (api-notes.md §38).
func (p *Portal) updateWebhook(c *call) {
	r, ok := readWebhookRequest(c, true)
	if !ok || !p.mayUseWebhooks(c) || !p.checkWebhook(c, r, false) {
		return
	}
	h := p.touchedWebhook(c, r.id)
	if h == nil {
		return
	}
	h.apply(r)
	h.modified, h.modifiedBy = p.now(), c.user
	c.ok(p.webhookDTO(h))
}

// enableWebhook is PUT /settings/webhook/enable: the DTO requires name and uri, but only id and enabled
// count; enabling runs the checks with the stored configuration, disabling runs none.
func (p *Portal) enableWebhook(c *call) {
	r, ok := readWebhookRequest(c, true)
	if !ok || !p.mayUseWebhooks(c) {
		return
	}
	h := p.touchedWebhook(c, r.id)
	if h == nil {
		return
	}
	if r.enabled {
		stored := webhookRequest{name: h.name, uri: h.uri, secret: h.secret, ssl: h.ssl, triggers: h.triggers, targetID: h.targetID}
		if !p.checkWebhook(c, stored, true) {
			return
		}
		if h = p.webhooks[r.id]; h == nil { // deleted while the receiver was asked
			c.fail(http.StatusNotFound, webhookNotFound)
			return
		}
	}
	h.enabled = r.enabled
	h.modified, h.modifiedBy = p.now(), c.user
	c.ok(p.webhookDTO(h))
}

// deleteWebhook is DELETE /settings/webhook/{id}: it answers the removed configuration.
func (p *Portal) deleteWebhook(c *call) {
	if !p.mayUseWebhooks(c) {
		return
	}
	id, _ := c.pathID() // not a number: no webhook has it
	h := p.touchedWebhook(c, id)
	if h == nil {
		return
	}
	delete(p.webhooks, id)
	c.ok(p.webhookDTO(h))
}
