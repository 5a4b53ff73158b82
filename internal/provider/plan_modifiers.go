package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
)

// Creation-only arguments (a template's source room, a room's template, a template's initial shares)
// cannot be read back from the portal, so an imported resource has them null in state. Changing them
// replaces the object, but filling them in after an import does not.
const unreadableNote = "Changing it forces a new object; the portal does not report it, so after an import it is taken from the configuration."

func stringRequiresReplaceUnlessImported() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(
		func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
			resp.RequiresReplace = !req.StateValue.IsNull()
		}, unreadableNote, unreadableNote)
}

func setRequiresReplaceUnlessImported() planmodifier.Set {
	return setplanmodifier.RequiresReplaceIf(
		func(_ context.Context, req planmodifier.SetRequest, resp *setplanmodifier.RequiresReplaceIfFuncResponse) {
			resp.RequiresReplace = !req.StateValue.IsNull()
		}, unreadableNote, unreadableNote)
}
