"""Benchmarks: how long one assessment, one results page and one PDF take.

Run: .venv/bin/python bench/bench_assess.py   (numbers go in docs/performance.md)
Targets (docs/performance.md): an assessment under 10 ms (the wizard runs one or two
per page view), a guidance PDF under 3 s, peak memory of a PDF render under 200 MiB.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import statistics
import time
from pathlib import Path

from navigator.engine import assess, load_rules, parse_answers
from navigator.outputs.i18n import Translator
from navigator.outputs.pdf import render_pdf

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "poland-work-permit.json"
FACTS = json.loads(EXAMPLE.read_text())["facts"]


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    start = time.perf_counter()
    rules = load_rules()
    print(f"load_rules: {1000 * (time.perf_counter() - start):.1f} ms")
    answers = parse_answers(rules.fact_by_id, FACTS)
    as_of = dt.date(2026, 3, 1)
    runs = timed(lambda: assess(rules, answers, as_of), 500)
    print(
        f"assess: median {1000 * statistics.median(runs):.2f} ms, "
        f"p95 {1000 * sorted(runs)[int(0.95 * len(runs))]:.2f} ms (500 runs)"
    )
    assessment = assess(rules, answers, as_of)
    render_pdf(assessment, Translator())  # warm up fonts and Pango
    runs = timed(lambda: render_pdf(assessment, Translator()), 5)
    print(f"render_pdf: median {statistics.median(runs):.2f} s (5 runs)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
