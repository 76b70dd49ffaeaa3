"""Definitions as plain data ("spec"): build one in the database, or snapshot it for scoring."""

from django.db import transaction
from wagtail.models import Locale

from schakelteam.organisation.selectors import theme_list

from .models import DirectionRule, Domain, Option, Question, ScanDefinition
from .scoring import DefinitionSnap, DomainSnap, OptionSnap, QuestionSnap, RuleSnap


def _condition_values(value) -> list:
    return value if isinstance(value, list) else [value]


def snapshot_from_spec(spec: dict) -> DefinitionSnap:
    """A snapshot straight from a spec, without the database (for pure scoring tests)."""
    domains, qid = [], 0
    for i, d in enumerate(spec["domains"]):
        questions = []
        for q in d["questions"]:
            qid += 1
            cond = q.get("condition")
            questions.append(
                QuestionSnap(
                    id=qid,
                    slug=q["slug"],
                    text=q["text"],
                    kind=q["kind"],
                    horizon=q.get("horizon", "nu"),
                    required=q.get("required", True),
                    weight=q.get("weight", 1),
                    condition_slug=cond[0] if cond else "",
                    condition_values=tuple(_condition_values(cond[1])) if cond else (),
                    options=tuple(OptionSnap(*o) for o in q.get("options", [])),
                )
            )
        domains.append(
            DomainSnap(
                id=i + 1,
                slug=d["slug"],
                title=d["title"],
                theme_slug=d.get("theme", ""),
                scored=d.get("scored", True),
                size_classes=tuple(d.get("size_classes", ())),
                questions=tuple(questions),
            )
        )
    rules = tuple(
        RuleSnap(r["direction"], r["condition"], r["reason"], r.get("description", ""))
        for r in spec.get("rules", [])
    )
    return DefinitionSnap(
        id=0, name=spec["name"], kind=spec["kind"], domains=tuple(domains), rules=rules
    )


@transaction.atomic
def definition_create(spec: dict, *, replace_draft: bool = True) -> ScanDefinition:
    """Create (or rebuild an unpublished) definition named spec['name'] from a spec."""
    themes = {t.slug: t for t in theme_list()}
    definition, _created = ScanDefinition.objects.get_or_create(
        name=spec["name"],
        locale=Locale.get_default(),
        defaults={"kind": spec["kind"], "intro": spec.get("intro", "")},
    )
    if definition.is_published:
        return definition
    if replace_draft:
        definition.domains.all().delete()
        definition.direction_rules.all().delete()
    for i, d in enumerate(spec["domains"]):
        domain = Domain.objects.create(
            definition=definition,
            order=i + 1,
            slug=d["slug"],
            title=d["title"],
            intro=d.get("intro", ""),
            theme=themes.get(d.get("theme", "")),
            scored=d.get("scored", True),
            condition_size_classes=list(d.get("size_classes", [])),
            advice_attention=d.get("advice", {}).get("attention", ""),
            advice_on_way=d.get("advice", {}).get("on_way", ""),
            advice_strong=d.get("advice", {}).get("strong", ""),
        )
        for j, q in enumerate(d["questions"]):
            cond = q.get("condition")
            question = Question.objects.create(
                domain=domain,
                order=j + 1,
                slug=q["slug"],
                text=q["text"],
                kind=q["kind"],
                horizon=q.get("horizon", "nu"),
                required=q.get("required", True),
                weight=q.get("weight", 1),
                help_text=q.get("help", ""),
                condition_question_slug=cond[0] if cond else "",
                condition_values=_condition_values(cond[1]) if cond else [],
            )
            Option.objects.bulk_create(
                Option(
                    question=question,
                    locale_id=question.locale_id,  # bulk_create skips Wagtail's locale default
                    order=k + 1,
                    value=o[0],
                    label=o[1],
                    score=o[2],
                )
                for k, o in enumerate(q.get("options", []))
            )
    for i, r in enumerate(spec.get("rules", [])):
        DirectionRule.objects.create(
            definition=definition,
            order=i + 1,
            direction=r["direction"],
            condition=r["condition"],
            reason=r["reason"],
            description=r.get("description", ""),
            theme_slugs=r.get("themes", []),
        )
    return definition
