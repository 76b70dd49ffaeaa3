"""/regelingencheck/: the questionnaire and, once answered, the outcome (one GET page, no JS)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kennisbank.eligibility import today_amsterdam
from kennisbank.facts import FACTS, CompanyFacts, FactType, dynamic_choices_load
from kennisbank.matching import fact_labels_load, regelingen_match, regelingen_rules_load
from kennisbank.regelingencheck import check_facts, facts_to_query
from kennisbank.regelingencheck_forms import SHOW_NOT_FITTING, RegelingencheckForm
from kennisbank.selectors import regelingen_show_translated


@require_GET
def regelingencheck_view(request: HttpRequest) -> HttpResponse:
    items = regelingen_rules_load()
    dynamic = dynamic_choices_load()
    facts = check_facts(items)
    if not request.GET or not facts:
        return regelingencheck_questionnaire(request, items=items, dynamic=dynamic)

    form = RegelingencheckForm(request.GET, facts=facts, dynamic=dynamic)
    if not form.is_valid():
        return render(
            request, "kennisbank/regelingencheck/questionnaire.html", {"form": form}, status=400
        )
    answers = form.facts()
    show_not_fitting = form.cleaned_data[SHOW_NOT_FITTING]
    labels = fact_labels_load(dynamic)
    result = regelingen_match(
        facts=answers,
        today=today_amsterdam(),
        include_not_fitting=show_not_fitting,
        labels=labels,
        rules=items,
    )
    regelingen_show_translated(match.regeling for match in result.all)
    context = {
        "form": form,
        "result": result,
        "answers": _answer_rows(form, answers, labels),
        "show_not_fitting": show_not_fitting,
        "not_fitting_url": "?" + facts_to_query(answers, show_not_fitting=True),
        "hide_not_fitting_url": "?" + facts_to_query(answers),
    }
    return render(request, "kennisbank/regelingencheck/result.html", context)


def regelingencheck_questionnaire(
    request: HttpRequest, *, initial: CompanyFacts | None = None, items=None, dynamic=None
) -> HttpResponse:
    """The questions, optionally filled in beforehand (the scan result offers its facts)."""
    items = regelingen_rules_load() if items is None else items
    dynamic = dynamic_choices_load() if dynamic is None else dynamic
    values = initial.values() if initial else {}
    form = RegelingencheckForm(initial=values, facts=check_facts(items), dynamic=dynamic)
    context = {"form": form, "from_scan": bool(values)}
    return render(request, "kennisbank/regelingencheck/questionnaire.html", context)


def _answer_rows(
    form: RegelingencheckForm, answers: CompanyFacts, labels: dict
) -> list[tuple[str, str]]:
    """(question label, answer text) for the handout; choice values shown by their names."""
    rows = []
    for key, value in answers.values().items():
        field = form.fields[key]
        names = dict(getattr(field, "choices", ())) | labels.get(key, {})
        if FACTS[key].type == FactType.MULTI_CHOICE:
            text = ", ".join(str(names[v]) for v in names if v in value)
        elif isinstance(value, tuple):
            text = field.prepare_value(value)
        else:
            text = str(names.get(value, value))
        rows.append((str(field.label), text))
    return rows
