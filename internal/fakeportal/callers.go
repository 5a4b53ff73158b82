package fakeportal

// signsIn is whether requests with the user's API key are served. The server authenticates a key as its
// creator's account and refuses accounts that are removed or not active, as it refuses an unknown key:
// 401 (api-notes.md §2).
func (u *user) signsIn() bool { return !u.removed && u.status == StatusActive }

// GiveAPIKey makes key a valid API key of the account with id: requests that send it act as that account,
// with its type's rights, until the account is blocked or removed. It returns false, and changes nothing,
// when there is no such account or another account holds the key. An account may hold several keys.
func (p *Portal) GiveAPIKey(id, key string) bool {
	ok := false
	p.set(func() {
		u := p.findUser(id)
		if u == nil || u.removed || key == "" {
			return
		}
		if holder := p.byKey[key]; holder != nil && holder != u {
			return
		}
		if u.key == "" {
			u.key = key
		}
		p.byKey[key] = u
		ok = true
	})
	return ok
}

// Person is an account as a program that runs the portal shows it.
type Person struct {
	ID, Name, Email string
	// Type is TypeDocSpaceAdmin, TypeRoomAdmin, TypeUser or TypeGuest.
	Type       int
	Owner      bool
	Terminated bool
	Removed    bool
	// APIKey is the account's first API key, or "".
	APIKey string
}

func (u *user) person() Person {
	return Person{ID: u.id, Name: u.name, Email: u.email, Type: u.kind, Owner: u.owner,
		Terminated: u.status == StatusTerminated, Removed: u.removed, APIKey: u.key}
}

// PersonByID returns the account with id, removed ones included.
func (p *Portal) PersonByID(id string) (Person, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if u := p.findUser(id); u != nil {
		return u.person(), true
	}
	return Person{}, false
}
