"""Scan definitions in other languages, through wagtail-localize.

The original (in the default language) holds the structure and the scores; a translation is a
wagtail-localize copy that only contributes words (see selectors.definition_snapshot). Editors
translate in the Wagtail admin ("Translate" on a scan definition); these functions do the same
from code: for the demo, for a new draft, and when an original is published.
"""

from collections.abc import Callable

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from .models import ScanDefinition

# (segment path, original text) -> translated text, or None to keep the original words
Translator = Callable[[str, str], str | None]


@transaction.atomic
def definition_translate(
    definition: ScanDefinition, locale: Locale, translate: Translator, user=None
) -> ScanDefinition:
    """Create or update the translation of `definition` in `locale`, word by word."""
    source, _created = TranslationSource.update_or_create_from_instance(definition)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        # wagtail-localize keeps strings as escaped HTML; translators work in plain text.
        text = translate(segment.context.path, segment.string.as_value().render_text())
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": StringValue.from_plaintext(text).data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(user=user)
    return definition.get_translation(locale)


def definition_words(translation: ScanDefinition) -> dict[str, str]:
    """{segment path: text} of an existing translation, as it stands (however it was edited)."""
    return {
        segment.path: segment.string.render_text()
        for segment in extract_segments(translation)
        if isinstance(segment, StringSegmentValue)
    }


def translations_carry_over(*, source: ScanDefinition, draft: ScanDefinition, keys: dict) -> None:
    """Give `draft` (a copy of `source`) the words of every translation `source` has.

    `keys` maps each translation key of `source` and its parts to the key of the copy.
    """
    new_to_old = {str(new): str(old) for old, new in keys.items()}

    def old_path(path: str) -> str:
        return ".".join(new_to_old.get(part, part) for part in path.split("."))

    for translation in source.get_translations():
        words = definition_words(translation)
        definition_translate(
            draft,
            translation.locale,
            lambda path, _text, words=words: words.get(old_path(path)),
        )


def translations_sync(definition: ScanDefinition) -> None:
    """Bring every translation of `definition` up to its current structure, keeping the words."""
    source = TranslationSource.objects.get_for_instance_or_none(definition)
    if source is None:
        return
    source.update_from_db()
    for translation in Translation.objects.filter(source=source, enabled=True):
        translation.save_target()
