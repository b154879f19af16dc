"""The shape of the rule files, validated with pydantic when they are loaded.

Everything a person reads comes from these models, so every text field is an
English source string that the adapters translate (see ``messages.py``), and
every pathway must carry its legal basis and dated sources.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

Text = Annotated[str, Field(min_length=1)]
Url = Annotated[str, Field(pattern=r"^https?://\S+$")]
FactType = Literal["yes_no", "choice", "date", "number"]
Confidence = Literal["high", "medium", "low"]
PathwayKind = Literal["travel_document", "residence", "protection", "visa", "citizenship"]


class Strict(BaseModel):
    """Base model: unknown keys are errors, so a typo in a rule file never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# --- conditions -------------------------------------------------------------


class Offset(Strict):
    """A span added to the assessment date, e.g. ``{months: 6}``; negative looks back."""

    days: int = 0
    months: int = 0
    years: int = 0


FACT_OPERATORS = ("equals", "in_", "at_least", "less_than", "before", "on_or_after")


class FactCondition(Strict):
    """A comparison of one answer, e.g. ``{fact: citizenship, equals: BY, label: ...}``.

    Date operators compare with the assessment date plus an offset:
    ``before: {months: 6}`` holds when the date is earlier than six months from now.
    """

    fact: Text
    label: Text
    # When this comparison holds but rests on an inference or a weak source: said to the
    # person, and it caps the verdict at "possible".
    uncertain: str | None = None
    equals: str | bool | None = None
    in_: list[str] | None = Field(default=None, alias="in")
    at_least: float | None = None
    less_than: float | None = None
    before: Offset | None = None
    on_or_after: Offset | None = None

    @model_validator(mode="after")
    def _one_operator(self) -> FactCondition:
        used = [name for name in FACT_OPERATORS if getattr(self, name) is not None]
        if len(used) != 1:
            raise ValueError(
                "a fact condition needs exactly one of: equals, in, at_least, less_than, "
                f"before, on_or_after (found {len(used)})"
            )
        return self

    @property
    def operator(self) -> str:
        return next(name for name in FACT_OPERATORS if getattr(self, name) is not None)


class WindowCondition(Strict):
    """Holds while a dated filing window (a country parameter) is open on the assessment date."""

    window: Text
    label: Text


class AllCondition(Strict):
    all: list[Condition] = Field(min_length=1)
    label: str | None = None


class AnyCondition(Strict):
    any: list[Condition] = Field(min_length=1)
    label: str | None = None


class NotCondition(Strict):
    not_: Condition = Field(alias="not")
    label: Text  # the negation must be said in plain words by the rule author


def _condition_tag(raw: Any) -> str | None:
    if isinstance(raw, dict):
        keys = raw.keys()
    else:
        keys = {name for name in ("all", "any", "not_", "window", "fact") if hasattr(raw, name)}
    for key in ("all", "any", "window", "fact"):
        if key in keys:
            return key
    if "not" in keys or "not_" in keys:
        return "not"
    return None


Condition = Annotated[
    Union[
        Annotated[AllCondition, Tag("all")],
        Annotated[AnyCondition, Tag("any")],
        Annotated[NotCondition, Tag("not")],
        Annotated[WindowCondition, Tag("window")],
        Annotated[FactCondition, Tag("fact")],
    ],
    Discriminator(
        _condition_tag,
        custom_error_type="condition",
        custom_error_message="a condition needs one of the keys: all, any, not, window, fact",
    ),
]
AllCondition.model_rebuild()
AnyCondition.model_rebuild()
NotCondition.model_rebuild()


# --- facts -----------------------------------------------------------------


class Choice(Strict):
    value: Text
    label: Text


class Fact(Strict):
    """One question of the catalogue. Its id and choice values are a public contract."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    type: FactType
    question: Text
    help: Text
    summary: Text  # short name used on the check-your-answers page and in the PDF
    choices: list[Choice] = []
    sensitive: bool = False
    ask_when: Condition | None = None
    minimum: float | None = None
    maximum: float | None = None
    deprecated: bool = False

    @model_validator(mode="after")
    def _choices_match_type(self) -> Fact:
        if self.type == "choice" and not self.choices:
            raise ValueError("a choice fact needs choices")
        if self.type != "choice" and self.choices:
            raise ValueError(f"a {self.type} fact takes no choices")
        values = [c.value for c in self.choices]
        if "unknown" in values:
            raise ValueError("'unknown' is reserved for 'I don't know / prefer not to say'")
        if len(set(values)) != len(values):
            raise ValueError("choice values must be unique")
        return self

    @property
    def choice_values(self) -> list[str]:
        return [c.value for c in self.choices]


class FactCatalogue(Strict):
    facts: list[Fact] = Field(min_length=1)

    @field_validator("facts")
    @classmethod
    def _unique_ids(cls, facts: list[Fact]) -> list[Fact]:
        ids = [f.id for f in facts]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate fact ids: {', '.join(dupes)}")
        return facts


# --- pathway content --------------------------------------------------------


class Source(Strict):
    """A page the content rests on, with the date a rule author last checked it."""

    url: Url
    title: Text
    published: Annotated[str, BeforeValidator(str)] | None = None  # as the page dates itself
    checked: dt.date


class LegalBasis(Strict):
    law: Text
    article: str | None = None
    note: str | None = None


class Fee(Strict):
    label: Text
    amount: Decimal = Field(ge=0)
    currency: Literal["EUR", "PLN"]
    note: str | None = None


class WhereToApply(Strict):
    authority: Text
    how: str | None = None
    portal: Url | None = None


class DeadlineSpec(Strict):
    """A date worth a calendar entry: an answer's date plus an offset, or a filing window's end."""

    label: Text  # may use {date}
    fact: str | None = None
    offset: Offset = Offset()
    window: str | None = None

    @model_validator(mode="after")
    def _one_anchor(self) -> DeadlineSpec:
        if (self.fact is None) == (self.window is None):
            raise ValueError("a deadline needs exactly one of: fact, window")
        return self


class Pathway(Strict):
    """One legal route (travel document, residence, protection, visa, citizenship)."""

    id: Annotated[str, Field(pattern=r"^[a-z]{2}\.[a-z0-9_]+$")]
    title: Text
    original_name: Text
    kind: PathwayKind
    summary: Text
    priority: int = 50  # lower comes first among pathways with the same verdict
    when: Condition
    discretion: str | None = None  # why the authority decides case by case, if it does
    steps: list[Text] = Field(min_length=1)
    documents: list[Text] = Field(min_length=1)
    fees: list[Fee] = Field(min_length=1)
    processing_time: Text
    validity: Text
    where_to_apply: WhereToApply
    legal_basis: list[LegalBasis] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    confidence: Confidence
    conflicts: list[Text] = []
    risks: list[Text] = []
    deadlines: list[DeadlineSpec] = []
    deprecated: bool = False


class WindowValue(Strict):
    """One dated value of a filing window: from ``from`` on, filing is allowed until ``until``."""

    from_: dt.date = Field(alias="from")
    until: dt.date
    source: Source
    confidence: Confidence = "high"


class Window(Strict):
    """A filing window that the law moves over time (OpenFisca-style dated values)."""

    description: Text
    opens: dt.date
    values: list[WindowValue] = Field(min_length=1)
    may_be_extended: bool = False
    extension_note: str | None = None  # shown when the last known end has passed; uses {date}

    @model_validator(mode="after")
    def _ordered(self) -> Window:
        starts = [v.from_ for v in self.values]
        if starts != sorted(starts):
            raise ValueError("window values must be in date order")
        if self.may_be_extended and not self.extension_note:
            raise ValueError("a window that may be extended needs an extension_note")
        return self


class Organisation(Strict):
    name: Text
    what: Text
    url: Url | None = None
    contact: str | None = None
    source: Source
    confidence: Confidence


class Note(Strict):
    """A general note every person sees (e.g. decree No. 278)."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9_.]+$")]
    title: Text
    text: Text
    sources: list[Source] = Field(min_length=1)


class CountryRules(Strict):
    """One country file, e.g. ``rules/pl.yaml``."""

    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
    name: Text
    content_verified: dt.date
    windows: dict[str, Window] = {}
    notes: list[Note] = []
    legal_help: list[Organisation] = Field(min_length=1)
    pathways: list[Pathway] = Field(min_length=1)


class GeneralRules(Strict):
    """``rules/general.yaml``: notes that hold whatever the country."""

    content_verified: dt.date
    notes: list[Note] = Field(min_length=1)
