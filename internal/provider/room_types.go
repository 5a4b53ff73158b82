package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// roomTypeNames are the readable names of DocSpace room types (api-notes.md §6), named after the UI.
var roomTypeNames = map[string]docspace.RoomType{
	"form_filling":  docspace.RoomTypeFillingForms,
	"collaboration": docspace.RoomTypeEditing,
	"custom":        docspace.RoomTypeCustom,
	"public":        docspace.RoomTypePublic,
	"virtual_data":  docspace.RoomTypeVirtualData,
}

// aiRoomTypeName names AI rooms when the provider reads one (an import, a listing). It is not offered as
// a room_type: AI rooms ("agents") are made by POST /api/2.0/ai/agents, which sets up their chat; the
// rooms endpoint given type 9 makes a folder under Rooms without chat settings, whose use is unknown
// (api-notes.md §7).
const aiRoomTypeName = "ai"

// aiRoomTypeRefusal is the plan-time answer to room_type = "ai".
const aiRoomTypeRefusal = "AI rooms cannot be created by this provider. DocSpace makes AI rooms (agents) through " +
	"its AI agents endpoint, which sets up their chat; the rooms endpoint the provider uses would, given the AI room " +
	"type, make a folder without chat settings that the portal does not treat as a working agent. Create AI rooms " +
	"in DocSpace itself, or choose one of the other room types."

func roomTypeNameList() []string {
	names := make([]string, 0, len(roomTypeNames))
	for n := range roomTypeNames {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// roomTypeName names a room type; a type this provider does not know yet keeps its number.
func roomTypeName(t docspace.RoomType) string {
	if t == docspace.RoomTypeAI {
		return aiRoomTypeName
	}
	for n, v := range roomTypeNames {
		if v == t {
			return n
		}
	}
	return fmt.Sprintf("type_%d", int(t))
}

// roomTypeValidator accepts the offered room types and explains why "ai" is not one of them.
type roomTypeValidator struct{}

func (roomTypeValidator) Description(context.Context) string {
	return "must be one of " + strings.Join(roomTypeNameList(), ", ")
}

func (v roomTypeValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (roomTypeValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	value := req.ConfigValue.ValueString()
	if _, ok := roomTypeNames[value]; ok {
		return
	}
	if value == aiRoomTypeName {
		resp.Diagnostics.AddAttributeError(req.Path, "AI rooms are not supported", aiRoomTypeRefusal)
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid room type",
		fmt.Sprintf("%q is not a room type this provider can create: value must be one of %s.", value, strings.Join(roomTypeNameList(), ", ")))
}
