package acctest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

// sweepClient reaches the portal of DOCSPACE_API_HOST with DOCSPACE_API_KEY.
func sweepClient() (*docspace.Client, error) {
	host, key := os.Getenv(provider.EnvAPIHost), os.Getenv(provider.EnvAPIKey)
	if host == "" || key == "" {
		return nil, fmt.Errorf("sweeping needs %s and %s", provider.EnvAPIHost, provider.EnvAPIKey)
	}
	return docspace.New(docspace.Config{Host: host, APIKey: key, UserAgent: "terraform-provider-docspace-sweeper", MaxRetries: 8})
}

// SweepRooms deletes rooms, archived rooms and templates whose titles start with NamePrefix: leftovers of
// interrupted acceptance runs against a real portal. It is registered as a sweeper and runs with
// `go test ./internal/provider -sweep=all`.
func SweepRooms(_ string) error {
	client, err := sweepClient()
	if err != nil {
		return err
	}
	ctx := context.Background()
	var errs []error
	for _, area := range []docspace.SearchArea{docspace.SearchAreaAny, docspace.SearchAreaTemplates} {
		rooms, err := client.ListRooms(ctx, docspace.ListRoomsOptions{SearchArea: area, FilterValue: NamePrefix})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, room := range rooms {
			if !strings.HasPrefix(room.Title, NamePrefix) {
				continue
			}
			if err := client.DeleteRoom(ctx, room.ID); err != nil && !docspace.IsNotFound(err) {
				errs = append(errs, fmt.Errorf("deleting %q (%d): %w", room.Title, room.ID, err))
			}
		}
	}
	return errors.Join(errs...)
}

// SweepGroups deletes the groups whose names start with NamePrefix: groups of docspace_group tests and
// of Env.Group left by interrupted runs. Deleting a group also removes its access to every room. It is
// registered as a sweeper like SweepRooms.
func SweepGroups(_ string) error {
	client, err := sweepClient()
	if err != nil {
		return err
	}
	ctx := context.Background()
	groups, err := client.ListGroups(ctx, NamePrefix)
	if err != nil {
		return err
	}
	var errs []error
	for _, g := range groups {
		// The listing matches the text anywhere in the name, case-insensitively; only the prefix counts.
		if !strings.HasPrefix(g.Name, NamePrefix) {
			continue
		}
		if err := client.DeleteGroup(ctx, g.ID); err != nil && !docspace.IsNotFound(err) {
			errs = append(errs, fmt.Errorf("deleting the group %q (%s): %w", g.Name, g.ID, err))
		}
	}
	return errors.Join(errs...)
}

// SweepWebhooks deletes the webhooks whose names start with NamePrefix, and those left under a creation
// marker by an interrupted test (their names start with the prefix too). It is registered as a sweeper like
// SweepRooms.
func SweepWebhooks(_ string) error {
	client, err := sweepClient()
	if err != nil {
		return err
	}
	ctx := context.Background()
	hooks, err := client.ListWebhooks(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, h := range hooks {
		if !strings.HasPrefix(h.Name, NamePrefix) {
			continue
		}
		if err := client.DeleteWebhook(ctx, h.ID); err != nil {
			errs = append(errs, fmt.Errorf("deleting the webhook %q (%d): %w", h.Name, h.ID, err))
		}
	}
	return errors.Join(errs...)
}
