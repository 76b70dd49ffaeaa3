"""Compile every locale/*/LC_MESSAGES/*.po to .mo with polib (for machines without msgfmt).

`make test` uses Django's compilemessages when GNU gettext is installed and this otherwise, so a
fresh machine needs no apt package to run the suite.
"""

import sys
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent


def main() -> int:
    compiled = 0
    for po_path in sorted((BASE_DIR / "locale").glob("*/LC_MESSAGES/*.po")):
        catalogue = polib.pofile(str(po_path))
        catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
        compiled += 1
    print(f"compiled {compiled} catalogue(s) with polib")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
