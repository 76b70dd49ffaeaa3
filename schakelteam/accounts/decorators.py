"""The one way a view requires a capability of the access policy. What a view requires is recorded
on it (`view.access`), so the access-matrix test computes every URL's answers from the policy."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .policy import allows, capability_check


@dataclass(frozen=True)
class Finder:
    """How a view finds the object its URL names: `find(user, **url_kwargs)` looks within the scope
    of `capability` and raises Http404 outside it."""

    capability: str
    find: Callable[..., Any]


@dataclass(frozen=True)
class Access:
    """What a view requires: `capability` (for POST: `post`), and, for a view of one object, the
    capability whose scope finds it (`found_by`). `admin`: the view lives in the Wagtail admin."""

    capability: str
    post: str
    found_by: str | None = None
    admin: bool = False

    def needed(self, method: str) -> str:
        return self.post if method == "POST" else self.capability


def refuse(request: HttpRequest, *, admin: bool) -> HttpResponse:
    """Our readable 403 page in the werkplek (an ordinary refusal logs no traceback); in the
    Wagtail admin, PermissionDenied, which Wagtail answers with its own message."""
    if admin:
        raise PermissionDenied
    return render(request, "403.html", status=403)


def capability_required(
    capability: str,
    *,
    post: str | None = None,
    find: Finder | None = None,
    admin: bool = False,
) -> Callable:
    """Require `capability` (for a POST: `post`, when given). Anonymous visitors go to the login.

    With `find`, the object the URL names is looked up first: whoever may not see it gets a 404,
    no hint that it exists; whoever sees it but lacks the capability gets a 403. The view is then
    called with the object instead of the URL arguments."""
    access = Access(
        capability=capability_check(capability),
        post=capability_check(post or capability),
        found_by=capability_check(find.capability) if find else None,
        admin=admin,
    )

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if find is not None:
                args, kwargs = (find.find(request.user, **kwargs),), {}
            if not allows(request.user, access.needed(request.method)):
                return refuse(request, admin=admin)
            return view(request, *args, **kwargs)

        wrapped.access = access
        return wrapped

    return decorator


class CapabilityRequiredMixin:
    """The same for a class-based view in the Wagtail admin: set `capability` on the class."""

    capability: str

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        capability = capability_check(cls.capability)
        cls.access = Access(capability=capability, post=capability, admin=True)

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not allows(request.user, self.capability):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
