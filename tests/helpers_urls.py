"""Every concrete URL the project serves, generated from the resolver (so new URLs are covered)."""

import re
import uuid

from django.urls import LocalePrefixPattern, URLPattern, URLResolver, get_resolver

SAMPLE_UUID = str(uuid.UUID(int=1))
STAFF_PREFIXES = ("werkplek/", "partnerportaal/", "admin/", "django-admin/")

_CONVERTERS = {"int": "1", "uuid": SAMPLE_UUID, "slug": "x", "str": "x", "path": "x"}


def _route(pattern) -> str:
    text = str(pattern.pattern)
    if hasattr(pattern.pattern, "_regex"):  # RegexPattern: make a plausible path out of it
        text = text.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\.", ".")
        text = re.sub(r"\(\?P<\w+>[^)]*\)", "1", text)
        text = re.sub(r"[()?*+\\^$\[\]]", "", text)
    return re.sub(r"<(?:(\w+):)?\w+>", lambda m: _CONVERTERS.get(m.group(1) or "str", "x"), text)


def all_paths(patterns=None, prefix: str = "") -> list[str]:
    patterns = get_resolver().url_patterns if patterns is None else patterns
    paths: list[str] = []
    for p in patterns:
        if isinstance(p, URLResolver) and isinstance(p.pattern, LocalePrefixPattern):
            for lang_prefix in ("", "en/"):  # Dutch at /, English at /en/
                paths += all_paths(p.url_patterns, prefix + lang_prefix)
        elif isinstance(p, URLResolver):
            paths += all_paths(p.url_patterns, prefix + _route(p))
        elif isinstance(p, URLPattern):
            paths.append(prefix + _route(p))
    return sorted(set(paths))


def staff_paths() -> list[str]:
    """Every URL under a staff prefix, in both languages where it exists."""
    out = []
    for path in all_paths():
        bare = path.removeprefix("en/")
        if bare.startswith(STAFF_PREFIXES):
            out.append("/" + path)
    return out
