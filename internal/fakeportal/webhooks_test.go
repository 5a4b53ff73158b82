package fakeportal

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// receiver is a webhook receiver on 127.0.0.1 that records what it is sent and answers HEAD and POST
// with the statuses a test sets.
type receiver struct {
	srv        *httptest.Server
	mu         sync.Mutex
	headStatus int
	postStatus int
	heads      int
	posts      []receivedPost
}

type receivedPost struct {
	body      []byte
	signature string
}

func newReceiver(t *testing.T) *receiver {
	rc := &receiver{headStatus: http.StatusOK, postStatus: http.StatusOK}
	rc.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc.mu.Lock()
		defer rc.mu.Unlock()
		switch r.Method {
		case http.MethodHead:
			rc.heads++
			w.WriteHeader(rc.headStatus)
		case http.MethodPost:
			b, _ := io.ReadAll(r.Body)
			rc.posts = append(rc.posts, receivedPost{body: b, signature: r.Header.Get(WebhookSignatureHeader)})
			w.WriteHeader(rc.postStatus)
			_, _ = io.WriteString(w, "answer "+strconv.Itoa(rc.postStatus))
		default:
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	}))
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *receiver) set(head, post int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.headStatus, rc.postStatus = head, post
}

func (rc *receiver) counts() (heads int, posts []receivedPost) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.heads, append([]receivedPost(nil), rc.posts...)
}

func (rc *receiver) url() string { return rc.srv.URL + "/hook" }

// hookBody is a webhook request body.
func hookBody(fields map[string]any) string {
	b, _ := json.Marshal(fields)
	return string(b)
}

// withUser adds a user of kind with the API key key and returns its client.
func withUser(t *testing.T, p *Portal, owner client, kind int, key string) client {
	t.Helper()
	id := p.AddUser("User "+key, key+"@portal.example", kind)
	if !p.GiveAPIKey(id, key) {
		t.Fatalf("cannot give %s its key", key)
	}
	return client{t, owner.srv, key}
}

func TestWebhookCreateRules(t *testing.T) {
	p, owner, _ := newFake(t, Options{AllowLoopbackWebhooks: true})
	rc := newReceiver(t)
	ok := map[string]any{"name": "crm", "uri": rc.url(), "secretKey": "Secret-123"}
	with := func(changes map[string]any) string {
		m := map[string]any{}
		for k, v := range ok {
			m[k] = v
		}
		for k, v := range changes {
			if v == nil {
				delete(m, k)
			} else {
				m[k] = v
			}
		}
		return hookBody(m)
	}
	long := strings.Repeat("n", 51)
	for _, tc := range []struct {
		what    string
		body    string
		status  int
		message string // "" for a validation 400
	}{
		{"no name", with(map[string]any{"name": nil}), 400, ""},
		{"name of 51", with(map[string]any{"name": long}), 400, ""},
		{"no uri", with(map[string]any{"uri": nil}), 400, ""},
		{"blank name", with(map[string]any{"name": "  "}), 400, ""},
		{"triggers not a number", with(map[string]any{"triggers": "x"}), 400, ""},
		{"no secret", with(map[string]any{"secretKey": nil}), 400, "Value cannot be null. (Parameter 'SecretKey')"},
		{"short secret", with(map[string]any{"secretKey": "Abc-123"}), 400, defaultPolicy},
		{"secret of 31", with(map[string]any{"secretKey": strings.Repeat("a", 31)}), 400, defaultPolicy},
		{"secret with a space", with(map[string]any{"secretKey": "Secret 123"}), 400, defaultPolicy},
		{"secret not ASCII", with(map[string]any{"secretKey": "Secret-123é"}), 400, defaultPolicy},
		{"ssl with http", with(map[string]any{"ssl": true}), 400, webhookHTTPSRequired},
		{"not http", with(map[string]any{"uri": "ftp://example.com/x"}), 400, webhookURLInvalid},
		{"private address", with(map[string]any{"uri": "http://10.1.2.3/x"}), 400, webhookHostBlacklisted},
		{"link-local address", with(map[string]any{"uri": "http://169.254.169.254/x"}), 400, webhookHostBlacklisted},
		// Validation order: the trigger check comes before the secret, the secret before the URL.
		{"bad secret and bad URL", with(map[string]any{"secretKey": "x", "uri": "http://10.0.0.1/"}), 400, defaultPolicy},
	} {
		a := owner.call("POST", "settings/webhook", tc.body)
		if a.status != tc.status || (tc.message == "" && a.response()["errors"] == nil) || (tc.message != "" && a.message() != tc.message) {
			t.Errorf("%s: %d %s", tc.what, a.status, a.raw)
		}
	}
	if heads, _ := rc.counts(); heads != 0 {
		t.Errorf("refused requests sent %d HEAD requests; the HEAD request comes last", heads)
	}

	// The receiver answers HEAD with 405: 400 with the server's text; nothing stored.
	rc.set(http.StatusMethodNotAllowed, http.StatusOK)
	if a := owner.call("POST", "settings/webhook", with(nil)); a.status != 400 || a.message() != webhookHeadRefused {
		t.Errorf("HEAD answered 405: %d %s", a.status, a.raw)
	}
	// Nobody listens: 500.
	if a := owner.call("POST", "settings/webhook", with(map[string]any{"uri": "http://127.0.0.1:1/x"})); a.status != 500 {
		t.Errorf("unreachable receiver: %d %s", a.status, a.raw)
	}
	if n := len(p.Webhooks()); n != 0 {
		t.Fatalf("refused creates stored %d webhooks", n)
	}

	// Created: int id, enabled false by default, no secret in the answer, dates without an offset,
	// unknown trigger bits kept, 64-bit bits kept.
	rc.set(http.StatusOK, http.StatusOK)
	triggers := int64(1<<35 | 1<<40 | 1<<15)
	a := owner.call("POST", "settings/webhook", with(map[string]any{"triggers": triggers, "targetId": "42"}))
	if a.status != 200 {
		t.Fatalf("create: %d %s", a.status, a.raw)
	}
	r := a.response()
	if r["enabled"] != false || r["ssl"] != false || r["targetId"] != "42" || r["name"] != "crm" {
		t.Errorf("create answered %s", a.raw)
	}
	if strings.Contains(a.raw, "Secret-123") || strings.Contains(strings.ToLower(a.raw), "secret") {
		t.Errorf("the answer carries the secret: %s", a.raw)
	}
	if !regexp.MustCompile(`"createdOn":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?"`).MatchString(a.raw) {
		t.Errorf("createdOn is not a local date without an offset: %s", a.raw)
	}
	if !strings.Contains(a.raw, `"triggers":`+strconv.FormatInt(triggers, 10)) {
		t.Errorf("triggers not kept as sent (%d): %s", triggers, a.raw)
	}
	if heads, _ := rc.counts(); heads != 2 {
		t.Errorf("HEAD requests: %d, want 2 (the 405 and the create)", heads)
	}
	if hooks := p.Webhooks(); len(hooks) != 1 || hooks[0].Secret != "Secret-123" || hooks[0].Triggers != triggers {
		t.Errorf("stored: %+v", hooks)
	}

	// The same name and URI again: 400; another name: fine.
	if a := owner.call("POST", "settings/webhook", with(nil)); a.status != 400 || a.message() != webhookDuplicate {
		t.Errorf("duplicate: %d %s", a.status, a.raw)
	}
	if a := owner.call("POST", "settings/webhook", with(map[string]any{"name": "crm2", "enabled": true})); a.status != 200 || a.response()["enabled"] != true {
		t.Errorf("second webhook: %d %s", a.status, a.raw)
	}
}

func TestWebhookLoopbackNeedsTheSwitch(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	rc := newReceiver(t)
	a := owner.call("POST", "settings/webhook", hookBody(map[string]any{"name": "n", "uri": rc.url(), "secretKey": "Secret-123"}))
	if a.status != 400 || a.message() != webhookHostBlacklisted {
		t.Errorf("a loopback receiver on a default portal: %d %s", a.status, a.raw)
	}
	a = owner.call("POST", "settings/webhook", hookBody(map[string]any{"name": "n", "uri": "http://localhost:1/x", "secretKey": "Secret-123"}))
	if a.status != 400 || a.message() != webhookAddressBlacklisted {
		t.Errorf("a name resolving to loopback on a default portal: %d %s", a.status, a.raw)
	}
	if heads, _ := rc.counts(); heads != 0 {
		t.Errorf("a refused URL was asked %d times", heads)
	}
}

func TestWebhookTriggersByUserType(t *testing.T) {
	p, owner, roomAdmin := newFake(t, Options{AllowLoopbackWebhooks: true})
	plain := withUser(t, p, owner, TypeUser, "sk-plain")
	guest := withUser(t, p, owner, TypeGuest, "sk-guest")
	rc := newReceiver(t)

	availability := func(c client) map[string]bool {
		a := c.call("GET", "settings/webhook/triggers", "")
		out := map[string]bool{}
		for _, it := range a.list() {
			m := it.(map[string]any)
			out[m["name"].(string)] = m["available"].(bool)
		}
		return out
	}
	admin, user := availability(owner), availability(plain)
	if len(admin) != len(webhookTriggers)+1 || !admin["room.created"] || !admin["folder.downloaded"] {
		t.Errorf("admin triggers: %v", admin)
	}
	if user["room.created"] || user["group.created"] || user["agent.created"] || !user["folder.created"] || !user["form.submit"] {
		t.Errorf("user triggers: %v", user)
	}
	if r := availability(roomAdmin); !r["room.created"] {
		t.Errorf("room admin triggers: %v", r)
	}
	if a := guest.call("GET", "settings/webhook/triggers", ""); a.status != http.StatusForbidden {
		t.Errorf("guest triggers: %d", a.status)
	}
	// The id of agent.created is 1<<31: it must not wrap.
	a := owner.call("GET", "settings/webhook/triggers", "")
	if !strings.Contains(a.raw, `"id":2147483648`) || !strings.Contains(a.raw, `"id":34359738368`) {
		t.Errorf("64-bit trigger ids: %s", a.raw)
	}

	body := func(triggers int64) string {
		return hookBody(map[string]any{"name": fmt.Sprint("t", triggers), "uri": rc.url(), "secretKey": "Secret-123", "triggers": triggers})
	}
	if a := plain.call("POST", "settings/webhook", body(1<<22)); a.status != 400 || a.message() != webhookTriggerUnavailable {
		t.Errorf("room.created by a user: %d %s", a.status, a.raw)
	}
	// The trigger check comes before the secret check.
	if a := plain.call("POST", "settings/webhook", hookBody(map[string]any{"name": "x", "uri": rc.url(), "secretKey": "x", "triggers": 1 << 4})); a.message() != webhookTriggerUnavailable {
		t.Errorf("trigger before secret: %s", a.raw)
	}
	if a := plain.call("POST", "settings/webhook", body(1<<15|1<<50)); a.status != 200 {
		t.Errorf("folder.created and an unknown bit by a user: %d %s", a.status, a.raw)
	}
	if a := roomAdmin.call("POST", "settings/webhook", body(1<<22)); a.status != 200 {
		t.Errorf("room.created by a room admin: %d %s", a.status, a.raw)
	}
}

func TestWebhookPermissions(t *testing.T) {
	p, owner, roomAdmin := newFake(t, Options{AllowLoopbackWebhooks: true})
	guest := withUser(t, p, owner, TypeGuest, "sk-guest")
	plain := withUser(t, p, owner, TypeUser, "sk-plain")
	rc := newReceiver(t)
	create := func(c client, name string) string {
		t.Helper()
		return c.id(c.call("POST", "settings/webhook", hookBody(map[string]any{"name": name, "uri": rc.url(), "secretKey": "Secret-123"})))
	}
	ownersHook := create(owner, "owner's")
	adminsHook := create(roomAdmin, "room admin's")
	usersHook := create(plain, "user's")

	for _, tc := range []struct{ method, path, body string }{
		{"GET", "settings/webhook", ""},
		{"GET", "settings/webhook/triggers", ""},
		{"POST", "settings/webhook", hookBody(map[string]any{"name": "g", "uri": rc.url(), "secretKey": "Secret-123"})},
		{"PUT", "settings/webhook", hookBody(map[string]any{"id": mustInt(ownersHook), "name": "g", "uri": rc.url()})},
		{"PUT", "settings/webhook/enable", hookBody(map[string]any{"id": mustInt(ownersHook), "name": "g", "uri": rc.url()})},
		{"DELETE", "settings/webhook/" + ownersHook, ""},
	} {
		if a := guest.call(tc.method, tc.path, tc.body); a.status != http.StatusForbidden || a.message() != "Access denied" {
			t.Errorf("guest %s %s: %d %s", tc.method, tc.path, a.status, a.raw)
		}
	}

	ids := func(c client) []string {
		var out []string
		for _, it := range c.call("GET", "settings/webhook", "").list() {
			m := it.(map[string]any)
			out = append(out, jsonNumber(m["configs"].(map[string]any)["id"].(float64)))
			if _, ok := m["status"]; !ok {
				t.Errorf("a list entry without status: %v", m)
			}
		}
		return out
	}
	if got := ids(owner); len(got) != 3 {
		t.Errorf("the owner sees %v", got)
	}
	if got := ids(roomAdmin); len(got) != 1 || got[0] != adminsHook {
		t.Errorf("a room admin sees %v, want only %s", got, adminsHook)
	}
	if got := ids(plain); len(got) != 1 || got[0] != usersHook {
		t.Errorf("a user sees %v, want only %s", got, usersHook)
	}
	// Another's webhook: 403 for update, enable and delete.
	for _, tc := range []struct{ method, path, body string }{
		{"PUT", "settings/webhook", hookBody(map[string]any{"id": mustInt(ownersHook), "name": "g", "uri": rc.url()})},
		{"PUT", "settings/webhook/enable", hookBody(map[string]any{"id": mustInt(ownersHook), "name": "g", "uri": rc.url()})},
		{"DELETE", "settings/webhook/" + ownersHook, ""},
	} {
		if a := roomAdmin.call(tc.method, tc.path, tc.body); a.status != http.StatusForbidden {
			t.Errorf("room admin %s on the owner's webhook: %d %s", tc.method, a.status, a.raw)
		}
	}
	// Admins touch every webhook.
	if a := owner.call("PUT", "settings/webhook/enable", hookBody(map[string]any{"id": mustInt(usersHook), "name": "x", "uri": "x"})); a.status != 200 {
		t.Errorf("the owner disabling a user's webhook: %d %s", a.status, a.raw)
	}

	// Developer tools limited to admins: 403 for everyone but DocSpace admins.
	p.LimitDeveloperToolsToAdmins(true)
	if a := roomAdmin.call("GET", "settings/webhook", ""); a.status != http.StatusForbidden {
		t.Errorf("room admin with developer tools limited: %d", a.status)
	}
	if a := plain.call("POST", "settings/webhook", hookBody(map[string]any{"name": "z", "uri": rc.url(), "secretKey": "Secret-123"})); a.status != http.StatusForbidden {
		t.Errorf("user with developer tools limited: %d", a.status)
	}
	if got := ids(owner); len(got) != 3 {
		t.Errorf("the owner with developer tools limited sees %v", got)
	}
}

func TestWebhookUpdateEnableDelete(t *testing.T) {
	p, owner, _ := newFake(t, Options{AllowLoopbackWebhooks: true})
	rc := newReceiver(t)
	id := owner.id(owner.call("POST", "settings/webhook", hookBody(map[string]any{
		"name": "crm", "uri": rc.url(), "secretKey": "Secret-123", "enabled": true, "triggers": 1 << 15, "targetId": "7"})))
	n := mustInt(id)
	put := func(fields map[string]any) answer { return owner.call("PUT", "settings/webhook", hookBody(fields)) }

	// Validation and the HEAD request come before the 404: an invalid body for a missing id is 400, a
	// valid one 404 after a HEAD request.
	if a := put(map[string]any{"id": 999, "name": "x", "uri": rc.url(), "secretKey": "bad"}); a.status != 400 || a.message() != defaultPolicy {
		t.Errorf("invalid update of a missing id: %d %s", a.status, a.raw)
	}
	heads, _ := rc.counts()
	if a := put(map[string]any{"id": 999, "name": "x", "uri": rc.url()}); a.status != 404 {
		t.Errorf("valid update of a missing id: %d %s", a.status, a.raw)
	}
	if after, _ := rc.counts(); after != heads+1 {
		t.Errorf("the update of a missing id sent %d HEAD requests, want 1 before the 404", after-heads)
	}
	if a := put(map[string]any{"name": "x", "uri": rc.url()}); a.status != 400 {
		t.Errorf("update without id: %d %s", a.status, a.raw)
	}

	// Full replacement: omitted members go back to their defaults; an empty secret keeps the old one.
	a := put(map[string]any{"id": n, "name": "crm renamed", "uri": rc.url(), "secretKey": ""})
	if a.status != 200 || a.response()["enabled"] != false || a.response()["triggers"] != float64(0) || a.response()["targetId"] != nil ||
		a.response()["name"] != "crm renamed" || a.response()["modifiedOn"] == nil {
		t.Errorf("full replacement answered %d %s", a.status, a.raw)
	}
	if h := p.Webhooks()[0]; h.Secret != "Secret-123" {
		t.Errorf("an empty secret changed the stored one to %q", h.Secret)
	}
	if a := put(map[string]any{"id": n, "name": "crm", "uri": rc.url(), "secretKey": "Other-456"}); a.status != 200 || p.Webhooks()[0].Secret != "Other-456" {
		t.Errorf("new secret: %d %s", a.status, a.raw)
	}
	// An update has no duplicate check.
	other := owner.id(owner.call("POST", "settings/webhook", hookBody(map[string]any{"name": "other", "uri": rc.url(), "secretKey": "Secret-123"})))
	if a := put(map[string]any{"id": mustInt(other), "name": "crm", "uri": rc.url()}); a.status != 200 {
		t.Errorf("update to another webhook's name and URI: %d %s", a.status, a.raw)
	}

	// A receiver that is down: updates fail (500), even a rename; disabling through /enable works and
	// sends no HEAD request; enabling runs the checks with the stored configuration.
	rc.srv.Close()
	if a := put(map[string]any{"id": n, "name": "renamed", "uri": rc.url()}); a.status != 500 {
		t.Errorf("update with the receiver down: %d %s", a.status, a.raw)
	}
	enable := func(id int64, on bool, name, uri any) answer {
		return owner.call("PUT", "settings/webhook/enable", hookBody(map[string]any{"id": id, "enabled": on, "name": name, "uri": uri}))
	}
	if a := enable(999, false, "x", "x"); a.status != 404 {
		t.Errorf("enable of a missing id: %d %s", a.status, a.raw)
	}
	if a := enable(n, false, nil, "x"); a.status != 400 {
		t.Errorf("enable without name: %d %s", a.status, a.raw)
	}
	if a := enable(n, false, "x", nil); a.status != 400 {
		t.Errorf("enable without uri: %d %s", a.status, a.raw)
	}
	if a := enable(n, true, "whatever", "http://ignored.example/"); a.status != 500 {
		t.Errorf("enabling with the stored receiver down: %d %s", a.status, a.raw)
	}
	if a := enable(n, false, "whatever", "http://ignored.example/"); a.status != 200 || a.response()["enabled"] != false || a.response()["name"] != "crm" {
		t.Errorf("disabling with the receiver down: %d %s", a.status, a.raw)
	}
	rc2 := newReceiver(t)
	if a := put(map[string]any{"id": n, "name": "crm", "uri": rc2.url(), "enabled": false}); a.status != 200 {
		t.Fatalf("moving to a live receiver: %d %s", a.status, a.raw)
	}
	if a := enable(n, true, "whatever", "http://ignored.example/"); a.status != 200 || a.response()["enabled"] != true || a.response()["uri"] != rc2.url() {
		t.Errorf("enabling: %d %s", a.status, a.raw)
	}
	if heads, _ := rc2.counts(); heads != 2 {
		t.Errorf("HEAD requests to the new receiver: %d, want 2 (update, enable)", heads)
	}

	// Delete answers the removed configuration, then 404.
	if a := owner.call("DELETE", "settings/webhook/"+id, ""); a.status != 200 || a.response()["id"] != float64(n) || a.response()["name"] != "crm" {
		t.Errorf("delete: %d %s", a.status, a.raw)
	}
	if a := owner.call("DELETE", "settings/webhook/"+id, ""); a.status != 404 {
		t.Errorf("second delete: %d %s", a.status, a.raw)
	}
}

// verifySignature checks a delivery's signature header against the secret.
func verifySignature(secret string, p receivedPost) bool {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(p.body)
	want := "sha256=" + hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(strings.ToLower(p.signature)), []byte(want))
}

func TestWebhookDelivery(t *testing.T) {
	p, owner, roomAdmin := newFake(t, Options{AllowLoopbackWebhooks: true})
	rc := newReceiver(t)
	create := func(c client, fields map[string]any) int64 {
		t.Helper()
		fields["uri"], fields["secretKey"] = rc.url(), "Secret-123"
		if _, ok := fields["enabled"]; !ok {
			fields["enabled"] = true
		}
		return mustInt(c.id(c.call("POST", "settings/webhook", hookBody(fields))))
	}
	all := create(owner, map[string]any{"name": "all"})
	roomsOnly := create(owner, map[string]any{"name": "rooms", "triggers": 1 << 22})
	foldersOnly := create(owner, map[string]any{"name": "folders", "triggers": 1 << 15})
	create(owner, map[string]any{"name": "disabled", "enabled": false})
	create(owner, map[string]any{"name": "other target", "targetId": "1"})
	// A room admin's webhook only gets events of what its creator may read.
	create(roomAdmin, map[string]any{"name": "room admin's"})

	room := owner.call("POST", "files/rooms", `{"title":"R","roomType":"CustomRoom"}`)
	roomID := owner.id(room)
	p.WaitWebhookDeliveries()
	_, posts := rc.counts()
	got := map[string]map[string]any{}
	for _, post := range posts {
		if !verifySignature("Secret-123", post) {
			t.Errorf("signature %q does not match the body %s", post.signature, post.body)
		}
		var event map[string]any
		if err := json.Unmarshal(post.body, &event); err != nil {
			t.Fatalf("delivery body %s: %v", post.body, err)
		}
		got[event["webhook"].(map[string]any)["name"].(string)] = event
	}
	if len(got) != 2 || got["all"] == nil || got["rooms"] == nil {
		t.Fatalf("room.created went to %v, want all and rooms", keys(got))
	}
	ev := got["rooms"]
	if e := ev["event"].(map[string]any); e["trigger"] != "room.created" || e["triggerId"] != float64(1<<22) || e["createBy"] != p.UserID("sk-owner") {
		t.Errorf("event: %v", e)
	}
	if pl := ev["payload"].(map[string]any); jsonNumber(pl["id"].(float64)) != roomID || pl["title"] != "R" {
		t.Errorf("payload: %v", pl)
	}
	for _, h := range p.Webhooks() {
		if h.ID == all || h.ID == roomsOnly {
			if h.Status != 200 || h.LastSuccess.IsZero() {
				t.Errorf("webhook %s after a delivery: %+v", h.Name, h)
			}
		}
	}
	a := owner.call("GET", "settings/webhook", "")
	if !strings.Contains(a.raw, `"lastSuccessOn"`) || !strings.Contains(a.raw, `"status":200`) {
		t.Errorf("the list does not show the delivery: %s", a.raw)
	}

	// A folder with the target id of its own: folder.created reaches all, folders, and the hook whose
	// targetId is the folder's id; a webhook bound to the room does not get events of what is in it.
	rc.set(http.StatusOK, http.StatusInternalServerError)
	create(owner, map[string]any{"name": "room target", "targetId": roomID})
	folderID := owner.id(owner.call("POST", "files/folder/"+roomID, `{"title":"F"}`))
	p.WaitWebhookDeliveries()
	_, posts = rc.counts()
	names := map[string]bool{}
	for _, post := range posts[len(got):] {
		var event map[string]any
		_ = json.Unmarshal(post.body, &event)
		names[event["webhook"].(map[string]any)["name"].(string)] = true
		if event["event"].(map[string]any)["trigger"] != "folder.created" || jsonNumber(event["payload"].(map[string]any)["id"].(float64)) != folderID {
			t.Errorf("folder event: %s", post.body)
		}
	}
	if len(names) != 2 || !names["all"] || !names["folders"] {
		t.Errorf("folder.created went to %v, want all and folders", names)
	}
	for _, h := range p.Webhooks() {
		if h.ID == foldersOnly && (h.Status != 500 || h.LastFailure.IsZero() || h.LastFailureContent != "answer 500" || !h.Enabled) {
			t.Errorf("after a failed delivery: %+v", h)
		}
	}

	// A receiver that answers 410 has its webhooks deleted.
	rc.set(http.StatusOK, http.StatusGone)
	owner.call("POST", "files/rooms", `{"title":"R2","roomType":"CustomRoom"}`)
	p.WaitWebhookDeliveries()
	for _, h := range p.Webhooks() {
		if h.ID == all || h.ID == roomsOnly {
			t.Errorf("webhook %s survived a 410", h.Name)
		}
	}
}

func keys(m map[string]map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestWebhookServerSideChanges(t *testing.T) {
	p, owner, _ := newFake(t, Options{AllowLoopbackWebhooks: true})
	rc := newReceiver(t)
	mk := func(name string) int64 {
		return mustInt(owner.id(owner.call("POST", "settings/webhook", hookBody(map[string]any{"name": name, "uri": rc.url(), "secretKey": "Secret-123", "enabled": true}))))
	}
	gone, failing, recent := mk("gone"), mk("failing"), mk("recent")
	if !p.WebhookReceiverGone(gone) || p.WebhookReceiverGone(999) {
		t.Fatal("WebhookReceiverGone")
	}
	p.WebhookFailingForDays(failing, 4)
	p.WebhookFailingForDays(recent, 2)
	state := map[int64]WebhookRecord{}
	for _, h := range p.Webhooks() {
		state[h.ID] = h
	}
	if _, ok := state[gone]; ok {
		t.Error("a webhook whose receiver answered 410 is still there")
	}
	if h := state[failing]; h.Enabled || h.Status != 503 {
		t.Errorf("failing for 4 days: %+v", h)
	}
	if h := state[recent]; !h.Enabled || h.Status != 503 {
		t.Errorf("failing for 2 days: %+v", h)
	}
	a := owner.call("GET", "settings/webhook", "")
	if !strings.Contains(a.raw, `"status":503`) || !strings.Contains(a.raw, `"lastFailureOn"`) || strings.Count(a.raw, `"enabled":false`) != 1 {
		t.Errorf("list after the server's changes: %s", a.raw)
	}
}

// TestWebhookDeliveryRules: a failing delivery disables a webhook whose last success is more than three
// days old (and only then); a delivery to a URL the validator now refuses deletes the webhook.
func TestWebhookDeliveryRules(t *testing.T) {
	p, owner, _ := newFake(t, Options{AllowLoopbackWebhooks: true})
	rc := newReceiver(t)
	mk := func(name string, triggers int64) int64 {
		return mustInt(owner.id(owner.call("POST", "settings/webhook", hookBody(map[string]any{
			"name": name, "uri": rc.url(), "secretKey": "Secret-123", "enabled": true, "triggers": triggers}))))
	}
	old, recent := mk("old", 1<<22), mk("recent", 1<<22)
	p.set(func() {
		p.webhooks[old].lastSuccess = p.now().Add(-73 * time.Hour)
		p.webhooks[recent].lastSuccess = p.now().Add(-71 * time.Hour)
	})
	rc.set(http.StatusOK, http.StatusBadGateway)
	owner.call("POST", "files/rooms", `{"title":"R","roomType":"CustomRoom"}`)
	p.WaitWebhookDeliveries()
	for _, h := range p.Webhooks() {
		if want := h.ID == recent; h.Enabled != want || h.Status != http.StatusBadGateway {
			t.Errorf("after a failed delivery: %+v (enabled should be %v)", h, want)
		}
	}

	// Loopback receivers refused from now on: the next delivery deletes the webhook, and sends nothing.
	_, before := rc.counts()
	p.AllowLoopbackWebhooks(false)
	owner.call("POST", "files/rooms", `{"title":"R2","roomType":"CustomRoom"}`)
	p.WaitWebhookDeliveries()
	if hooks := p.Webhooks(); len(hooks) != 1 || hooks[0].ID != old {
		t.Errorf("after a delivery to a blacklisted URL: %+v; want only the disabled webhook left", hooks)
	}
	if _, after := rc.counts(); len(after) != len(before) {
		t.Errorf("a blacklisted receiver was sent %d deliveries", len(after)-len(before))
	}
}

// TestWebhookInvalidURLAtDelivery: a delivery validates the URL again; one that is now invalid, but not
// blacklisted, is not sent to, and its webhook is disabled, not deleted (api-notes.md §38).
func TestWebhookInvalidURLAtDelivery(t *testing.T) {
	p, owner, _ := newFake(t, Options{AllowLoopbackWebhooks: true})
	rc := newReceiver(t)
	id := mustInt(owner.id(owner.call("POST", "settings/webhook", hookBody(map[string]any{
		"name": "plain", "uri": rc.url(), "secretKey": "Secret-123", "enabled": true, "ssl": false}))))
	p.set(func() { p.webhooks[id].ssl = true }) // an http URL that https is now required of
	owner.call("POST", "files/rooms", `{"title":"R","roomType":"CustomRoom"}`)
	p.WaitWebhookDeliveries()
	hooks := p.Webhooks()
	if len(hooks) != 1 || hooks[0].Enabled || hooks[0].LastFailureContent != webhookHTTPSRequired {
		t.Errorf("after a delivery to an invalid URL: %+v; want the webhook kept, disabled, with the refusal", hooks)
	}
	if _, posts := rc.counts(); len(posts) != 0 {
		t.Errorf("an invalid receiver URL was sent %d deliveries", len(posts))
	}
}

// TestWebhookSecretPolicy: the portal's policy can demand more, and its text says what.
func TestWebhookSecretPolicy(t *testing.T) {
	p, owner, _ := newFake(t, Options{AllowLoopbackWebhooks: true})
	rc := newReceiver(t)
	strict := PasswordPolicy{MinLength: 10, UpperCase: true, Digits: true, SpecialSymbols: true}
	p.SetPasswordPolicy(strict)
	for secret, ok := range map[string]bool{
		"Secret-123": true, "Secret-12": false, "secret-1234": false, "Secret-abcd": false, "Secret1234": false,
		"Secret-123456789012345678901234": false, "Secret-12345678901234567890123": true,
	} {
		a := owner.call("POST", "settings/webhook", hookBody(map[string]any{"name": secret, "uri": rc.url(), "secretKey": secret}))
		switch {
		case ok && a.status != 200:
			t.Errorf("%q refused: %s", secret, a.raw)
		case !ok && (a.status != 400 || a.message() != strict.text()):
			t.Errorf("%q: %d %s", secret, a.status, a.raw)
		}
	}
	if want := "from 10 to 30 characters"; !strings.Contains(strict.text(), want) || !strings.Contains(strict.text(), "capital") {
		t.Errorf("policy text %q", strict.text())
	}
}

// defaultPolicy is the default policy's refusal text.
var defaultPolicy = PasswordPolicy{}.text()

// Files and folders fire their events: an upload file.created for a new file and file.uploaded for
// every upload, a new version included; a rename *.updated; a delete into the Trash *.trashed and a delete
// for good *.deleted (api-notes.md §37, §38).
func TestWebhookFileAndFolderEvents(t *testing.T) {
	p, owner, _ := newFake(t, Options{AllowLoopbackWebhooks: true})
	rc := newReceiver(t)
	fileAndFolderTriggers := 1<<7 | 1<<8 | 1<<9 | 1<<10 | 1<<11 | 1<<15 | 1<<16 | 1<<17 | 1<<18
	owner.call("POST", "settings/webhook", hookBody(map[string]any{"name": "files", "uri": rc.url(), "secretKey": "Secret-123",
		"enabled": true, "triggers": fileAndFolderTriggers}))
	room := fileRoom(t, owner, typeCustom)
	settle := func() { // a delete is an operation that ends a moment later, seen by the next request
		time.Sleep(60 * time.Millisecond)
		owner.call("GET", "files/fileops", "")
	}
	fileID := owner.id(owner.insert(room, "a.txt", []byte("one")))
	owner.insert(room, "a.txt", []byte("two")) // a new version of the same file
	owner.call("PUT", "files/file/"+fileID, `{"title":"b"}`)
	owner.call("DELETE", "files/file/"+fileID, `{"immediately":false}`)
	settle()
	owner.call("DELETE", "files/file/"+fileID, `{"immediately":false}`) // in the Trash already: for good
	settle()
	folderID := owner.id(owner.call("POST", "files/folder/"+room, `{"title":"F"}`))
	owner.call("PUT", "files/folder/"+folderID, `{"title":"G"}`)
	owner.call("DELETE", "files/folder/"+folderID, `{"immediately":false}`)
	settle()
	owner.call("DELETE", "files/folder/"+folderID, `{"immediately":true}`)
	settle()
	want := []string{"file.created " + fileID, "file.uploaded " + fileID, "file.uploaded " + fileID, "file.updated " + fileID,
		"file.trashed " + fileID, "file.deleted " + fileID, "folder.created " + folderID, "folder.updated " + folderID,
		"folder.trashed " + folderID, "folder.deleted " + folderID}
	expectDeliveries(t, p, rc, "Secret-123", want)
}

// TestWebhookRoomEvents: a room publishes room.created, room.updated when renamed (and only then),
// room.archived, room.restored and room.deleted.
func TestWebhookRoomEvents(t *testing.T) {
	p, owner, _ := newFake(t, Options{AllowLoopbackWebhooks: true, FileOpDuration: time.Millisecond})
	rc := newReceiver(t)
	owner.call("POST", "settings/webhook", hookBody(map[string]any{"name": "rooms", "uri": rc.url(), "secretKey": "Secret-123",
		"enabled": true, "triggers": 1<<22 | 1<<23 | 1<<24 | 1<<25 | 1<<26}))
	room := fileRoom(t, owner, typeCustom)
	settle := func() { // an archive or a delete is an operation that ends a moment later, seen by the next request
		time.Sleep(20 * time.Millisecond)
		owner.call("GET", "files/fileops", "")
	}
	owner.call("PUT", "files/rooms/"+room, `{"title":"renamed"}`)
	if a := owner.call("PUT", "files/rooms/"+room, `{"title":"renamed","color":"FF0000"}`); a.status != http.StatusOK { // no new title: no event
		t.Fatalf("an update without a new title: %d %s", a.status, a.raw)
	}
	owner.call("PUT", "files/rooms/"+room+"/archive", `{"deleteAfter":true}`)
	settle()
	owner.call("PUT", "files/rooms/"+room+"/unarchive", `{"deleteAfter":true}`)
	settle()
	owner.call("DELETE", "files/rooms/"+room, `{"deleteAfter":true}`)
	settle()
	expectDeliveries(t, p, rc, "Secret-123", []string{"room.created " + room, "room.updated " + room,
		"room.archived " + room, "room.restored " + room, "room.deleted " + room})
}

// expectDeliveries waits for the portal's deliveries and checks that rc received the events want
// ("<trigger> <payload id>", in order), each signed with secret.
func expectDeliveries(t *testing.T, p *Portal, rc *receiver, secret string, want []string) {
	t.Helper()
	p.WaitWebhookDeliveries()
	_, posts := rc.counts()
	var got []string
	for _, post := range posts {
		if !verifySignature(secret, post) {
			t.Errorf("signature %q does not match the body %s", post.signature, post.body)
		}
		var event map[string]any
		if err := json.Unmarshal(post.body, &event); err != nil {
			t.Fatalf("delivery body %s: %v", post.body, err)
		}
		id := jsonNumber(event["payload"].(map[string]any)["id"].(float64))
		got = append(got, event["event"].(map[string]any)["trigger"].(string)+" "+id)
	}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("deliveries:\n%s\nwant:\n%s", strings.Join(got, ", "), strings.Join(want, ", "))
	}
}
