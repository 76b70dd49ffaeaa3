"""Quarterly reports: create one, watch it build, download it, retry a failed one."""

from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from schakelteam.accounts.decorators import capability_required

from .. import reports
from ..dashboard import deal_of, kpi_list, regio_default
from ..models import ReportStatus


class ReportForm(forms.Form):
    quarter = forms.ChoiceField(label=gettext_lazy("Quarter"))
    narrative = forms.CharField(
        label=gettext_lazy("Narrative"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "A short explanation of the quarter for the board; it opens the report."
        ),
    )

    def __init__(self, *args, quarters: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = [(q, q.replace("-", " ")) for q in quarters]


@capability_required("monitoring.view", post="report.create")
def report_list_view(request: HttpRequest) -> HttpResponse:
    regio = regio_default()
    quarters = [
        q.key
        for q in reversed(deal_of(kpi_list(regio)).quarters())
        if reports.quarter_is_reportable(q.key)
    ]
    form = ReportForm(request.POST or None, quarters=quarters)
    if request.method == "POST" and form.is_valid() and regio is not None:
        try:
            report = reports.quarterly_report_create(
                regio=regio,
                quarter=form.cleaned_data["quarter"],
                narrative=form.cleaned_data["narrative"],
                user=request.user,
            )
        except reports.ReportError as exc:
            form.add_error("quarter", str(exc))
        else:
            messages.success(request, _("The report is being built."))
            return redirect("monitoring:report_detail", uuid=report.uuid)
    context = {"form": form, "reports": reports.quarterly_report_list(user=request.user)[:50]}
    return render(request, "monitoring/report_list.html", context)


@capability_required("monitoring.view")
def report_detail_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    report = get_object_or_404(reports.quarterly_report_list(user=request.user), uuid=uuid)
    building = report.status in (ReportStatus.PENDING, ReportStatus.RUNNING)
    return render(
        request, "monitoring/report_detail.html", {"report": report, "building": building}
    )


@require_POST
@capability_required("report.create")
def report_retry_view(request: HttpRequest, uuid: UUID) -> HttpResponse:
    report = get_object_or_404(reports.quarterly_report_list(user=request.user), uuid=uuid)
    try:
        reports.quarterly_report_retry(report=report)
    except reports.ReportError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The report is being built again."))
    return redirect("monitoring:report_detail", uuid=report.uuid)


@capability_required("report.download")
def report_file_view(request: HttpRequest, uuid: UUID, kind: str) -> HttpResponse:
    """Files are served through here (not from /media/), so only the roles that may see them can."""
    report = get_object_or_404(reports.quarterly_report_list(user=request.user), uuid=uuid)
    field = {"pdf": report.pdf, "xlsx": report.xlsx}.get(kind)
    if field is None or not field:
        raise Http404
    return FileResponse(
        field.open("rb"), as_attachment=True, filename=field.name.rsplit("/", 1)[-1]
    )
