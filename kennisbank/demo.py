"""Demo content of the kennisbank app, loaded by `manage.py load_demo` (idempotent)."""


def load(stdout=None) -> None:
    pass
