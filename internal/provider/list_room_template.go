package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ list.ListResource              = (*roomTemplateListResource)(nil)
	_ list.ListResourceWithConfigure = (*roomTemplateListResource)(nil)
)

// NewRoomTemplateListResource returns the docspace_room_template list resource.
func NewRoomTemplateListResource() list.ListResource { return &roomTemplateListResource{} }

type roomTemplateListResource struct{ resourceBase }

type roomTemplateListConfig struct {
	TitleContains types.String `tfsdk:"title_contains"`
	Tags          types.List   `tfsdk:"tags"`
}

func (l *roomTemplateListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_template"
}

func (l *roomTemplateListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the portal's room templates for `terraform query`. The listing costs one API call " +
			"per 100 templates; `include_resource` adds one call per template, which reads whether it is public. " +
			"Each result is named after the template's title and the type of rooms it makes.",
		Attributes: map[string]schema.Attribute{
			"title_contains": titleContainsAttribute("templates"),
			"tags":           tagsFilterAttribute("templates"),
		},
	}
}

func (l *roomTemplateListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg roomTemplateListConfig
	var diags diag.Diagnostics
	diags.Append(req.Config.Get(ctx, &cfg)...)
	wantTags := stringsFromList(ctx, cfg.Tags, &diags)
	if listFailed(stream, diags) {
		return
	}
	opts := docspace.ListRoomsOptions{SearchArea: docspace.SearchAreaTemplates, FilterValue: cfg.TitleContains.ValueString(), Tags: wantTags}
	templates, err := l.listRooms(ctx, opts, wantTags)
	if listAPIFailed(stream, &diags, "Error listing room templates", err) {
		return
	}
	streamListResults(ctx, req, stream, templates, func(tpl *docspace.Room, result *list.ListResult) bool {
		if !tpl.IsTemplate() {
			return false
		}
		result.DisplayName = fmt.Sprintf("%s (template for %s rooms)", tpl.Title, roomTypeName(tpl.RoomType))
		l.setObjectIdentity(ctx, result.Identity, formatObjectID(tpl.ID), &result.Diagnostics)
		if req.IncludeResource {
			if public, err := l.client.TemplateIsPublic(ctx, tpl.ID); err != nil {
				addAPIError(&result.Diagnostics, "Error reading room template access", err)
			} else {
				m := roomTemplateModelV0{ShareUserIDs: types.SetNull(types.StringType), ShareGroupIDs: types.SetNull(types.StringType)}
				m.Timeouts = nullTimeouts
				m.fill(ctx, tpl, public, &result.Diagnostics)
				if !result.Diagnostics.HasError() {
					result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
				}
			}
		}
		return true
	})
}
