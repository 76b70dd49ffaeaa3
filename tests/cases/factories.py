import datetime

import factory
from django.utils import timezone

from cases.constants import CasusOrigin, CasusStatus, ConsentChannel, ConsentPurpose
from cases.models import Appointment, Casus, Company, Consent, ConsentText, Entrepreneur, Referral
from schakelteam.accounts.roles import Role
from schakelteam.organisation.models import Advisor, Mentor, PartnerContact
from tests.organisation.factories import GemeenteFactory, PartnerFactory, UserFactory


class AdvisorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Advisor

    user = factory.SubFactory(UserFactory, role=Role.ADVISOR)
    partner = factory.SubFactory(PartnerFactory)
    capacity = 10


class PartnerContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerContact

    user = factory.SubFactory(UserFactory, role=Role.PARTNER_CONTACT)
    partner = factory.SubFactory(PartnerFactory)


class MentorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mentor

    name = factory.Sequence(lambda n: f"Mentor {n}")
    email = factory.Sequence(lambda n: f"mentor{n}@example.org")


class EntrepreneurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entrepreneur

    name = factory.Sequence(lambda n: f"Ondernemer {n}")
    email = factory.Sequence(lambda n: f"ondernemer{n}@example.nl")
    phone = "06 12345678"


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    entrepreneur = factory.SubFactory(EntrepreneurFactory)
    name = factory.Sequence(lambda n: f"Bedrijf {n} BV")
    kvk_nummer = factory.Sequence(lambda n: f"{12345600 + n:08d}")
    postcode = "1315 AB"
    gemeente = factory.SubFactory(GemeenteFactory)
    size_class = "2-4"
    sbi_section = "G"


def consent_give(entrepreneur, purpose, casus=None, channel=ConsentChannel.WEB) -> Consent:
    return Consent.objects.create(
        entrepreneur=entrepreneur,
        casus=casus,
        purpose=purpose,
        text=ConsentText.objects.get(purpose=purpose, is_active=True),
        channel=channel,
    )


class CasusFactory(factory.django.DjangoModelFactory):
    """A web casus with contact consent; traits: assigned, referable (partner consent)."""

    class Meta:
        model = Casus
        skip_postgeneration_save = True

    origin = CasusOrigin.WEB
    company = factory.SubFactory(CompanyFactory)
    entrepreneur = factory.LazyAttribute(lambda o: o.company.entrepreneur)
    question = "Ik wil graag meer personeel aannemen maar weet niet hoe."
    sla_due = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))

    class Params:
        assigned = factory.Trait(
            advisor=factory.SubFactory(AdvisorFactory), status=CasusStatus.TOEGEWEZEN
        )

    @factory.post_generation
    def consents(obj, create, extracted, **kwargs):
        if not create:
            return
        for purpose in extracted if extracted is not None else [ConsentPurpose.CONTACT]:
            consent_give(obj.entrepreneur, purpose, casus=obj)


class AppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appointment

    casus = factory.SubFactory(CasusFactory, assigned=True)
    kind = "phone"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    casus = factory.SubFactory(
        CasusFactory,
        assigned=True,
        consents=[ConsentPurpose.CONTACT, ConsentPurpose.SHARE_WITH_PARTNER],
    )
    partner = factory.SubFactory(PartnerFactory)
    reason = "Hulp bij financiering."
