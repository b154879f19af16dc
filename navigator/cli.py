"""Command line: ``navigator rules check``, ``navigator assess FACTS.json``, and (from
cli_storage and cli_partners) ``navigator db upgrade``, ``navigator purge`` and
``navigator partners ...``.

A thin adapter: it parses arguments, calls the engine and writes the same
JSON, PDF and calendar the web app serves.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from navigator.cli_partners import partners
from navigator.cli_storage import db, purge
from navigator.engine import AnswerError, RuleError, assess, load_rules, parse_answers
from navigator.outputs.calendar import render_ics
from navigator.outputs.i18n import Translator
from navigator.outputs.present import GROUP_LABELS, shown_groups
from navigator.outputs.serialize import assessment_to_dict


@click.group()
def main() -> None:
    """Exile legal-status navigator."""


main.add_command(db)
main.add_command(purge)
main.add_command(partners)


@main.group()
def rules() -> None:
    """Work with the rule files."""


@rules.command("check")
@click.option(
    "--rules-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder with facts.yaml, general.yaml and the country files.",
)
def rules_check(rules_dir: Path | None) -> None:
    """Validate every rule file; list every problem; exit 1 if there is any."""
    try:
        ruleset = load_rules(rules_dir)
    except RuleError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(exc.problems)} problem(s) found.", err=True)
        sys.exit(1)
    pathways = len(ruleset.pathways)
    click.echo(
        f"OK: {len(ruleset.facts)} facts, {len(ruleset.countries)} countries, "
        f"{pathways} pathways; rule set {ruleset.version}, "
        f"content verified {ruleset.content_verified.isoformat()}."
    )


def _as_of(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("use YYYY-MM-DD, for example 2027-03-01") from None


@main.command("assess")
@click.argument("facts_file", type=click.File("r", encoding="utf-8"))
@click.option("--as-of", callback=_as_of, help="Assess as of this date (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print the assessment as JSON.")
@click.option(
    "--pdf",
    "pdf_out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the guidance PDF here.",
)
@click.option(
    "--ics",
    "ics_out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the deadlines calendar here.",
)
@click.option("--include-sensitive", is_flag=True, help="Show sensitive answers in the PDF.")
@click.option("--lang", default="en", show_default=True, help="Language of the texts.")
def assess_command(facts_file, as_of, as_json, pdf_out, ics_out, include_sensitive, lang):
    """Assess the answers in FACTS_FILE: a JSON object of fact ids, or the API's body
    {"facts": {...}, "as_of": "YYYY-MM-DD"} (--as-of wins over the file's date)."""
    try:
        raw = json.load(facts_file)
    except json.JSONDecodeError as exc:
        raise click.ClickException(f"{facts_file.name} is not valid JSON: {exc}") from None
    if isinstance(raw, dict) and isinstance(raw.get("facts"), dict):  # the API's body shape
        if as_of is None and raw.get("as_of") is not None:
            as_of = _as_of(None, None, str(raw["as_of"]))
        raw = raw["facts"]
    try:
        ruleset = load_rules()
    except RuleError as exc:
        raise click.ClickException(
            f"the rule files are broken; run 'navigator rules check':\n{exc}"
        ) from None
    try:
        answers = parse_answers(ruleset.fact_by_id, raw)
    except AnswerError as exc:
        for problem in exc.problems:
            click.echo(f"{problem.fact or 'facts'}: {problem.message.render()}", err=True)
        sys.exit(2)
    result = assess(ruleset, answers, as_of)
    tr = Translator.for_locale(lang)
    if as_json:
        click.echo(json.dumps(assessment_to_dict(result, tr), ensure_ascii=False, indent=2))
    else:
        _print_summary(result, tr)
    if pdf_out:
        from navigator.outputs.pdf import render_pdf

        pdf_out.write_bytes(render_pdf(result, tr, include_sensitive))
        click.echo(f"PDF written to {pdf_out}", err=True)
    if ics_out:
        ics_out.write_bytes(render_ics(result, tr))
        click.echo(f"Calendar written to {ics_out}", err=True)


def _print_summary(result, tr: Translator) -> None:
    click.echo(f"As of {result.as_of.isoformat()}, rule set {result.rules.version}")
    for key, results in shown_groups(result).items():
        if not results:
            continue
        click.echo("")
        click.echo(tr(GROUP_LABELS[key]))
        for r in results:
            due = f" (next deadline {r.next_deadline.isoformat()})" if r.next_deadline else ""
            click.echo(f"  [{r.verdict.value}] {r.id}: {tr(r.pathway.title)}{due}")
    if result.next_question is not None:
        click.echo("")
        click.echo(f"Worth answering next: {result.next_question.id}")


if __name__ == "__main__":  # pragma: no cover
    main()
