"""Scan definitions become translatable (2/3): existing rows get a key and the default locale."""

import uuid

from django.conf import settings
from django.db import migrations
from django.utils.translation import get_supported_language_variant

MODELS = ["scandefinition", "domain", "question", "option", "directionrule"]


def bootstrap(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    code = get_supported_language_variant(settings.LANGUAGE_CODE)
    locale, _ = Locale.objects.get_or_create(language_code=code)
    for name in MODELS:
        model = apps.get_model("scan", name)
        for row in model.objects.filter(translation_key__isnull=True):
            row.translation_key = uuid.uuid4()
            row.locale = locale
            row.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [("scan", "0002_translatable_definitions")]

    operations = [migrations.RunPython(bootstrap, migrations.RunPython.noop)]
