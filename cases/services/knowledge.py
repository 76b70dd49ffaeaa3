"""Knowledge flows back: an answered question becomes a draft Q&A page, without personal data."""

import re

from django.db import transaction
from django.utils.text import Truncator, slugify
from wagtail.models import Locale

from cases.models import Casus
from kennisbank.models import QuestionIndexPage, QuestionPage

REDACTED = "…"
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE_RE = re.compile(r"(\+?\d[\d \-]{7,}\d)")
KVK_RE = re.compile(r"\b\d{8}\b")
POSTCODE_RE = re.compile(r"\b[1-9]\d{3}\s?[A-Za-z]{2}\b")


def text_scrub(text: str, *, casus: Casus) -> str:
    """Remove what points to this person: their names, company, e-mail, phone, KvK, postcode."""
    names = [casus.entrepreneur.name, casus.company.name, *casus.entrepreneur.name.split()]
    for name in sorted({n for n in names if len(n) > 2}, key=len, reverse=True):
        text = re.sub(re.escape(name), REDACTED, text, flags=re.IGNORECASE)
    for pattern in (EMAIL_RE, PHONE_RE, KVK_RE, POSTCODE_RE):
        text = pattern.sub(REDACTED, text)
    return text


def question_page_initial(*, casus: Casus) -> dict[str, str]:
    return {
        "title": Truncator(text_scrub(casus.question, casus=casus)).chars(120),
        "short_answer": text_scrub(casus.answer, casus=casus),
    }


@transaction.atomic
def question_page_draft(*, casus: Casus, title: str, short_answer: str, by=None):
    """A draft QuestionPage under the Dutch QuestionIndexPage, for an editor to review; None if
    the kennisbank has no questions section."""
    index = QuestionIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        return None
    title = text_scrub(title, casus=casus)[:255]
    base = slugify(title)[:60] or "vraag"
    slug, n = base, 1
    while index.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    page = QuestionPage(
        title=title,
        slug=slug,
        short_answer=text_scrub(short_answer, casus=casus),
        live=False,
        owner=by,
    )
    index.add_child(instance=page)
    page.themes.set(casus.themes.all())
    page.save_revision(user=by, log_action=True)
    return page
