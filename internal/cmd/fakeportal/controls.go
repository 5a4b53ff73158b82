package main

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// usersPath is where -controls serves its user controls. Like countersPath it is outside /api, so it
// never shadows a DocSpace endpoint, and requests to it are not counted.
const usersPath = "/_fakeportal/users/"

// withControls serves, at usersPath, what an admin would do to a user in DocSpace's people list:
//
//	POST /_fakeportal/users/{id}/block   the account is blocked (terminated): it keeps its records, takes
//	                                     no new ones, and its API keys answer 401 from then on
//	POST /_fakeportal/users/{id}/remove  the account is deleted, with its group memberships and room
//	                                     records; its API keys answer 401
//
// Both answer 204. An unknown or already removed id answers 404, the portal owner 409 (the owner can
// be neither blocked nor removed). Everything else goes to next.
func withControls(portal *fakeportal.Portal, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest, ok := strings.CutPrefix(r.URL.Path, usersPath)
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		id, action, _ := strings.Cut(rest, "/")
		if id == "" || (action != "block" && action != "remove") {
			http.Error(w, "want POST "+usersPath+"{id}/block or "+usersPath+"{id}/remove", http.StatusNotFound)
			return
		}
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		p, found := portal.PersonByID(id)
		switch {
		case !found || p.Removed:
			http.Error(w, fmt.Sprintf("no user has the id %q", id), http.StatusNotFound)
			return
		case p.Owner:
			http.Error(w, "the portal owner can be neither blocked nor removed", http.StatusConflict)
			return
		}
		if action == "block" {
			portal.TerminateUser(p.ID)
		} else {
			portal.RemoveUser(p.ID)
		}
		w.WriteHeader(http.StatusNoContent)
	})
}
