"""The three situations of the foundation issue, as a person would answer them.

Shared by the test-client walks, the browser journeys and the language checks, so
every surface is tested on the same people.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

TODAY = dt.date.today()


def in_months(n: int) -> dt.date:
    return TODAY + relativedelta(months=n)


POLAND_WORK_PERMIT = {
    "country": "PL",
    "citizenship": "BY",
    "passport_status": "expired",
    "passport_expiry": dt.date(2025, 10, 1),
    "residence_status": "temporary_permit",
    "permit_ground": "work",
    "permit_expiry": in_months(8),
    "legal_residence_years": 2,
    "fears_persecution": False,
    "criminal_case": False,
    "polish_ancestry": False,
    "karta_polaka": False,
    "wants_to_travel": True,
}

LITHUANIA_HUMANITARIAN = {
    "country": "LT",
    "citizenship": "BY",
    "passport_status": "valid",
    "passport_expiry": in_months(2),
    "residence_status": "temporary_permit",
    "permit_ground": "humanitarian",
    "permit_expiry": in_months(10),
    "legal_residence_years": 3,
    "fears_persecution": True,
    "criminal_case": False,
    "polish_ancestry": False,
    "karta_polaka": False,
    "lithuanian_descent": False,
    "wants_to_travel": True,
}

POLAND_REFUGEE = {
    "country": "PL",
    "citizenship": "BY",
    "passport_status": "expired",
    "passport_expiry": dt.date(2024, 5, 1),
    "residence_status": "refugee",
    "legal_residence_years": 3,
    "fears_persecution": True,
    "criminal_case": True,
    "polish_ancestry": False,
    "karta_polaka": False,
    "wants_to_travel": True,
}
