"""The regelingencheck outside its views: the questions worth asking, answers ↔ URL."""

from urllib.parse import urlencode

from kennisbank.eligibility import RegelingRules
from kennisbank.facts import FACTS, CompanyFacts, Fact, FactType, facts_used
from kennisbank.regelingencheck_forms import SHOW_NOT_FITTING, number_text


def check_facts(items: list[RegelingRules]) -> list[Fact]:
    """The questions worth asking: facts the current criteria use, plus needs when themes sort."""
    used = {rule.fact for item in items for rule in item.rules}
    if any(item.theme_slugs for item in items):
        used.add("thema_behoefte")
    return facts_used(used)


def facts_to_query(facts: CompanyFacts, *, show_not_fitting: bool = False) -> str:
    """The answers as a query string (no personal data: only the facts the check asks)."""
    pairs: list[tuple[str, str]] = []
    for key, value in facts.values().items():
        fact = FACTS[key]
        if fact.type == FactType.MULTI_CHOICE:
            pairs.extend((key, str(v)) for v in sorted(value))
        elif fact.type == FactType.INTEGER:
            pairs.append((key, number_text(value)))
        else:
            pairs.append((key, str(value)))
    if show_not_fitting:
        pairs.append((SHOW_NOT_FITTING, "on"))
    return urlencode(pairs)
