"""Scan definitions become translatable (1/3): nullable translation keys and locales.

Three migrations, because PostgreSQL refuses to alter a table that has pending row updates."""

import django.db.models.deletion
from django.db import migrations, models

MODELS = ["scandefinition", "domain", "question", "option", "directionrule"]


def _nullable(name):
    return [
        migrations.AddField(
            model_name=name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name=name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("scan", "0001_scan_definitions_and_responses"),
        ("schakelteam", "0002_locales_and_roles"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [op for name in MODELS for op in _nullable(name)]
