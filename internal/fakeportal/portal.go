// Package fakeportal is an in-memory ONLYOFFICE DocSpace portal for tests, demos and local development.
// It reproduces the real server's behaviour as docs/development/api-notes.md describes it — the envelope, both error
// shapes, 403 for writes to missing objects, asynchronous file operations, the single job slot per portal,
// link rules — including the quirks a client must survive.
//
// Adding an endpoint: write a handler `func (p *Portal) x(c *call)` in the file of its area, and add a
// route to routes() below. Handlers run with the store lock held; they answer through c.ok, c.fail,
// c.invalid or c.empty, which produce the real envelopes.
package fakeportal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Options configure a portal. Zero values get the defaults noted on each field.
type Options struct {
	// APIKeys are the valid keys; each is a distinct user. The first belongs to the portal owner, a
	// DocSpace admin who reads every room but manages only those they created or hold room manager in;
	// the others belong to room admins. Default: ["sk-test-owner"].
	APIKeys []string
	// RoomLimit is the plan's room count; creating more answers 402. 0 means unlimited.
	RoomLimit int
	// Latency is added to every request.
	Latency time.Duration
	// FileOpDuration is how long archive, unarchive and delete operations run. Default 200ms.
	FileOpDuration time.Duration
	// JobDuration is how long template and room-from-template jobs run. Default 300ms.
	JobDuration time.Duration
	// JobRetention is how long a finished job's status stays readable. Default 60s, as on the real server.
	JobRetention time.Duration
	// JobStallTimeout is how long a running job may go without publishing progress before the queue
	// cleaner evicts and cancels it. Default 60s, as on the real server (api-notes.md §16), where
	// one setting governs both; the fake splits them so tests can time each alone.
	JobStallTimeout time.Duration
	// IndexLag is how long the full-text index takes to learn of a new room or a new title, as on portals
	// that search with OpenSearch, which index in the background (api-notes.md §5): a listing with
	// filterValue does not see a room made within the last IndexLag, and finds a renamed one by its old
	// title until IndexLag after the rename. Listings without filterValue never use the index. Default 0:
	// searchable at once, as with the SQL search.
	IndexLag time.Duration
	// NoRoomQuotas hides quotaLimit, as on portals without room quotas.
	NoRoomQuotas bool
	// DefaultRoomQuota is the portal's default room quota in bytes, which rooms at the default (-2)
	// report as quotaLimit. Default 10 GiB; -1 means unlimited.
	DefaultRoomQuota int64
	// DefaultLinkInternal is the portal's "share links are internal by default" setting.
	DefaultLinkInternal bool
	// TimeZone is the portal's zone, used in every date it renders. Default UTC+03:00.
	TimeZone *time.Location
	// Seed makes random colours, ids and tokens repeatable; 0 picks one.
	Seed uint64
	// NoGuestInvitations turns off the portal setting that lets room invitations by e-mail create guests.
	NoGuestInvitations bool
	// MaxEmailInvitations is the portal's limit of e-mail entries in one PUT /share. Default 30.
	MaxEmailInvitations int
	// FullTextSearch answers the text filter of room listings (filterValue) from a full-text index, as
	// portals with OpenSearch do: per word, and from at most FullTextSearchCap matching folders
	// (api-notes.md §33). Off, the filter is the SQL substring match of portals without full-text search.
	FullTextSearch bool
	// FullTextSearchCap is the most folders the index answers with. Default 1000, as on the real server.
	FullTextSearchCap int
	// KeysWithoutAccountsScope are keys of APIKeys created without the accounts scopes: their people and
	// group calls answer 403 with an empty body, as the server's scope check does (api-notes.md §2).
	KeysWithoutAccountsScope []string
	// SimpleUploadLimit is the largest file a simple upload (/insert, /upload) takes; larger ones answer
	// 402 (api-notes.md §37). Default 100 MiB.
	SimpleUploadLimit int64
	// ChunkSize is the largest chunk of a chunked upload; larger chunks answer 402. Default 10 MiB.
	ChunkSize int64
	// MaxFileSize is the largest file any upload takes (the tariff's limit); 0 means unlimited.
	MaxFileSize int64
	// AutoConvert maps extensions (".doc") the portal converts after an upload to what they become
	// (".docx"); ConversionDelay after the upload the same file gets a new version under the new title
	// (api-notes.md §37). Default: none.
	AutoConvert     map[string]string
	ConversionDelay time.Duration
	// AllowLoopbackWebhooks lifts 127.0.0.0/8 and ::1 from the webhook URL validator's blacklist, as a
	// portal whose blacklist is configured without them does, so that tests can run a receiver on
	// 127.0.0.1 (api-notes.md §38). Off, loopback receivers are refused as on a default portal.
	AllowLoopbackWebhooks bool
}

// Portal is the fake portal; it is an http.Handler and safe for concurrent use.
type Portal struct {
	mu       sync.Mutex
	opts     Options
	users    []*user
	groups   []*group
	byKey    map[string]*user
	rooms    map[int64]*room
	folders  map[int64]*folder
	files    map[int64]*file
	sessions map[string]*uploadSession
	// conversions are the automatic conversions still running (Options.AutoConvert).
	conversions []conversion
	// somebody is a person outside the API keys who edits files in the web interface (test controls).
	somebody   *user
	trashIDs   map[*user]int64
	tagCatalog []string
	nextID     int64
	ops        []*fileOp
	// fileOpFaults fail the next file operations with these messages.
	fileOpFaults []string
	// fileOpsFinishAtOnce ends file operations before their start call answers.
	fileOpsFinishAtOnce bool
	jobs                map[jobKind]*job
	jobFaults           map[jobKind][]jobFault
	rnd                 *rand.Rand
	counts              map[string]int
	agents              map[string]bool
	faults              []*Fault
	faultsFired         map[string]int
	jobLags             []time.Duration
	now                 func() time.Time
	// webhooks is the webhook store (webhooks.go); ids come from their own sequence.
	webhooks           map[int64]*webhook
	nextWebhookID      int64
	devToolsAdminsOnly bool
	passwordPolicy     PasswordPolicy
	// deliveries are queued webhook events, sent by one goroutine while delivering
	// (webhooks_delivery.go); deliveryIdle is signalled when the queue runs empty.
	deliveries     []webhookDelivery
	delivering     bool
	deliveryIdle   *sync.Cond
	webhookEventID int64
}

// System folder ids, used as parentId / rootFolderId.
const (
	folderIDRooms     = 3
	folderIDArchive   = 4
	folderIDTemplates = 5
)

// New returns a portal configured by opts.
func New(opts Options) *Portal {
	if len(opts.APIKeys) == 0 {
		opts.APIKeys = []string{"sk-test-owner"}
	}
	if opts.FileOpDuration == 0 {
		opts.FileOpDuration = 200 * time.Millisecond
	}
	if opts.JobDuration == 0 {
		opts.JobDuration = 300 * time.Millisecond
	}
	if opts.JobRetention == 0 {
		opts.JobRetention = 60 * time.Second
	}
	if opts.DefaultRoomQuota == 0 {
		opts.DefaultRoomQuota = 10 << 30
	}
	if opts.JobStallTimeout == 0 {
		opts.JobStallTimeout = 60 * time.Second
	}
	if opts.MaxEmailInvitations == 0 {
		opts.MaxEmailInvitations = 30
	}
	if opts.FullTextSearchCap == 0 {
		opts.FullTextSearchCap = 1000
	}
	if opts.SimpleUploadLimit == 0 {
		opts.SimpleUploadLimit = 100 << 20
	}
	if opts.ChunkSize == 0 {
		opts.ChunkSize = 10 << 20
	}
	if opts.TimeZone == nil {
		opts.TimeZone = time.FixedZone("+03:00", 3*60*60)
	}
	seed := opts.Seed
	if seed == 0 {
		seed = rand.Uint64()
	}
	p := &Portal{
		opts:        opts,
		byKey:       map[string]*user{},
		rooms:       map[int64]*room{},
		folders:     map[int64]*folder{},
		files:       map[int64]*file{},
		sessions:    map[string]*uploadSession{},
		trashIDs:    map[*user]int64{},
		nextID:      1000,
		jobs:        map[jobKind]*job{},
		jobFaults:   map[jobKind][]jobFault{},
		rnd:         rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		counts:      map[string]int{},
		agents:      map[string]bool{},
		faultsFired: map[string]int{},
		now:         time.Now,
		webhooks:    map[int64]*webhook{},
	}
	p.deliveryIdle = sync.NewCond(&p.mu)
	for i, key := range opts.APIKeys {
		// The first key is the portal owner's, a DocSpace admin; the others belong to room admins.
		u := p.newUser(fmt.Sprintf("User %d", i+1), fmt.Sprintf("user%d@portal.example", i+1), TypeRoomAdmin)
		if i == 0 {
			u.name, u.first, u.last, u.email, u.owner = "Portal Owner", "Portal", "Owner", "owner@portal.example", true
			u.setKind(TypeDocSpaceAdmin)
		}
		u.key = key
		p.byKey[key] = u
	}
	return p
}

type route struct {
	method  string
	pattern string // counter key and documentation, e.g. /api/2.0/files/rooms/{id}
	re      *regexp.Regexp
	handle  func(*Portal, *call)
	// anonymous marks the [AllowAnonymous] endpoints, which answer a missing login with a JSON 401.
	anonymous bool
	// upload marks the routes whose body is file content (readUpload), chunk the chunk route.
	upload, chunk bool
}

var routeTable = routes()

func routes() []route {
	r := func(method, pattern string, h func(*Portal, *call)) route {
		expr := "^" + strings.ReplaceAll(regexp.QuoteMeta(pattern), `\{id\}`, `([^/]+)`) + "/?$"
		return route{method: method, pattern: pattern, re: regexp.MustCompile("(?i)" + expr), handle: h}
	}
	anonymous := func(rt route) route { rt.anonymous = true; return rt }
	upload := func(rt route) route { rt.upload = true; return rt }
	chunk := func(rt route) route { rt.upload, rt.chunk = true, true; return rt }
	return []route{
		r("GET", "/api/2.0/people/@self", (*Portal).getSelf),
		r("GET", "/api/2.0/people/email", (*Portal).userByEmail),
		r("GET", "/api/2.0/people/filter", (*Portal).listPeople),
		r("GET", "/api/2.0/people/{id}", (*Portal).userByID),
		r("GET", "/api/2.0/group", (*Portal).listGroups),
		r("POST", "/api/2.0/group", (*Portal).createGroup),
		r("GET", "/api/2.0/group/{id}", (*Portal).getGroup),
		r("PUT", "/api/2.0/group/{id}", (*Portal).updateGroup),
		r("DELETE", "/api/2.0/group/{id}", (*Portal).deleteGroup),
		r("PUT", "/api/2.0/group/{id}/members", (*Portal).addGroupMembers),
		r("DELETE", "/api/2.0/group/{id}/members", (*Portal).removeGroupMembers),
		r("POST", "/api/2.0/group/{id}/members", (*Portal).replaceGroupMembers),
		r("PUT", "/api/2.0/group/{id}/manager", (*Portal).setGroupManager),
		r("PUT", "/api/2.0/files/rooms/{id}/share", (*Portal).setShares),
		r("GET", "/api/2.0/files/rooms/{id}/share", (*Portal).listShares),
		r("GET", "/api/2.0/files/rooms/covers", (*Portal).listCovers),
		r("POST", "/api/2.0/files/rooms/fromtemplate", (*Portal).startRoomFromTemplate),
		r("GET", "/api/2.0/files/rooms/fromtemplate/status", (*Portal).roomFromTemplateStatus),
		r("POST", "/api/2.0/files/rooms", (*Portal).createRoom),
		r("GET", "/api/2.0/files/rooms", (*Portal).listRooms),
		anonymous(r("GET", "/api/2.0/files/rooms/{id}", (*Portal).getRoom)),
		r("PUT", "/api/2.0/files/rooms/{id}", (*Portal).updateRoom),
		r("DELETE", "/api/2.0/files/rooms/{id}", (*Portal).deleteRoom),
		r("PUT", "/api/2.0/files/rooms/{id}/archive", (*Portal).archiveRoom),
		r("PUT", "/api/2.0/files/rooms/{id}/unarchive", (*Portal).unarchiveRoom),
		r("PUT", "/api/2.0/files/rooms/{id}/tags", (*Portal).addTags),
		r("DELETE", "/api/2.0/files/rooms/{id}/tags", (*Portal).removeTags),
		r("PUT", "/api/2.0/files/rooms/{id}/links", (*Portal).setLink),
		r("GET", "/api/2.0/files/rooms/{id}/links", (*Portal).listLinks),
		r("GET", "/api/2.0/files/rooms/{id}/link", (*Portal).primaryLink),
		anonymous(r("GET", "/api/2.0/files/fileops", (*Portal).listFileOps)),
		r("POST", "/api/2.0/files/roomtemplate", (*Portal).startTemplate),
		r("GET", "/api/2.0/files/roomtemplate/status", (*Portal).templateStatus),
		r("GET", "/api/2.0/files/roomtemplate/{id}/public", (*Portal).getTemplatePublic),
		r("PUT", "/api/2.0/files/roomtemplate/public", (*Portal).setTemplatePublic),
		r("POST", "/api/2.0/files/folder/{id}", (*Portal).createFolder),
		r("GET", "/api/2.0/files/folder/{id}", (*Portal).getFolder),
		r("PUT", "/api/2.0/files/folder/{id}", (*Portal).renameFolder),
		r("DELETE", "/api/2.0/files/folder/{id}", (*Portal).deleteFolder),
		r("GET", "/api/2.0/files/folder/{id}/path", (*Portal).folderPath),
		r("GET", "/api/2.0/files/file/{id}", (*Portal).getFile),
		r("PUT", "/api/2.0/files/file/{id}", (*Portal).renameFile),
		r("DELETE", "/api/2.0/files/file/{id}", (*Portal).deleteFile),
		upload(r("POST", "/api/2.0/files/{id}/insert", (*Portal).insertFile)),
		upload(r("POST", "/api/2.0/files/{id}/upload", (*Portal).uploadFile)),
		r("POST", "/api/2.0/files/{id}/upload/check", (*Portal).checkUpload),
		r("POST", "/api/2.0/files/{id}/session", (*Portal).createSession),
		chunk(r("POST", "/api/2.0/files/{id}/session/{id}", (*Portal).uploadChunk)),
		r("DELETE", "/api/2.0/files/{id}/session/{id}", (*Portal).abortSession),
		r("GET", "/api/2.0/settings/webhook", (*Portal).listWebhooks),
		r("POST", "/api/2.0/settings/webhook", (*Portal).createWebhook),
		r("PUT", "/api/2.0/settings/webhook", (*Portal).updateWebhook),
		r("PUT", "/api/2.0/settings/webhook/enable", (*Portal).enableWebhook),
		r("GET", "/api/2.0/settings/webhook/triggers", (*Portal).webhookTriggerList),
		r("DELETE", "/api/2.0/settings/webhook/{id}", (*Portal).deleteWebhook),
		// Last: it would take /files/rooms and /files/fileops for a folder id.
		r("GET", "/api/2.0/files/{id}", (*Portal).folderContent),
	}
}

// ServeHTTP routes a request, after latency and injected faults.
func (p *Portal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rt, args := match(r)
	key := r.Method + " " + r.URL.Path
	if rt != nil {
		key = rt.method + " " + rt.pattern
	}
	p.mu.Lock()
	p.counts[key]++
	p.agents[r.UserAgent()] = true
	latency := p.opts.Latency
	fault := p.takeFault(r)
	p.mu.Unlock()
	if latency > 0 {
		select {
		case <-time.After(latency):
		case <-r.Context().Done():
			return
		}
	}
	if fault != nil && !fault.AfterProcessing && fault.Reply == "" {
		fault.apply(w)
		return
	}
	c := &call{p: p, w: w, r: r, args: args}
	if rt != nil && rt.upload {
		c.upload = p.readUpload(r, rt, args)
		if s := c.upload.session; s != nil {
			defer s.mu.Unlock()
		}
	}
	var lost *recorder
	if fault != nil {
		lost = &recorder{header: http.Header{}} // the work is done, the answer is lost or damaged
		c.w = lost
	}
	p.serve(c, rt)
	switch {
	case fault == nil:
	case fault.Reply != "":
		fault.damage(w, r, lost.body.Bytes())
	default:
		fault.apply(w)
	}
}

func (p *Portal) serve(c *call, rt *route) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.advance()
	if rt == nil {
		c.fail(http.StatusNotFound, "Not found")
		return
	}
	auth := c.r.Header.Get("Authorization")
	c.user = p.byKey[strings.TrimPrefix(auth, "Bearer ")]
	if c.user == nil || !c.user.signsIn() || !strings.HasPrefix(auth, "Bearer ") {
		if rt.anonymous {
			// [AllowAnonymous] endpoints throw AuthenticationException: a JSON error body mapped without a
			// stack trace, so type and stack are explicit nulls (api-notes.md §4).
			c.writeJSON(http.StatusUnauthorized, map[string]any{
				"error":  map[string]any{"message": "Unauthorized", "type": nil, "stack": nil, "hresult": 0},
				"status": 1, "statusCode": http.StatusUnauthorized,
			})
			return
		}
		// Elsewhere the ASP.NET challenge answers 401 with an empty body (api-notes.md §4).
		c.w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if strings.HasPrefix(rt.pattern, "/api/2.0/people") || strings.HasPrefix(rt.pattern, "/api/2.0/group") {
		for _, k := range p.opts.KeysWithoutAccountsScope {
			if k == c.user.key {
				c.w.WriteHeader(http.StatusForbidden) // the scope policy refuses before the endpoint runs
				return
			}
		}
	}
	if c.r.Body != nil && c.r.ContentLength != 0 && !rt.upload {
		var raw json.RawMessage
		if err := json.NewDecoder(c.r.Body).Decode(&raw); err != nil {
			c.invalid("$", "The JSON value could not be converted.")
			return
		}
		c.body = raw
	}
	rt.handle(p, c)
}

func match(r *http.Request) (*route, []string) {
	for i := range routeTable {
		rt := &routeTable[i]
		if rt.method != r.Method {
			continue
		}
		if m := rt.re.FindStringSubmatch(r.URL.Path); m != nil {
			return rt, m[1:]
		}
	}
	return nil, nil
}

func (p *Portal) guid() string {
	b := make([]byte, 16)
	for i := range b {
		b[i] = byte(p.rnd.UintN(256))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func (p *Portal) token(n int) string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[p.rnd.IntN(len(alphabet))]
	}
	return string(b)
}

func (p *Portal) newID() int64 {
	p.nextID++
	return p.nextID
}

// recorder keeps the answer that a fault will drop, replace or damage.
type recorder struct {
	header http.Header
	body   bytes.Buffer
}

func (d *recorder) Header() http.Header         { return d.header }
func (d *recorder) Write(b []byte) (int, error) { return d.body.Write(b) }
func (d *recorder) WriteHeader(int)             {}
