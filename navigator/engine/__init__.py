"""The rule engine: pure Python, no Flask. Load the rules once, then ``assess``.

rules = load_rules()
result = assess(rules, parse_answers(rules.fact_by_id, {"citizenship": "BY"}))
"""

from .answers import UNKNOWN, AnswerError, Answers, parse_answer, parse_answers, to_json_value
from .assessment import Assessment, Deadline, PathwayResult, Verdict, applicable_answers, assess
from .conditions import Reason, Tri
from .loader import RuleError, RuleProblem, RuleSet, load_rules
from .messages import N_, Message

__all__ = [
    "UNKNOWN",
    "AnswerError",
    "Answers",
    "Assessment",
    "Deadline",
    "Message",
    "N_",
    "PathwayResult",
    "Reason",
    "RuleError",
    "RuleProblem",
    "RuleSet",
    "Tri",
    "Verdict",
    "applicable_answers",
    "assess",
    "load_rules",
    "parse_answer",
    "parse_answers",
    "to_json_value",
]
