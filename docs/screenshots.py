"""Screenshots of the public site for the README and the docs, taken in Debian's headless Chromium.

Run against the demo (`make run` in another terminal):

    .venv/bin/python docs/screenshots.py http://127.0.0.1:8000 [--out docs] [--full]

Writes home, service, form and results pictures at phone width (390 px) and
desktop width (1280 px). Playwright drives /usr/bin/chromium (CHROMIUM_PATH to
change it); no browser is downloaded.
"""

import argparse
import os
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SHOTS = [
    ("home", "/"),
    ("service", "/unit/disdukcapil/ktp-el/"),
    ("form", "/nilai/KTP-EL/"),
    ("results", "/hasil-survei/"),
]
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("--out", default=str(Path(__file__).parent))
    parser.add_argument("--full", action="store_true", help="whole pages, not the first screen")
    parser.add_argument("--only", help="comma-separated names (home,service,form,results)")
    args = parser.parse_args()
    wanted = set(args.only.split(",")) if args.only else None
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for size, viewport in SIZES.items():
            context = browser.new_context(
                viewport=viewport, device_scale_factor=1, is_mobile=size == "phone"
            )
            page = context.new_page()
            for name, path in SHOTS:
                if wanted and name not in wanted:
                    continue
                page.goto(args.base_url.rstrip("/") + path)
                target = out / f"{name}-{size}.png"
                page.screenshot(path=str(target), full_page=args.full)
                print(target)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
