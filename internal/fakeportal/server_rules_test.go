package fakeportal

import (
	"strings"
	"testing"
	"time"
)

// Behaviour the fake must share with the server (docs/development/api-notes.md), found lenient in a second review.

func sharedLink(t *testing.T, a answer) map[string]any {
	t.Helper()
	l, ok := a.response()["sharedLink"].(map[string]any)
	if !ok {
		t.Fatalf("no sharedLink in %d %s", a.status, a.raw)
	}
	return l
}

func TestPrimaryLinkExpiryIsDroppedAndTheRestApplies(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	for _, roomType := range []string{"6", "1"} {
		room := owner.id(owner.call("POST", "files/rooms", `{"title":"r","roomType":`+roomType+`}`))
		primary := owner.call("GET", "files/rooms/"+room+"/links", "").list()[0].(map[string]any)
		id := primary["sharedLink"].(map[string]any)["id"].(string)
		access := jsonNumber(primary["access"].(float64))
		a := owner.call("PUT", "files/rooms/"+room+"/links", `{"linkId":"`+id+`","access":`+access+`,"linkType":1,"title":"Renamed","expirationDate":"2030-01-01T00:00:00Z"}`)
		l := sharedLink(t, a)
		if l["title"] != "Renamed" || l["expirationDate"] != nil || l["id"] != id {
			t.Errorf("room type %s: the expiry must be dropped and the title applied: %s", roomType, a.raw)
		}
	}
}

func TestLinkEditFlagsFollowRoomType(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	want := map[string][2]bool{ // room type: canEditInternal, canEditExpirationDate
		"5": {true, true}, "6": {false, true}, "1": {true, false}, "8": {false, true}, "2": {true, true},
	}
	for roomType, flags := range want {
		room := owner.id(owner.call("POST", "files/rooms", `{"title":"r","roomType":`+roomType+`}`))
		access := map[string]string{"5": "2", "6": "2", "1": "7", "8": "2", "2": "2"}[roomType]
		if roomType == "1" {
			access = "11"
		}
		a := owner.call("PUT", "files/rooms/"+room+"/links", `{"access":`+access+`,"linkType":0}`)
		if a.status != 200 {
			t.Fatalf("room type %s: invitation link: %d %s", roomType, a.status, a.raw)
		}
		for _, item := range owner.call("GET", "files/rooms/"+room+"/links", "").list() {
			l := item.(map[string]any)
			if l["canEditInternal"] != flags[0] || l["canEditExpirationDate"] != flags[1] {
				t.Errorf("room type %s, subject %v: canEditInternal %v, canEditExpirationDate %v; want %v",
					roomType, l["subjectType"], l["canEditInternal"], l["canEditExpirationDate"], flags)
			}
		}
	}
}

func TestSkippedLinkUpdates(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	// A form-filling room's invitation link: a different expiry skips the whole update.
	forms := owner.id(owner.call("POST", "files/rooms", `{"title":"f","roomType":1}`))
	inv := sharedLink(t, owner.call("PUT", "files/rooms/"+forms+"/links", `{"access":11,"linkType":0,"title":"Join"}`))
	a := owner.call("PUT", "files/rooms/"+forms+"/links", `{"linkId":"`+inv["id"].(string)+`","access":11,"linkType":0,"title":"Changed","expirationDate":"2030-01-01T00:00:00Z"}`)
	if l := sharedLink(t, a); l["title"] != "Join" || l["expirationDate"] != nil {
		t.Errorf("an expiry change in a form-filling room must skip the update: %s", a.raw)
	}
	// A VDR link: requesting internal=false skips the whole update.
	vdr := owner.id(owner.call("POST", "files/rooms", `{"title":"v","roomType":8}`))
	inv = sharedLink(t, owner.call("PUT", "files/rooms/"+vdr+"/links", `{"access":2,"linkType":0,"title":"Join"}`))
	if inv["internal"] != true {
		t.Fatalf("VDR links are internal: %v", inv)
	}
	a = owner.call("PUT", "files/rooms/"+vdr+"/links", `{"linkId":"`+inv["id"].(string)+`","access":2,"linkType":0,"title":"Changed","internal":false}`)
	if l := sharedLink(t, a); l["title"] != "Join" {
		t.Errorf("an internal change in a VDR must skip the update: %s", a.raw)
	}
}

func TestRoomTypeRuleMessages(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	for _, roomType := range []string{"2", "8", "9"} {
		room := owner.id(owner.call("POST", "files/rooms", `{"title":"r","roomType":`+roomType+`}`))
		a := owner.call("PUT", "files/rooms/"+room+"/links", `{"access":2,"linkType":1}`)
		if a.status != 403 || a.message() != "The role is not available for this user type" {
			t.Errorf("external link in room type %s: %d %q", roomType, a.status, a.message())
		}
	}
	tpl := jsonNumber(float64(p.AddTemplate("t", typeCustom, nil, false)))
	a := owner.call("PUT", "files/rooms/"+tpl+"/links", `{"access":2,"linkType":1}`)
	if a.status != 403 || a.message() != "The role is not available for this user type" {
		t.Errorf("link on a template: %d %q", a.status, a.message())
	}
}

func TestUnlimitedInvitationOmitsUseCounts(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	room := owner.id(owner.call("POST", "files/rooms", `{"title":"r","roomType":5}`))
	l := sharedLink(t, owner.call("PUT", "files/rooms/"+room+"/links", `{"access":2,"linkType":0}`))
	if _, ok := l["maxUseCount"]; ok {
		t.Errorf("unlimited link: maxUseCount present: %v", l)
	}
	if _, ok := l["currentUseCount"]; ok {
		t.Errorf("unlimited link: currentUseCount present: %v", l)
	}
	l = sharedLink(t, owner.call("PUT", "files/rooms/"+room+"/links", `{"linkId":"`+l["id"].(string)+`","access":2,"linkType":0,"maxUseCount":"7"}`))
	if l["maxUseCount"] != 7.0 || l["currentUseCount"] != 0.0 {
		t.Errorf("limited link (count sent as a string): %v", l)
	}
}

func TestUnknownCoverIsAnErrorEnvelope(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	a := owner.call("POST", "files/rooms", `{"title":"r","roomType":5,"cover":"no-such-cover"}`)
	if a.status != 400 || a.message() == "" || a.env["response"] != nil || a.env["statusCode"] != 400.0 {
		t.Errorf("create: %d %s; want a 400 error envelope", a.status, a.raw)
	}
	room := owner.id(owner.call("POST", "files/rooms", `{"title":"r","roomType":5}`))
	a = owner.call("PUT", "files/rooms/"+room, `{"cover":"no-such-cover"}`)
	if a.status != 400 || a.message() == "" || a.env["response"] != nil {
		t.Errorf("update: %d %s; want a 400 error envelope", a.status, a.raw)
	}
}

func TestSetPublicDefaultsToFalse(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	tpl := jsonNumber(float64(p.AddTemplate("t", typeCustom, nil, true)))
	if a := owner.call("PUT", "files/roomtemplate/public", `{"id":`+tpl+`}`); a.status != 200 {
		t.Fatalf("public omitted: %d %s", a.status, a.raw)
	}
	if a := owner.call("GET", "files/roomtemplate/"+tpl+"/public", ""); a.env["response"] != false {
		t.Errorf("omitting public must make the template private: %s", a.raw)
	}
	if a := owner.call("PUT", "files/roomtemplate/public", `{"id":"`+tpl+`","public":true}`); a.status != 200 {
		t.Errorf("id as a string: %d %s", a.status, a.raw)
	}
	if a := owner.call("GET", "files/roomtemplate/"+tpl+"/public", ""); a.env["response"] != true {
		t.Errorf("public true: %s", a.raw)
	}
}

func TestTemplatesBelongToTheirOwner(t *testing.T) {
	p, owner, other := newFake(t, Options{JobDuration: 20 * time.Millisecond})
	// The owner (a DocSpace admin) has no override on another user's template.
	src := other.id(other.call("POST", "files/rooms", `{"title":"src","roomType":5}`))
	other.call("POST", "files/roomtemplate", `{"roomId":`+src+`,"title":"private tpl"}`)
	time.Sleep(60 * time.Millisecond)
	tpl := jsonNumber(other.call("GET", "files/roomtemplate/status", "").response()["templateId"].(float64))
	if a := other.call("GET", "files/rooms/"+tpl, ""); a.status != 200 {
		t.Fatalf("the template's owner reads it: %d %s", a.status, a.raw)
	}
	if a := owner.call("GET", "files/rooms/"+tpl, ""); a.status != 403 {
		t.Errorf("an admin reads another user's private template: %d", a.status)
	}
	if got := owner.call("GET", "files/rooms?searchArea=templates", "").response()["folders"].([]any); len(got) != 0 {
		t.Errorf("an admin lists another user's private template: %v", got)
	}
	if a := owner.call("PUT", "files/rooms/"+tpl, `{"title":"hijacked"}`); a.status != 403 {
		t.Errorf("an admin updates another user's template: %d", a.status)
	}
	// Public: readable by others, still editable by the owner alone.
	if a := other.call("PUT", "files/roomtemplate/public", `{"id":`+tpl+`,"public":true}`); a.status != 200 {
		t.Fatalf("the owner makes it public: %d %s", a.status, a.raw)
	}
	if a := owner.call("GET", "files/rooms/"+tpl, ""); a.status != 200 {
		t.Errorf("a public template must be readable to an admin: %d", a.status)
	}
	if a := owner.call("PUT", "files/rooms/"+tpl, `{"title":"hijacked"}`); a.status != 403 {
		t.Errorf("an admin updates another user's public template: %d", a.status)
	}
	if a := owner.call("PUT", "files/roomtemplate/public", `{"id":`+tpl+`,"public":false}`); a.status != 403 {
		t.Errorf("an admin toggles another user's template: %d", a.status)
	}
	if a := owner.call("DELETE", "files/rooms/"+tpl, `{"deleteAfter":false}`); a.status != 403 {
		t.Errorf("an admin deletes another user's template: %d", a.status)
	}
	// Shared by e-mail at creation: readable by that user.
	own := p.AddTemplate("owner's", typeCustom, nil, false)
	if a := other.call("GET", "files/rooms/"+jsonNumber(float64(own)), ""); a.status != 403 {
		t.Errorf("another user reads the owner's private template: %d", a.status)
	}
	other.call("POST", "files/roomtemplate", `{"roomId":`+src+`,"title":"shared tpl","share":["owner@portal.example"]}`)
	time.Sleep(60 * time.Millisecond)
	shared := jsonNumber(other.call("GET", "files/roomtemplate/status", "").response()["templateId"].(float64))
	if a := owner.call("GET", "files/rooms/"+shared, ""); a.status != 200 {
		t.Errorf("a template shared with the admin by e-mail: %d", a.status)
	}
}

func TestRunningJobWithoutProgressIsEvicted(t *testing.T) {
	// The job creates its template at 1/5 of its run, then publishes nothing until the end; with a
	// stall timeout shorter than that gap the cleaner evicts and cancels it.
	p, owner, _ := newFake(t, Options{JobDuration: time.Second, JobStallTimeout: 250 * time.Millisecond})
	src := owner.id(owner.call("POST", "files/rooms", `{"title":"src","roomType":5}`))
	owner.call("POST", "files/roomtemplate", `{"roomId":`+src+`,"title":"slow"}`)
	time.Sleep(300 * time.Millisecond)
	running := owner.call("GET", "files/roomtemplate/status", "").response()
	if running["isCompleted"] != false || running["templateId"] != -1.0 {
		t.Fatalf("after creating its folder the job still reports id -1: %v", running)
	}
	if len(p.RoomTitles(true)) != 1 {
		t.Fatalf("the template folder exists while the job runs: %v", p.RoomTitles(true))
	}
	time.Sleep(300 * time.Millisecond) // 250 ms after the last progress
	if a := owner.call("GET", "files/roomtemplate/status", ""); a.env["response"] != nil {
		t.Errorf("a running job without progress for the stall timeout must vanish: %s", a.raw)
	}
	time.Sleep(600 * time.Millisecond) // past the job's due time: a cancelled job never completes
	if a := owner.call("GET", "files/roomtemplate/status", ""); a.env["response"] != nil {
		t.Errorf("a cancelled job came back: %s", a.raw)
	}
	// The slot is free again.
	if a := owner.call("POST", "files/roomtemplate", `{"roomId":`+src+`,"title":"next"}`); a.response()["isCompleted"] != false {
		t.Errorf("a new job after eviction: %s", a.raw)
	}
}

func TestTemplateIDPublishedAtNextProgress(t *testing.T) {
	p, owner, _ := newFake(t, Options{JobDuration: 500 * time.Millisecond})
	src := owner.id(owner.call("POST", "files/rooms", `{"title":"src","roomType":5}`))
	owner.call("POST", "files/roomtemplate", `{"roomId":`+src+`,"title":"tpl"}`)
	time.Sleep(200 * time.Millisecond) // past creation (1/5), before the end
	if len(p.RoomTitles(true)) != 1 {
		t.Fatal("the template folder must exist")
	}
	if st := owner.call("GET", "files/roomtemplate/status", "").response(); st["templateId"] != -1.0 {
		t.Errorf("templateId before the next progress step: %v", st)
	}
	time.Sleep(400 * time.Millisecond)
	if st := owner.call("GET", "files/roomtemplate/status", "").response(); st["templateId"].(float64) <= 0 || st["isCompleted"] != true {
		t.Errorf("templateId at the end: %v", st)
	}
	// The room-from-template job publishes the id right after setup.
	tpl := jsonNumber(float64(p.AddTemplate("t", typeCustom, nil, false)))
	owner.call("POST", "files/rooms/fromtemplate", `{"templateId":`+tpl+`,"title":"room"}`)
	time.Sleep(200 * time.Millisecond)
	if st := owner.call("GET", "files/rooms/fromtemplate/status", "").response(); st["isCompleted"] != false || st["roomId"].(float64) <= 0 {
		t.Errorf("roomId right after setup: %v", st)
	}
}

func TestLongTitlesKeepTheirExtension(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	src := owner.id(owner.call("POST", "files/rooms", `{"title":"src","roomType":5}`))
	cases := []struct{ title, want string }{
		// The last dot at unit 160 (> 150): cut before it so the extension fits.
		{strings.Repeat("a", 160) + ".extension" + strings.Repeat("b", 10), strings.Repeat("a", 150) + ".extension" + strings.Repeat("b", 10)},
		// The last dot at unit 100 (not beyond 150): a plain cut.
		{strings.Repeat("a", 100) + "." + strings.Repeat("b", 100), strings.Repeat("a", 100) + "." + strings.Repeat("b", 69)},
		// Characters are replaced after the cut.
		{strings.Repeat("a", 165) + ".doc:x" + strings.Repeat("c", 5), strings.Repeat("a", 159) + ".doc_x" + strings.Repeat("c", 5)},
	}
	for _, tc := range cases {
		before := len(p.RoomTitles(true))
		owner.call("POST", "files/roomtemplate", `{"roomId":`+src+`,"title":"`+tc.title+`"}`)
		deadline := time.Now().Add(2 * time.Second)
		for len(p.RoomTitles(true)) == before && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
			owner.call("GET", "files/roomtemplate/status", "")
		}
		found := false
		for _, title := range p.RoomTitles(true) {
			if title == tc.want {
				found = true
			}
		}
		if !found || len(tc.want) != 170 {
			t.Errorf("title of %d units: want %q (%d), have %v", len(tc.title), tc.want, len(tc.want), p.RoomTitles(true))
		}
		time.Sleep(40 * time.Millisecond) // let the job finish so the slot frees
		owner.call("GET", "files/roomtemplate/status", "")
	}
}

func TestLinksOfAnUnreadableRoomAreAnEmptyList(t *testing.T) {
	p, owner, other := newFake(t, Options{})
	room := owner.id(owner.call("POST", "files/rooms", `{"title":"r","roomType":6}`))
	if n := len(owner.call("GET", "files/rooms/"+room+"/links", "").list()); n != 1 {
		t.Fatalf("the owner sees the primary link: %d", n)
	}
	a := other.call("GET", "files/rooms/"+room+"/links", "")
	if a.status != 200 || len(a.list()) != 0 || a.env["response"] == nil {
		t.Errorf("a caller who cannot read the room: %d %s; want 200 []", a.status, a.raw)
	}
	var id int64
	for _, n := range p.RoomIDs() {
		id = n
	}
	p.AddMember(id, "sk-user", accessRead)
	a = other.call("GET", "files/rooms/"+room+"/links", "")
	if a.status != 200 || len(a.list()) != 0 {
		t.Errorf("a reader without ReadLinks: %d %s; want 200 []", a.status, a.raw)
	}
	r := other.call("GET", "files/rooms/"+room, "").response()
	sec, _ := r["security"].(map[string]any)
	if r["canShare"] != false || sec["EditAccess"] != false || sec["Read"] != true {
		t.Errorf("a reader's room: canShare %v, security %v", r["canShare"], sec)
	}
	p.AddMember(id, "sk-user", accessRoomManager)
	if n := len(other.call("GET", "files/rooms/"+room+"/links", "").list()); n != 1 {
		t.Errorf("a room manager sees the links: %d", n)
	}
	if a := owner.call("GET", "files/rooms/999999/links", ""); a.status != 404 {
		t.Errorf("a missing room: %d", a.status)
	}
}

func TestInputsTheServerAccepts(t *testing.T) {
	_, owner, _ := newFake(t, Options{JobDuration: 20 * time.Millisecond})
	a := owner.call("POST", "files/rooms", `{"title":"by name","roomType":"publicroom","quota":"5"}`)
	if a.status != 200 || a.response()["roomType"] != 6.0 {
		t.Fatalf("roomType by name in any case, quota as a string: %d %s", a.status, a.raw)
	}
	room := owner.id(a)
	if a := owner.call("POST", "files/rooms", `{"title":"by string number","roomType":"5"}`); a.status != 200 || a.response()["roomType"] != 5.0 {
		t.Errorf("roomType as a numeric string: %d %s", a.status, a.raw)
	}
	if q := owner.call("GET", "files/rooms/"+room, "").response()["quotaLimit"]; q != 5.0 {
		t.Errorf("quota \"5\" read back: %v", q)
	}
	if a := owner.call("POST", "files/rooms", `{"title":"x","roomType":3}`); a.status != 400 || a.message() == "" || a.env["response"] != nil {
		t.Errorf("an undefined roomType number: %d %s; want a 400 error envelope", a.status, a.raw)
	}
	if a := owner.call("POST", "files/rooms", `{"title":"x","roomType":"NoSuchRoom"}`); a.status != 400 || a.response()["errors"] == nil {
		t.Errorf("an unknown roomType name: %d %s; want a validation 400", a.status, a.raw)
	}
	if a := owner.call("POST", "files/rooms", `{"title":"x","roomType":5,"quota":"lots"}`); a.status != 400 || a.response()["errors"] == nil {
		t.Errorf("a non-numeric string for a number: %d %s; want a validation 400", a.status, a.raw)
	}
	if a := owner.call("PUT", "files/rooms/"+room, `{"quota":"7","lifetime":{"period":"1","value":"3"},"watermark":{"text":"w","rotate":"-45"}}`); a.status != 200 ||
		a.response()["quotaLimit"] != 7.0 || a.response()["lifetime"].(map[string]any)["value"] != 3.0 || a.response()["watermark"].(map[string]any)["rotate"] != -45.0 {
		t.Errorf("nested numbers as strings: %d %s", a.status, a.raw)
	}
	if a := owner.call("PUT", "files/rooms/"+room+"/archive", `{"deleteAfter":"false"}`); a.status != 400 {
		t.Errorf("a boolean written as a string: %d; want 400", a.status)
	}
	if a := owner.call("PUT", "files/rooms/"+room+"/links", `{"access":2,"linkType":"1"}`); a.status != 400 {
		t.Errorf("linkType (an enum without a string converter) as a string: %d; want 400", a.status)
	}
	owner.call("POST", "files/roomtemplate", `{"roomId":"`+room+`","title":"tpl"}`)
	time.Sleep(60 * time.Millisecond)
	if st := owner.call("GET", "files/roomtemplate/status", "").response(); st["error"] != "" || st["templateId"].(float64) <= 0 {
		t.Errorf("roomId as a string: %v", st)
	}
	for _, area := range []string{"Templates", "templates", "4", "TEMPLATES"} {
		a := owner.call("GET", "files/rooms?searchArea="+area, "")
		if a.status != 200 || a.response()["current"].(map[string]any)["rootFolderType"] != 30.0 || len(a.response()["folders"].([]any)) != 1 {
			t.Errorf("searchArea=%s: %d %s", area, a.status, a.raw)
		}
	}
	if a := owner.call("GET", "files/rooms?searchArea=Nowhere", ""); a.status != 400 || a.response()["errors"] == nil {
		t.Errorf("an unknown searchArea name: %d %s", a.status, a.raw)
	}
	names := func(order string) []string {
		var out []string
		for _, f := range owner.call("GET", "files/rooms?sortBy=AZ&sortOrder="+order, "").response()["folders"].([]any) {
			out = append(out, f.(map[string]any)["title"].(string))
		}
		return out
	}
	asc, desc := names("Ascending"), names("descending")
	if len(asc) < 2 || asc[0] != desc[len(desc)-1] || asc[0] == desc[0] || strings.Join(names("1"), ",") != strings.Join(desc, ",") {
		t.Errorf("sortOrder by name and number: asc %v, desc %v", asc, desc)
	}
	if got := owner.call("GET", "files/rooms?type=PublicRoom&type=5", "").response()["folders"].([]any); len(got) != 2 {
		t.Errorf("type by name and number: %d rooms", len(got))
	}
	if got := owner.call("GET", "files/rooms/"+room+"/links?type=External", ""); got.status != 200 || len(got.list()) != 1 {
		t.Errorf("links type by name: %d %s", got.status, got.raw)
	}
}

func TestQuotaDefaults(t *testing.T) {
	_, owner, _ := newFake(t, Options{DefaultRoomQuota: 1 << 20})
	for _, body := range []string{`{"title":"q","roomType":5}`, `{"title":"q","roomType":5,"quota":0}`, `{"title":"q","roomType":5,"quota":-2}`} {
		room := owner.id(owner.call("POST", "files/rooms", body))
		r := owner.call("GET", "files/rooms/"+room, "").response()
		if r["quotaLimit"] != float64(1<<20) || r["isCustomQuota"] != false {
			t.Errorf("%s: quotaLimit %v isCustomQuota %v; want the portal default, not custom", body, r["quotaLimit"], r["isCustomQuota"])
		}
	}
	room := owner.id(owner.call("POST", "files/rooms", `{"title":"q","roomType":5,"quota":-1}`))
	if r := owner.call("GET", "files/rooms/"+room, "").response(); r["quotaLimit"] != -1.0 || r["isCustomQuota"] != true {
		t.Errorf("-1: %v %v", r["quotaLimit"], r["isCustomQuota"])
	}
	if r := owner.call("PUT", "files/rooms/"+room, `{"quota":0}`).response(); r["quotaLimit"] != 0.0 {
		t.Errorf("an update stores 0 as sent: %v", r["quotaLimit"])
	}
	if r := owner.call("PUT", "files/rooms/"+room, `{"quota":-5}`).response(); r["quotaLimit"] != float64(1<<20) || r["isCustomQuota"] != false {
		t.Errorf("an update below -1 is the default: %v %v", r["quotaLimit"], r["isCustomQuota"])
	}
	owner.call("PUT", "files/rooms/"+room+"/archive", `{"deleteAfter":false}`)
	time.Sleep(60 * time.Millisecond)
	r := owner.call("GET", "files/rooms/"+room, "").response()
	if _, ok := r["quotaLimit"]; ok || r["rootFolderType"] != 20.0 {
		t.Errorf("an archived room reports no quota: %v", r)
	}
}

func TestWatermarkAtCreate(t *testing.T) {
	_, owner, _ := newFake(t, Options{})
	a := owner.call("POST", "files/rooms", `{"title":"w","roomType":5,"watermark":{"text":"x","imageScale":50}}`)
	wm := a.response()["watermark"].(map[string]any)
	if wm["imageScale"] != 0.0 {
		t.Errorf("without an image the scale is dropped at create: %v", wm)
	}
	a = owner.call("POST", "files/rooms", `{"title":"w","roomType":5,"watermark":{"imageUrl":"logo.png","imageScale":50}}`)
	wm = a.response()["watermark"].(map[string]any)
	if u, _ := wm["imageUrl"].(string); !strings.HasPrefix(u, "http") || !strings.HasSuffix(u, "logo.png") || wm["imageScale"] != 50.0 {
		t.Errorf("a relative imageUrl is rewritten into a storage URL: %v", wm)
	}
	a = owner.call("POST", "files/rooms", `{"title":"w","roomType":5,"watermark":{"imageUrl":"https://img.example/a.png","imageScale":50}}`)
	if wm = a.response()["watermark"].(map[string]any); wm["imageUrl"] != "https://img.example/a.png" || wm["imageScale"] != 50.0 {
		t.Errorf("an absolute URL is kept: %v", wm)
	}
	room := owner.id(owner.call("POST", "files/rooms", `{"title":"w","roomType":5}`))
	a = owner.call("PUT", "files/rooms/"+room, `{"watermark":{"text":"x","imageScale":50}}`)
	if wm = a.response()["watermark"].(map[string]any); wm["imageScale"] != 50.0 {
		t.Errorf("an update keeps imageScale as sent: %v", wm)
	}
}

func TestCopyLogoCopiesOnlyAnUploadedImage(t *testing.T) {
	p, owner, _ := newFake(t, Options{JobDuration: 20 * time.Millisecond})
	src := owner.id(owner.call("POST", "files/rooms", `{"title":"src","roomType":5,"color":"123456","cover":"cover-books"}`))
	template := func(body string) map[string]any {
		owner.call("POST", "files/roomtemplate", body)
		time.Sleep(60 * time.Millisecond)
		id := jsonNumber(owner.call("GET", "files/roomtemplate/status", "").response()["templateId"].(float64))
		return owner.call("GET", "files/rooms/"+id, "").response()
	}
	tpl := template(`{"roomId":` + src + `,"title":"t1","copyLogo":true}`)
	logo := tpl["logo"].(map[string]any)
	if logo["color"] == "123456" || logo["cover"] != nil || logo["original"] != "" {
		t.Errorf("without an uploaded image nothing is copied: %v", logo)
	}
	var srcID int64
	for id, title := range p.RoomTitles(false) {
		if title == "src" {
			srcID = id
		}
	}
	p.UploadLogo(srcID)
	if l := owner.call("GET", "files/rooms/"+src, "").response()["logo"].(map[string]any); l["color"] != nil || l["cover"] != nil || l["original"] == "" {
		t.Errorf("a room with an uploaded logo reports no colour or cover: %v", l)
	}
	tpl = template(`{"roomId":` + src + `,"title":"t2","copyLogo":true,"color":"ABCDEF"}`)
	logo = tpl["logo"].(map[string]any)
	if logo["original"] == "" || logo["color"] != nil || logo["cover"] != nil {
		t.Errorf("copyLogo copies the uploaded image; the colour sent does not show: %v", logo)
	}
}

func TestDeleteNeedsABody(t *testing.T) {
	p, owner, _ := newFake(t, Options{})
	room := owner.id(owner.call("POST", "files/rooms", `{"title":"r","roomType":5}`))
	a := owner.call("DELETE", "files/rooms/"+room, "")
	if errs, _ := a.response()["errors"].(map[string]any); a.status != 400 || errs == nil {
		t.Errorf("DELETE without a body: %d %s; want a validation 400", a.status, a.raw)
	}
	if a := owner.call("DELETE", "files/rooms/999999", ""); a.status != 400 {
		t.Errorf("model binding comes before the room lookup: %d", a.status)
	}
	if len(p.RoomIDs()) != 1 {
		t.Errorf("nothing may be deleted: %v", p.RoomIDs())
	}
	if a := owner.call("DELETE", "files/rooms/"+room, `{"deleteAfter":false}`); a.status != 200 {
		t.Errorf("with a body: %d %s", a.status, a.raw)
	}
}
