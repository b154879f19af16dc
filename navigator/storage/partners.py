"""Partners: validated on the way in (pydantic), read by the web adapter on each
embedded page and API call, managed with ``navigator partners ...``.

Validation is strict because partner data ends up in security headers
(``frame-ancestors``, CORS) and in the pages: an origin is exactly
``scheme://host[:port]``; the accent colour must carry white text at WCAG AA
contrast (it colours buttons); a logo is a PNG or JPEG of at most 200 kB.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import delete, select

from .database import Database
from .models import Partner

LANGUAGES = ("be", "ru", "en", "pl", "lt", "uk")
ORIGIN = re.compile(r"^https?://[a-z0-9.-]+(:\d{1,5})?$")
MAX_LOGO = 200_000


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (_luminance(hex_colour) + 0.05)


def logo_type(data: bytes) -> str:
    """The image type from its first bytes; only PNG and JPEG (no SVG: it can carry script)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    raise ValueError("the logo must be a PNG or JPEG file")


class PartnerSpec(BaseModel):
    """What ``navigator partners add`` accepts."""

    model_config = ConfigDict(extra="forbid")

    slug: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{1,39}$")]
    name: Annotated[str, Field(min_length=2, max_length=200)]
    contact: dict[str, Annotated[str, Field(min_length=3, max_length=500)]] = {}
    website: Annotated[str, Field(pattern=r"^https://\S+$", max_length=300)] | None = None
    origins: list[str] = []
    default_lang: str = "en"
    accent: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")] = "#1d4f91"
    logo: bytes | None = None
    api_rate_limit: Annotated[str, Field(pattern=r"^\d+ per (second|minute|hour|day)$")] | None = (
        None
    )

    @field_validator("contact")
    @classmethod
    def _contact_languages(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = set(value) - set(LANGUAGES)
        if unknown:
            raise ValueError(f"contact languages must be among {', '.join(LANGUAGES)}")
        return value

    @field_validator("origins")
    @classmethod
    def _origins(cls, value: list[str]) -> list[str]:
        cleaned = [origin.strip().rstrip("/").lower() for origin in value]
        for origin in cleaned:
            if not ORIGIN.match(origin):
                raise ValueError(f"{origin!r} is not an origin like https://example.org")
        return sorted(set(cleaned))

    @field_validator("default_lang")
    @classmethod
    def _lang(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"default language must be one of {', '.join(LANGUAGES)}")
        return value

    @field_validator("accent")
    @classmethod
    def _accent(cls, value: str) -> str:
        if contrast_with_white(value) < 4.5:
            raise ValueError(
                f"{value} is too light for white button text "
                f"(contrast {contrast_with_white(value):.1f}:1, needs 4.5:1)"
            )
        return value.lower()

    @field_validator("logo")
    @classmethod
    def _logo(cls, value: bytes | None) -> bytes | None:
        if value is not None:
            if len(value) > MAX_LOGO:
                raise ValueError("the logo must be at most 200 kB")
            logo_type(value)
        return value


@dataclass(frozen=True)
class PartnerView:
    """A partner as the web adapter and the PDF see it (no key hash, no logo bytes)."""

    slug: str
    name: str
    contact: dict[str, str]
    website: str | None
    origins: tuple[str, ...]
    default_lang: str
    accent: str
    has_logo: bool
    has_api_key: bool
    api_rate_limit: str | None

    def contact_in(self, lang: str) -> str | None:
        """The contact text in ``lang``, else English, else any language given."""
        for key in (lang, "en", *sorted(self.contact)):
            if self.contact.get(key):
                return self.contact[key]
        return None


def _view(row: Partner) -> PartnerView:
    return PartnerView(
        slug=row.slug,
        name=row.name,
        contact=dict(row.contact or {}),
        website=row.website,
        origins=tuple(row.origins or ()),
        default_lang=row.default_lang,
        accent=row.accent,
        has_logo=row.logo_type is not None,
        has_api_key=row.api_key_hash is not None,
        api_rate_limit=row.api_rate_limit,
    )


def hash_key(api_key: str) -> str:
    return hashlib.sha256(api_key.encode()).hexdigest()


class PartnerExistsError(ValueError):
    pass


def add_partner(db: Database, spec: PartnerSpec, *, with_api_key: bool) -> str | None:
    """Store a new partner; returns its API key (shown once) when one was asked for."""
    api_key = f"nav_{secrets.token_urlsafe(32)}" if with_api_key else None
    with db.session() as session, session.begin():
        if session.get(Partner, spec.slug) is not None:
            raise PartnerExistsError(spec.slug)
        session.add(
            Partner(
                slug=spec.slug,
                name=spec.name,
                contact=spec.contact,
                website=spec.website,
                origins=spec.origins,
                default_lang=spec.default_lang,
                accent=spec.accent,
                logo=spec.logo,
                logo_type=logo_type(spec.logo) if spec.logo else None,
                api_key_hash=hash_key(api_key) if api_key else None,
                api_rate_limit=spec.api_rate_limit,
            )
        )
    return api_key


def get_partner(db: Database, slug: str) -> PartnerView | None:
    with db.session() as session:
        row = session.get(Partner, slug)
        return _view(row) if row else None


def partner_logo(db: Database, slug: str) -> tuple[bytes, str] | None:
    with db.session() as session:
        row = session.get(Partner, slug)
        if row is None or row.logo is None:
            return None
        return row.logo, row.logo_type or "application/octet-stream"


def partner_for_key(db: Database, api_key: str) -> PartnerView | None:
    with db.session() as session:
        row = session.scalars(
            select(Partner).where(Partner.api_key_hash == hash_key(api_key))
        ).first()
        return _view(row) if row else None


def list_partners(db: Database) -> list[PartnerView]:
    with db.session() as session:
        return [_view(row) for row in session.scalars(select(Partner).order_by(Partner.slug))]


def all_origins(db: Database) -> set[str]:
    with db.session() as session:
        return {
            origin for origins in session.scalars(select(Partner.origins)) for origin in origins
        }


def remove_partner(db: Database, slug: str) -> bool:
    with db.session() as session, session.begin():
        result = session.execute(delete(Partner).where(Partner.slug == slug))
    return result.rowcount > 0
