package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

func (r *roomLinkResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	allAccess := linkAccessList()
	resp.Schema = schema.Schema{
		MarkdownDescription: "A share link of a DocSpace room. An **external** link opens the room's contents to anyone " +
			"who has it (optionally with a password and an expiry); an **invitation** link lets people join the room " +
			"as members. Which access levels a link may grant depends on the room type; see the table below.\n\n" +
			linkRulesTable() +
			"\nPublic and form-filling rooms always have one **primary** external link, which cannot be deleted. " +
			"Set `primary = true` to manage it: the resource adopts the existing primary link and applies its settings. " +
			"Destroying it revokes it, and the portal at once issues a new primary link with default settings, so " +
			"the old URL stops working. In custom rooms, `primary = true` creates the primary link, and destroying it deletes it." +
			"\n\nThe API key's user must be able to manage the room's links (the room's owner, a room manager or a " +
			"DocSpace admin): the portal shows other users an empty list of links, so a refresh with such a key fails " +
			"with an error saying why, instead of treating the link as deleted.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<room_id>/<link_id>`, the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"room_id": roomIDAttribute("Id of the room. Changing it forces a new link."),
			"link_id": schema.StringAttribute{
				MarkdownDescription: "The link's id (a GUID), chosen by the provider when it creates the link.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"link_type": schema.StringAttribute{
				MarkdownDescription: "`external` or `invitation`. Changing it forces a new link.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(linkExternal, linkInvitation)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"access": schema.StringAttribute{
				MarkdownDescription: "The role the link grants, in the vocabulary of `docspace_room_member.access`: one of " +
					quoted(allAccess) + ". External links allow " + quoted(accessForKind(linkExternal)) + "; invitation links allow " +
					quoted(accessForKind(linkInvitation)) + "; the room type narrows this further (see the table). A link never " +
					"makes a room manager.",
				Required:   true,
				Validators: []validator.String{accessRole{allowed: allAccess, holder: "links"}},
			},
			"primary": schema.BoolAttribute{
				MarkdownDescription: "Manage the room's primary external link instead of an additional one. Defaults to `false`. " +
					"Changing it forces a new link.",
				Optional:      true,
				Computed:      true,
				Default:       booldefault.StaticBool(false),
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplace()},
			},
			"title": schema.StringAttribute{
				MarkdownDescription: "The link's name, at most 255 characters. When omitted the portal names it " +
					"(\"Shared link\", \"Invitation link\"), and that name is kept.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{stringvalidator.LengthBetween(1, 255)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"expiration_date": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("When the link stops working, in RFC 3339 (`2027-01-31T18:00:00Z`), "+
					"at most %d years ahead. Omit it for a link that never expires. The primary link of a public or "+
					"form-filling room cannot expire. Every change to a link sends all of it, so a link is neither made "+
					"nor changed while this date is in the past (the plan warns, the apply fails): set a later date, or "+
					"remove it, with the change. An expired link that nothing changes is left alone.", maxLinkLifetimeYears),
				Optional:   true,
				CustomType: timetypes.RFC3339Type{},
			},
			"deny_download": schema.BoolAttribute{
				MarkdownDescription: "Forbid visitors of an external link to download, print or copy files. External links " +
					"only; defaults to `false` (and is always `false` for invitation links).",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"internal": schema.BoolAttribute{
				MarkdownDescription: "Only portal users may open the link. When omitted the portal decides (its default " +
					"setting); public rooms force `false` and virtual data rooms force `true`.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"max_use_count": schema.Int64Attribute{
				MarkdownDescription: "How many people may join through an invitation link, 1 to 1000. Invitation links only.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(1, 1000)},
			},
			"share_link": schema.StringAttribute{
				MarkdownDescription: "The URL to hand out. It grants access to the room, so it is sensitive.",
				Computed:            true,
				Sensitive:           true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"expired": schema.BoolAttribute{
				MarkdownDescription: "Whether the link has expired. Plans know it: it follows from `expiration_date` " +
					"(a link without one never expires) and keeps its value while the date stays as it is.",
				Computed: true,
			},
		},
	}
	addSecretAttributes(resp.Schema.Attributes, "password", secretDocs{
		plain: "Password that external-link visitors must enter, at most 255 characters, checked against the portal's " +
			"password policy.",
		writeOnly: "password for external links",
	}, stringvalidator.LengthBetween(1, 255))
}

func linkRulesTable() string {
	var b strings.Builder
	b.WriteString("| room type | invitation link (one per room) | external links | external access |\n|---|---|---|---|\n")
	for _, name := range roomTypeNameList() {
		rule := roomLinkRules[roomTypeNames[name]]
		ext, extAccess := "none", "—"
		if rule.external != nil {
			ext = fmt.Sprintf("primary + %d more", rule.additional)
			if name == "custom" {
				ext = fmt.Sprintf("%d, plus a primary one on request", rule.additional)
			}
			extAccess = strings.Join(rule.external, ", ")
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", name, strings.Join(rule.invitation, ", "), ext, extAccess)
	}
	return b.String()
}

func (r *roomLinkResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = linkIdentitySchema()
}
