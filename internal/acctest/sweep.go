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

// SweepRooms deletes rooms, archived rooms and templates whose titles start with NamePrefix: leftovers of
// interrupted acceptance runs against a real portal. It is registered as a sweeper and runs with
// `go test ./internal/provider -sweep=all`.
func SweepRooms(_ string) error {
	host, key := os.Getenv(provider.EnvAPIHost), os.Getenv(provider.EnvAPIKey)
	if host == "" || key == "" {
		return fmt.Errorf("sweeping needs %s and %s", provider.EnvAPIHost, provider.EnvAPIKey)
	}
	client, err := docspace.New(docspace.Config{Host: host, APIKey: key, UserAgent: "terraform-provider-docspace-sweeper", MaxRetries: 8})
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
