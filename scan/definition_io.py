"""Definitions as plain data ("spec"): build them in the database, or read the v1 seed format."""

from django.db import transaction
from wagtail.models import Locale

from schakelteam.organisation.selectors import theme_list

from .models import DirectionRule, Domain, Option, Question, ScanDefinition
from .scoring import DefinitionSnap, DomainSnap, OptionSnap, QuestionSnap, RuleSnap

_KIND_V1 = {
    "schaal": "scale",
    "keuze": "single",
    "ja_nee": "yes_no",
    "tekst": "text",
    "getal": "number",
}
_FIELD_V1 = {
    "profiel.grootteklasse": "facts.size_class",
    "profiel.sector_sbi": "facts.sbi_section",
    "score.totaal_nu": "score.total_now",
    "score.totaal_toekomst": "score.total_future",
    "behoefte_max": "need_max",
}


def _condition_from_v1(cond: dict | None) -> dict:
    if not cond:
        return {}
    if "of" in cond:
        return {"any": [_condition_from_v1(c) for c in cond["of"]]}
    if "en" in cond:
        return {"all": [_condition_from_v1(c) for c in cond["en"]]}
    field = cond["veld"]
    field = _FIELD_V1.get(field, field.replace("vraag.", "answer.", 1))
    out = {"field": field, "op": cond["operator"], "value": cond["waarde"]}
    if "domeinen" in cond:
        out["domains"] = cond["domeinen"]
    return out


def spec_from_v1(data: dict) -> dict:
    """The seed file's format (scan_v1.json) as a spec."""
    domains = []
    for d in data["domeinen"]:
        size_classes = (d.get("voorwaarde") or {}).get("waarde", [])
        questions = []
        for q in d["vragen"]:
            cond = q.get("voorwaarde")
            kind = _KIND_V1[q["soort"]]
            if kind == "single" and q.get("meerdere"):
                kind = "multiple"
            questions.append(
                {
                    "slug": q["slug"],
                    "text": q["tekst"],
                    "kind": kind,
                    "horizon": q["horizon"],
                    "required": q.get("verplicht", True),
                    "weight": q["gewicht"] if q.get("weegt_mee", True) else 0,
                    "help": q.get("hulptekst") or "",
                    "condition": [cond["veld"].split(".", 1)[1], cond["waarde"]] if cond else None,
                    "options": [[o["waarde"], o["label"], o.get("score")] for o in q["opties"]],
                }
            )
        domains.append(
            {
                "slug": d["slug"],
                "title": d["titel"],
                "intro": d.get("uitleg", ""),
                "theme": d.get("thema", ""),
                "size_classes": size_classes,
                "questions": questions,
            }
        )
    rules = [
        {
            "direction": r["slug"],
            "condition": _condition_from_v1(r["voorwaarde"]),
            "reason": r["reden"],
            "description": r.get("omschrijving", ""),
            "themes": r.get("themas", []),
        }
        for r in sorted(data["richtingen"], key=lambda r: r["volgorde"])
    ]
    default = data.get("standaard_richting")
    if default:
        rules.append({"direction": default["slug"], "condition": {}, "reason": default["reden"]})
    return {"name": data["naam"], "kind": data["soort"], "domains": domains, "rules": rules}


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
