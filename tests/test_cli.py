"""The command line, run as a real subprocess, as a lawyer or CI would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import pdf_text

ROOT = Path(__file__).resolve().parents[1]


def run(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "navigator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_rules_check_passes_on_the_real_rules():
    result = run("rules", "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK:")


def test_rules_check_lists_every_problem_and_fails(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", target)
    text = (target / "xx.yaml").read_text()
    text = text.replace("{fact: country, equals: XX", "{fact: countri, equals: XX", 1)
    text = text.replace("kind: protection", "kind: asylum", 1)
    (target / "xx.yaml").write_text(text)
    result = run("rules", "check", "--rules-dir", str(target))
    assert result.returncode == 1
    assert "unknown fact 'countri'" in result.stderr
    assert "pathway xx.protection, field kind" in result.stderr
    assert "2 problem(s) found." in result.stderr


def test_assess_json_pdf_and_ics(tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text(
        json.dumps(
            {
                "facts": {
                    "country": "PL",
                    "citizenship": "BY",
                    "residence_status": "refugee",
                    "passport_status": "lost",
                }
            }
        )
    )
    pdf, ics = tmp_path / "out.pdf", tmp_path / "out.ics"
    result = run(
        "assess",
        str(facts),
        "--as-of",
        "2026-03-01",
        "--json",
        "--pdf",
        str(pdf),
        "--ics",
        str(ics),
    )
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    verdicts = {p["id"]: p["verdict"] for p in body["pathways"]}
    assert verdicts["pl.geneva_travel_document"] == "eligible"
    assert body["as_of"] == "2026-03-01"
    assert "Geneva" in pdf_text(pdf.read_bytes()) or "Genewsk" in pdf_text(pdf.read_bytes())
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_assess_text_summary(tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text(
        json.dumps({"country": "PL", "citizenship": "BY", "residence_status": "refugee"})
    )
    result = run("assess", str(facts), "--as-of", "2026-03-01")
    assert result.returncode == 0, result.stderr
    assert "You can apply" in result.stdout
    assert "pl.geneva_travel_document" in result.stdout


def test_assess_bad_facts_and_dates(tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"country": "Mars"}))
    result = run("assess", str(facts))
    assert result.returncode == 2
    assert "country: Choose one of" in result.stderr
    facts.write_text("{oops")
    assert "not valid JSON" in run("assess", str(facts)).stderr
    facts.write_text("{}")
    bad = run("assess", str(facts), "--as-of", "2026-02-30")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr


def test_assess_takes_the_api_body_with_its_date():
    example = ROOT / "examples" / "poland-work-permit.json"
    assert run("assess", str(example)).stdout.startswith("As of 2026-03-01")
    assert run("assess", str(example), "--as-of", "2026-12-01").stdout.startswith(
        "As of 2026-12-01"
    )
