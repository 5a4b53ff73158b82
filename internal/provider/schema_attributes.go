package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Attribute builders and description helpers that several schemas share.

// stableComputedString is a computed value that never changes once known, such as an id.
func stableComputedString(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// memberAccessAttribute is a room member's required role, one of accessRoles.
func memberAccessAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Required:            true,
		Validators:          []validator.String{accessRole{allowed: accessRoleList(), holder: "members"}},
	}
}

// notifyAttribute is the `notify` of the member resources: whether the portal e-mails members, false by default.
func notifyAttribute(description string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Computed:            true,
		Default:             booldefault.StaticBool(false),
	}
}

// roomIDAttribute is the required room_id of an object that lives in one room: changing it forces a new one.
func roomIDAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Required:            true,
		Validators:          []validator.String{stringvalidator.RegexMatches(numericID, "must be a numeric room id")},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}

func createdAttribute(what string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "When the " + what + " was created (RFC 3339).",
		CustomType:          timetypes.RFC3339Type{},
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

func tagsAttribute(description string) schema.SetAttribute {
	return schema.SetAttribute{
		MarkdownDescription: description,
		ElementType:         types.StringType,
		Optional:            true,
		Computed:            true,
		Default:             setdefault.StaticValue(types.SetValueMust(types.StringType, []attr.Value{})),
		Validators: []validator.Set{setvalidator.ValueStringsAre(
			stringvalidator.LengthBetween(1, 255),
			stringvalidator.RegexMatches(nonBlank, "must not be blank"),
		)},
	}
}

func colorAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.RegexMatches(hexColor, "must be six hexadecimal digits without #, such as FF5733")},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

func coverAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Validators:          []validator.String{stringvalidator.LengthBetween(1, 50)},
	}
}

func quotaAttribute(description string) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: description,
		Optional:            true,
		Computed:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(-1)},
		PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
	}
}

// quoted lists names as code, separated by commas, for descriptions.
func quoted(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "`" + n + "`"
	}
	return strings.Join(q, ", ")
}

// waits says, for each of create, update and delete, what the operation waits for, and how long each may
// take by default.
type waits struct {
	create, update, delete string
	dflt                   time.Duration
}

// timeoutsAttribute is the `timeouts` block of a resource whose operations wait for the portal: each
// operation's description says what it waits for and gives its default.
func timeoutsAttribute(ctx context.Context, w waits) schema.Attribute {
	dflt := w.dflt.String() // "20m0s"
	if strings.HasSuffix(dflt, "m0s") {
		dflt = strings.TrimSuffix(dflt, "0s")
	}
	describe := func(what string) string {
		return fmt.Sprintf("%s. How long it may take: a duration such as `\"45m\"` (units `s`, `m` and `h`). Defaults to `%s`.", what, dflt)
	}
	return timeouts.Attributes(ctx, timeouts.Opts{
		Create: true, CreateDescription: describe(w.create),
		Update: true, UpdateDescription: describe(w.update),
		Delete: true, DeleteDescription: describe(w.delete),
	})
}
