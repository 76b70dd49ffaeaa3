"""Render a bound field's widget with the Utrecht classes and the ARIA links to its help and error."""

from django import forms, template
from django.forms.boundfield import BoundField

register = template.Library()

_CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom",
    forms.FileInput: "utrecht-textbox utrecht-textbox--html-input",
}


def _widget_class(widget: forms.Widget) -> str:
    for kind, css in _CLASSES.items():
        if isinstance(widget, kind):
            return css
    return "utrecht-textbox utrecht-textbox--html-input"


def described_by(field: BoundField) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_help")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return " ".join(ids)


@register.simple_tag
def utrecht_widget(field: BoundField) -> str:
    css = _widget_class(field.field.widget)
    if field.errors:
        css += " utrecht-textbox--invalid utrecht-select--invalid utrecht-textarea--invalid"
    attrs = {"class": f"{css} {field.field.widget.attrs.get('class', '')}".strip()}
    if field.errors:
        attrs["aria-invalid"] = "true"
    if described := described_by(field):
        attrs["aria-describedby"] = described
    return field.as_widget(attrs=attrs)


@register.simple_tag
def utrecht_choice_attrs(field: BoundField) -> str:
    """aria-describedby for one radio/checkbox option, linking it to the group's help and error."""
    return described_by(field)


@register.filter
def is_choice_group(field: BoundField) -> bool:
    return isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


@register.filter
def is_single_checkbox(field: BoundField) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.filter
def is_multiple(field: BoundField) -> bool:
    return isinstance(field.field.widget, forms.CheckboxSelectMultiple)
