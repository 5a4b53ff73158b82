package acctest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// Kind is an account that tests give room access, put in groups or look up: one of each user type, and a
// blocked account. On the fake, acctest makes them; on a real portal they are existing accounts whose ids
// environment variables hold (IDVariable), as the tfe and github providers name their test users.
type Kind string

// The accounts tests can ask for.
const (
	// DocSpaceAdmin is a DocSpace admin who is neither the API key's user nor the portal owner.
	DocSpaceAdmin Kind = "docspace_admin"
	RoomAdmin     Kind = "room_admin"
	// User is an account of type user.
	User  Kind = "user"
	Guest Kind = "guest"
	// BlockedUser is a blocked (terminated) account of any type.
	BlockedUser Kind = "blocked_user"
)

// IDVariable is the environment variable that names the kind's account on a real portal, such as
// DOCSPACE_TEST_ROOM_ADMIN_ID.
func (k Kind) IDVariable() string { return "DOCSPACE_TEST_" + strings.ToUpper(string(k)) + "_ID" }

// KeyVariable is the environment variable that holds an API key of the kind's account on a real portal,
// such as DOCSPACE_TEST_USER_API_KEY, for tests that act as that account. A blocked account has none: its
// keys are refused.
func (k Kind) KeyVariable() string { return "DOCSPACE_TEST_" + strings.ToUpper(string(k)) + "_API_KEY" }

// Account is an account of the portal under test.
type Account struct {
	Kind            Kind
	ID, Email, Name string
	// Type is the account's type as the provider names it: docspace_admin, room_admin, user or guest.
	Type string
	// APIKey is a key of the account: on the fake always (but for BlockedUser), on a real portal when
	// KeyVariable is set.
	APIKey string
}

// fakeAccounts are the accounts acctest makes on the fake: the portal checks nothing about e-mail
// domains, and the owner is owner@portal.example.
var fakeAccounts = map[Kind]struct {
	name, email string
	kind        int
}{
	DocSpaceAdmin: {"Dana Admin", "dana@portal.example", fakeportal.TypeDocSpaceAdmin},
	RoomAdmin:     {"Rita Roomadmin", "rita@portal.example", fakeportal.TypeRoomAdmin},
	User:          {"Uwe User", "uwe@portal.example", fakeportal.TypeUser},
	Guest:         {"Gina Guest", "gina@portal.example", fakeportal.TypeGuest},
	BlockedUser:   {"Bo Blocked", "bo@portal.example", fakeportal.TypeGuest},
}

// wantType is the type each kind's account must have; "" accepts any.
var wantType = map[Kind]docspace.EmployeeType{
	DocSpaceAdmin: docspace.EmployeeTypeDocSpaceAdmin,
	RoomAdmin:     docspace.EmployeeTypeRoomAdmin,
	User:          docspace.EmployeeTypeUser,
	Guest:         docspace.EmployeeTypeGuest,
}

var typeNames = map[docspace.EmployeeType]string{
	docspace.EmployeeTypeDocSpaceAdmin: "docspace_admin", docspace.EmployeeTypeRoomAdmin: "room_admin",
	docspace.EmployeeTypeUser: "user", docspace.EmployeeTypeGuest: "guest",
}

// realAccounts keeps the accounts read from the real portal: one test process talks to one portal.
var realAccounts = struct {
	sync.Mutex
	byKind map[Kind]Account
}{byKind: map[Kind]Account{}}

// Account returns the account of kind; see Accounts.
func (e *Env) Account(t *testing.T, kind Kind) Account {
	t.Helper()
	return e.Accounts(t, kind)[0]
}

// Accounts returns the accounts of kinds, in that order. On the fake they are made on first use in this
// Env, each with an API key (but the blocked one). On a real portal they are the existing accounts that
// the IDVariable of each kind names, read and checked (type, status) once per test process; when a
// variable is unset the test is skipped with a message that names every missing one.
func (e *Env) Accounts(t *testing.T, kinds ...Kind) []Account {
	t.Helper()
	if e.Fake == nil {
		var missing []string
		for _, k := range kinds {
			if os.Getenv(k.IDVariable()) == "" {
				missing = append(missing, k.IDVariable())
			}
		}
		if len(missing) > 0 {
			t.Skipf("against a real portal this test needs existing accounts: set %s (see the acceptance-tests guide)", strings.Join(missing, ", "))
		}
	}
	out := make([]Account, len(kinds))
	for i, k := range kinds {
		if e.Fake == nil {
			out[i] = e.realAccount(t, k)
		} else {
			out[i] = e.fakeAccount(t, k)
		}
	}
	return out
}

func (e *Env) fakeAccount(t *testing.T, kind Kind) Account {
	t.Helper()
	e.mu.Lock()
	defer e.mu.Unlock()
	if a, ok := e.accounts[kind]; ok {
		return a
	}
	spec, ok := fakeAccounts[kind]
	if !ok {
		t.Fatalf("acctest knows no account of kind %q", kind)
	}
	a := Account{Kind: kind, Name: spec.name, Email: spec.email, Type: typeNames[docspace.EmployeeType(spec.kind)]}
	a.ID = e.Fake.AddUser(spec.name, spec.email, spec.kind)
	if kind == BlockedUser {
		e.Fake.TerminateUser(a.ID)
	} else {
		a.APIKey = "sk-acctest-" + strings.ReplaceAll(string(kind), "_", "-")
		if !e.Fake.GiveAPIKey(a.ID, a.APIKey) {
			t.Fatalf("the fake refused the key %s for %s", a.APIKey, a.Name)
		}
	}
	if e.accounts == nil {
		e.accounts = map[Kind]Account{}
	}
	e.accounts[kind] = a
	return a
}

func (e *Env) realAccount(t *testing.T, kind Kind) Account {
	t.Helper()
	realAccounts.Lock()
	defer realAccounts.Unlock()
	if a, ok := realAccounts.byKind[kind]; ok {
		return a
	}
	variable := kind.IDVariable()
	id := strings.TrimSpace(os.Getenv(variable))
	u, err := e.Client.GetUser(context.Background(), id)
	if err != nil {
		t.Fatalf("%s=%s: reading the account: %v", variable, id, err)
	}
	describe := fmt.Sprintf("%s=%s names %s <%s>", variable, id, u.DisplayName, u.Email)
	switch want, typed := wantType[kind]; {
	case kind == BlockedUser && u.Status != docspace.EmployeeStatusTerminated:
		t.Fatalf("%s, who is not blocked; name a blocked (terminated) account", describe)
	case kind != BlockedUser && u.Status != docspace.EmployeeStatusActive:
		t.Fatalf("%s, who is not active", describe)
	case typed && u.Type() != want:
		t.Fatalf("%s, of type %s; name an account of type %s", describe, typeNames[u.Type()], typeNames[want])
	}
	if kind == DocSpaceAdmin {
		if self := e.Self(t); strings.EqualFold(self.ID, u.ID) {
			t.Fatalf("%s, the API key's own user; name another DocSpace admin", describe)
		}
		if u.IsOwner {
			t.Fatalf("%s, the portal owner; name a DocSpace admin who does not own the portal", describe)
		}
	}
	a := Account{Kind: kind, ID: u.ID, Email: u.Email, Name: u.DisplayName, Type: typeNames[u.Type()]}
	if kind != BlockedUser {
		a.APIKey = os.Getenv(kind.KeyVariable())
	}
	realAccounts.byKind[kind] = a
	return a
}

// Self is the API key's user (GET /people/@self), read once per Env.
func (e *Env) Self(t *testing.T) docspace.User {
	t.Helper()
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.self == nil {
		u, err := e.Client.CurrentUser(context.Background())
		if err != nil {
			t.Fatalf("reading the API key's user: %v", err)
		}
		e.self = u
	}
	return *e.self
}

// ProviderConfigAs is a provider block that acts as the account, with its API key. On a real portal the
// key comes from the kind's KeyVariable; the test is skipped, naming it, when it is unset.
func (e *Env) ProviderConfigAs(t *testing.T, a Account) string {
	t.Helper()
	if a.APIKey == "" {
		if e.Fake == nil && a.Kind != BlockedUser {
			t.Skipf("against a real portal this test acts as %s: set %s to an API key of that account (see the acceptance-tests guide)", a.Name, a.Kind.KeyVariable())
		}
		t.Fatalf("%s has no API key", a.Name)
	}
	return fmt.Sprintf(`provider "docspace" {
  api_host = %q
  api_key  = %q
}
`, e.Host, a.APIKey)
}

// Group makes a group named name with a manager ("" for none) and members, and returns its id. The name
// must start with NamePrefix, so that the group sweeper finds it when a run is killed. On the fake the
// group is stored directly; on a real portal it is created through the API (which refuses guests and
// blocked accounts) and deleted when the test ends.
func (e *Env) Group(t *testing.T, name, managerID string, memberIDs ...string) string {
	t.Helper()
	if !strings.HasPrefix(name, NamePrefix) {
		t.Fatalf("the test group %q must be named with acctest.NamePrefix (%q), so that the sweeper can find it", name, NamePrefix)
	}
	if e.Fake != nil {
		return e.Fake.AddGroup(name, managerID, memberIDs...)
	}
	g, err := e.Client.CreateGroup(context.Background(), docspace.CreateGroupRequest{Name: name, Manager: managerID, Members: memberIDs})
	if err != nil {
		t.Fatalf("creating the group %q: %v", name, err)
	}
	t.Cleanup(func() {
		if err := e.Client.DeleteGroup(context.Background(), g.ID); err != nil && !docspace.IsNotFound(err) {
			t.Logf("deleting the group %q (%s): %v; the group sweeper deletes it", name, g.ID, err)
		}
	})
	return g.ID
}

// SetMember changes a room's member record out of band, as an admin would in DocSpace: access is a
// FileShare, and FileShareNone removes the record. It goes through the API in both modes, so the
// portal's rules apply.
func (e *Env) SetMember(t *testing.T, roomID int64, subjectID string, access docspace.FileShare) {
	t.Helper()
	if _, err := e.Client.SetRoomMember(context.Background(), roomID, subjectID, access, false); err != nil {
		t.Fatalf("giving %s access %d to room %d: %v", subjectID, access, roomID, err)
	}
}
