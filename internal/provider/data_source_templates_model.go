package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

type templatesModelV0 struct {
	ID            types.String `tfsdk:"id"`
	TitleContains types.String `tfsdk:"title_contains"`
	RoomType      types.String `tfsdk:"room_type"`
	Tags          types.List   `tfsdk:"tags"`
	Templates     types.List   `tfsdk:"templates"`
}

var templateSummaryAttrTypes = map[string]attr.Type{
	"id":        types.StringType,
	"title":     types.StringType,
	"room_type": types.StringType,
	"tags":      types.SetType{ElemType: types.StringType},
	"public":    types.BoolType,
	"created":   timetypes.RFC3339Type{},
}

// fill lists templates in m, in their order; public[i] tells whether templates[i] is public.
func (m *templatesModelV0) fill(ctx context.Context, templates []docspace.Room, public []bool, diags *diag.Diagnostics) {
	items := make([]attr.Value, 0, len(templates))
	for i, t := range templates {
		items = append(items, types.ObjectValueMust(templateSummaryAttrTypes, map[string]attr.Value{
			"id":        types.StringValue(formatObjectID(t.ID)),
			"title":     types.StringValue(t.Title),
			"room_type": types.StringValue(roomTypeName(t.RoomType)),
			"tags":      tagsToSet(ctx, t.Tags, types.SetNull(types.StringType), diags),
			"public":    types.BoolValue(public[i]),
			"created":   timetypes.NewRFC3339TimeValue(t.Created.UTC()),
		}))
	}
	m.ID = types.StringValue("templates")
	m.Templates = types.ListValueMust(types.ObjectType{AttrTypes: templateSummaryAttrTypes}, items)
}
