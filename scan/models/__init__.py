"""Scan models: definitions and their parts (versioned, frozen once published) and responses.
`from scan.models import X` works for each of them."""

from .definitions import DefinitionFrozen, FrozenChild, ScanDefinition, original_language
from .parts import DirectionRule, Domain, Option, Question
from .responses import ScanAnswer, ScanResponse

__all__ = [
    "DefinitionFrozen",
    "DirectionRule",
    "Domain",
    "FrozenChild",
    "Option",
    "Question",
    "ScanAnswer",
    "ScanDefinition",
    "ScanResponse",
    "original_language",
]
