package fakeportal

import (
	"net/http/httptest"
	"regexp"
	"strconv"
	"testing"
)

// The webhook departures from the OpenAPI document, added to serverDepartures (api-notes.md §38).
func init() {
	serverDepartures = append(serverDepartures,
		struct {
			violation *regexp.Regexp
			why       string
		}{regexp.MustCompile(`^at "(/response(/\d+/configs)?)?/triggers": value is not one of the allowed values \[0,1,2,4,`),
			"WebhookTrigger is a flags enum the document lists one flag at a time, and only up to 1<<30: the server takes and " +
				"answers any combination, flags up to 1<<35, and bits no flag has (api-notes.md §38)."},
		struct {
			violation *regexp.Regexp
			why       string
		}{regexp.MustCompile(`^[A-Z]+ /api/2\.0/settings/webhook[^ ]*: string doesn't match the format "date-time"`),
			"WebhooksConfigDto's dates are plain DateTime values in the portal's zone, written without an offset, which a " +
				"date-time format requires (api-notes.md §38)."},
	)
}

// TestFakeWebhooksConformToOpenAPI validates the webhook exchanges against the OpenAPI document
// (api-notes.md §38), with the departures of serverDepartures and webhookDepartures only.
func TestFakeWebhooksConformToOpenAPI(t *testing.T) {
	portal := New(Options{APIKeys: []string{"sk-openapi"}, AllowLoopbackWebhooks: true})
	srv := httptest.NewServer(portal)
	defer srv.Close()
	rc := newReceiver(t)
	c := &conformance{t: t, router: loadSpec(t), srv: srv, key: "sk-openapi"}

	c.do("GET", "/api/2.0/settings/webhook/triggers", "")
	created := c.do("POST", "/api/2.0/settings/webhook", `{"name":"Spec hook","uri":"`+rc.url()+`","secretKey":"Secret-123","enabled":true,"ssl":false,"triggers":34359738368,"targetId":"12"}`)
	id := idOf(created, "id")
	c.do("POST", "/api/2.0/settings/webhook", `{"name":"Spec hook","uri":"`+rc.url()+`","secretKey":"Secret-123"}`) // 400 duplicate
	c.do("POST", "/api/2.0/settings/webhook", `{"name":"Spec bad","uri":"`+rc.url()+`","secretKey":"short"}`)       // 400 policy
	c.do("POST", "/api/2.0/files/rooms", `{"title":"Spec delivered","roomType":5}`)
	portal.WaitWebhookDeliveries()
	c.do("GET", "/api/2.0/settings/webhook", "")
	c.do("PUT", "/api/2.0/settings/webhook", `{"id":`+id+`,"name":"Spec hook 2","uri":"`+rc.url()+`","enabled":true,"ssl":false,"triggers":0}`)
	c.do("PUT", "/api/2.0/settings/webhook", `{"id":999,"name":"Spec hook 2","uri":"`+rc.url()+`"}`) // 404 after the checks
	c.do("PUT", "/api/2.0/settings/webhook/enable", `{"id":`+id+`,"name":"Spec hook 2","uri":"`+rc.url()+`","enabled":false}`)
	c.do("DELETE", "/api/2.0/settings/webhook/"+id, "")
	c.do("DELETE", "/api/2.0/settings/webhook/"+strconv.Itoa(999), "") // 404
}
