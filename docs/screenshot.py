"""Take the README's screenshot: `python docs/screenshot.py [URL] [OUTPUT]`.

Start the demo first (`make run`); the default URL is its home page. Uses Debian's chromium
(/usr/bin/chromium, or CHROMIUM_PATH), headless.
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000/"
OUTPUT = Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).parent / "screenshot-home.png")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(
        executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=ARGS
    )
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page.goto(URL, wait_until="networkidle")
    page.screenshot(path=str(OUTPUT))
    browser.close()
print(f"saved {OUTPUT}")  # noqa: T201
