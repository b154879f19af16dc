"""Save for later and resume with a phrase: the only feature that writes to the database.

The phrase is shown once, on the page that answers the save request, and is
never put in a URL, a cookie or a log. The session keeps only the copy's lookup
value and expiry day, so this browser can offer "delete it now" without the
phrase. Wrong phrases are rate limited; phrases that are not even well-formed
are caught before any database work and do not count.
"""

from __future__ import annotations

import datetime as dt
import logging

from flask import (
    Blueprint,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy.exc import SQLAlchemyError
from wtforms import TextAreaField
from wtforms.validators import ValidationError

from navigator.engine import assess
from navigator.storage import Database, PhraseError, read_phrase, saves
from navigator.storage.phrase import WORDS_IN_PHRASE

from . import rules
from .security import limiter
from .state import load_answers, replace_answers, stored_answers

bp = Blueprint("saving", __name__)
log = logging.getLogger(__name__)
SAVED = "saved"  # session key: {"lookup": hex, "until": ISO date}


def database() -> Database:
    return current_app.extensions["navigator_db"]


def saved_copy() -> dict | None:
    """What this browser knows about its saved copy (for templates)."""
    saved = session.get(SAVED)
    if isinstance(saved, dict) and saved.get("lookup") and saved.get("until"):
        try:
            return {"lookup": saved["lookup"], "until": dt.date.fromisoformat(saved["until"])}
        except (TypeError, ValueError):
            return None
    return None


class SaveForm(FlaskForm):
    """Only the CSRF token: saving takes no input but the answers already in the session."""


def _check_phrase(form: FlaskForm, field: TextAreaField) -> None:
    try:
        field.data = read_phrase(field.data or "")
    except PhraseError as exc:
        if exc.reason == "empty":
            raise ValidationError(gettext("Enter your resume phrase.")) from exc
        if exc.reason == "count":
            raise ValidationError(
                ngettext(
                    "The phrase has %(expected)s words; you entered %(num)s.",
                    "The phrase has %(expected)s words; you entered %(num)s.",
                    exc.count,
                    expected=WORDS_IN_PHRASE,
                )
            ) from exc
        raise ValidationError(
            gettext(
                "“%(word)s” is not one of the words we use. Check its spelling.",
                word=exc.word[:40],
            )
        ) from exc


class ResumeForm(FlaskForm):
    phrase = TextAreaField(_l("Your resume phrase"), validators=[_check_phrase])


def _save_limit() -> str:
    return current_app.config["SAVE_RATE_LIMIT"]


def _resume_limit() -> str:
    return current_app.config["RESUME_RATE_LIMIT"]


def _unavailable():
    return render_template(
        "error.html",
        title=gettext("Saving is not working right now"),
        message=gettext(
            "Nothing was stored. Your answers are still here in this browser; try again later."
        ),
        back=None,
    ), 503


@bp.get("/save")
def save_page():
    if not load_answers(rules()):
        return redirect(url_for("wizard.next_question"))
    return render_template(
        "saving/save.html", form=SaveForm(), days=current_app.config["SAVE_DAYS"]
    )


@bp.post("/save")
@limiter.limit(_save_limit)
def save():
    form = SaveForm()
    if not form.validate():
        return redirect(url_for("saving.save_page"))
    answers = stored_answers(rules())
    if not answers:
        return redirect(url_for("wizard.next_question"))
    previous = saved_copy()
    try:
        copy = saves.save_answers(
            database(),
            answers,
            days=current_app.config["SAVE_DAYS"],
            today=dt.date.today(),
            replaces=previous["lookup"] if previous else None,
        )
    except SQLAlchemyError as exc:
        log.error("saving failed: %s", type(exc).__name__)
        return _unavailable()
    session[SAVED] = {"lookup": copy.lookup, "until": copy.expires_on.isoformat()}
    return render_template(
        "saving/phrase.html",
        words=copy.phrase.split(),
        until=copy.expires_on,
        replaced=previous is not None,
        form=SaveForm(),
    )


def _missed(response) -> bool:
    """Only well-formed phrases that found nothing count against the limit."""
    return bool(g.get("phrase_missed"))


@bp.route("/resume", methods=["GET", "POST"])
@limiter.limit(_resume_limit, methods=["POST"], deduct_when=_missed)
def resume():
    form = ResumeForm()
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        return render_template("saving/resume.html", form=form), status
    return _resume_with(form)


def _not_found(form: ResumeForm):
    g.phrase_missed = True
    form.phrase.errors = [
        ngettext(
            "We found no saved answers for this phrase. Check each word. "
            "Saved answers are deleted after %(num)s day.",
            "We found no saved answers for this phrase. Check each word. "
            "Saved answers are deleted after %(num)s days.",
            current_app.config["SAVE_DAYS"],
        )
    ]
    return render_template("saving/resume.html", form=form), 400


def _resume_with(form: ResumeForm):
    phrase = form.phrase.data
    try:
        if request.form.get("action") == "delete":
            lookup = saves.lookup_for(phrase)  # scrypt: once
            if not saves.delete_saved(database(), lookup):
                return _not_found(form)
            _forget_copy_if(lookup)
            return render_template("saving/deleted.html", found=True)
        restored = saves.load_saved(database(), phrase, today=dt.date.today())
    except SQLAlchemyError as exc:
        log.error("resume failed: %s", type(exc).__name__)
        return _unavailable()
    if restored is None:
        return _not_found(form)
    replace_answers(rules(), restored.answers)
    session[SAVED] = {"lookup": restored.lookup, "until": restored.expires_on.isoformat()}
    result = assess(rules(), load_answers(rules()))
    target = "wizard.check" if result.answers else "wizard.next_question"
    return redirect(url_for(target, restored=1))


def _forget_copy_if(lookup: str) -> None:
    copy = saved_copy()
    if copy and copy["lookup"] == lookup:
        session.pop(SAVED, None)


@bp.post("/saved/delete")
def delete_now():
    """Delete this browser's saved copy at once (no phrase needed: the session knows it)."""
    form = SaveForm()
    copy = saved_copy()
    found = False
    if form.validate() and copy:
        try:
            found = saves.delete_saved(database(), copy["lookup"])
        except SQLAlchemyError as exc:
            log.error("delete failed: %s", type(exc).__name__)
            return _unavailable()
        session.pop(SAVED, None)
    return render_template("saving/deleted.html", found=found)
