"""The pure evaluation of eligibility rules: met, not met or unknown, with the explanation.

No database access here; kennisbank.matching loads the data once and calls `regelingen_evaluate()`.
outcomes.py holds the types and texts, rules.py one rule against the facts, evaluate.py the
regelingen; `from kennisbank.eligibility import X` works for each of them."""

from .evaluate import regelingen_evaluate
from .outcomes import (
    CLOSING_SOON_DAYS,
    CriterionResult,
    Deadline,
    DeadlineState,
    MatchResult,
    MatchStatus,
    Outcome,
    RegelingMatch,
    RegelingRules,
    Rule,
    deadline_for,
    today_amsterdam,
)
from .rules import rule_evaluate

__all__ = [
    "CLOSING_SOON_DAYS",
    "CriterionResult",
    "Deadline",
    "DeadlineState",
    "MatchResult",
    "MatchStatus",
    "Outcome",
    "RegelingMatch",
    "RegelingRules",
    "Rule",
    "deadline_for",
    "regelingen_evaluate",
    "rule_evaluate",
    "today_amsterdam",
]
