"""ScanResult: the one typed reading of a stored scan result (`ScanResponse.result`).

`scoring.score_response()` writes the JSON once, at submit. Everything that shows or uses a
result (the result page, the advisor's casus page, the regelingencheck facts, the research
figures) reads it through `ScanResult.from_stored()`, which puts the words of the definition in
the reader's language (domain titles, advice, question texts, option labels, the direction) next
to the slugs. No database access here: the selectors hand in the snapshot and the answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .constants import BAND_LABELS, Direction, band_for
from .scoring import DefinitionSnap, DomainSnap, QuestionSnap, RuleSnap

HORIZONS = ("now", "future")


def stored_score_path(slug: str, horizon: str) -> str:
    """The lookup of one domain score inside `ScanResponse.result`, for aggregates in SQL."""
    return f"result__domains__{slug}__{horizon}"


@dataclass(frozen=True)
class DomainScore:
    """One scored domain: 0–100 now and in the future (None: too few answers), with its advice."""

    slug: str
    title: str
    now: int | None
    future: int | None
    need: int | None
    theme_slug: str = ""
    theme_id: int | None = None
    advice: str = ""

    @property
    def band(self) -> str | None:
        return band_for(self.now)

    @property
    def band_label(self) -> str:
        return str(BAND_LABELS[self.band]) if self.band else _("Not enough answers")


@dataclass(frozen=True)
class Answer:
    """One answered question: its text and the labels of the chosen options (typed text as is)."""

    slug: str
    question: str
    labels: tuple[str, ...]

    @property
    def text(self) -> str:
        return ", ".join(self.labels)


@dataclass(frozen=True)
class DomainAnswers:
    slug: str
    title: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class ScanDirection:
    """The development direction, with the reason the rule that chose it gives."""

    slug: str
    label: str
    reason: str
    description: str = ""
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScoreChange:
    """One domain's score now in an earlier scan and in a later one."""

    slug: str
    title: str
    earlier: int | None
    new: int | None

    @property
    def delta(self) -> int | None:
        if self.earlier is None or self.new is None:
            return None
        return self.new - self.earlier


@dataclass(frozen=True)
class ScanResult:
    """A submitted scan's outcome. `attention` holds the (at most three) domains with the largest
    gap between now and the ambition; `answers` is filled only when the reader may see them."""

    domains: tuple[DomainScore, ...]
    total_now: int | None
    total_future: int | None
    attention: tuple[DomainScore, ...]
    attention_themes: tuple[str, ...]
    direction: ScanDirection | None
    answers: tuple[DomainAnswers, ...] = ()
    definition_name: str = ""

    @classmethod
    def from_stored(
        cls,
        stored: Mapping[str, Any] | None,
        snapshot: DefinitionSnap | None = None,
        answers: Mapping[str, Any] | None = None,
    ) -> ScanResult:
        """Read the stored JSON, in the words of `snapshot` (the definition in the reader's
        language). Without a snapshot the titles are the slugs: for figures only."""
        stored = stored or {}
        known = {d.slug: d for d in snapshot.domains} if snapshot else {}
        scores = stored.get("domains") or {}
        order = stored.get("order") or list(scores)
        domains = tuple(
            _domain_score(slug, scores[slug], known.get(slug)) for slug in order if slug in scores
        )
        by_slug = {d.slug: d for d in domains}
        return cls(
            domains=domains,
            total_now=stored.get("total_now"),
            total_future=stored.get("total_future"),
            attention=tuple(by_slug[s] for s in stored.get("attention", []) if s in by_slug),
            attention_themes=tuple(stored.get("attention_themes", [])),
            direction=_direction(stored, snapshot),
            answers=_answers(snapshot, answers) if snapshot and answers else (),
            definition_name=snapshot.name if snapshot else "",
        )

    def domain(self, slug: str) -> DomainScore | None:
        return next((d for d in self.domains if d.slug == slug), None)

    def changes_since(self, earlier: ScanResult) -> list[ScoreChange]:
        """Per domain scored in both scans, in this scan's order: the score now then and now."""
        changes = []
        for domain in self.domains:
            before = earlier.domain(domain.slug)
            if before is not None:
                changes.append(ScoreChange(domain.slug, domain.title, before.now, domain.now))
        return changes


def _domain_score(slug: str, scores: Mapping[str, Any], domain: DomainSnap | None) -> DomainScore:
    now = scores.get("now")
    return DomainScore(
        slug=slug,
        title=domain.title if domain else slug,
        now=now,
        future=scores.get("future"),
        need=scores.get("need"),
        theme_slug=domain.theme_slug if domain else "",
        theme_id=domain.theme_id if domain else None,
        advice=domain.advice.get(band_for(now) or "", "") if domain else "",
    )


def _direction(stored: Mapping[str, Any], snapshot: DefinitionSnap | None) -> ScanDirection | None:
    slug = stored.get("direction")
    if not slug:
        return None
    rule = _direction_rule(snapshot, stored) if snapshot else None
    return ScanDirection(
        slug=slug,
        label=str(Direction(slug).label) if slug in Direction.values else slug,
        reason=rule.reason if rule else stored.get("direction_reason", ""),
        description=rule.description if rule else "",
        themes=tuple(stored.get("direction_themes", [])),
    )


def _direction_rule(snapshot: DefinitionSnap, stored: Mapping[str, Any]) -> RuleSnap | None:
    """The rule that gave the direction, in the reader's language (older results: by its words)."""
    key = stored.get("direction_rule")
    for rule in snapshot.rules:
        if key and rule.key == key:
            return rule
        if not key and (rule.direction, rule.reason) == (
            stored.get("direction"),
            stored.get("direction_reason"),
        ):
            return rule
    return None


def _answers(snapshot: DefinitionSnap, values: Mapping[str, Any]) -> tuple[DomainAnswers, ...]:
    """The answered questions per domain, in the definition's order."""
    groups = []
    for domain in snapshot.domains:
        answers = tuple(
            Answer(q.slug, q.text, _labels(q, values[q.slug]))
            for q in domain.questions
            if values.get(q.slug) not in (None, "", [])
        )
        if answers:
            groups.append(DomainAnswers(domain.slug, domain.title, answers))
    return tuple(groups)


def _labels(question: QuestionSnap, value: Any) -> tuple[str, ...]:
    chosen = value if isinstance(value, list) else [value]
    return tuple(
        option.label if (option := question.option(v)) else str(v) for v in chosen if v != ""
    )
