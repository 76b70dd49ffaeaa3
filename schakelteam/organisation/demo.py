"""Demo and reference data of the organisation: regions, gemeenten, themes (nl + en) and partners."""

import json
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale

from .models import Gemeente, Partner, Regio, Theme

DATA = Path(__file__).parent / "demo_data"


def _json(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@transaction.atomic
def load(stdout=None) -> None:
    org = _json("organisation.json")
    regios = {
        r["slug"]: Regio.objects.update_or_create(
            slug=r["slug"], defaults={"name": r["name"], "province": r["province"]}
        )[0]
        for r in org["regios"]
    }
    gemeenten = {}
    for g in org["gemeenten"]:
        gemeenten[g["slug"]] = Gemeente.objects.update_or_create(
            slug=g["slug"],
            defaults={
                "name": g["name"],
                "regio": regios[g["regio"]],
                "postcode_ranges": g["postcode_ranges"],
            },
        )[0]

    nl = Locale.objects.get(language_code="nl")
    en = Locale.objects.get(language_code="en")
    themes = {}
    for t in org["themes"]:
        theme, _ = Theme.objects.update_or_create(
            slug=t["slug"], locale=nl, defaults={"name": t["nl"], "description": t["description"]}
        )
        themes[t["slug"]] = theme
        if not Theme.objects.filter(translation_key=theme.translation_key, locale=en).exists():
            translated = theme.copy_for_translation(en)
            translated.name = t["en"]
            translated.save()

    flevoland = regios["flevoland"]
    for p in _json("partners.json"):
        partner, _ = Partner.objects.update_or_create(
            slug=p["slug"],
            defaults={
                "name": p["naam"],
                "kind": p["soort"],
                "regio": flevoland,
                "gemeente": gemeenten.get((p["gemeente"] or "").lower()),
                "role": p["rol_in_deal"] or "",
                "order": p["volgorde_in_lijst"],
            },
        )
        wanted = {themes[s].pk for s in p["expertise"] if s in themes}
        if set(partner.themes.values_list("pk", flat=True)) != wanted:
            partner.themes.set(wanted)
    if stdout:
        stdout.write(
            f"organisation: {len(gemeenten)} gemeenten, {len(themes)} themes, {Partner.objects.count()} partners"
        )
