"""Scan definitions become translatable (3/3): keys and locales required, names unique per locale."""

import uuid

import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
from django.db import migrations, models

MODELS = ["scandefinition", "domain", "question", "option", "directionrule"]


def _required(name):
    return [
        migrations.AlterField(
            model_name=name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name=name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(name=name, unique_together={("translation_key", "locale")}),
    ]


class Migration(migrations.Migration):
    dependencies = [("scan", "0003_translatable_definitions_bootstrap")]

    operations = [
        *(op for name in MODELS for op in _required(name)),
        migrations.AlterField(
            model_name="scandefinition",
            name="name",
            field=models.CharField(max_length=100, verbose_name="name"),
        ),
        migrations.AddConstraint(
            model_name="scandefinition",
            constraint=models.UniqueConstraint(
                fields=("name", "locale"), name="scan_definition_name_unique"
            ),
        ),
        migrations.AddField(
            model_name="scandefinition",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="question",
            name="domain",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="questions",
                to="scan.domain",
                verbose_name="domain",
            ),
        ),
    ]
