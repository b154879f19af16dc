"""A Babel extractor for the rule files, so their texts reach translators through the
same ``translations/*/messages.po`` as templates and code.

Registered as the ``navigator_rules`` extractor (see ``babel.cfg``). It yields every
string under a key a person reads; ids, URLs, codes and dates are not extracted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

# Keys whose string values (or lists of strings) a person reads.
TEXT_KEYS = {
    "question",
    "help",
    "summary",
    "label",
    "title",
    "text",
    "steps",
    "documents",
    "note",
    "processing_time",
    "validity",
    "authority",
    "how",
    "what",
    "contact",
    "law",
    "description",
    "extension_note",
    "conflicts",
    "risks",
    "discretion",
    "name",
}


def _walk(node: Any, key: str | None = None) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _walk(v, str(k))
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, key)
    elif isinstance(node, str) and key in TEXT_KEYS:
        yield key, node


def extract_rules(fileobj, keywords, comment_tags, options):
    """Babel extractor protocol: yield (lineno, funcname, message, comments)."""
    data = yaml.safe_load(fileobj.read().decode("utf-8"))
    seen: set[str] = set()
    for key, text in _walk(data):
        if text not in seen:
            seen.add(text)
            yield 0, None, text, [f"rules: {key}"]
