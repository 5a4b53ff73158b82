package docspace_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
	"github.com/docspace-community/terraform-provider-docspace/internal/poll"
)

// hookReceiver answers HEAD with the statuses in heads, one per request (the last one repeats), and
// POST with 200; it counts the HEAD requests.
func hookReceiver(t *testing.T, heads ...int) (string, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			i := int(n.Add(1)) - 1
			status := http.StatusOK
			if len(heads) > 0 {
				status = heads[min(i, len(heads)-1)]
			}
			w.WriteHeader(status)
			return
		}
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/hook", &n
}

func webhookPortal(t *testing.T) (*fakeportal.Portal, *docspace.Client) {
	return newPortal(t, fakeportal.Options{AllowLoopbackWebhooks: true})
}

// TestWebhookLifecycle: create (list, POST, PUT), read by listing, update keeping the secret, disable
// and enable, delete, and a delete of what is gone.
func TestWebhookLifecycle(t *testing.T) {
	ctx := context.Background()
	portal, client := webhookPortal(t)
	uri, heads := hookReceiver(t)
	cfg := docspace.WebhookConfig{Name: "CRM intake", URI: uri, Secret: "Secret-123", Enabled: true,
		Triggers: 1<<28 | 1<<35, TargetID: "77"}
	// The first create of a client lists once: the listing of the duplicate check serves the marker
	// scan too. So does every later one.
	for i, name := range []string{"first", cfg.Name} {
		portal.ResetCounts()
		heads.Store(0)
		c := cfg
		c.Name = name
		w, err := client.CreateWebhook(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		if w.Name != name || !w.Enabled || w.Triggers != cfg.Triggers || w.TargetID != "77" || w.SSL || w.ID != int64(i+1) {
			t.Fatalf("created %+v", w)
		}
		want := map[string]int{"GET /api/2.0/settings/webhook": 1, "POST /api/2.0/settings/webhook": 1, "PUT /api/2.0/settings/webhook": 1}
		if got := portal.Counts(); !equalCounts(got, want) {
			t.Errorf("calls of create %d: %v, want %v", i+1, got, want)
		}
		if n := heads.Load(); n != 2 {
			t.Errorf("HEAD requests of create %d: %d, want 2 (the POST and the renaming PUT)", i+1, n)
		}
	}
	c := client
	w, err := c.GetWebhook(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	stored := hookByID(t, portal, w.ID)
	if stored.Secret != "Secret-123" || stored.Name != cfg.Name {
		t.Errorf("stored %+v", stored)
	}

	portal.ResetCounts()
	got, err := c.GetWebhook(ctx, w.ID)
	if err != nil || got.Name != cfg.Name || got.Triggers != cfg.Triggers || got.CreatedBy == nil || got.CreatedOn == "" {
		t.Fatalf("get: %+v, %v", got, err)
	}
	if counts := portal.Counts(); !equalCounts(counts, map[string]int{"GET /api/2.0/settings/webhook": 1}) {
		t.Errorf("calls of a read: %v", counts)
	}
	all, err := c.ListWebhooks(ctx)
	if err != nil || len(all) != 2 {
		t.Fatalf("list: %+v, %v", all, err)
	}

	// Update: the whole configuration; an empty secret keeps the stored one, a new one replaces it.
	cfg.Name, cfg.Secret, cfg.Triggers, cfg.TargetID = "CRM", "", 0, ""
	if w, err = c.UpdateWebhook(ctx, w.ID, cfg); err != nil || w.Name != "CRM" || w.Triggers != 0 || w.TargetID != "" {
		t.Fatalf("update: %+v, %v", w, err)
	}
	if s := hookByID(t, portal, w.ID).Secret; s != "Secret-123" {
		t.Errorf("an update without a secret left %q", s)
	}
	cfg.Secret = "Newer-456"
	if _, err = c.UpdateWebhook(ctx, w.ID, cfg); err != nil || hookByID(t, portal, w.ID).Secret != "Newer-456" {
		t.Fatalf("update with a secret: %v", err)
	}

	portal.ResetCounts()
	if _, err := c.SetWebhookEnabled(ctx, &docspace.Webhook{ID: w.ID}, false); err == nil || len(portal.Counts()) != 0 {
		t.Errorf("enable without name and URL: %v, calls %v; the portal would refuse it", err, portal.Counts())
	}
	if w, err = c.SetWebhookEnabled(ctx, w, false); err != nil || w.Enabled {
		t.Fatalf("disable: %+v, %v", w, err)
	}
	if w, err = c.SetWebhookEnabled(ctx, w, true); err != nil || !w.Enabled {
		t.Fatalf("enable: %+v, %v", w, err)
	}

	if err := c.DeleteWebhook(ctx, w.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetWebhook(ctx, w.ID); !docspace.IsNotFound(err) {
		t.Errorf("read after delete: %v, want a 404", err)
	}
	if err := c.DeleteWebhook(ctx, w.ID); err != nil {
		t.Errorf("deleting a webhook that is gone: %v", err)
	}
}

func equalCounts(got, want map[string]int) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}

func hookByID(t *testing.T, p *fakeportal.Portal, id int64) fakeportal.WebhookRecord {
	t.Helper()
	for _, h := range p.Webhooks() {
		if h.ID == id {
			return h
		}
	}
	t.Fatalf("no webhook %d on the portal", id)
	return fakeportal.WebhookRecord{}
}

// TestWebhookStatusAndServerSideChanges: the list's delivery status reaches Webhook.Status; a webhook
// the server deleted reads as a 404, one it disabled as disabled.
func TestWebhookStatusAndServerSideChanges(t *testing.T) {
	ctx := context.Background()
	portal, c := webhookPortal(t)
	uri, _ := hookReceiver(t)
	a, _ := c.CreateWebhook(ctx, docspace.WebhookConfig{Name: "a", URI: uri, Secret: "Secret-123", Enabled: true})
	b, _ := c.CreateWebhook(ctx, docspace.WebhookConfig{Name: "b", URI: uri, Secret: "Secret-123", Enabled: true})
	portal.WebhookFailingForDays(a.ID, 5)
	portal.WebhookReceiverGone(b.ID)
	got, err := c.GetWebhook(ctx, a.ID)
	if err != nil || got.Enabled || got.Status != http.StatusServiceUnavailable || got.LastFailureOn == "" || got.LastFailureContent == "" {
		t.Errorf("a webhook failing for 5 days: %+v, %v", got, err)
	}
	if _, err := c.GetWebhook(ctx, b.ID); !docspace.IsNotFound(err) {
		t.Errorf("a webhook the server deleted: %v, want a 404", err)
	}
}

// TestWebhookTriggers: the portal's trigger list decodes as int64 (bits up to 1<<35), agrees with
// WebhookTriggerFlags on every name, bit and availability.
func TestWebhookTriggers(t *testing.T) {
	ctx := context.Background()
	portal, c := webhookPortal(t)
	userID := portal.AddUser("Uma User", "uma@portal.example", fakeportal.TypeUser)
	portal.GiveAPIKey(userID, "sk-webhook-user")
	asUser, err := docspace.New(docspace.Config{Host: c.Host(), APIKey: "sk-webhook-user"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		c    *docspace.Client
		kind docspace.EmployeeType
	}{{c, docspace.EmployeeTypeDocSpaceAdmin}, {asUser, docspace.EmployeeTypeUser}} {
		list, err := tc.c.WebhookTriggers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != len(docspace.WebhookTriggerFlags)+1 || list[0].Name != "*" || list[0].ID != 0 {
			t.Fatalf("%d triggers, first %+v; the table has %d", len(list), list[0], len(docspace.WebhookTriggerFlags))
		}
		for i, f := range docspace.WebhookTriggerFlags {
			got := list[i+1]
			if got.Name != f.Name || got.ID != f.Bit || got.Available != f.AvailableTo(tc.kind) {
				t.Errorf("user type %d: the portal has %+v, the table %+v", tc.kind, got, f)
			}
		}
	}
	if f, ok := docspace.WebhookTriggerByName("folder.downloaded"); !ok || f.Bit != 1<<35 {
		t.Errorf("folder.downloaded: %+v", f)
	}
	names, unknown := docspace.WebhookTriggerNames(1<<22 | 1<<31 | 1<<40)
	if strings.Join(names, ",") != "room.created,agent.created" || unknown != 1<<40 {
		t.Errorf("names %v, unknown bits %d", names, unknown)
	}
}

// TestWebhookCreateLostAnswers: an answer lost after the portal stored the webhook, or a damaged one,
// is settled by the marker: one webhook, finished. An answer lost before the portal acted leaves none
// and says so.
func TestWebhookCreateLostAnswers(t *testing.T) {
	ctx := context.Background()
	for _, f := range []fakeportal.Fault{
		{Status: http.StatusBadGateway, AfterProcessing: true},
		{Status: http.StatusGatewayTimeout, AfterProcessing: true},
		{Drop: true, AfterProcessing: true},
		{Reply: fakeportal.ReplyTruncated},
		{Reply: fakeportal.ReplyNull},
		{Reply: fakeportal.ReplyWithoutID},
	} {
		portal, c := webhookPortal(t)
		uri, _ := hookReceiver(t)
		f.Count, f.Method, f.PathPrefix = 1, "POST", "/api/2.0/settings/webhook"
		portal.InjectFault(f)
		w, err := c.CreateWebhook(ctx, docspace.WebhookConfig{Name: "intake", URI: uri, Secret: "Secret-123", Enabled: true})
		hooks := portal.Webhooks()
		if err != nil || len(hooks) != 1 || hooks[0].Name != "intake" || !hooks[0].Enabled || w.ID != hooks[0].ID {
			t.Errorf("fault %+v: %+v, %v; the portal has %+v", f, w, err, hooks)
		}
	}

	portal, c := webhookPortal(t)
	uri, _ := hookReceiver(t)
	portal.InjectFault(fakeportal.Fault{Status: http.StatusBadGateway, Count: 1, Method: "POST", PathPrefix: "/api/2.0/settings/webhook"})
	_, err := c.CreateWebhook(ctx, docspace.WebhookConfig{Name: "intake", URI: uri, Secret: "Secret-123"})
	if err == nil || !strings.Contains(err.Error(), "created nothing") || len(portal.Webhooks()) != 0 {
		t.Errorf("an answer lost before the portal acted: %v; the portal has %+v", err, portal.Webhooks())
	}
}

// TestWebhookRenameAsksTheReceiverAgain: the renaming PUT sends a HEAD request too; a receiver that
// goes down between the POST and the PUT leaves a webhook that exists, disabled, with its marker, and
// the error carries its id.
func TestWebhookRenameAsksTheReceiverAgain(t *testing.T) {
	ctx := context.Background()
	portal, c := webhookPortal(t)
	uri, _ := hookReceiver(t, http.StatusOK, http.StatusServiceUnavailable)
	_, err := c.CreateWebhook(ctx, docspace.WebhookConfig{Name: "intake", URI: uri, Secret: "Secret-123", Enabled: true})
	hooks := portal.Webhooks()
	if len(hooks) != 1 {
		t.Fatalf("the portal has %+v", hooks)
	}
	if id := docspace.CreatedID(err); id == "" || id != strconv.FormatInt(hooks[0].ID, 10) {
		t.Fatalf("error %v carries id %q, the webhook is %d", err, id, hooks[0].ID)
	}
	if docspace.WebhookProblemOf(err) != docspace.WebhookReceiverRefused {
		t.Errorf("the problem of %v is %d", err, docspace.WebhookProblemOf(err))
	}
	if h := hooks[0]; h.Enabled || !strings.Contains(h.Name, "[tf-pending-w-") || len(h.Name) > docspace.MaxWebhookNameLength {
		t.Errorf("the unfinished webhook: %+v", h)
	}
}

// TestWebhookMarkerFitsTheName: a 50-character name gets a marker within the portal's limit, and the
// final name is the whole one.
func TestWebhookMarkerFitsTheName(t *testing.T) {
	ctx := context.Background()
	portal, c := webhookPortal(t)
	uri, _ := hookReceiver(t)
	name := strings.Repeat("ж", docspace.MaxWebhookNameLength)
	w, err := c.CreateWebhook(ctx, docspace.WebhookConfig{Name: name, URI: uri, Secret: "Secret-123"})
	if err != nil || w.Name != name || hookByID(t, portal, w.ID).Name != name {
		t.Fatalf("%+v, %v", w, err)
	}
}

// TestWebhookRefusalsAreTyped: each refusal the provider explains comes as a *WebhookError with its
// problem; an unreachable receiver is settled with one look, no polling, and leaves nothing behind.
func TestWebhookRefusalsAreTyped(t *testing.T) {
	ctx := context.Background()
	portal, c := webhookPortal(t)
	uri, _ := hookReceiver(t)
	refusing, _ := hookReceiver(t, http.StatusMethodNotAllowed)
	down := httptest.NewServer(http.NotFoundHandler())
	downURI := down.URL + "/hook"
	down.Close()
	userID := portal.AddUser("Uma User", "uma@portal.example", fakeportal.TypeUser)
	portal.GiveAPIKey(userID, "sk-webhook-user")
	asUser, _ := docspace.New(docspace.Config{Host: c.Host(), APIKey: "sk-webhook-user"})
	if _, err := c.CreateWebhook(ctx, docspace.WebhookConfig{Name: "taken", URI: uri, Secret: "Secret-123"}); err != nil {
		t.Fatal(err)
	}
	_, plain := newPortal(t, fakeportal.Options{})

	for _, tc := range []struct {
		what   string
		c      *docspace.Client
		cfg    docspace.WebhookConfig
		want   docspace.WebhookProblem
		status int
	}{
		{"unreachable", c, docspace.WebhookConfig{Name: "x", URI: downURI, Secret: "Secret-123"}, docspace.WebhookReceiverUnreachable, 500},
		{"HEAD answered 405", c, docspace.WebhookConfig{Name: "x", URI: refusing, Secret: "Secret-123"}, docspace.WebhookReceiverRefused, 400},
		{"no secret", c, docspace.WebhookConfig{Name: "x", URI: uri}, docspace.WebhookSecretRefused, 400},
		{"secret too short", c, docspace.WebhookConfig{Name: "x", URI: uri, Secret: "short"}, docspace.WebhookSecretRefused, 400},
		{"trigger of admins", asUser, docspace.WebhookConfig{Name: "x", URI: uri, Secret: "Secret-123", Triggers: 1 << 22}, docspace.WebhookTriggerUnavailable, 400},
		{"https required", c, docspace.WebhookConfig{Name: "x", URI: uri, Secret: "Secret-123", SSL: true}, docspace.WebhookURLRefused, 400},
		{"loopback on a default portal", plain, docspace.WebhookConfig{Name: "x", URI: uri, Secret: "Secret-123"}, docspace.WebhookURLRefused, 400},
		{"duplicate", c, docspace.WebhookConfig{Name: "taken", URI: uri, Secret: "Secret-123"}, docspace.WebhookDuplicate, 0},
	} {
		before := len(portal.Webhooks())
		portal.ResetCounts()
		_, err := tc.c.CreateWebhook(ctx, tc.cfg)
		var we *docspace.WebhookError
		if !errors.As(err, &we) || we.Problem != tc.want || docspace.StatusCode(err) != tc.status {
			t.Errorf("%s: %v (problem %d, status %d), want problem %d, status %d", tc.what, err, docspace.WebhookProblemOf(err), docspace.StatusCode(err), tc.want, tc.status)
		}
		if len(portal.Webhooks()) != before {
			t.Errorf("%s left a webhook", tc.what)
		}
		if tc.c == c && portal.Counts()["GET /api/2.0/settings/webhook"] > 2 {
			t.Errorf("%s: %v; a refusal is not a lost answer to look for", tc.what, portal.Counts())
		}
	}
}

// TestWebhookSecretsStayOutOfLogs: at TRACE the request bodies are logged, with secretKey masked.
func TestWebhookSecretsStayOutOfLogs(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_DOCSPACE_API", "TRACE")
	_, c := webhookPortal(t)
	uri, _ := hookReceiver(t)
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(t.Context(), &buf)
	w, err := c.CreateWebhook(ctx, docspace.WebhookConfig{Name: "logged", URI: uri, Secret: "Hunter2-Webhook"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateWebhook(ctx, w.ID, docspace.WebhookConfig{Name: "logged", URI: uri, Secret: "Other-Secret-9"}); err != nil {
		t.Fatal(err)
	}
	logs := buf.String()
	// The POST and the second PUT carry a secret, masked whole; the renaming PUT carries none.
	if !strings.Contains(logs, "request body") || strings.Count(logs, `,***,`) != 2 {
		t.Fatalf("the webhook bodies were not logged with the secret masked:\n%s", logs)
	}
	for _, secret := range []string{"Hunter2-Webhook", "Other-Secret-9"} {
		if strings.Contains(logs, secret) {
			t.Errorf("the logs contain the secret %q", secret)
		}
	}
}

// TestWebhookLeftBehindIsNamed: a webhook still carrying the marker of a creation of the same name that
// never finished stops the next process's creation, which names it instead of making a second one; a
// marked webhook of another name does not.
func TestWebhookLeftBehindIsNamed(t *testing.T) {
	ctx := context.Background()
	portal, c := webhookPortal(t)
	uri, _ := hookReceiver(t)
	mark := func(name, marked string) int64 {
		w, err := c.CreateWebhook(ctx, docspace.WebhookConfig{Name: name, URI: uri, Secret: "Secret-123"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.UpdateWebhook(ctx, w.ID, docspace.WebhookConfig{Name: marked, URI: uri}); err != nil {
			t.Fatal(err)
		}
		return w.ID
	}
	left := mark("a", "intake [tf-pending-w-0123456789ab]")
	mark("b", "other [tf-pending-w-ba9876543210]")

	next, err := docspace.New(docspace.Config{Host: c.Host(), APIKey: key, PollBackoff: poll.Backoff{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond, Factor: 1.5}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = next.CreateWebhook(ctx, docspace.WebhookConfig{Name: "intake", URI: uri, Secret: "Secret-123"})
	var abandoned *docspace.AbandonedError
	if !errors.As(err, &abandoned) || abandoned.ID != strconv.FormatInt(left, 10) || abandoned.Noun != "webhook" {
		t.Fatalf("got %v, want the webhook %d named as left behind", err, left)
	}
	if n := len(portal.Webhooks()); n != 2 {
		t.Errorf("the refused creation changed the number of webhooks to %d", n)
	}
	if _, err := next.CreateWebhook(ctx, docspace.WebhookConfig{Name: "fresh", URI: uri, Secret: "Secret-123"}); err != nil {
		t.Errorf("a creation of another name: %v", err)
	}
}
