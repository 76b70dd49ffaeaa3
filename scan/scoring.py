"""Scoring of a scan: a pure function of a definition + answers (no database access here)."""


def condition_validate(condition) -> None:
    """Raise ValueError when `condition` is not a valid direction-rule condition."""
    return None
