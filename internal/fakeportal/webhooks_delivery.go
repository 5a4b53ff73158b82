package fakeportal

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Deliveries (api-notes.md §38): an event is queued for every enabled webhook that listens to it and
// POSTed by one delivery goroutine per portal, in order, with the store lock released while the receiver
// answers. WaitWebhookDeliveries lets a test wait until the queue is empty.

// WebhookSignatureHeader carries the HMAC-SHA256 of the body under the webhook's secret, as
// "sha256=<hex>".
const WebhookSignatureHeader = "x-docspace-signature-256"

// webhookTrustedDays is how long a webhook may fail since its last success before the server disables it.
const webhookTrustedDays = 3

type webhookDelivery struct {
	hookID int64
	body   []byte
}

// publish queues the event trigger (a trigger name of api-notes.md §38) about the entity id in room r,
// caused by by, with payload as the event's payload, for every enabled webhook that listens to it: its
// triggers are 0 (all) or include the trigger, and its targetId is empty or equal to id. A webhook of a
// user who is not a DocSpace admin gets only the events of entities in rooms its creator may read.
// Handlers call it with the store lock held, after the change; the deliveries go out once the handler has
// answered. publish marshals payload at once and keeps no reference to it, so the caller may answer with it.
func (p *Portal) publish(trigger string, id int64, r *room, by *user, payload any) {
	entityID := strconv.FormatInt(id, 10)
	t, ok := triggerByName(trigger)
	if !ok {
		return
	}
	now := p.now()
	for _, hookID := range slices.Sorted(maps.Keys(p.webhooks)) {
		h := p.webhooks[hookID]
		switch {
		case !h.enabled, h.triggers != 0 && h.triggers&t.bit == 0, h.targetID != "" && h.targetID != entityID:
			continue
		case h.createdBy != nil && !h.createdBy.admin && !r.canRead(h.createdBy):
			continue
		}
		p.webhookEventID++
		event := map[string]any{"id": p.webhookEventID, "createOn": p.webhookTime(now), "trigger": trigger, "triggerId": t.bit,
			"createBy": by.id}
		body, err := json.Marshal(map[string]any{
			"event":   event,
			"payload": payload,
			"webhook": map[string]any{"id": h.id, "name": h.name, "url": h.uri, "triggers": h.triggers, "target": h.targetID},
		})
		if err != nil {
			continue
		}
		p.deliveries = append(p.deliveries, webhookDelivery{hookID: h.id, body: body})
	}
	if len(p.deliveries) > 0 && !p.delivering {
		p.delivering = true
		go p.deliverWebhooks()
	}
}

// deliverWebhooks sends the queued deliveries one by one until the queue is empty.
func (p *Portal) deliverWebhooks() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.deliveries) > 0 {
		d := p.deliveries[0]
		p.deliveries = p.deliveries[1:]
		h := p.webhooks[d.hookID]
		if h == nil || !h.enabled {
			continue
		}
		uri, secret, ssl, allowLoopback := h.uri, h.secret, h.ssl, p.opts.AllowLoopbackWebhooks
		p.mu.Unlock()
		status, content, url := sendWebhook(uri, secret, ssl, allowLoopback, d.body)
		p.mu.Lock()
		if h = p.webhooks[d.hookID]; h != nil {
			p.recordDelivery(h, status, content, url)
		}
	}
	p.delivering = false
	p.deliveryIdle.Broadcast()
}

// urlVerdict is what the validation of a webhook's URL at delivery found (api-notes.md §38).
type urlVerdict int

const (
	urlValid       urlVerdict = iota
	urlBlacklisted            // the webhook is deleted
	urlInvalid                // the webhook is disabled
)

// sendWebhook POSTs body to the receiver. The URL is validated again first: an invalid one is not sent
// to, and its verdict says why.
func sendWebhook(uri, secret string, ssl, allowLoopback bool, body []byte) (status int, content string, url urlVerdict) {
	if code, msg := validateWebhookURL(uri, ssl, allowLoopback); code != 0 {
		if msg == webhookHostBlacklisted || msg == webhookAddressBlacklisted {
			return 0, msg, urlBlacklisted
		}
		return 0, msg, urlInvalid
	}
	req, err := http.NewRequest(http.MethodPost, uri, bytes.NewReader(body))
	if err != nil {
		return 0, err.Error(), urlInvalid
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(WebhookSignatureHeader, WebhookSignature(secret, body))
	resp, err := receiverClient(ssl).Do(req)
	if err != nil {
		return 0, err.Error(), urlValid
	}
	defer func() { _ = resp.Body.Close() }()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return resp.StatusCode, string(b), urlValid
}

// WebhookSignature is the value of the signature header for body under secret: "sha256=" and the
// HMAC-SHA256 in lower-case hex.
func WebhookSignature(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// recordDelivery applies the outcome of a delivery to h (api-notes.md §38): a 2xx is a success; 410
// deletes the webhook, as does a URL now blacklisted; any other outcome is a failure, and a webhook
// whose URL is now otherwise invalid, or failing for more than three days since its last success (or its
// creation), is disabled.
func (p *Portal) recordDelivery(h *webhook, status int, content string, url urlVerdict) {
	now := p.now()
	switch {
	case url == urlBlacklisted || status == http.StatusGone:
		delete(p.webhooks, h.id)
		return
	case status >= 200 && status <= 299:
		h.lastSuccess, h.status = now, status
		return
	}
	h.lastFailure, h.lastFailureContent, h.status = now, content, status
	if url == urlInvalid {
		h.enabled = false
		return
	}
	since := h.lastSuccess
	if since.IsZero() {
		since = h.created
	}
	if now.Sub(since) > webhookTrustedDays*24*time.Hour {
		h.enabled = false
	}
}

// WaitWebhookDeliveries returns once every queued delivery has been sent and recorded.
func (p *Portal) WaitWebhookDeliveries() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.delivering || len(p.deliveries) > 0 {
		p.deliveryIdle.Wait()
	}
}
