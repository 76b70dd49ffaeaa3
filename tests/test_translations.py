"""The Dutch catalogue is complete: makemessages leaves no untranslated or fuzzy entry.

makemessages runs on a temporary copy of the code, so the committed locale/ is never touched.
"""

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings

BASE_DIR = Path(__file__).resolve().parent.parent
CATALOGUE = BASE_DIR / "locale" / "nl" / "LC_MESSAGES" / "django.po"
# Not part of the product's interface: tests, tooling, environments and generated files.
SKIP = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "staticfiles", "media", "tests", "bench", ".ci",
    "test-results", "*.sqlite3", "*.sqlite3-*", "__pycache__", ".ruff_cache", "*.egg-info", "docs",
)  # fmt: skip

needs_gettext = pytest.mark.skipif(
    shutil.which("xgettext") is None or shutil.which("msgmerge") is None,
    reason="GNU gettext is not installed (apt-get install gettext); .ci/run installs it",
)


def entries_describe(entries: list[polib.POEntry]) -> str:
    lines = [f"{len(entries)} entries:"]
    for entry in entries[:40]:
        where = ", ".join(f"{path}:{line}" for path, line in entry.occurrences[:2])
        lines.append(f"  {entry.msgid[:80]!r}  ({where})")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def regenerated_catalogue(tmp_path_factory) -> polib.POFile:
    """locale/nl/LC_MESSAGES/django.po as `makemessages -l nl` leaves it for the current code."""
    copy = tmp_path_factory.mktemp("messages") / "project"
    shutil.copytree(BASE_DIR, copy, ignore=SKIP)
    (copy / "locale" / "nl" / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    with pytest.MonkeyPatch.context() as patch, override_settings(LOCALE_PATHS=[copy / "locale"]):
        patch.chdir(copy)
        call_command("makemessages", locale=["nl"], no_obsolete=True, verbosity=0)
    return polib.pofile(str(copy / "locale" / "nl" / "LC_MESSAGES" / "django.po"))


@needs_gettext
def test_every_interface_string_has_a_dutch_translation(regenerated_catalogue):
    untranslated = [e for e in regenerated_catalogue.untranslated_entries() if not e.obsolete]

    assert not untranslated, "Untranslated in Dutch: " + entries_describe(untranslated)


@needs_gettext
def test_no_dutch_translation_is_fuzzy(regenerated_catalogue):
    fuzzy = [e for e in regenerated_catalogue.fuzzy_entries() if not e.obsolete]

    assert not fuzzy, "Fuzzy (needs review) in Dutch: " + entries_describe(fuzzy)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is missing")
@pytest.mark.skipif(not CATALOGUE.exists(), reason="no Dutch catalogue committed yet")
def test_committed_dutch_catalogue_compiles_with_matching_placeholders():
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "--output-file=/dev/null", str(CATALOGUE)],  # noqa: S607
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
