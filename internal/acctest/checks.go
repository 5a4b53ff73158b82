package acctest

import (
	"context"
	"fmt"
	"strconv"
	"strings"

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

// portalRoom reads from the portal the room or template at addr.
func (e *Env) portalRoom(s *terraform.State, addr string) (*docspace.Room, error) {
	var id int64
	if err := e.CaptureRoomID(addr, &id)(s); err != nil {
		return nil, err
	}
	return e.Client.GetRoom(context.Background(), id)
}

// CheckRoomArchived asks the portal whether the room at addr is in the archive.
func (e *Env) CheckRoomArchived(addr string, archived bool) func(*terraform.State) error {
	return func(s *terraform.State) error {
		room, err := e.portalRoom(s, addr)
		if err != nil {
			return err
		}
		if room.IsArchived() != archived {
			return fmt.Errorf("room %d: archived on the portal = %t, want %t", room.ID, room.IsArchived(), archived)
		}
		return nil
	}
}

// CheckTitle asks the portal for the title of the room or template at addr.
func (e *Env) CheckTitle(addr, want string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		room, err := e.portalRoom(s, addr)
		if err != nil {
			return err
		}
		if room.Title != want {
			return fmt.Errorf("%s (%d) is titled %q on the portal, want %q", addr, room.ID, room.Title, want)
		}
		return nil
	}
}

// CheckDistinctTitles checks that each address (in state notation, such as "docspace_room.r.0") holds a
// distinct object with the given title on the portal.
func (e *Env) CheckDistinctTitles(want map[string]string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		seen := map[string]string{}
		for addr, title := range want {
			rs, ok := s.RootModule().Resources[addr]
			if !ok {
				return fmt.Errorf("%s is not in the state", addr)
			}
			if other, dup := seen[rs.Primary.ID]; dup {
				return fmt.Errorf("%s and %s recorded the same object %s", addr, other, rs.Primary.ID)
			}
			seen[rs.Primary.ID] = addr
			if err := e.CheckTitle(addr, title)(s); err != nil {
				return err
			}
		}
		return nil
	}
}

// CheckMember asks the portal for the access of subjectID's record in the room at addr: a FileShare
// number, 0 for no record. The fake is read directly, records it hides from listings included; a real
// portal through GET /files/rooms/{id}/share.
func (e *Env) CheckMember(addr, subjectID string, access int) func(*terraform.State) error {
	return func(s *terraform.State) error {
		var id int64
		if err := e.CaptureRoomID(addr, &id)(s); err != nil {
			return err
		}
		got := 0
		if e.Fake != nil {
			got, _ = e.Fake.ShareOf(id, subjectID)
		} else {
			members, err := e.Client.ListRoomMembers(context.Background(), id)
			if err != nil {
				return fmt.Errorf("%s (%d): listing the members: %w", addr, id, err)
			}
			for _, m := range members {
				if !m.IsOwner && strings.EqualFold(m.SubjectID(), subjectID) {
					got = int(m.Access)
				}
			}
		}
		if got != access {
			return fmt.Errorf("%s (%d): %s has access %d on the portal, want %d", addr, id, subjectID, got, access)
		}
		return nil
	}
}

// CheckNoMembers asks the portal whether the rooms at addrs hold no member records (the owner's entry
// is none).
func (e *Env) CheckNoMembers(addrs ...string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for _, addr := range addrs {
			var id int64
			if err := e.CaptureRoomID(addr, &id)(s); err != nil {
				return err
			}
			n := 0
			if e.Fake != nil {
				n = e.Fake.ShareCount(id)
			} else {
				members, err := e.Client.ListRoomMembers(context.Background(), id)
				if err != nil {
					return fmt.Errorf("%s (%d): listing the members: %w", addr, id, err)
				}
				for _, m := range members {
					if !m.IsOwner {
						n++
					}
				}
			}
			if n != 0 {
				return fmt.Errorf("%s (%d) holds %d member records, want none", addr, id, n)
			}
		}
		return nil
	}
}

// RemoveForeignObjects deletes, on the fake, what OccupyJobSlot's other client created.
func (e *Env) RemoveForeignObjects() func(*terraform.State) error {
	return func(*terraform.State) error {
		for _, templates := range []bool{false, true} {
			for id, title := range e.Fake.RoomTitles(templates) {
				if title == "Made by another client" {
					e.Fake.DeleteRoomNow(id)
				}
			}
		}
		return nil
	}
}
