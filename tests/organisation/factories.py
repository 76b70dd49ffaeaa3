import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from schakelteam.accounts.roles import ROLE_GROUPS, Role
from schakelteam.organisation.constants import PartnerKind
from schakelteam.organisation.models import Gemeente, Partner, Regio, Theme


class RegioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regio
        django_get_or_create = ("slug",)

    slug = "flevoland"
    name = "Flevoland"
    province = "Flevoland"


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("slug",)

    slug = "almere"
    name = "Almere"
    regio = factory.SubFactory(RegioFactory)
    postcode_ranges = [[1300, 1365]]


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug", "locale")

    slug = factory.Sequence(lambda n: f"thema-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="nl"))


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    slug = factory.Sequence(lambda n: f"partner-{n}")
    name = factory.Sequence(lambda n: f"Partner {n}")
    kind = PartnerKind.NETWERK
    regio = factory.SubFactory(RegioFactory)


class UserFactory(factory.django.DjangoModelFactory):
    """A user; give `role=Role.X` to put them in that role's group."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.django.Password("een-lang-wachtwoord-42")

    class Params:
        superuser = factory.Trait(is_superuser=True, is_staff=True)

    @factory.post_generation
    def role(obj, create, extracted: Role | None, **kwargs):
        if create and extracted and extracted in ROLE_GROUPS:
            group, _ = Group.objects.get_or_create(name=ROLE_GROUPS[extracted])
            obj.groups.add(group)
