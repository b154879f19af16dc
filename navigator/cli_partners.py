"""``navigator partners add | list | show | remove``: partners without a web admin.

``add`` prints the one tag the partner pastes into their page, and the API key
(if asked for) once: only its hash is stored.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from pydantic import ValidationError

from navigator.cli_storage import open_database
from navigator.storage.partners import (
    PartnerExistsError,
    PartnerSpec,
    PartnerView,
    add_partner,
    get_partner,
    list_partners,
    remove_partner,
)


def public_url() -> str:
    """Where the app is reachable, for the snippet (NAVIGATOR_PUBLIC_URL)."""
    return os.environ.get("NAVIGATOR_PUBLIC_URL", "http://127.0.0.1:5000").rstrip("/")


def snippet(partner: PartnerView) -> str:
    return (
        f'<script src="{public_url()}/static/embed.js" data-partner="{partner.slug}" '
        f'data-lang="{partner.default_lang}" async></script>'
    )


def _contacts(values: tuple[str, ...]) -> dict[str, str]:
    contact = {}
    for value in values:
        lang, sep, text = value.partition("=")
        if not sep:
            raise click.BadParameter(f"{value!r}: write LANG=TEXT, e.g. en='Call +48 ...'")
        contact[lang.strip()] = text.strip()
    return contact


@click.group("partners")
def partners() -> None:
    """NGOs that embed the wizard or call the API."""


@partners.command("add")
@click.argument("slug")
@click.option("--name", required=True, help="The organisation's name, as people know it.")
@click.option(
    "--origin",
    "origins",
    multiple=True,
    help="A site allowed to embed, e.g. https://ngo.example (repeat for more).",
)
@click.option(
    "--contact",
    "contacts",
    multiple=True,
    help="LANG=TEXT, e.g. en='Call +48 ... (Mon-Fri)'; repeat per language.",
)
@click.option("--website", help="https://... shown with the contact.")
@click.option(
    "--lang",
    "default_lang",
    default="en",
    show_default=True,
    help="Language when the host page gives none.",
)
@click.option(
    "--accent",
    default="#1d4f91",
    show_default=True,
    help="Button colour, #RRGGBB, dark enough for white text.",
)
@click.option(
    "--logo",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="PNG or JPEG, at most 200 kB.",
)
@click.option("--api-key", is_flag=True, help="Create an API key for this partner (shown once).")
@click.option("--api-rate-limit", help="The key's own limit, e.g. '600 per minute'.")
def add(
    slug, name, origins, contacts, website, default_lang, accent, logo, api_key, api_rate_limit
):
    """Add a partner and print the tag to paste."""
    try:
        spec = PartnerSpec(
            slug=slug,
            name=name,
            contact=_contacts(contacts),
            website=website,
            origins=list(origins),
            default_lang=default_lang,
            accent=accent,
            logo=logo.read_bytes() if logo else None,
            api_rate_limit=api_rate_limit,
        )
    except ValidationError as exc:
        for error in exc.errors():
            field = ".".join(str(part) for part in error["loc"])
            click.echo(f"{field}: {error['msg']}", err=True)
        sys.exit(1)
    db = open_database()
    try:
        key = add_partner(db, spec, with_api_key=api_key)
    except PartnerExistsError:
        click.echo(f"A partner {slug!r} exists already; remove it first to replace it.", err=True)
        sys.exit(1)
    partner = get_partner(db, slug)
    click.echo(f"Added partner {slug} ({name}).")
    if partner.origins:
        click.echo("Paste this where the navigator should appear:")
        click.echo(snippet(partner))
    else:
        click.echo("No --origin given: no site may embed the wizard (API use only).")
    if key:
        click.echo(f"API key (shown only now; send it as the X-API-Key header): {key}")


@partners.command("list")
def list_command():
    """One line per partner."""
    rows = list_partners(open_database())
    if not rows:
        click.echo("No partners yet: navigator partners add SLUG --name ... --origin ...")
    for p in rows:
        key = "API key" if p.has_api_key else ""
        click.echo(f"{p.slug}\t{p.name}\t{' '.join(p.origins) or '-'}\t{key}".rstrip())


@partners.command("show")
@click.argument("slug")
def show(slug):
    """Everything stored about one partner, and its tag."""
    p = get_partner(open_database(), slug)
    if p is None:
        click.echo(f"No partner {slug!r}.", err=True)
        sys.exit(1)
    click.echo(f"slug:         {p.slug}")
    click.echo(f"name:         {p.name}")
    click.echo(f"website:      {p.website or '-'}")
    click.echo(f"origins:      {' '.join(p.origins) or '-'}")
    click.echo(f"language:     {p.default_lang}")
    click.echo(f"accent:       {p.accent}")
    click.echo(f"logo:         {'yes' if p.has_logo else 'no'}")
    click.echo(f"api key:      {'yes' if p.has_api_key else 'no'}")
    click.echo(f"api limit:    {p.api_rate_limit or 'default'}")
    for lang, text in sorted(p.contact.items()):
        click.echo(f"contact [{lang}]: {text}")
    click.echo(snippet(p))


@partners.command("remove")
@click.argument("slug")
def remove(slug):
    """Remove a partner: its embed stops working at once, its API key too."""
    if not remove_partner(open_database(), slug):
        click.echo(f"No partner {slug!r}.", err=True)
        sys.exit(1)
    click.echo(f"Removed partner {slug}.")
