"""The guidance PDF, rendered by WeasyPrint from ``templates/pdf/guidance.html``.

It uses its own Jinja environment (not Flask's) so the CLI and the API make the
same document. Fonts ship with the project (the ``fontpkg-noto-sans`` package),
and the URL fetcher refuses anything but local files, so rendering never
touches the network and never depends on system fonts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import fontpkg_noto_sans
from jinja2 import Environment, FileSystemLoader, select_autoescape

from navigator.engine import Assessment

from .i18n import Translator
from .present import CONFIDENCE_LABELS, VERDICT_LABELS, PartnerHelp, shown_groups, situation

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
FONT_FILES = Path(fontpkg_noto_sans.__file__).parent / "files"


def _environment(tr: Translator) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(gettext=tr.gettext, ngettext=tr.ngettext, newstyle=True)
    env.globals.update(tr=tr, verdict_labels=VERDICT_LABELS, confidence_labels=CONFIDENCE_LABELS)
    return env


def render_html(
    assessment: Assessment,
    tr: Translator,
    include_sensitive: bool = False,
    generated: dt.date | None = None,
    partner: PartnerHelp | None = None,
) -> str:
    rows, hidden = situation(assessment, tr, include_sensitive)
    return (
        _environment(tr)
        .get_template("pdf/guidance.html")
        .render(
            a=assessment,
            facts=assessment.rules.fact_by_id,
            groups=shown_groups(assessment),
            situation=rows,
            hidden_sensitive=hidden,
            generated=generated or dt.date.today(),
            font_regular=(FONT_FILES / "NotoSans[wdth,wght].ttf").as_uri(),
            font_italic=(FONT_FILES / "NotoSans-Italic[wdth,wght].ttf").as_uri(),
            lang=tr.locale,
            partner=partner,
        )
    )


def render_pdf(
    assessment: Assessment,
    tr: Translator,
    include_sensitive: bool = False,
    generated: dt.date | None = None,
    partner: PartnerHelp | None = None,
) -> bytes:
    """The guidance PDF as bytes, tagged (PDF/UA-1). Its metadata holds a generic title and
    no answers."""
    from weasyprint import HTML  # imported late: it loads Pango, which takes a moment
    from weasyprint.urls import URLFetcher

    html = render_html(assessment, tr, include_sensitive, generated, partner)
    local_only = URLFetcher(allowed_protocols={"file"})
    document = HTML(string=html, base_url=str(TEMPLATES_DIR), url_fetcher=local_only)
    # PDF/UA-1: tagged structure, document language and title, so screen readers can read it.
    return document.write_pdf(pdf_variant="pdf/ua-1")
