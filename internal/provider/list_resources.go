package provider

import (
	"context"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// List resources (Terraform 1.14 and later) find existing rooms, templates and links for `terraform query`,
// which can write their configuration and import blocks. Every result carries the resource's identity;
// with include_resource, the whole object too.

var (
	_ list.ListResourceWithConfigure = (*roomListResource)(nil)
	_ list.ListResourceWithConfigure = (*roomTemplateListResource)(nil)
	_ list.ListResourceWithConfigure = (*roomLinkListResource)(nil)
)

// NewRoomListResource returns the docspace_room list resource.
func NewRoomListResource() list.ListResource { return &roomListResource{} }

// NewRoomTemplateListResource returns the docspace_room_template list resource.
func NewRoomTemplateListResource() list.ListResource { return &roomTemplateListResource{} }

// NewRoomLinkListResource returns the docspace_room_link list resource.
func NewRoomLinkListResource() list.ListResource { return &roomLinkListResource{} }

type roomListResource struct{ resourceBase }
type roomTemplateListResource struct{ resourceBase }
type roomLinkListResource struct{ resourceBase }

type roomListConfig struct {
	Archived      types.Bool   `tfsdk:"archived"`
	TitleContains types.String `tfsdk:"title_contains"`
	RoomType      types.String `tfsdk:"room_type"`
	Tags          types.List   `tfsdk:"tags"`
}

type roomTemplateListConfig struct {
	TitleContains types.String `tfsdk:"title_contains"`
	Tags          types.List   `tfsdk:"tags"`
}

type roomLinkListConfig struct {
	RoomID   types.String `tfsdk:"room_id"`
	LinkType types.String `tfsdk:"link_type"`
}

// nullTimeouts is the timeouts value of a listed room or template: none configured.
var nullTimeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
	"create": types.StringType, "update": types.StringType, "delete": types.StringType,
})}

func titleContainsAttribute(noun string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "Keep " + noun + " whose title contains this text, ignoring case.",
		Optional:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

func tagsFilterAttribute(noun string) schema.ListAttribute {
	return schema.ListAttribute{
		MarkdownDescription: "Keep " + noun + " that carry all of these tags (compared ignoring case).",
		ElementType:         types.StringType,
		Optional:            true,
	}
}

func (l *roomListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room"
}

func (l *roomListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the portal's rooms, active and archived, for `terraform query`. The listing costs " +
			"one API call per 100 rooms, with or without `include_resource`. Each result is named after the room's title and type.",
		Attributes: map[string]schema.Attribute{
			"archived":       archivedFilterAttribute(),
			"title_contains": titleContainsAttribute("rooms"),
			"room_type": schema.StringAttribute{
				MarkdownDescription: "Keep rooms of this type: one of " + quoted(roomTypeNameList()) + ".",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(roomTypeNameList()...)},
			},
			"tags": tagsFilterAttribute("rooms"),
		},
	}
}

func (l *roomListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg roomListConfig
	var diags diag.Diagnostics
	diags.Append(req.Config.Get(ctx, &cfg)...)
	wantTags := tagsFromList(ctx, cfg.Tags, &diags)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	opts := docspace.ListRoomsOptions{FilterValue: cfg.TitleContains.ValueString(), Tags: wantTags}
	if !cfg.RoomType.IsNull() {
		opts.Types = []docspace.RoomType{roomTypeNames[cfg.RoomType.ValueString()]}
	}
	rooms, err := l.listRoomsIn(ctx, cfg.Archived, opts, wantTags)
	if err != nil {
		addAPIError(&diags, "Error listing rooms", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		for i := range rooms {
			room := &rooms[i]
			result := req.NewListResult(ctx)
			result.DisplayName = roomDisplayName(room)
			l.setObjectIdentity(ctx, result.Identity, formatObjectID(room.ID), &result.Diagnostics)
			if req.IncludeResource {
				m := roomModelV0{}
				m.Timeouts = nullTimeouts
				m.fill(ctx, room, &result.Diagnostics)
				result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
			}
			if !push(result) {
				return
			}
		}
	}
}

func roomDisplayName(room *docspace.Room) string {
	state := ""
	if room.IsArchived() {
		state = ", archived"
	}
	return fmt.Sprintf("%s (%s room%s)", room.Title, roomTypeName(room.RoomType), state)
}

// archivedFilterAttribute is the `archived` filter of the list resources that find rooms.
func archivedFilterAttribute() schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: "`true` keeps only archived rooms, `false` only active ones. Omit it for both.",
		Optional:            true,
	}
}

// listRoomsIn lists the rooms opts selects, archived or active as archived asks (both when it is null),
// and never templates.
func (b *resourceBase) listRoomsIn(ctx context.Context, archived types.Bool, opts docspace.ListRoomsOptions, wantTags []string) ([]docspace.Room, error) {
	opts.SearchArea = docspace.SearchAreaAny
	if !archived.IsNull() {
		opts.SearchArea = docspace.SearchAreaActive
		if archived.ValueBool() {
			opts.SearchArea = docspace.SearchAreaArchive
		}
	}
	rooms, err := b.listRooms(ctx, opts, wantTags)
	if err != nil {
		return nil, err
	}
	kept := rooms[:0]
	for _, r := range rooms {
		if !r.IsTemplate() && (archived.IsNull() || r.IsArchived() == archived.ValueBool()) {
			kept = append(kept, r)
		}
	}
	return kept, nil
}

// listRooms lists rooms or templates and checks the filters again, so the result is exact whatever the
// portal's matching rules are (its tag filter keeps objects with any of the tags). It sorts by title, then id.
func (b *resourceBase) listRooms(ctx context.Context, opts docspace.ListRoomsOptions, wantTags []string) ([]docspace.Room, error) {
	rooms, err := b.client.ListRooms(ctx, opts)
	if err != nil {
		return nil, err
	}
	kept := rooms[:0]
	for _, r := range rooms {
		if containsFold(r.Title, opts.FilterValue) && (opts.Types == nil || r.RoomType == opts.Types[0]) && hasAllTags(r.Tags, wantTags) {
			kept = append(kept, r)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if kept[i].Title != kept[j].Title {
			return kept[i].Title < kept[j].Title
		}
		return kept[i].ID < kept[j].ID
	})
	return kept, nil
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
	wantTags := tagsFromList(ctx, cfg.Tags, &diags)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	opts := docspace.ListRoomsOptions{SearchArea: docspace.SearchAreaTemplates, FilterValue: cfg.TitleContains.ValueString(), Tags: wantTags}
	templates, err := l.listRooms(ctx, opts, wantTags)
	if err != nil {
		addAPIError(&diags, "Error listing room templates", err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		for i := range templates {
			tpl := &templates[i]
			if !tpl.IsTemplate() {
				continue
			}
			result := req.NewListResult(ctx)
			result.DisplayName = fmt.Sprintf("%s (template for %s rooms)", tpl.Title, roomTypeName(tpl.RoomType))
			l.setObjectIdentity(ctx, result.Identity, formatObjectID(tpl.ID), &result.Diagnostics)
			if req.IncludeResource {
				if public, err := l.client.TemplateIsPublic(ctx, tpl.ID); err != nil {
					addAPIError(&result.Diagnostics, "Error reading room template access", err)
				} else {
					m := roomTemplateModelV0{ShareEmails: types.SetNull(types.StringType), ShareGroupIDs: types.SetNull(types.StringType)}
					m.Timeouts = nullTimeouts
					m.fill(ctx, tpl, public, &result.Diagnostics)
					if !result.Diagnostics.HasError() {
						result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
					}
				}
			}
			if !push(result) {
				return
			}
		}
	}
}

func (l *roomLinkListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_link"
}

func (l *roomLinkListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the share links of one room for `terraform query`. The listing costs two API calls " +
			"(the room, for its title, and its links), with or without `include_resource`. Each result is named after the " +
			"room's title and the link's title. Link passwords are never returned: a generated configuration of a " +
			"password-protected link needs `password` or `password_wo` added before it is applied.",
		Attributes: map[string]schema.Attribute{
			"room_id": schema.StringAttribute{
				MarkdownDescription: "Id of the room whose links are listed.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(numericID, "must be a numeric room id")},
			},
			"link_type": schema.StringAttribute{
				MarkdownDescription: "Keep only `external` or only `invitation` links. Omit it for both.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(linkExternal, linkInvitation)},
			},
		},
	}
}

func (l *roomLinkListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg roomLinkListConfig
	var diags diag.Diagnostics
	diags.Append(req.Config.Get(ctx, &cfg)...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	roomID, err := parseObjectID(cfg.RoomID.ValueString())
	if err != nil {
		diags.AddError("Invalid room id", err.Error())
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	room, err := l.client.GetRoom(ctx, roomID)
	var links []docspace.Link
	if err == nil {
		var linkType *docspace.LinkType
		if !cfg.LinkType.IsNull() {
			t := linkTypes[cfg.LinkType.ValueString()]
			linkType = &t
		}
		// Listing never creates a primary link, unlike GET /rooms/{id}/link (api-notes.md §23).
		links, err = l.client.ListRoomLinks(ctx, roomID, linkType)
	}
	if err != nil {
		addAPIError(&diags, "Error listing the links of room "+cfg.RoomID.ValueString(), err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		for i := range links {
			m := roomLinkModelV0{RoomID: cfg.RoomID}
			m.fill(&links[i])
			if !cfg.LinkType.IsNull() && m.LinkType.ValueString() != cfg.LinkType.ValueString() {
				continue
			}
			result := req.NewListResult(ctx)
			kind := m.LinkType.ValueString()
			if m.Primary.ValueBool() {
				kind += ", primary"
			}
			result.DisplayName = fmt.Sprintf("%s: %s (%s)", room.Title, m.Title.ValueString(), kind)
			l.setLinkIdentity(ctx, result.Identity, cfg.RoomID.ValueString(), m.LinkID.ValueString(), &result.Diagnostics)
			if req.IncludeResource {
				result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
			}
			if !push(result) {
				return
			}
		}
	}
}

func tagsFromList(ctx context.Context, tags types.List, diags *diag.Diagnostics) []string {
	if tags.IsNull() || tags.IsUnknown() {
		return nil
	}
	var out []string
	diags.Append(tags.ElementsAs(ctx, &out, false)...)
	return out
}
