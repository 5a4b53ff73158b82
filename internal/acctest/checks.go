package acctest

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// CheckRoomsDestroyed confirms that every room or template of the given resource types in the final state
// is gone from the portal, and, on the fake, that the portal holds no rooms at all.
func (e *Env) CheckRoomsDestroyed(resourceTypes ...string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		types := map[string]bool{}
		for _, t := range resourceTypes {
			types[t] = true
		}
		for _, rs := range s.RootModule().Resources {
			if !types[rs.Type] {
				continue
			}
			id, err := strconv.ParseInt(rs.Primary.ID, 10, 64)
			if err != nil {
				return fmt.Errorf("%s has a non-numeric id %q", rs.Type, rs.Primary.ID)
			}
			_, err = e.Client.GetRoom(context.Background(), id)
			if err == nil {
				return fmt.Errorf("%s %d still exists after destroy", rs.Type, id)
			}
			if !docspace.IsNotFound(err) {
				return fmt.Errorf("checking %s %d: %w", rs.Type, id, err)
			}
		}
		if e.Fake != nil {
			if ids := e.Fake.RoomIDs(); len(ids) > 0 {
				return fmt.Errorf("the fake portal still holds rooms %v after destroy", ids)
			}
		}
		return nil
	}
}

// CaptureRoomID stores the numeric id of the resource at addr.
func (e *Env) CaptureRoomID(addr string, id *int64) func(*terraform.State) error {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s is not in the state", addr)
		}
		v, err := strconv.ParseInt(rs.Primary.ID, 10, 64)
		*id = v
		return err
	}
}

// CheckRoomArchived asks the portal whether the room at addr is in the archive.
func (e *Env) CheckRoomArchived(addr string, archived bool) func(*terraform.State) error {
	return func(s *terraform.State) error {
		var id int64
		if err := e.CaptureRoomID(addr, &id)(s); err != nil {
			return err
		}
		room, err := e.Client.GetRoom(context.Background(), id)
		if err != nil {
			return err
		}
		if room.IsArchived() != archived {
			return fmt.Errorf("room %d: archived on the portal = %t, want %t", id, room.IsArchived(), archived)
		}
		return nil
	}
}
