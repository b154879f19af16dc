"""The wizard: one question per page, then check-your-answers.

Questions come from the engine (``next_question``), so a person is only asked
what can still change their result. Everything works with plain links and
form posts; no JavaScript is needed.
"""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext

from navigator.engine import assess

from . import rules
from .forms import form_for, prefill
from .state import clear_answers, load_answers, save_answer

bp = Blueprint("wizard", __name__)


@bp.get("/")
def start():
    return render_template("start.html", has_answers=bool(load_answers(rules())))


@bp.post("/restart")
def restart():
    clear_answers()
    return redirect(url_for("wizard.next_question"))


@bp.get("/next")
def next_question():
    """Send the person to the next question worth asking, or to check-your-answers."""
    result = assess(rules(), load_answers(rules()))
    if result.next_question is None:
        return redirect(url_for("wizard.check"))
    return redirect(url_for("wizard.question", fact_id=result.next_question.id))


def _previous(fact_id: str, answered: dict) -> str:
    """The back link: the answered question just before this one, or the start page."""
    previous = None
    for fact in rules().facts:
        if fact.id == fact_id:
            break
        if fact.id in answered:
            previous = fact.id
    if previous is None:
        return url_for("wizard.start")
    return url_for("wizard.question", fact_id=previous)


@bp.route("/question/<fact_id>", methods=["GET", "POST"])
def question(fact_id: str):
    fact = rules().fact_by_id.get(fact_id)
    if fact is None or fact.deprecated:
        abort(404)
    answers = load_answers(rules())
    changing = request.args.get("change") == "1"
    if request.method == "POST":
        form = form_for(fact, gettext)
    else:
        form = form_for(fact, gettext, data=prefill(fact, answers.get(fact_id)))

    if request.method == "POST" and form.validate():
        save_answer(fact_id, form.answer_value())
        result = assess(rules(), load_answers(rules()))
        if result.next_question is None:
            return redirect(url_for("wizard.check"))
        return redirect(
            url_for(
                "wizard.question",
                fact_id=result.next_question.id,
                **({"change": "1"} if changing else {}),
            )
        )

    result = assess(rules(), answers)
    applicable = result.answers
    answered = len([f for f in rules().facts if f.id in applicable and f.id != fact_id])
    total = answered + max(result.remaining_questions, 1)
    status = 400 if request.method == "POST" else 200
    return (
        render_template(
            "wizard/question.html",
            fact=fact,
            form=form,
            number=answered + 1,
            total=total,
            back_url=url_for("wizard.check") if changing else _previous(fact_id, applicable),
            changing=changing,
        ),
        status,
    )


@bp.get("/check")
def check():
    ruleset = rules()
    result = assess(ruleset, load_answers(ruleset))
    if not result.answers:
        return redirect(url_for("wizard.next_question"))
    rows = [(fact, result.answers[fact.id]) for fact in ruleset.facts if fact.id in result.answers]
    return render_template(
        "wizard/check.html",
        rows=rows,
        pending=result.next_question,
        restored=request.args.get("restored") == "1",
    )
