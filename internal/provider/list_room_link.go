package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ list.ListResource              = (*roomLinkListResource)(nil)
	_ list.ListResourceWithConfigure = (*roomLinkListResource)(nil)
)

// NewRoomLinkListResource returns the docspace_room_link list resource.
func NewRoomLinkListResource() list.ListResource { return &roomLinkListResource{} }

type roomLinkListResource struct{ resourceBase }

type roomLinkListConfig struct {
	RoomID   types.String `tfsdk:"room_id"`
	LinkType types.String `tfsdk:"link_type"`
}

func (l *roomLinkListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_link"
}

func (l *roomLinkListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the share links of one room for `terraform query`. The listing costs two API calls " +
			"(the room, for its title, and its links), with or without `include_resource`. Each result is named after the " +
			"room's title and the link's title. Link passwords are never returned: a generated configuration of a " +
			"password-protected link needs `password` or `password_wo` added to its block before the import is planned.",
		Attributes: map[string]schema.Attribute{
			"room_id": listRoomIDAttribute("links"),
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
	if !listConfig(ctx, req, stream, &cfg, &diags) {
		return
	}
	var links []docspace.Link
	room := l.listRoomContents(ctx, stream, &diags, cfg.RoomID, "links", func(roomID int64) (err error) {
		var linkType *docspace.LinkType
		if !cfg.LinkType.IsNull() {
			t := linkTypes[cfg.LinkType.ValueString()]
			linkType = &t
		}
		// Listing never creates a primary link, unlike GET /rooms/{id}/link (api-notes.md §23).
		links, err = l.client.ListRoomLinks(ctx, roomID, linkType)
		return err
	})
	if room == nil {
		return
	}
	streamListResults(ctx, req, stream, links, func(link *docspace.Link, result *list.ListResult) bool {
		m := roomLinkModelV0{RoomID: cfg.RoomID}
		m.fill(link)
		if !cfg.LinkType.IsNull() && m.LinkType.ValueString() != cfg.LinkType.ValueString() {
			return false
		}
		kind := m.LinkType.ValueString()
		if m.Primary.ValueBool() {
			kind += ", primary"
		}
		result.DisplayName = fmt.Sprintf("%s: %s (%s)", room.Title, m.Title.ValueString(), kind)
		l.setLinkIdentity(ctx, result.Identity, cfg.RoomID.ValueString(), m.LinkID.ValueString(), &result.Diagnostics)
		setListedResource(ctx, req, result, &m)
		return true
	})
	warnUnmanagedRooms(stream, []docspace.Room{*room}, "The portal shows such a key none of a room's links, so "+
		"none are listed, whatever the room holds")
}
