package provider

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSource              = (*roomsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*roomsDataSource)(nil)
)

// NewRoomsDataSource returns the docspace_rooms data source.
func NewRoomsDataSource() datasource.DataSource { return &roomsDataSource{} }

type roomsDataSource struct{ dataSourceBase }

func (d *roomsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_rooms"
}

func (d *roomsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg roomsModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if cfg.Area.IsNull() {
		cfg.Area = types.StringValue(roomAreaActive)
	}
	opts := docspace.ListRoomsOptions{SearchArea: roomSearchAreas[cfg.Area.ValueString()], FilterValue: cfg.TitleContains.ValueString()}
	if !cfg.RoomType.IsNull() {
		t := docspace.RoomTypeAI
		if name := cfg.RoomType.ValueString(); name != aiRoomTypeName {
			t = roomTypeNames[name]
		}
		opts.Types = []docspace.RoomType{t}
	}
	wantTags := stringsFromList(ctx, cfg.Tags, &resp.Diagnostics)
	opts.Tags = wantTags
	rooms, err := d.listRoomsContaining(ctx, opts)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error listing rooms", err)
		return
	}
	// The portal filters too; checking again keeps the result exact whatever its matching rules are
	// (its tag filter, for one, keeps rooms with any of the tags).
	kept := rooms[:0]
	for i := range rooms {
		r := &rooms[i]
		if !r.IsTemplate() && (opts.Types == nil || r.RoomType == opts.Types[0]) &&
			hasAllTags(r.Tags, wantTags) && inRoomArea(r, cfg.Area.ValueString()) {
			kept = append(kept, *r)
		}
	}
	sort.Slice(kept, func(i, j int) bool {
		if kept[i].Title != kept[j].Title {
			return kept[i].Title < kept[j].Title
		}
		return kept[i].ID < kept[j].ID
	})
	cfg.fill(ctx, kept, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
