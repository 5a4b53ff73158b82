package fakeportal

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// client talks to a fake portal as one user.
type client struct {
	t   *testing.T
	srv *httptest.Server
	key string
}

type answer struct {
	status int
	header http.Header
	raw    string
	env    map[string]any
}

func (a answer) response() map[string]any { m, _ := a.env["response"].(map[string]any); return m }
func (a answer) list() []any              { l, _ := a.env["response"].([]any); return l }
func (a answer) message() string {
	e, _ := a.env["error"].(map[string]any)
	s, _ := e["message"].(string)
	return s
}

func (c client) call(method, path, body string) answer {
	c.t.Helper()
	req, _ := http.NewRequest(method, c.srv.URL+"/api/2.0/"+path, strings.NewReader(body))
	if c.key != "" {
		req.Header.Set("Authorization", "Bearer "+c.key)
	}
	resp, err := c.srv.Client().Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	_ = json.Unmarshal(raw, &a.env)
	return a
}

func (c client) id(a answer) string {
	c.t.Helper()
	v, ok := a.response()["id"].(float64)
	if !ok {
		c.t.Fatalf("no id in %s", a.raw)
	}
	return strings.TrimSuffix(strings.TrimSuffix(jsonNumber(v), ".0"), ".")
}

func newFake(t *testing.T, opts Options) (*Portal, client, client) {
	opts.APIKeys = []string{"sk-owner", "sk-user"}
	if opts.FileOpDuration == 0 {
		opts.FileOpDuration = 30 * time.Millisecond
	}
	if opts.JobDuration == 0 {
		opts.JobDuration = 30 * time.Millisecond
	}
	p := New(opts)
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	return p, client{t, srv, "sk-owner"}, client{t, srv, "sk-user"}
}

func TestAuthentication(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	for _, key := range []string{"", "sk-wrong"} {
		// A normal endpoint: the framework's challenge, empty body.
		for _, path := range []string{"files/rooms", "files/roomtemplate/status", "people/@self"} {
			a := client{t, owner.srv, key}.call("GET", path, "")
			if a.status != http.StatusUnauthorized || a.raw != "" {
				t.Errorf("key %q, GET %s: %d %q; want 401 with an empty body", key, path, a.status, a.raw)
			}
		}
		if a := (client{t, owner.srv, key}).call("PUT", "files/rooms/1", `{"title":"x"}`); a.status != 401 || a.raw != "" {
			t.Errorf("key %q, PUT rooms/1: %d %q; want 401 with an empty body", key, a.status, a.raw)
		}
		// The [AllowAnonymous] endpoints answer with a JSON error body, type and stack explicitly null.
		for _, path := range []string{"files/rooms/1", "files/fileops"} {
			a := client{t, owner.srv, key}.call("GET", path, "")
			e, _ := a.env["error"].(map[string]any)
			typ, hasType := e["type"]
			stack, hasStack := e["stack"]
			if a.status != 401 || a.env["statusCode"] != 401.0 || !hasType || typ != nil || !hasStack || stack != nil || e["hresult"] != 0.0 {
				t.Errorf("key %q, GET %s: %d %q; want a JSON 401 with null type and stack", key, path, a.status, a.raw)
			}
		}
	}
}

func TestRoomCreateRules(t *testing.T) {
	_, owner, _ := newFake(t, Options{RoomLimit: 2})
	a := owner.call("POST", "files/rooms", `{"title":"  Room \"with\" \\slashes & <html> 🚀 ","roomType":"CustomRoom","unknown":1}`)
	r := a.response()
	if r["title"] != "Room _with_ _slashes & _html_ __" {
		t.Errorf("title = %q", r["title"])
	}
	if c, _ := r["logo"].(map[string]any)["color"].(string); len(c) != 6 {
		t.Errorf("no random colour: %v", r["logo"])
	}
	if _, ok := r["quotaLimit"]; ok {
		t.Error("the create answer carries quotaLimit; the real one does not")
	}
	for body, field := range map[string]string{
		`{"title":"` + strings.Repeat("x", 171) + `","roomType":5}`: "Title",
		`{"title":"   ","roomType":5}`:                              "Title",
		`{"title":"x","roomType":"Office"}`:                         "$.roomType",
		`{"title":"x","roomType":5,"color":"#FF5733"}`:              "Color",
		`{"title":"x","roomType":5,"indexing":"yes"}`:               "$.indexing",
	} {
		a := owner.call("POST", "files/rooms", body)
		errs, _ := a.response()["errors"].(map[string]any)
		if a.status != 400 || a.env["statusCode"] != 400.0 || errs[field] == nil {
			t.Errorf("%s: %d %s; want a validation problem for %s inside the success envelope", body, a.status, a.raw, field)
		}
	}
	owner.call("POST", "files/rooms", `{"title":"second","roomType":6}`)
	if a := owner.call("POST", "files/rooms", `{"title":"third","roomType":5}`); a.status != 402 || a.message() == "" {
		t.Errorf("past the room limit: %d %s; want 402", a.status, a.raw)
	}
}

func TestRoomUpdateRules(t *testing.T) {
	_, owner, user := newFake(t, Options{})
	id := owner.id(owner.call("POST", "files/rooms", `{"title":"r","roomType":5,"tags":["Ops","ops","Finance"]}`))
	if tags := owner.call("GET", "files/rooms/"+id, "").response()["tags"]; len(tags.([]any)) != 2 {
		t.Errorf("tags not de-duplicated case-insensitively: %v", tags)
	}
	owner.call("POST", "files/rooms", `{"title":"s","roomType":5,"tags":["OPS"]}`)
	a := owner.call("PUT", "files/rooms/"+id, `{"title":"  ","tags":["OPS"]}`)
	if r := a.response(); r["title"] != "r" || len(r["tags"].([]any)) != 1 || r["tags"].([]any)[0] != "Ops" {
		t.Errorf("blank title must be ignored and tags replaced, keeping the catalogue's spelling: %s", a.raw)
	}
	a = owner.call("PUT", "files/rooms/"+id+"/tags", `{"names":["new"]}`)
	if len(a.response()["tags"].([]any)) != 2 {
		t.Errorf("PUT /tags must add: %s", a.raw)
	}
	if a := owner.call("PUT", "files/rooms/999999", `{"title":"x"}`); a.status != 403 || a.message() != "The required folder was not found" {
		t.Errorf("writing a missing room: %d %s; want 403", a.status, a.raw)
	}
	if a := owner.call("GET", "files/rooms/999999", ""); a.status != 404 || !strings.Contains(a.raw, `"stack"`) {
		t.Errorf("reading a missing room: %d %s; want 404 with the server's stack", a.status, a.raw)
	}
	if a := user.call("GET", "files/rooms/"+id, ""); a.status != 403 {
		t.Errorf("another user's room: %d; want 403", a.status)
	}
	if a := user.call("PUT", "files/rooms/"+id, `{"title":"x"}`); a.status != 403 || a.message() != "You don't have permission to edit the room" {
		t.Errorf("writing another user's room: %d %s", a.status, a.raw)
	}
}

func TestFileOperations(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	id := owner.id(owner.call("POST", "files/rooms", `{"title":"r","roomType":5}`))
	if a := owner.call("PUT", "files/rooms/"+id+"/archive", `{"deleteAfter":null}`); a.status != 400 {
		t.Errorf("deleteAfter null: %d; want 400", a.status)
	}
	op := owner.call("PUT", "files/rooms/"+id+"/archive", `{"deleteAfter":false}`).response()
	if op["Operation"] != 0.0 || op["finished"] != false {
		t.Fatalf("archive answer %v", op)
	}
	if r := owner.call("GET", "files/rooms/"+id, "").response(); r["rootFolderType"] != 14.0 {
		t.Errorf("the room moved before its operation finished")
	}
	time.Sleep(50 * time.Millisecond)
	first := owner.call("GET", "files/fileops", "").list()
	if len(first) != 1 || first[0].(map[string]any)["finished"] != true {
		t.Fatalf("fileops after finishing: %v", first)
	}
	if again := owner.call("GET", "files/fileops", "").list(); len(again) != 0 {
		t.Errorf("a finished operation must be listed once: %v", again)
	}
	if a := owner.call("PUT", "files/rooms/"+id, `{"title":"x"}`); a.status != 403 {
		t.Errorf("archived rooms are read-only: %d", a.status)
	}
	other := owner.id(owner.call("POST", "files/rooms", `{"title":"o","roomType":5}`))
	d1 := owner.call("DELETE", "files/rooms/"+other, `{"deleteAfter":false}`).response()
	d2 := owner.call("DELETE", "files/rooms/"+id, `{"deleteAfter":false}`).response()
	if d1["id"] != d2["id"] {
		t.Errorf("the DELETE answer must name the caller's first delete operation (api-notes.md §11): %v vs %v", d1["id"], d2["id"])
	}
	if a := owner.call("GET", "files/rooms/"+id, ""); a.status != 200 {
		t.Errorf("a room being deleted still reads 200, got %d", a.status)
	}
	time.Sleep(50 * time.Millisecond)
	if a := owner.call("GET", "files/rooms/"+id, ""); a.status != 404 {
		t.Errorf("after the delete: %d; want 404", a.status)
	}
}

func TestListPaging(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	for i := range 130 {
		p.AddTemplate("T"+jsonNumber(float64(i)), typeCustom, nil, false)
	}
	owner.call("POST", "files/rooms", `{"title":"Alpha room","roomType":5}`)
	page := owner.call("GET", "files/rooms?searchArea=4&count=100&startIndex=100", "").response()
	if page["total"] != 130.0 || len(page["folders"].([]any)) != 30 {
		t.Errorf("page 2: total %v, %d folders", page["total"], len(page["folders"].([]any)))
	}
	if a := owner.call("GET", "files/rooms?count=101", ""); a.status != 400 {
		t.Errorf("count 101: %d", a.status)
	}
	if r := owner.call("GET", "files/rooms?filterValue=ALPHA", "").response(); r["total"] != 1.0 {
		t.Errorf("filterValue must match case-insensitively: %v", r["total"])
	}
}

func TestJobSlot(t *testing.T) {
	p, owner, user := newFake(t, Options{JobDuration: 100 * time.Millisecond, JobRetention: 150 * time.Millisecond})
	src := owner.id(owner.call("POST", "files/rooms", `{"title":"src","roomType":5}`))
	if a := owner.call("GET", "files/roomtemplate/status", ""); a.env["response"] != nil || a.env["count"] != 0.0 {
		t.Errorf("no job: %s; want no response member and count 0", a.raw)
	}
	owner.call("POST", "files/roomtemplate", `{"roomId":`+src+`,"title":"first"}`)
	second := owner.call("POST", "files/roomtemplate", `{"roomId":`+src+`,"title":"second"}`).response()
	if second["isCompleted"] != false {
		t.Errorf("a second start must return the running job: %v", second)
	}
	mid := user.call("GET", "files/roomtemplate/status", "").response()
	if prog := mid["progress"].(float64); prog <= 0 || prog >= 1 {
		t.Errorf("progress while running must be a fraction below 1, got %v", prog)
	}
	time.Sleep(120 * time.Millisecond)
	done := user.call("GET", "files/roomtemplate/status", "").response() // status leaks across users (BUG 81692)
	if done["isCompleted"] != true || done["progress"] != 100.0 || done["templateId"].(float64) <= 0 {
		t.Fatalf("finished status: %v", done)
	}
	titles := p.RoomTitles(true)
	if len(titles) != 1 || titles[int64(done["templateId"].(float64))] != "first" {
		t.Errorf("the second start's parameters must be dropped: %v", titles)
	}
	time.Sleep(200 * time.Millisecond)
	if a := owner.call("GET", "files/roomtemplate/status", ""); a.env["response"] != nil {
		t.Errorf("the finished record must expire: %s", a.raw)
	}
	p.FailNextJob(JobTemplate, "boom", FailAfterCreate)
	owner.call("POST", "files/roomtemplate", `{"roomId":`+src+`,"title":"doomed"}`)
	time.Sleep(120 * time.Millisecond)
	failed := owner.call("GET", "files/roomtemplate/status", "").response()
	if failed["error"] != "boom" || failed["templateId"].(float64) <= 0 {
		t.Errorf("a failed job reports its error and the id of the deleted object: %v", failed)
	}
}

func TestLinkRules(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	custom := owner.id(owner.call("POST", "files/rooms", `{"title":"c","roomType":5}`))
	public := owner.id(owner.call("POST", "files/rooms", `{"title":"p","roomType":6}`))
	a := owner.call("PUT", "files/rooms/"+custom+"/links", `{"access":2}`)
	if a.response()["sharedLink"].(map[string]any)["linkType"] != 0.0 {
		t.Errorf("omitting linkType must create an invitation link: %s", a.raw)
	}
	if a := owner.call("PUT", "files/rooms/"+custom+"/links", `{"access":2}`); a.status != 403 {
		t.Errorf("a second invitation link: %d", a.status)
	}
	const id = "6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"
	a = owner.call("PUT", "files/rooms/"+custom+"/links", `{"linkId":"`+id+`","access":2,"linkType":1,"password":"Secret-123","expirationDate":"2001-01-01T00:00:00Z"}`)
	link := a.response()["sharedLink"].(map[string]any)
	if link["id"] != id || link["password"] != "Secret-123" || link["expirationDate"] != nil {
		t.Errorf("client-chosen id, clear-text password, past expiry ignored: %s", a.raw)
	}
	a = owner.call("PUT", "files/rooms/"+custom+"/links", `{"linkId":"`+id+`","access":5,"linkType":1}`)
	if a.response()["sharedLink"].(map[string]any)["password"] != nil {
		t.Errorf("an update replaces the whole link; the password must be gone: %s", a.raw)
	}
	for i := range 4 {
		owner.call("PUT", "files/rooms/"+custom+"/links", `{"access":2,"linkType":1,"title":"l`+jsonNumber(float64(i))+`"}`)
	}
	if a := owner.call("PUT", "files/rooms/"+custom+"/links", `{"access":2,"linkType":1}`); a.status != 403 || !strings.Contains(a.message(), "maximum number of links") {
		t.Errorf("a sixth external link: %d %s", a.status, a.raw)
	}
	if a := owner.call("PUT", "files/rooms/"+public+"/links", `{"access":5,"linkType":0}`); a.status != 403 {
		t.Errorf("review invitation in a public room: %d", a.status)
	}
	links := owner.call("GET", "files/rooms/"+public+"/links", "").list()
	primary := links[0].(map[string]any)["sharedLink"].(map[string]any)["id"].(string)
	a = owner.call("PUT", "files/rooms/"+public+"/links", `{"linkId":"`+primary+`","access":0,"linkType":1}`)
	if renewed := a.response()["sharedLink"].(map[string]any); renewed["id"] == primary || renewed["primary"] != true {
		t.Errorf("revoking a public room's primary link must issue a new one: %s", a.raw)
	}
	if got := owner.call("GET", "files/rooms/"+custom+"/links?type=1", "").list(); len(got) != 5 {
		t.Errorf("custom room: %d external links before GET /link", len(got))
	}
	owner.call("GET", "files/rooms/"+custom+"/link", "")
	if got := owner.call("GET", "files/rooms/"+custom+"/links?type=1", "").list(); len(got) != 6 {
		t.Errorf("GET /link must create the primary link as a side effect: %d links", len(got))
	}
}

func TestFaultsAndCounters(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	p.InjectFault(Fault{Status: 429, RetryAfter: 2 * time.Second, Count: 2, Method: "GET"})
	for range 2 {
		if a := owner.call("GET", "files/rooms", ""); a.status != 429 || a.header.Get("Retry-After") != "2" {
			t.Errorf("injected 429: %d %v", a.status, a.header)
		}
	}
	if a := owner.call("GET", "files/rooms", ""); a.status != 200 {
		t.Errorf("the fault must end after 2 requests: %d", a.status)
	}
	p.InjectFault(Fault{Status: 502, Count: 1, Method: "POST", AfterProcessing: true})
	if a := owner.call("POST", "files/rooms", `{"title":"lost answer","roomType":5}`); a.status != 502 {
		t.Errorf("AfterProcessing fault: %d", a.status)
	}
	if len(p.RoomIDs()) != 1 {
		t.Errorf("an AfterProcessing fault must still do the work")
	}
	p.InjectFault(Fault{Drop: true, Count: 1})
	req, _ := http.NewRequest("GET", owner.srv.URL+"/api/2.0/files/rooms", nil)
	req.Header.Set("Authorization", "Bearer sk-owner")
	// A fresh connection: Go's transport silently retries requests that fail on a reused one.
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	if _, err := fresh.Do(req); err == nil {
		t.Error("a dropped connection must fail the request")
	}
	if n := p.Counts()["GET /api/2.0/files/rooms"]; n != 4 {
		t.Errorf("counter = %d, want 4 (faulted requests count)", n)
	}
}

func TestEdgeCasesFoundByProbing(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	if a := owner.call("GET", "files/rooms?startIndex=-1", ""); a.status != 400 {
		t.Errorf("negative startIndex: %d %s; want a validation problem, not a dropped connection", a.status, a.raw)
	}
	if a := owner.call("POST", "files/rooms", `{"title":"secret","roomType":5,"private":true}`); a.status != 403 {
		t.Errorf("private room without encryption keys: %d; want 403 (api-notes.md §7)", a.status)
	}
	one := owner.id(owner.call("POST", "files/rooms", `{"title":"a","roomType":5}`))
	two := owner.id(owner.call("POST", "files/rooms", `{"title":"b","roomType":5}`))
	opOne := owner.call("PUT", "files/rooms/"+one+"/archive", `{"deleteAfter":false}`).response()["id"].(string)
	owner.call("PUT", "files/rooms/"+two+"/archive", `{"deleteAfter":false}`)
	time.Sleep(50 * time.Millisecond)
	if got := owner.call("GET", "files/fileops?id="+opOne, "").list(); len(got) != 1 {
		t.Errorf("?id= must select one operation: %v", got)
	}
	if got := owner.call("GET", "files/fileops", "").list(); len(got) != 1 {
		t.Errorf("asking for one operation must not consume the others: %v", got)
	}
	custom := owner.id(owner.call("POST", "files/rooms", `{"title":"c","roomType":5}`))
	for _, date := range []string{"2031-06-01T10:00:00", "2031-06-01"} {
		a := owner.call("PUT", "files/rooms/"+custom+"/links", `{"access":2,"linkType":1,"expirationDate":"`+date+`"}`)
		if a.response()["sharedLink"].(map[string]any)["expirationDate"] == nil {
			t.Errorf("expiry %q without an offset was dropped: %s", date, a.raw)
		}
	}
}

// TestDamagedAnswersAfterTheWork: the portal acts, then the answer is lost or damaged on its way back.
func TestDamagedAnswersAfterTheWork(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	checks := map[Reply]func(answer) bool{
		ReplyEmpty:       func(a answer) bool { return a.raw == "" },
		ReplyTruncated:   func(a answer) bool { return a.env == nil && strings.HasPrefix(a.raw, `{"`) },
		ReplyNull:        func(a answer) bool { _, has := a.env["response"]; return !has && a.env["statusCode"] == 200.0 },
		ReplyUndecodable: func(a answer) bool { return a.response()["id"] == "not a number" },
	}
	rooms := 0
	for reply, ok := range checks {
		p.InjectFault(Fault{Reply: reply, Count: 1, Method: "POST"})
		if a := owner.call("POST", "files/rooms", `{"title":"acted","roomType":5}`); a.status != 200 || !ok(a) {
			t.Errorf("%s: %d %q", reply, a.status, a.raw)
		}
		if rooms++; len(p.RoomIDs()) != rooms {
			t.Errorf("%s: the portal must still create the room", reply)
		}
	}
	p.InjectFault(Fault{Reply: ReplyHang, Count: 1, Method: "POST"})
	impatient := &http.Client{Timeout: 200 * time.Millisecond}
	req, _ := http.NewRequest("POST", owner.srv.URL+"/api/2.0/files/rooms", strings.NewReader(`{"title":"slow","roomType":5}`))
	req.Header.Set("Authorization", "Bearer sk-owner")
	if _, err := impatient.Do(req); err == nil {
		t.Error("a hanging answer must time the client out")
	}
	if len(p.RoomIDs()) != rooms+1 {
		t.Error("hang: the portal must still create the room")
	}
}

// TestFileOperationFinishedBeforeTheAnswer: the start call's answer is the only report of an operation
// that is already over; it is consumed there, and a failure carries its message (api-notes.md §10-§12).
func TestFileOperationFinishedBeforeTheAnswer(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	p.FinishFileOperationsAtOnce(true)
	room := owner.id(owner.call("POST", "files/rooms", `{"title":"fast","roomType":5}`))
	p.FailNextFileOperation("The room is being edited")
	op := owner.call("PUT", "files/rooms/"+room+"/archive", `{"deleteAfter":false}`).response()
	if op["finished"] != true || op["error"] != "The room is being edited" {
		t.Fatalf("archive answer: %v; want a finished, failed operation", op)
	}
	if got := owner.call("GET", "files/fileops", "").list(); len(got) != 0 {
		t.Errorf("a finished operation reported by its start call must not be listed again: %v", got)
	}
	if a := owner.call("GET", "files/rooms/"+room, ""); a.response()["rootFolderType"] != 14.0 {
		t.Errorf("a failed archive must leave the room active: %v", a.response()["rootFolderType"])
	}
	op = owner.call("DELETE", "files/rooms/"+room, `{"deleteAfter":false}`).response()
	if op["finished"] != true || op["error"] != "" {
		t.Fatalf("delete answer: %v; want a finished operation", op)
	}
	if a := owner.call("GET", "files/rooms/"+room, ""); a.status != 404 {
		t.Errorf("the room must be gone once its delete has finished: %d", a.status)
	}
}
