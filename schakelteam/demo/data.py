"""Reading the apps' demo_data/ files, and the upsert every step uses where no service exists."""

import json
from pathlib import Path

from django.apps import apps
from django.db import models

from schakelteam.organisation.models import Theme
from schakelteam.organisation.selectors import theme_list


def demo_data(app_label: str, name: str) -> Path:
    return Path(apps.get_app_config(app_label).path) / "demo_data" / name


def read_json(app_label: str, name: str):
    return json.loads(demo_data(app_label, name).read_text(encoding="utf-8"))


def row_upsert(model: type[models.Model], lookup: dict, values: dict) -> models.Model:
    """update_or_create that saves only the fields that differ, so an unchanged row gets no
    save and no history record."""
    row = model.objects.filter(**lookup).first()
    if row is None:
        return model.objects.create(**lookup, **values)
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        row.save(update_fields=changed)
    return row


def themes_by_slug(slugs: list[str]) -> list[Theme]:
    themes = {t.slug: t for t in theme_list()}
    return [themes[s] for s in slugs if s in themes]
