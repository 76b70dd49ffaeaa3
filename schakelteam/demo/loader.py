"""`manage.py load_demo`: the demo data files of every app, loaded in order (idempotent).

Each step reads its app's demo_data/ and writes through that app's services and importers, or
an upsert on a natural key that saves only what changed, so a second run changes nothing (not
even the history). Steps return one line for the terminal.
"""

import datetime
import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Locale

from cases.constants import ConsentChannel, ConsentPurpose
from cases.models import Casus
from cases.services import handling, referrals
from cases.services.intake import IntakeRequest, casus_intake
from kennisbank.selectors import regeling_list
from scan.definition_io import definition_create
from scan.models import ScanDefinition
from scan.services import scan_definition_publish
from scan.translations import definition_translate
from schakelteam.accounts.groups import role_permissions_sync
from schakelteam.accounts.roles import ROLE_GROUPS, Role, role_groups_ensure
from schakelteam.events import company_key_for
from schakelteam.monitoring.models import KpiDefinition, MonitoringEvent, RegionalIndicator
from schakelteam.monitoring.periods import today
from schakelteam.organisation.models import (
    Advisor,
    Gemeente,
    Mentor,
    Partner,
    PartnerContact,
    Regio,
    Theme,
)

from .data import read_json, row_upsert, themes_by_slug
from .generate import demo_window, events_generate, scans_generate
from .pages import kennisbank_load

DEMO_EVENTS = 6000
SCAN_DEFINITIONS = ["bedrijfsscan.json", "vervolgscan.json"]


@transaction.atomic
def organisation_load() -> str:
    """Regions, gemeenten, themes (Dutch and English) and the deal's partners."""
    data = read_json("organisation", "organisation.json")
    regios = {
        r["slug"]: row_upsert(
            Regio, {"slug": r["slug"]}, {"name": r["name"], "province": r["province"]}
        )
        for r in data["regios"]
    }
    gemeenten = {
        g["slug"]: row_upsert(
            Gemeente,
            {"slug": g["slug"]},
            {
                "name": g["name"],
                "regio": regios[g["regio"]],
                "postcode_ranges": g["postcode_ranges"],
            },
        )
        for g in data["gemeenten"]
    }
    nl = Locale.objects.get(language_code="nl")
    en = Locale.objects.get(language_code="en")
    for t in data["themes"]:
        theme = row_upsert(
            Theme,
            {"slug": t["slug"], "locale": nl},
            {"name": t["nl"], "description": t["description"]},
        )
        if not Theme.objects.filter(translation_key=theme.translation_key, locale=en).exists():
            translated = theme.copy_for_translation(en)
            translated.name = t["en"]
            translated.save()
    # partners.json keeps the source's Dutch field names and where each fact comes from.
    for p in read_json("organisation", "partners.json"):
        partner = row_upsert(
            Partner,
            {"slug": p["slug"]},
            {
                "name": p["naam"],
                "kind": p["soort"],
                "regio": regios["flevoland"],
                "gemeente": gemeenten.get((p["gemeente"] or "").lower()),
                "role": p["rol_in_deal"] or "",
                "order": p["volgorde_in_lijst"],
            },
        )
        partner.themes.set(themes_by_slug(p["expertise"]))
    return (
        f"organisation: {len(gemeenten)} gemeenten, {len(data['themes'])} themes, "
        f"{Partner.objects.count()} partners"
    )


def scan_definitions_load() -> list[ScanDefinition]:
    """The bedrijfsscan and vervolgscan (scan/demo_data, spec format of scan/definition_io.py),
    published, with the English words of scan_en.json."""
    english = read_json("scan", "scan_en.json")
    locale = Locale.objects.filter(language_code="en").first()
    loaded = []
    for name in SCAN_DEFINITIONS:
        definition = scan_definition_publish(definition=definition_create(read_json("scan", name)))
        if locale is not None and not definition.has_translation(locale):
            definition_translate(definition, locale, lambda _path, text: english.get(text))
        loaded.append(definition)
    return loaded


def scan_load() -> str:
    """The scan definitions and the generated submitted scans."""
    scan, vervolg = scan_definitions_load()
    created = scans_generate(scan)
    return f"scan: {scan.name} and {vervolg.name} published; {created} demo scans added"


@transaction.atomic
def staff_load() -> str:
    """A staff account for every role (one demo password), advisor and partner-contact profiles,
    and the mentors of the ondernemerspoule."""
    data = read_json("accounts", "staff.json")
    groups = role_groups_ensure()
    users = {}
    for item in data["users"]:
        role = Role(item["role"])
        user, created = get_user_model().objects.get_or_create(
            username=item["username"],
            defaults={
                "first_name": item["first_name"],
                "last_name": item["last_name"],
                "email": f"{item['username']}@demo.example",
            },
        )
        if created or not user.check_password(data["password"]):
            user.set_password(data["password"])
        user.is_superuser = user.is_staff = role == Role.ADMIN
        user.save()
        if role in ROLE_GROUPS:
            user.groups.add(groups[role])
        users[user.username] = user

    people = read_json("organisation", "people.json")
    gemeenten = {g.slug: g for g in Gemeente.objects.all()}
    for item in people["advisors"]:
        advisor = row_upsert(
            Advisor,
            {"user": users[item["user"]]},
            {"partner": Partner.objects.get(slug=item["partner"]), "capacity": item["capacity"]},
        )
        advisor.themes.set(themes_by_slug(item["themes"]))
        advisor.gemeenten.set([gemeenten[s] for s in item["gemeenten"] if s in gemeenten])
    for item in people["partner_contacts"]:
        row_upsert(
            PartnerContact,
            {"user": users[item["user"]]},
            {"partner": Partner.objects.get(slug=item["partner"])},
        )
    for item in people["mentors"]:
        mentor = row_upsert(
            Mentor,
            {"email": item["email"]},
            {
                "name": item["name"],
                "sbi_section": item["sbi_section"],
                "availability": item["availability"],
            },
        )
        mentor.themes.set(themes_by_slug(item["themes"]))
    lines = [f"staff: demo accounts (password {data['password']}):"]
    lines += [f"  {item['username']:<15} {item['role']}" for item in data["users"]]
    return "\n".join(lines)


def _casus_steps(casus: Casus, steps: list[dict], users: dict) -> None:
    """What staff did with the casus, in order, each through its service."""
    for step in steps:
        by = users[step["by"]]
        match step["step"]:
            case "assign":
                advisor = Advisor.objects.get(user__username=step["advisor"])
                handling.casus_assign(casus=casus, advisor=advisor, by=by)
            case "appointment":
                hour = timezone.now().replace(minute=0, second=0, microsecond=0)
                appointment = handling.appointment_plan(
                    casus=casus,
                    kind=step["kind"],
                    starts_at=hour - datetime.timedelta(days=step["days_ago"]),
                    location=step["location"],
                    by=by,
                )
                if step["held"]:
                    handling.appointment_held(appointment=appointment, by=by)
            case "advice":
                regelingen = regeling_list().order_by("pk")
                handling.advice_record(
                    casus=casus,
                    text=step["text"],
                    regelingen=list(regelingen[: step["regelingen"]]),
                    by=by,
                )
            case "refer":
                partner = Partner.objects.get(slug=step["partner"])
                referrals.referral_create(
                    casus=casus, partner=partner, reason=step["reason"], by=by
                )
            case "close":
                handling.casus_close(casus=casus, outcome=step["outcome"], by=by)


def casussen_load() -> str:
    """Casussen in different states, through intake and the handling services; a fixed
    idempotency key per casus makes a second run find them and change nothing."""
    data = read_json("cases", "casussen.json")
    users = {u.username: u for u in get_user_model().objects.filter(is_active=True)}
    made = 0
    # Demo mails would only clutter the terminal.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        transaction.atomic(),
    ):
        for item in data["casussen"]:
            key = uuid.uuid5(uuid.NAMESPACE_URL, f"mkb-schakelteam-demo/{item['key']}")
            if Casus.objects.filter(idempotency_key=key).exists():
                continue
            by_phone = item["origin"] == "phone"
            casus = casus_intake(
                request=IntakeRequest(
                    name=item["name"],
                    email=item["email"],
                    phone=item["phone"],
                    company_name=item["company_name"],
                    kvk_nummer=item["kvk_nummer"],
                    postcode=item["postcode"],
                    employees=item["employees"],
                    sbi_section=item["sbi_section"],
                    themes=themes_by_slug(item["themes"]),
                    question=item["question"],
                ),
                consents=[ConsentPurpose(p) for p in data["consents"]],
                origin=item["origin"],
                channel=ConsentChannel.PHONE if by_phone else ConsentChannel.WEB,
                recorded_by=users[data["phone_intake_by"]] if by_phone else None,
                idempotency_key=key,
            )
            _casus_steps(casus, item["steps"], users)
            made += 1
    return f"cases: {made} demo case(s) added"


@transaction.atomic
def monitoring_load() -> str:
    """Who manages the figures, demo regional figures, the KPI definitions and two years of
    generated events, counted from the start of the demo window."""
    role_permissions_sync()
    indicators = read_json("monitoring", "indicators.json")
    regio = Regio.objects.filter(slug=indicators["regio"]).first()
    if regio is None:
        return "monitoring: no region to count for"
    gemeenten = {g.slug: g for g in Gemeente.objects.filter(regio=regio)}
    last_year = today().year - 1
    for item in indicators["indicators"]:
        step = Decimal("0.1") if item["unit"] == "%" else Decimal("1")
        for year in indicators["years"]:
            for slug, value in item["values"].items():
                if slug not in gemeenten:
                    continue
                row_upsert(
                    RegionalIndicator,
                    {
                        "indicator": item["indicator"],
                        "regio": regio,
                        "gemeente": gemeenten[slug],
                        "period": str(last_year - year["before_last"]),
                    },
                    {
                        "label": item["label"],
                        "value": (Decimal(str(value)) * Decimal(year["factor"])).quantize(step),
                        "unit": item["unit"],
                        "source": indicators["source"],
                        "source_date": datetime.date(today().year, 1, 15),
                        "is_demo": True,
                    },
                )
    start, _end = demo_window()
    kpis = read_json("monitoring", "kpis.json")["kpis"]
    for order, item in enumerate(kpis, start=1):
        values = {k: v for k, v in item.items() if k != "slug"}
        row_upsert(
            KpiDefinition,
            {"slug": item["slug"]},
            {**values, "regio": regio, "starts_on": start, "order": order},
        )
    created = 0
    if not MonitoringEvent.objects.filter(company_key=company_key_for("demo-0")).exists():
        created = events_generate(DEMO_EVENTS, seed=2021)
    return f"monitoring: {len(kpis)} KPI's, {created} demo events"


STEPS = [
    organisation_load,
    kennisbank_load,
    scan_load,
    staff_load,
    casussen_load,
    monitoring_load,
]


def demo_load(stdout=None) -> None:
    """Every step in order: each builds on the ones before it."""
    for step in STEPS:
        line = step()
        if stdout is not None:
            stdout.write(line)
