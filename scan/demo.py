"""Demo content of the scan app, loaded by `manage.py load_demo` (idempotent)."""


def load(stdout=None) -> None:
    pass
