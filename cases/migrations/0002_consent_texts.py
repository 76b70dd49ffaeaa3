"""The first version of every consent text, so intake works on a fresh database."""

from django.db import migrations

TEXTS = {
    "contact": (
        "Ja, het MKB Schakelteam mag mijn gegevens gebruiken om contact met mij op te nemen over deze aanvraag. Zonder deze toestemming kunnen we u niet helpen.",
        "Yes, the MKB Schakelteam may use my details to contact me about this request. Without this permission we cannot help you.",
    ),
    "share_scan": (
        "Ja, mijn adviseur mag de uitkomsten van mijn bedrijfsscan zien om het gesprek voor te bereiden.",
        "Yes, my advisor may see the results of my business scan to prepare our conversation.",
    ),
    "research": (
        "Ja, mijn scan mag zonder mijn naam en bedrijfsnaam meetellen in het regionale onderzoek naar het mkb.",
        "Yes, my scan may count towards regional research on small businesses, without my name or company name.",
    ),
    "share_with_partner": (
        "Ja, als mijn adviseur mij doorverwijst, mag hij of zij mijn naam, contactgegevens, bedrijfsnaam en vraag delen met die partnerorganisatie.",
        "Yes, if my advisor refers me, they may share my name, contact details, company name and question with that partner organisation.",
    ),
    "follow_up": (
        "Ja, stuur mij later een uitnodiging om de vervolgscan te doen.",
        "Yes, send me an invitation to do the follow-up scan later.",
    ),
}


def forwards(apps, schema_editor):
    ConsentText = apps.get_model("cases", "ConsentText")
    for purpose, (nl, en) in TEXTS.items():
        ConsentText.objects.get_or_create(
            purpose=purpose, version=1, defaults={"text_nl": nl, "text_en": en, "is_active": True}
        )


def backwards(apps, schema_editor):
    ConsentText = apps.get_model("cases", "ConsentText")
    ConsentText.objects.filter(version=1, purpose__in=TEXTS).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
