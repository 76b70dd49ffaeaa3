"""Building a quarterly report (run by its task): compute and freeze the figures, render the PDF
(WeasyPrint) and the XLSX (openpyxl); a failure is stored on the report for the coordinator."""

import io
import logging

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook

from .dashboard import dashboard_sections, figure_tables, figures_build, kpi_list
from .kpis import events_in
from .models import QuarterlyReport, ReportStatus
from .periods import period_parse

logger = logging.getLogger(__name__)


def report_figures(report: QuarterlyReport) -> dict:
    """The figures of the report's quarter, plus the raw anonymous event counts."""
    kpi_defs = kpi_list(report.regio)
    period = period_parse(report.quarter, None)
    figures = figures_build(period, report.regio, kpi_defs)
    rows = (
        events_in(period, report.regio)
        .values("kind", "gemeente__name", "size_class", "sbi_section", "origin", "outcome")
        .annotate(n=Count("id"))
        .order_by("kind", "gemeente__name", "size_class", "sbi_section", "origin", "outcome")
    )
    figures["event_counts"] = [
        [
            r["kind"],
            r["gemeente__name"] or "",
            r["size_class"],
            r["sbi_section"],
            r["origin"],
            r["outcome"],
            r["n"],
        ]
        for r in rows
    ]
    return figures


def quarterly_report_build(*, report_id: int) -> QuarterlyReport:
    """Run by the task: compute and freeze the figures, render PDF and XLSX; a failure is stored."""
    report = QuarterlyReport.objects.select_related("regio").get(pk=report_id)
    QuarterlyReport.objects.filter(pk=report.pk).update(status=ReportStatus.RUNNING, error="")
    try:
        with translation.override("nl"):
            figures = report_figures(report)
            pdf = report_pdf(report, figures)
            xlsx = report_xlsx(figures)
    except Exception as exc:  # any failure must reach the coordinator, not vanish
        logger.exception("Quarterly report %s failed", report.pk)
        QuarterlyReport.objects.filter(pk=report.pk).update(
            status=ReportStatus.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        report.refresh_from_db()
        return report
    name = f"kwartaalrapportage-{report.regio.slug}-{report.quarter}"
    report.figures = figures
    for old in (report.pdf, report.xlsx):
        if old:
            old.delete(save=False)  # a rebuild replaces the files, it doesn't pile them up
    report.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
    report.xlsx.save(f"{name}.xlsx", ContentFile(xlsx), save=False)
    report.status = ReportStatus.DONE
    report.built_at = timezone.now()
    report.error = ""
    report.save()
    return report


def report_pdf(report: QuarterlyReport, figures: dict) -> bytes:
    from weasyprint import CSS, HTML  # about 0.5 s to import: only the report task pays it

    html = render_to_string(
        "monitoring/report_pdf.html",
        {"report": report, "figures": figures, "sections": dashboard_sections(figures)},
    )
    sheets = [
        CSS(filename=path)
        for name in ("css/mkb-theme.css", "css/monitoring.css")
        if (path := finders.find(name))
    ]
    return HTML(string=html).write_pdf(stylesheets=sheets)


def _sheet_title(title: str, used: set) -> str:
    clean = "".join(c for c in str(title) if c not in "[]:*?/\\")[:31] or "Blad"
    base, n = clean, 2
    while clean in used:
        clean = f"{base[:28]} {n}"
        n += 1
    used.add(clean)
    return clean


def report_xlsx(figures: dict) -> bytes:
    """One sheet per figure, plus the raw anonymous event counts."""
    wb = Workbook()
    wb.remove(wb.active)
    used: set = set()
    for table in figure_tables(figures).values():
        ws = wb.create_sheet(_sheet_title(table["title"], used))
        ws.append([str(h) for h in table["headers"]])
        for row in table["rows"]:
            ws.append([_cell(v) for v in row])
    ws = wb.create_sheet(_sheet_title(_("Event counts"), used))
    ws.append(
        [
            _("Event"),
            _("Municipality"),
            _("Size class"),
            _("Sector"),
            _("Origin"),
            _("Outcome"),
            _("Number"),
        ]
    )
    for row in figures.get("event_counts", []):
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _cell(value):
    if value is None:
        return None
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
