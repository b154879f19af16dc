"""Benchmarks: saving and resuming with a phrase, and an embedded page view.

Run: .venv/bin/python bench/bench_saving.py   (numbers go in docs/performance.md)
Targets (docs/performance.md): save and resume each under 0.5 s (scrypt is meant to
be slow: about 0.1 s and 32 MiB per phrase, which is what makes guessing expensive);
peak memory under 200 MiB; an embedded page (state decrypted, page rendered, state
encrypted) within 20 ms of the same page with a cookie.
"""

from __future__ import annotations

import datetime as dt
import re
import resource
import statistics
import tempfile
from pathlib import Path

from bench_assess import FACTS, timed  # run as a script, bench/ is on the path

from navigator.storage import Database, load_saved, save_answers
from navigator.storage.partners import PartnerSpec, add_partner
from navigator.web import create_app
from navigator.web.embed import open_state, seal_state


def report(name: str, runs: list[float]) -> None:
    runs = sorted(runs)
    p95 = runs[int(len(runs) * 0.95) - 1]
    print(f"{name}: median {1000 * statistics.median(runs):.1f} ms, p95 {1000 * p95:.1f} ms")


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    db = Database(f"sqlite:///{folder / 'bench.db'}")
    today = dt.date(2026, 11, 25)
    phrases = []
    report(
        "save",
        timed(lambda: phrases.append(save_answers(db, FACTS, days=30, today=today).phrase), 30),
    )
    it = iter(phrases)
    report("resume", timed(lambda: load_saved(db, next(it), today=today), 30))

    app = create_app({"SECRET_KEY": "bench", "DATABASE_URL": f"sqlite:///{folder / 'app.db'}"})
    add_partner(
        app.extensions["navigator_db"],
        PartnerSpec(slug="demo", name="Demo", origins=["https://ngo.example"]),
        with_api_key=False,
    )
    plain = app.test_client()
    with plain.session_transaction() as sess:
        sess["answers"] = FACTS
    report("check page, cookie session", timed(lambda: plain.get("/check"), 100))
    embedded = app.test_client(use_cookies=False)
    page = embedded.get("/embed/demo/").get_data(as_text=True)
    state = re.search(r'name="_state" value="([^"]+)"', page).group(1)
    data = open_state("bench", state)
    data["answers"] = FACTS
    state = seal_state("bench", data)
    go = {"_state": state, "to": "/embed/demo/check"}
    report(
        "check page, embedded state", timed(lambda: embedded.post("/embed/demo/_go", data=go), 100)
    )
    print(f"state field: {len(state)} bytes with {len(FACTS)} answers")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
