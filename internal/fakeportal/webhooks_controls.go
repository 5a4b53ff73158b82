package fakeportal

import (
	"net/http"
	"sort"
	"time"
)

// Test controls of webhooks: what the server does to webhooks by itself (api-notes.md §38).

// WebhookRecord is a stored webhook as a test sees it, secret included.
type WebhookRecord struct {
	ID                 int64
	Name, URI, Secret  string
	Enabled, SSL       bool
	Triggers           int64
	TargetID           string
	CreatedBy          string // the creator's user id
	Status             int
	LastFailureContent string
	LastSuccess        time.Time
	LastFailure        time.Time
}

// Webhooks returns every stored webhook, by id.
func (p *Portal) Webhooks() []WebhookRecord {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]WebhookRecord, 0, len(p.webhooks))
	for _, h := range p.webhooks {
		r := WebhookRecord{ID: h.id, Name: h.name, URI: h.uri, Secret: h.secret, Enabled: h.enabled, SSL: h.ssl,
			Triggers: h.triggers, TargetID: h.targetID, Status: h.status, LastFailureContent: h.lastFailureContent,
			LastSuccess: h.lastSuccess, LastFailure: h.lastFailure}
		if h.createdBy != nil {
			r.CreatedBy = h.createdBy.id
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// WebhookReceiverGone acts as the server does when a delivery to webhook id is answered 410 Gone: it
// deletes the webhook. It reports whether there was one.
func (p *Portal) WebhookReceiverGone(id int64) bool {
	found := false
	p.set(func() {
		if h := p.webhooks[id]; h != nil {
			found = true
			p.recordDelivery(h, http.StatusGone, "", urlValid)
		}
	})
	return found
}

// WebhookFailingForDays acts as the server does when deliveries to webhook id have failed (with 503)
// since days ago, its last success: the latest failure is recorded, and a webhook failing for more than
// three days is disabled. It reports whether there was one.
func (p *Portal) WebhookFailingForDays(id int64, days int) bool {
	found := false
	p.set(func() {
		if h := p.webhooks[id]; h != nil {
			found = true
			h.lastSuccess = p.now().Add(-time.Duration(days) * 24 * time.Hour)
			if h.created.After(h.lastSuccess) {
				h.created = h.lastSuccess
			}
			p.recordDelivery(h, http.StatusServiceUnavailable, "Service Unavailable", urlValid)
		}
	})
	return found
}

// LimitDeveloperToolsToAdmins sets the portal's developer tools access setting: on, users who are not
// DocSpace admins get 403 from every webhook call (api-notes.md §38).
func (p *Portal) LimitDeveloperToolsToAdmins(on bool) { p.set(func() { p.devToolsAdminsOnly = on }) }

// AllowLoopbackWebhooks changes Options.AllowLoopbackWebhooks, as a portal's administrator changing its
// blacklist would: deliveries validate the URL again, so webhooks bound to loopback receivers are then
// deleted at their next delivery (api-notes.md §38).
func (p *Portal) AllowLoopbackWebhooks(on bool) { p.set(func() { p.opts.AllowLoopbackWebhooks = on }) }

// SetPasswordPolicy changes the portal's password policy, which webhook secrets must meet.
func (p *Portal) SetPasswordPolicy(pp PasswordPolicy) { p.set(func() { p.passwordPolicy = pp }) }
