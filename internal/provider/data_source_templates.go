package provider

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSource              = (*templatesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*templatesDataSource)(nil)
)

// NewTemplatesDataSource returns the docspace_templates data source.
func NewTemplatesDataSource() datasource.DataSource { return &templatesDataSource{} }

type templatesDataSource struct{ dataSourceBase }

func (d *templatesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_templates"
}

func (d *templatesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg templatesModelV0
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	opts := docspace.ListRoomsOptions{SearchArea: docspace.SearchAreaTemplates, FilterValue: cfg.TitleContains.ValueString()}
	if !cfg.RoomType.IsNull() {
		opts.Types = []docspace.RoomType{roomTypeNames[cfg.RoomType.ValueString()]}
	}
	wantTags := stringsFromList(ctx, cfg.Tags, &resp.Diagnostics)
	opts.Tags = wantTags
	templates, err := d.listRoomsContaining(ctx, opts)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error listing room templates", err)
		return
	}
	// The portal filters too; checking again keeps the result exact whatever its matching rules are.
	kept := templates[:0]
	for _, t := range templates {
		if t.IsTemplate() && (opts.Types == nil || t.RoomType == opts.Types[0]) && hasAllTags(t.Tags, wantTags) {
			kept = append(kept, t)
		}
	}
	sort.Slice(kept, func(i, j int) bool {
		if kept[i].Title != kept[j].Title {
			return kept[i].Title < kept[j].Title
		}
		return kept[i].ID < kept[j].ID
	})
	public := make([]bool, len(kept))
	for i, t := range kept {
		if public[i], err = d.client.TemplateIsPublic(ctx, t.ID); err != nil {
			addAPIError(&resp.Diagnostics, "Error reading room template access", err)
			return
		}
	}
	cfg.fill(ctx, kept, public, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
