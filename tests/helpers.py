"""Shared helpers: walk the wizard through the Flask test client as a person would."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import Any

import pypdf


def form_data(value: Any) -> dict[str, str]:
    """The form fields a person fills in for ``value`` (yes/no, choice, date, number)."""
    if value == "unknown":
        return {"answer": "unknown", "dont_know": "y"}
    if isinstance(value, bool):
        return {"answer": "yes" if value else "no"}
    if isinstance(value, dt.date):
        return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
    if isinstance(value, int | float):
        return {"value": str(value)}
    return {"answer": value}


def walk_wizard(client, answers: dict[str, Any], limit: int = 30) -> list[str]:
    """Answer each question the wizard asks from ``answers``; return the ids asked.

    Fails if the wizard asks something ``answers`` does not cover, so a test
    also proves which questions were (and were not) asked.
    """
    asked: list[str] = []
    response = client.get("/next")
    for _ in range(limit):
        location = response.headers.get("Location", "")
        if location.endswith("/check"):
            return asked
        assert "/question/" in location, f"unexpected redirect {location!r}"
        fact_id = location.rsplit("/question/", 1)[1].split("?")[0]
        page = client.get(location)
        assert page.status_code == 200
        assert fact_id in answers, f"wizard asked {fact_id!r}, not in the test's answers"
        asked.append(fact_id)
        response = client.post(f"/question/{fact_id}", data=form_data(answers[fact_id]))
        assert response.status_code == 302, response.data[:500]
    raise AssertionError(f"wizard did not finish: {asked}")


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)
