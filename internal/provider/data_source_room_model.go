package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// roomDataModelV0 holds the room attributes the portal reports, as the docspace_room resource names them,
// and the lookup's `area`. The resource's Terraform-only attributes (template_id, deletion_protection,
// timeouts) are not on the portal, so they are left out.
type roomDataModelV0 struct {
	ID           types.String      `tfsdk:"id"`
	Title        types.String      `tfsdk:"title"`
	Area         types.String      `tfsdk:"area"`
	RoomType     types.String      `tfsdk:"room_type"`
	Tags         types.Set         `tfsdk:"tags"`
	Color        types.String      `tfsdk:"color"`
	Cover        types.String      `tfsdk:"cover"`
	Quota        types.Int64       `tfsdk:"quota"`
	Indexing     types.Bool        `tfsdk:"indexing"`
	DenyDownload types.Bool        `tfsdk:"deny_download"`
	Lifetime     types.Object      `tfsdk:"lifetime"`
	Watermark    types.Object      `tfsdk:"watermark"`
	Archived     types.Bool        `tfsdk:"archived"`
	OwnerID      types.String      `tfsdk:"owner_id"`
	Created      timetypes.RFC3339 `tfsdk:"created"`
}

// fill copies the room through the docspace_room resource's own conversion, so both read a room alike.
func (m *roomDataModelV0) fill(ctx context.Context, room *docspace.Room, diags *diag.Diagnostics) {
	var r roomModelV0
	r.fill(ctx, room, diags)
	m.ID, m.Title, m.RoomType, m.Tags = r.ID, r.Title, r.RoomType, r.Tags
	m.Color, m.Cover, m.Quota = r.Color, r.Cover, r.Quota
	m.Indexing, m.DenyDownload, m.Lifetime, m.Watermark = r.Indexing, r.DenyDownload, r.Lifetime, r.Watermark
	m.Archived, m.OwnerID, m.Created = r.Archived, r.OwnerID, r.Created
	m.Area = types.StringValue(roomAreaOf(room))
}
