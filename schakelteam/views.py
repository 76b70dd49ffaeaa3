from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def ping(request: HttpRequest) -> HttpResponse:
    """The minimal Django view the benchmark compares every page against."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors that touch the database: the database may be what failed.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render({}), status=500)
