"""Demo content of the cases app, loaded by `manage.py load_demo` (idempotent).

Staff accounts for every role (one shared demo password, printed at the end), advisor and
partner-contact profiles, mentors of the ondernemerspoule, and a handful of casussen in
different states. Casussen are made through the services with a fixed idempotency key, so a
second run finds them and changes nothing.
"""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from cases.models import Casus
from kennisbank.selectors import regeling_list
from schakelteam.accounts.roles import ROLE_GROUPS, Role, role_groups_ensure
from schakelteam.organisation.models import Advisor, Gemeente, Mentor, Partner, PartnerContact
from schakelteam.organisation.selectors import theme_list

from .constants import ConsentChannel, ConsentPurpose
from .services import handling, referrals
from .services.intake import IntakeRequest, casus_intake

# Local demo only; README lists these accounts.
DEMO_PASSWORD = "Schakelteam-demo-2026"  # noqa: S105

# username, role, first name, last name, partner slug (advisors and partner contacts)
DEMO_USERS = [
    ("coordinator", Role.COORDINATOR, "Carla", "Coördinator", None),
    ("projectleider", Role.PROJECTLEIDER, "Peter", "Projectleider", None),
    ("advisor", Role.ADVISOR, "Anouk", "Adviseur", "ondernemersvereniging-vba-almere"),
    ("advisor2", Role.ADVISOR, "Bas", "Adviseur", "horizon-flevoland"),
    ("partner", Role.PARTNER_CONTACT, "Paula", "Partner", "uwv"),
    ("partner2", Role.PARTNER_CONTACT, "Pim", "Partner", "roc-van-flevoland"),
    ("editor", Role.EDITOR, "Eva", "Redacteur", None),
    ("moderator", Role.MODERATOR, "Mo", "Moderator", None),
    ("admin", Role.ADMIN, "Ada", "Beheerder", None),
]

ADVISOR_PROFILES = {
    "advisor": (["financiering", "ondernemerschap", "regeldruk"], ["almere", "zeewolde"]),
    "advisor2": (["digitalisering", "innovatie", "menselijk-kapitaal"], ["lelystad", "dronten"]),
}

MENTORS = [
    (
        "Henk Bakker",
        "henk.mentor@example.nl",
        ["ondernemerschap", "financiering"],
        "I",
        "Dinsdag en donderdag",
    ),
    ("Sanne Meijer", "sanne.mentor@example.nl", ["digitalisering"], "J", "Avonden"),
    ("Gerrit Post", "gerrit.mentor@example.nl", ["internationalisering"], "C", "Op afspraak"),
]

# key, origin, name, e-mail, company, postcode, employees, sector, themes, question, steps
DEMO_CASES = [
    (
        "nieuw-web",
        "web",
        "Yara el Amrani",
        "yara@demo-bakkerij.example",
        "Bakkerij El Amrani",
        "1315 AB",
        4,
        "I",
        ["financiering"],
        "Ik wil een tweede vestiging openen en zoek een lening of subsidie.",
        [],
    ),
    (
        "nieuw-vraag",
        "question",
        "Tom de Boer",
        "tom@demo-installatie.example",
        "De Boer Installatie",
        "8232 AA",
        7,
        "F",
        ["menselijk-kapitaal"],
        "Mag ik een leerling-monteur aannemen met subsidie?",
        [],
    ),
    (
        "nieuw-buiten",
        "phone",
        "Linda Smit",
        "linda@demo-webshop.example",
        "Smit Webshop",
        "9711 AA",
        2,
        "G",
        ["digitalisering"],
        "Mijn webshop groeit, ik wil mijn voorraadbeheer automatiseren.",
        [],
    ),
    (
        "toegewezen",
        "web",
        "Ahmed Yilmaz",
        "ahmed@demo-transport.example",
        "Yilmaz Transport",
        "1351 AB",
        9,
        "H",
        ["financiering", "regeldruk"],
        "Ik moet mijn vrachtwagens vervangen door elektrische. Waar begin ik?",
        ["assign"],
    ),
    (
        "doorverwezen",
        "web",
        "Marieke Vos",
        "marieke@demo-kapsalon.example",
        "Kapsalon Vos",
        "1315 CD",
        3,
        "S",
        ["financiering"],
        "Ik wil een medewerker aannemen maar durf het risico niet aan.",
        ["assign", "appointment", "advice", "refer"],
    ),
    (
        "afgerond",
        "web",
        "Johan Kramer",
        "johan@demo-houtbewerking.example",
        "Kramer Houtbewerking",
        "3891 AB",
        6,
        "C",
        ["duurzaamheid"],
        "Hoe kan ik mijn werkplaats verduurzamen?",
        ["assign", "appointment", "advice", "close"],
    ),
]


def _users(stdout) -> dict[str, object]:
    groups = role_groups_ensure()
    User = get_user_model()
    users = {}
    for username, role, first, last, _ in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@demo.example"},
        )
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
        user.is_superuser = user.is_staff = role == Role.ADMIN
        user.save()
        if role in ROLE_GROUPS:
            user.groups.add(groups[role])
        users[username] = user
    return users


def _partner(slug: str | None) -> Partner | None:
    return Partner.objects.filter(slug=slug).first() or Partner.objects.order_by("pk").first()


def _organisation(users) -> None:
    themes = {t.slug: t for t in theme_list()}
    gemeenten = {g.slug: g for g in Gemeente.objects.all()}
    for username, role, _, _, partner_slug in DEMO_USERS:
        partner = _partner(partner_slug) if partner_slug else None
        if role == Role.ADVISOR and partner:
            advisor, _ = Advisor.objects.update_or_create(
                user=users[username], defaults={"partner": partner, "capacity": 12}
            )
            theme_slugs, gemeente_slugs = ADVISOR_PROFILES[username]
            advisor.themes.set([themes[s] for s in theme_slugs if s in themes])
            advisor.gemeenten.set([gemeenten[s] for s in gemeente_slugs if s in gemeenten])
        elif role == Role.PARTNER_CONTACT and partner:
            PartnerContact.objects.update_or_create(
                user=users[username], defaults={"partner": partner}
            )
    for name, email, theme_slugs, sbi, availability in MENTORS:
        mentor, _ = Mentor.objects.update_or_create(
            email=email, defaults={"name": name, "sbi_section": sbi, "availability": availability}
        )
        mentor.themes.set([themes[s] for s in theme_slugs if s in themes])


def _cases(users) -> int:
    themes = {t.slug: t for t in theme_list()}
    advisors = {a.user.username: a for a in Advisor.objects.select_related("user")}
    if not advisors:
        return 0
    made = 0
    for i, (
        key,
        origin,
        name,
        email,
        company,
        postcode,
        employees,
        sbi,
        theme_slugs,
        question,
        steps,
    ) in enumerate(DEMO_CASES):
        idempotency_key = uuid.uuid5(uuid.NAMESPACE_URL, f"mkb-schakelteam-demo/{key}")
        if Casus.objects.filter(idempotency_key=idempotency_key).exists():
            continue
        casus = casus_intake(
            request=IntakeRequest(
                name=name,
                email=email,
                phone=f"06 1234 56{i:02d}",
                company_name=company,
                kvk_nummer=f"{90000000 + i * 1111:08d}",
                postcode=postcode,
                employees=employees,
                sbi_section=sbi,
                themes=[themes[s] for s in theme_slugs if s in themes],
                question=question,
            ),
            consents=[
                ConsentPurpose.CONTACT,
                ConsentPurpose.SHARE_WITH_PARTNER,
                ConsentPurpose.FOLLOW_UP,
            ],
            origin=origin,
            channel=ConsentChannel.PHONE if origin == "phone" else ConsentChannel.WEB,
            recorded_by=users["coordinator"] if origin == "phone" else None,
            idempotency_key=idempotency_key,
        )
        advisor = advisors.get("advisor") or next(iter(advisors.values()))
        by = advisor.user
        if "assign" in steps:
            handling.casus_assign(casus=casus, advisor=advisor, by=users["coordinator"])
        if "appointment" in steps:
            appointment = handling.appointment_plan(
                casus=casus,
                kind="on_site",
                starts_at=timezone.now().replace(minute=0, second=0, microsecond=0)
                - datetime.timedelta(days=1),
                location="Bij de ondernemer",
                by=by,
            )
            handling.appointment_held(appointment=appointment, by=by)
        if "advice" in steps:
            handling.advice_record(
                casus=casus,
                text="Besproken welke regelingen passen; de ondernemer vraagt er één aan.",
                regelingen=list(regeling_list().order_by("pk")[:2]),
                by=by,
            )
        if "refer" in steps and (partner := _partner("uwv")):
            referrals.referral_create(
                casus=casus,
                partner=partner,
                reason="Vragen over loonkostensubsidie bij een eerste medewerker.",
                by=by,
            )
        if "close" in steps:
            handling.casus_close(casus=casus, outcome="geholpen", by=by)
        made += 1
    return made


def load(stdout=None) -> None:
    # Demo mails would only clutter the terminal.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        transaction.atomic(),
    ):
        users = _users(stdout)
        _organisation(users)
        made = _cases(users)
    if stdout is not None:
        stdout.write(f"cases: {made} demo case(s) added. Demo accounts (password {DEMO_PASSWORD}):")
        for username, role, *_ in DEMO_USERS:
            stdout.write(f"  {username:<15} {role}")
