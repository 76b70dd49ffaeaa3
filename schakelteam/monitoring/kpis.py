"""Counting monitoring events: KPI actuals, trends, breakdowns, SLA, referral funnel, satisfaction.

Everything aggregates in the database (GROUP BY with conditional counts), so the number of
queries per call is fixed and does not grow with the number of events.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db import connection
from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _

from schakelteam.events import EventKind
from schakelteam.organisation.constants import SbiSection, SizeClass

from .models import FILTER_FIELDS, KpiDefinition, KpiPeriod, MonitoringEvent, RegionalIndicator
from .periods import AMSTERDAM, Period

DIMENSIONS = ["gemeente", "theme", "origin", "size_class", "sector", "partner"]
_DIMENSION_FIELD = {
    "gemeente": "gemeente__name",
    "origin": "origin",
    "size_class": "size_class",
    "sector": "sbi_section",
    "partner": "partner__name",
}
BREAKDOWN_MEASURES = {
    "scans": EventKind.SCAN_SUBMITTED,
    "cases": EventKind.CASE_OPENED,
    "referrals": EventKind.REFERRAL_MADE,
}
HAS_COMPANY = ~Q(company_key="")


def events_in(period: Period, regio=None) -> QuerySet[MonitoringEvent]:
    qs = MonitoringEvent.objects.filter(
        occurred_at__gte=period.start_at, occurred_at__lt=period.end_at
    )
    return qs.filter(regio=regio) if regio is not None else qs


def kpi_filter(kpi: KpiDefinition) -> Q:
    """Which events one KPI counts: its kind, region, own date window and filters."""
    q = Q(kind=kpi.event_kind, regio_id=kpi.regio_id)
    # Plain range comparisons: a __date lookup would run a function on every row.
    if kpi.starts_on:
        q &= Q(occurred_at__gte=_local_midnight(kpi.starts_on))
    if kpi.ends_on:
        q &= Q(occurred_at__lt=_local_midnight(kpi.ends_on + datetime.timedelta(days=1)))
    for key, value in (kpi.filters or {}).items():
        field = FILTER_FIELDS.get(key)
        if field is None:
            continue
        q &= Q(**{f"{field}__in": value}) if isinstance(value, list) else Q(**{field: value})
    return q


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), AMSTERDAM)


def _in_quarter(q: Period) -> Q:
    return Q(occurred_at__gte=q.start_at, occurred_at__lt=q.end_at)


def kpi_measure(kpi: KpiDefinition, extra: Q | None = None):
    q = kpi_filter(kpi) if extra is None else kpi_filter(kpi) & extra
    if kpi.distinct_companies:
        return Count("company_key", distinct=True, filter=q & HAS_COMPANY)
    return Count("id", filter=q)


def _alias(kpi: KpiDefinition) -> str:
    return f"kpi_{kpi.pk}"


def kpi_denominators(kpis: list[KpiDefinition]) -> dict[str, dict[int, Decimal]]:
    """Latest value per gemeente of each denominator indicator: {indicator: {gemeente_id: value}}."""
    slugs = {k.denominator_indicator for k in kpis if k.denominator_indicator}
    out: dict[str, dict[int, Decimal]] = defaultdict(dict)
    if not slugs:
        return out
    rows = (
        RegionalIndicator.objects.filter(indicator__in=slugs, gemeente__isnull=False)
        .order_by("indicator", "gemeente_id", "-period")
        .values_list("indicator", "gemeente_id", "value")
    )
    for indicator, gemeente_id, value in rows:
        out[indicator].setdefault(gemeente_id, value)
    return out


def target_for(kpi: KpiDefinition, period: Period) -> Decimal | None:
    """The target for `period`: per-quarter and per-year targets scale with the period's length."""
    if kpi.target is None or kpi.denominator_indicator:
        return kpi.target
    quarters = len(period.quarters())
    if kpi.period == KpiPeriod.QUARTER:
        return kpi.target * quarters
    if kpi.period == KpiPeriod.YEAR:
        return (kpi.target * quarters / 4).quantize(Decimal("0.1"))
    return kpi.target


def _share(part, whole) -> float | None:
    if not whole:
        return None
    return round(float(part) * 100 / float(whole), 1)


def kpi_results(kpis: list[KpiDefinition], period: Period, gemeenten: list) -> list[dict]:
    """Target against actual per KPI for `period`, with per-gemeente rows; three queries in all."""
    if not kpis:
        return []
    measures = {_alias(k): kpi_measure(k) for k in kpis}
    base = events_in(period).filter(kind__in={k.event_kind for k in kpis})
    totals = base.aggregate(**measures)
    by_gemeente = {
        row["gemeente_id"]: row
        for row in base.filter(gemeente__isnull=False).values("gemeente_id").annotate(**measures)
    }
    denominators = kpi_denominators(kpis)
    results = []
    for kpi in kpis:
        alias = _alias(kpi)
        mine = [g for g in gemeenten if g.regio_id == kpi.regio_id]
        denominator = denominators.get(kpi.denominator_indicator, {})
        target = target_for(kpi, period)
        rows = []
        for g in mine:
            count = by_gemeente.get(g.pk, {}).get(alias, 0)
            actual = _share(count, denominator.get(g.pk)) if kpi.denominator_indicator else count
            rows.append(
                {"gemeente": g.name, "count": count, "actual": actual, "target": _num(target)}
            )
        count = totals[alias]
        if kpi.denominator_indicator:
            actual = _share(count, sum(denominator.get(g.pk, 0) for g in mine))
        else:
            actual = count
        headline_target = (
            target * len(mine) if (kpi.per_gemeente and target is not None) else target
        )
        results.append(
            {
                "slug": kpi.slug,
                "name": kpi.name,
                "unit": "%" if kpi.denominator_indicator else kpi.unit,
                "count": count,
                "actual": actual,
                "target": _num(headline_target),
                "percent": _share(actual or 0, headline_target) if headline_target else None,
                "per_gemeente": kpi.per_gemeente,
                "gemeenten": rows,
            }
        )
    return results


def kpi_trend(kpis: list[KpiDefinition], period: Period) -> list[dict]:
    """Counts per quarter of every KPI: one query of conditional counts per (KPI, quarter)."""
    quarters = period.quarters()
    if not kpis:
        return []
    measures = {
        f"{_alias(k)}_{i}": kpi_measure(k, _in_quarter(q))
        for k in kpis
        for i, q in enumerate(quarters)
    }
    found = events_in(period).filter(kind__in={k.event_kind for k in kpis}).aggregate(**measures)
    return [
        {
            "slug": k.slug,
            "name": k.name,
            "points": [(q.key, found[f"{_alias(k)}_{i}"]) for i, q in enumerate(quarters)],
        }
        for k in kpis
    ]


def _num(value):
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _measures() -> dict:
    out = {name: Count("id", filter=Q(kind=kind)) for name, kind in BREAKDOWN_MEASURES.items()}
    out["companies"] = Count("company_key", distinct=True, filter=HAS_COMPANY)
    return out


def _label(dimension: str, key) -> str:
    if dimension == "size_class":
        return str(dict(SizeClass.choices).get(key, key))
    if dimension == "sector":
        return str(dict(SbiSection.choices).get(key, key))
    if dimension == "origin":
        labels = {"web": _("Website"), "phone": _("Phone"), "question": _("Digital question")}
        labels |= {"scan": _("Scan result"), "event": _("Meeting")}
        return labels.get(key, key)
    return key


def breakdown(period: Period, dimension: str, regio=None, theme_names=None) -> list[dict]:
    """Scans, cases, referrals and the distinct companies behind them per value of `dimension`
    (one query)."""
    base = events_in(period, regio).filter(kind__in=BREAKDOWN_MEASURES.values())
    if dimension == "theme":
        rows = _theme_rows(base)
        names = theme_names or {}
        return [{**r, "key": r["key"], "label": names.get(r["key"], r["key"])} for r in rows]
    field = _DIMENSION_FIELD[dimension]
    rows = base.exclude(**{f"{field}__isnull": True}).exclude(**{field: ""})
    rows = rows.values(field).annotate(**_measures()).order_by(field)
    return [
        {
            "key": r[field],
            "label": _label(dimension, r[field]),
            **{m: r[m] for m in [*BREAKDOWN_MEASURES, "companies"]},
        }
        for r in rows
    ]


def _theme_rows(base: QuerySet) -> list[dict]:
    """Themes sit in a JSON list on the event: unnest it in SQL (json_each / jsonb_array_elements)."""
    sql, params = base.values("kind", "company_key", "theme_slugs").query.sql_with_params()
    if connection.vendor == "postgresql":
        unnest = "CROSS JOIN LATERAL jsonb_array_elements_text(s.theme_slugs) AS j(value)"
    else:
        unnest = ", json_each(s.theme_slugs) AS j"
    sums = ", ".join("SUM(CASE WHEN s.kind = %s THEN 1 ELSE 0 END)" for _ in BREAKDOWN_MEASURES)
    query = (
        f"SELECT j.value, {sums}, "  # noqa: S608  (no user input: fixed columns and params)
        "COUNT(DISTINCT CASE WHEN s.company_key <> '' THEN s.company_key END) "
        f"FROM ({sql}) s {unnest} GROUP BY j.value ORDER BY j.value"
    )
    kinds = [str(kind) for kind in BREAKDOWN_MEASURES.values()]
    with connection.cursor() as cursor:
        cursor.execute(query, [*kinds, *params])
        fetched = cursor.fetchall()
    names = [*BREAKDOWN_MEASURES, "companies"]
    return [{"key": row[0], **dict(zip(names, row[1:], strict=True))} for row in fetched]


def sla_performance(period: Period, regio=None) -> dict:
    """Share of first contacts within the SLA, in total and per quarter (one query)."""
    quarters = period.quarters()
    measures = {}
    for i, q in enumerate(quarters):
        measures[f"t{i}"] = Count("id", filter=_in_quarter(q))
        measures[f"w{i}"] = Count("id", filter=_in_quarter(q) & Q(outcome="within_sla"))
    found = events_in(period, regio).filter(kind=EventKind.FIRST_CONTACT).aggregate(**measures)
    points = [
        {"quarter": q.key, "total": found[f"t{i}"], "within": found[f"w{i}"]}
        for i, q in enumerate(quarters)
    ]
    for p in points:
        p["share"] = _share(p["within"], p["total"])
    total = sum(p["total"] for p in points)
    within = sum(p["within"] for p in points)
    return {"total": total, "within": within, "share": _share(within, total), "quarters": points}


def referral_funnel(period: Period, regio=None) -> list[dict]:
    """Per partner: referrals made → accepted → completed, with median days (two queries).

    The days come from `value` on the accepted/completed events (days since the referral).
    """
    base = events_in(period, regio).filter(partner__isnull=False)
    counts = (
        base.values("partner_id", "partner__name")
        .annotate(
            made=Count("id", filter=Q(kind=EventKind.REFERRAL_MADE)),
            accepted=Count("id", filter=Q(kind=EventKind.REFERRAL_ACCEPTED)),
            declined=Count("id", filter=Q(kind=EventKind.REFERRAL_DECLINED)),
            completed=Count("id", filter=Q(kind=EventKind.REFERRAL_COMPLETED)),
        )
        .order_by("partner__name")
    )
    medians = _medians(
        base.filter(
            kind__in=[EventKind.REFERRAL_ACCEPTED, EventKind.REFERRAL_COMPLETED],
            value__isnull=False,
        )
    )
    out = []
    for r in counts:
        if not (r["made"] or r["accepted"] or r["completed"] or r["declined"]):
            continue
        pid = r["partner_id"]
        out.append(
            {
                "partner": r["partner__name"],
                "made": r["made"],
                "accepted": r["accepted"],
                "declined": r["declined"],
                "completed": r["completed"],
                "median_days_accepted": medians.get((pid, EventKind.REFERRAL_ACCEPTED)),
                "median_days_completed": medians.get((pid, EventKind.REFERRAL_COMPLETED)),
            }
        )
    return out


def _medians(qs: QuerySet) -> dict:
    """Median `value` per (partner, kind) in SQL: keep only the middle one or two rows per group."""
    partition = [F("partner_id"), F("kind")]
    ranked = qs.annotate(
        rn=Window(RowNumber(), partition_by=partition, order_by=F("value").asc()),
        cnt=Window(Count("id"), partition_by=partition),
    ).filter(Q(rn=(F("cnt") + 1) / 2) | Q(rn=(F("cnt") + 2) / 2))
    middle: dict = defaultdict(list)
    for pid, kind, value in ranked.values_list("partner_id", "kind", "value"):
        middle[(pid, kind)].append(value)
    return {key: _num(sum(vals) / len(vals)) for key, vals in middle.items()}


def satisfaction(period: Period, regio=None) -> dict:
    """Scores 1–5 after closure: distribution and average (one query)."""
    rows = (
        events_in(period, regio)
        .filter(kind=EventKind.SATISFACTION_GIVEN, value__gte=1, value__lte=5)
        .values("value")
        .annotate(n=Count("id"))
    )
    dist = {str(score): 0 for score in range(1, 6)}
    for r in rows:
        dist[str(int(r["value"]))] += r["n"]
    count = sum(dist.values())
    average = round(sum(int(s) * n for s, n in dist.items()) / count, 2) if count else None
    return {"count": count, "average": average, "distribution": dist}
