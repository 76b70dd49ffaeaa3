"""The criterion value field: JSON underneath, but an editor may simply type bv or 10 or a, b."""

import json
from typing import Any

from django import forms
from django.db import models


class CriterionValueFormField(forms.JSONField):
    """Valid JSON is taken as JSON; anything else is taken as the text the editor typed."""

    widget = forms.TextInput

    def to_python(self, value: Any) -> Any:
        if self.disabled:
            return value
        if value in self.empty_values:
            return None
        if isinstance(value, list | dict | int | float):
            return value
        text = str(value).strip()
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text

    def bound_data(self, data: Any, initial: Any) -> Any:
        if self.disabled:
            return initial
        return data

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, str):
            return value
        if value is None:
            return ""
        return json.dumps(value, ensure_ascii=False)


class CriterionValueField(models.JSONField):
    def formfield(self, **kwargs: Any) -> forms.Field:
        return super().formfield(**{"form_class": CriterionValueFormField, **kwargs})
