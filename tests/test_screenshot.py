"""The HTML view in a real browser (headless Chromium): highlights present, no script from
the text runs. Skips without Chromium unless FRAMING_REQUIRE_CHROMIUM=1."""
from __future__ import annotations

import html
import os
import re

import pytest

import framing
from framing.html import render_html
from framing.screenshot import dump_dom, find_chromium, screenshot

PAYLOAD = ('He said <script>document.title="PWNED-1"</script> and '
           '<img src=x onerror="document.title=\'PWNED-2\'"> "quoted <b>bold</b>".')


@pytest.fixture(scope="module", autouse=True)
def chromium():
    if find_chromium() is None:
        reason = ("headless Chromium is not installed (Debian: apt-get install chromium; or "
                  "set FRAMING_CHROMIUM to its path)")
        if os.environ.get("FRAMING_REQUIRE_CHROMIUM") == "1":
            pytest.fail(reason + " and FRAMING_REQUIRE_CHROMIUM=1")
        pytest.skip(reason)


def title_of(dom: str) -> str:
    return re.search(r"<title>(.*?)</title>", dom, re.S).group(1)


def test_seed_highlights_present_in_browser_dom(seed_path, tmp_path):
    tagged = framing.tag(framing.read_corpus(seed_path))
    page = tmp_path / "seed.html"
    page.write_text(render_html(tagged), encoding="utf-8")
    dom = dump_dom(page)
    assert dom.count('class="para ') == 27
    assert dom.count('<span class="hl') == render_html(tagged).count('<span class="hl') > 10
    for cls in ("quote", "credit-photo", "credit-wire"):
        assert re.search(rf'<span class="hl [^"]*\b{cls}\b', dom), cls
    png = screenshot(page, tmp_path / "seed.png", window=(800, 600))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_script_in_article_text_does_not_run(tmp_path):
    src = tmp_path / "evil.txt"
    src.write_text(PAYLOAD + "\n", encoding="utf-8")
    tagged = framing.tag(framing.read_corpus(src, outlet="x"))
    page = tmp_path / "evil.html"
    page.write_text(render_html(tagged), encoding="utf-8")
    dom = dump_dom(page)
    assert title_of(dom) == "evil"  # the doc_id; a script that ran would have changed it
    assert "PWNED" not in title_of(dom)
    assert "<script" not in dom and "<img" not in dom and "<b>" not in dom
    # the payload is shown as text, intact (highlights may cut it into pieces)
    shown = html.unescape(re.sub(r"<[^>]+>", "", dom.split('class="text">', 1)[1]))
    assert shown.startswith(PAYLOAD)


def test_positive_control_unescaped_payload_does_run(tmp_path):
    """The check can fail: the same payload left unescaped changes the title."""
    page = tmp_path / "raw.html"
    page.write_text(f"<!DOCTYPE html><html><head><title>evil</title></head><body><p>{PAYLOAD}"
                    f"</p></body></html>", encoding="utf-8")
    assert title_of(dump_dom(page)).startswith("PWNED")
