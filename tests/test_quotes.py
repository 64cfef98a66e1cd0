"""find_quotes on every mark style news copy uses, including mixed and unbalanced marks."""
from __future__ import annotations

import pytest

from framing.quotes import find_quotes, inside, quoted_mask


@pytest.mark.parametrize("text, expected", [
    ('"A," he said. "B."', ['"A,"', '"B."']),
    ("“It will be a full-fledged visit,” Peskov said.", ["“It will be a full-fledged visit,”"]),
    ("``Yes,'' he said.", ["``Yes,''"]),
    ("''We win,'' he said.", ["''We win,''"]),  # NYT archive style
    ('"A,” X said. “B."', ['"A,”', '“B."']),  # straight and curly mixed
    ("Il a dit «non» hier.", ["«non»"]),
    ("He called it 'a disaster' twice.", ["'a disaster'"]),
    ("Kim's workers' party met.", []),  # apostrophes are not quote marks
    ("“It runs on to the next paragraph", ["“It runs on to the next paragraph"]),
])
def test_quote_styles(text, expected):
    assert [text[q.start:q.end] for q in find_quotes(text)] == expected


def test_unclosed_and_inner():
    q = find_quotes("“It runs on")[0]
    assert (q.closed, "“It runs on"[slice(*q.inner)]) == (False, "It runs on")
    q = find_quotes("``Yes,'' he said.")[0]
    assert (q.width, "``Yes,'' he said."[slice(*q.inner)]) == (2, "Yes,")


def test_inside():
    regions = quoted_mask('He said "no" and "yes".')
    assert regions == [(8, 12), (17, 22)]
    assert inside(regions, 9, 11) and not inside(regions, 12, 16)
