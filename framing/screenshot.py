"""The HTML view of an article in a real browser: headless Chromium writes a screenshot, or the
DOM after scripts would have run (to check that highlights are there and nothing from the text
executes).

    framing screenshot --out out/seed.png        # the bundled seed article

Needs Chromium (Debian: ``apt-get install chromium``); ``FRAMING_CHROMIUM`` names another
binary. Chromium runs with a throw-away profile and no network-facing background services.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import input_error

SEED_CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "seed"
WINDOW = (1200, 2400)


def find_chromium() -> str | None:
    """The Chromium binary: $FRAMING_CHROMIUM, else chromium / chromium-browser /
    google-chrome on PATH; None when there is none."""
    env = os.environ.get("FRAMING_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _run_chromium(url: str, *extra: str, timeout: float = 90) -> subprocess.CompletedProcess:
    binary = find_chromium()
    if binary is None:
        raise input_error("Chromium was not found",
                          fix="install it (Debian: apt-get install chromium) or set "
                              "FRAMING_CHROMIUM to its path")
    with tempfile.TemporaryDirectory(prefix="framing-chromium-") as profile:
        cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--hide-scrollbars",
               f"--user-data-dir={profile}", *extra, url]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              check=False)


def dump_dom(html_path: str | Path) -> str:
    """The document's DOM serialised by headless Chromium after loading (scripts, if any
    could run, would have run)."""
    url = Path(html_path).resolve().as_uri()
    done = _run_chromium(url, "--dump-dom")
    if done.returncode != 0 or not done.stdout.strip():
        raise input_error(f"Chromium --dump-dom failed (exit {done.returncode}): "
                          f"{done.stderr.strip()[-500:]}", where=html_path)
    return done.stdout


def screenshot(html_path: str | Path, png_path: str | Path, *,
               window: tuple[int, int] = WINDOW) -> Path:
    """A PNG of the page as Chromium renders it, ``window`` pixels (width, height)."""
    png = Path(png_path).resolve()
    png.parent.mkdir(parents=True, exist_ok=True)
    done = _run_chromium(Path(html_path).resolve().as_uri(), f"--screenshot={png}",
                         f"--window-size={window[0]},{window[1]}")
    if done.returncode != 0 or not png.exists():
        raise input_error(f"Chromium --screenshot failed (exit {done.returncode}): "
                          f"{done.stderr.strip()[-500:]}", where=html_path)
    return png


def write_view(corpus: str | Path, html_path: str | Path, *, doc_id: str | None = None) -> Path:
    """Read and tag `corpus`, write the HTML view of one article (default the first)."""
    from .html import render_html
    from .pipeline import tag
    from .readers import read_corpus

    tagged = tag(read_corpus(corpus))
    path = Path(html_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(tagged, doc_id), encoding="utf-8")
    return path


def cmd_screenshot(args: argparse.Namespace) -> int:
    png = Path(args.out)
    html_path = Path(args.html) if args.html else png.with_suffix(".html")
    write_view(args.corpus, html_path, doc_id=args.doc_id)
    screenshot(html_path, png, window=(args.width, args.height))
    print(f"HTML view: {html_path}\nscreenshot: {png}")
    return 0


def add_parser(sub) -> argparse.ArgumentParser:
    """Register ``framing screenshot`` on the CLI's subparsers."""
    p = sub.add_parser("screenshot", help="render an article's HTML view in headless Chromium",
                       description="Tag CORPUS (default: the bundled seed article), write the "
                                   "HTML view of one article and a PNG screenshot of it taken "
                                   "by headless Chromium.")
    p.add_argument("--out", required=True, help="PNG file to write")
    p.add_argument("--corpus", default=str(SEED_CORPUS), help="corpus (default: the seed)")
    p.add_argument("--doc-id", help="article to show (default: the first)")
    p.add_argument("--html", help="where to write the HTML (default: --out with .html)")
    p.add_argument("--width", type=int, default=WINDOW[0])
    p.add_argument("--height", type=int, default=WINDOW[1])
    p.set_defaults(func=cmd_screenshot)
    return p
