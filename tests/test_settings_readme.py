"""The README documents every environment variable the settings read."""

import re
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SETTINGS_DIR = BASE_DIR / "schakelteam" / "settings"
ENV_READ = re.compile(r"""env(?:\.[a-z_]+)?\(\s*["']([A-Z][A-Z0-9_]*)["']""")


def settings_variables() -> set[str]:
    names: set[str] = set()
    for module in SETTINGS_DIR.glob("*.py"):
        names.update(ENV_READ.findall(module.read_text()))
    return names


def test_the_settings_read_their_environment_through_django_environ():
    assert {"SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "REDIS_URL"} <= settings_variables()


def test_every_environment_variable_is_in_the_readme():
    readme = (BASE_DIR / "README.md").read_text()

    missing = sorted(name for name in settings_variables() if f"`{name}`" not in readme)

    assert not missing, f"README.md does not document: {', '.join(missing)}"
