"""Stance markers: hedges, boosters, attitude markers and approximators in one paragraph.

Stage "tag" of read → segment → tag → score → measure. `tag_stance` returns one dict per
marker with half-open character offsets into the paragraph, whether it lies inside quoted
text, and the lexicon entry, rule, lexicon name and version that produced it, so every count
leads back to its words.

Categories follow Hyland (2005), *Metadiscourse* (London: Continuum), ch. 3: hedges withhold
full commitment ("may", "reportedly", "is believed to"), boosters express certainty ("clearly",
"of course"), attitude markers evaluate ("alarming", "remarkably"). Approximators ("about 300",
"some 3,000"; Prince, Frader & Bosk 1982) make a quantity vague and are kept apart from hedges.

Context rules (named in the lexicon's `rule` column, so the data says which entry uses which):

- ``not_month``: capitalised "May" is a hedge only at the start of a sentence before a subject
  ("May God…"); mid-sentence "May" is the month or a surname (Theresa May).
- ``not_question``: a modal in a sentence ending in "?" asks, it does not hedge.
- ``predicative``: "clear", "certain", "sure" are boosters only after a copula or "make it"
  ("it is clear that"), not before a noun ("certain officials", "a clear sky", "make sure").
- ``negated_hedge``: a negated booster ("not clear", "isn't certain", "far from clear") states
  uncertainty, so it is recorded as a *hedge*, with the span running from the negator. We chose
  hedge over nothing because "it is not clear whether…" is one of the commonest ways news
  writing withholds commitment, which is what the hedge count is meant to capture.
- ``before_number``: about/around/some/nearly… are approximators only before a number ("about
  20", "some two dozen", "about a third"); elsewhere they are nothing ("talks about") or the
  entry's `else_label` ("roughly equal" → hedge).
- `unless_prev` / `unless_next` (regex of the neighbouring word) cancel a match: "likely
  voters", "what kind of", "could not" (past inability).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import input_error
from .lexicons import Lexicon, load_lexicon
from .quotes import inside, quoted_mask

__all__ = ["tag_stance", "compile_stance_lexicon"]

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|a\\s+half|one-third|"
    "two-thirds|one-quarter|three-quarters|one-fifth")
_UNITS = ("dozen|hundred|thousand|million|billion|trillion|third|quarter|fifth|tenth|half|"
          "minute|hour|day|week|month|year|decade|century|mile|kilometer|kilometre|percent")
_NUMBER_AFTER = re.compile(
    rf"\s+(?:[$£€¥]\s?\d|\d|(?:{_NUMBER_WORDS})\b|(?:a|an)\s+(?:{_UNITS})s?\b|(?:a|an)\s+"
    rf"(?:{_NUMBER_WORDS})\b)", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
_NEXT_WORD = re.compile(r"\s*([\w'’-]+)")
_CLAUSE_CUT = re.compile(r"[.,;:!?()\[\]\"“”—–]")
# End of a sentence: . ! ? (with closing quotes) before whitespace and a capital, or the end;
# a ? or ! before a closing quote mark ends the quoted question ('"Might it?" he asked').
_SENT_END = re.compile(r"[!?]+(?=[\"'”’])|[.!?]+(?=[\"'”’)\]]*(?:\s+[\"“‘'(\[]*[A-Z0-9]|[\"'”’)\]]*\s*$))")

_COPULAS = frozenset(
    "is are was were be been being am seem seems seemed appear appears appeared remain remains "
    "remained become becomes became becoming look looks looked feel feels felt it 's ’s 're ’re "
    "'m ’m isn't wasn't aren't weren't isn’t wasn’t aren’t weren’t".split())
_ADVERBS = frozenset(
    "not never n't entirely completely fully very quite so abundantly perfectly crystal all too "
    "yet immediately still now already also increasingly less more far from always hardly "
    "absolutely altogether totally clearly certainly by no means painfully almost nearly virtually made make makes "
    "making".split()) - {"made", "make", "makes", "making"}
_NEGATORS = frozenset("not never no hardly nor scarcely cannot without".split())
_MAY_SUBJECTS = frozenset(
    "i we you he she it they god the this that his her their our your heaven".split())


@dataclass(frozen=True)
class _Entry:
    entry: str
    label: str
    rules: frozenset
    else_label: str
    unless_prev: re.Pattern | None
    unless_next: re.Pattern | None


@dataclass(frozen=True)
class CompiledStance:
    """A stance lexicon compiled for fast matching: `trigger` finds, in the lower-cased text,
    the words an entry can start with (one regex, a trie of those words); `by_word` maps each
    such word to the entries starting with it (most words first), each with its own regex
    `patterns[i]` tried at that position."""

    name: str
    version: str
    trigger: re.Pattern
    by_word: dict
    prefixes: tuple  # (prefix, entry ids) for wildcard first words ("appear*")
    patterns: tuple
    entries: tuple
    regex: re.Pattern  # one alternation of every entry, for texts whose lower() changes length


_CACHE: dict[tuple[str, str, str], CompiledStance] = {}
_KNOWN_RULES = {"not_month", "not_question", "predicative", "negated_hedge", "before_number"}
_LABELS = {"hedge", "booster", "attitude", "approximator"}


def _token_regex(token: str, where: str) -> tuple[str, bool]:
    """Regex for one entry token and whether it is optional (`{a|b|}`)."""
    if token.startswith("{") and token.endswith("}"):
        alts = token[1:-1].split("|")
        optional = "" in alts
        alts = [a for a in alts if a]
        if not alts:
            raise input_error(f"empty choice {token!r}", where=where,
                              fix="write {a|b} with at least one word")
        body = "|".join(_escape_word(a) for a in sorted(alts, key=len, reverse=True))
        return f"(?:{body})", optional
    if "{" in token or "}" in token:
        raise input_error(f"unbalanced braces in {token!r}", where=where,
                          fix="a choice is a whole word: {a|b}")
    return _escape_word(token), False


def _escape_word(word: str) -> str:
    if word.endswith("*") and len(word) > 1:  # LIWC-style wildcard: any ending
        return _escape_word(word[:-1]) + r"\w*"
    return re.escape(word).replace("'", "['’]").replace("’", "['’]")


def _entry_regex(entry: str, where: str) -> str:
    tokens = entry.split()
    parts: list[str] = []
    for i, tok in enumerate(tokens):
        rx, optional = _token_regex(tok, where)
        last = i == len(tokens) - 1
        if optional and last:
            raise input_error(f"entry {entry!r} ends in an optional word", where=where,
                              fix="make the last word required")
        if last:
            parts.append(rx)
        elif optional:
            parts.append(f"(?:{rx}\\s+)?")
        else:
            parts.append(f"{rx}\\s+")
    return "".join(parts)


def compile_stance_lexicon(lexicon: Lexicon) -> CompiledStance:
    """Compile (once per lexicon name, version and sha256) the regex and rules of a stance
    lexicon: a table with columns `entry, label` and optionally `rule, else_label,
    unless_prev, unless_next, why`. Raises FramingError naming the lexicon and the entry."""
    key = (lexicon.name, lexicon.version, lexicon.sha256)
    hit = _CACHE.get(key)
    if hit is not None:
        return hit
    table = lexicon.entries
    where = lexicon.path
    if "label" not in table.columns:
        raise input_error(f"stance lexicon lacks a 'label' column (columns: {list(table.columns)})",
                          where=where, fix=f"add a label column with one of {sorted(_LABELS)}")
    entries: list[_Entry] = []
    branches: list[tuple[int, int, str]] = []
    patterns: list[re.Pattern] = []
    by_word: dict[str, list[int]] = {}
    prefixes: dict[str, list[int]] = {}
    for i, row in enumerate(table.to_dict("records")):
        entry = str(row["entry"])
        here = f"{where} (entry {entry!r})"
        label = str(row["label"]).strip().lower()
        if label not in _LABELS:
            raise input_error(f"label {label!r} is not a stance label", where=here,
                              fix=f"use one of {sorted(_LABELS)}")
        rules = frozenset(r.strip() for r in str(row.get("rule", "") or "").split(";") if r.strip())
        unknown = rules - _KNOWN_RULES
        if unknown:
            raise input_error(f"unknown rule(s) {sorted(unknown)}", where=here,
                              fix=f"use {sorted(_KNOWN_RULES)} separated by ';'")
        else_label = str(row.get("else_label", "") or "").strip().lower()
        if else_label and else_label not in _LABELS:
            raise input_error(f"else_label {else_label!r} is not a stance label", where=here,
                              fix=f"use one of {sorted(_LABELS)} or leave it empty")
        entries.append(_Entry(entry, label, rules, else_label,
                              _word_test(row.get("unless_prev"), here),
                              _word_test(row.get("unless_next"), here)))
        rx = _entry_regex(entry, here)
        branches.append((len(entry.split()), len(entry), f"(?P<e{i}>{rx})"))
        patterns.append(re.compile(rf"{rx}(?![\w-])", re.IGNORECASE))
        for word in _first_words(entry, here):
            if word.endswith("*"):
                prefixes.setdefault(word[:-1], []).append(i)
            else:
                by_word.setdefault(word, []).append(i)
    # Longer (more words) entries first, so "of course" wins over any one-word entry at the
    # same position.
    order = {b[2]: k for k, b in enumerate(sorted(branches, key=lambda b: (-b[0], -b[1])))}
    rank = [order[b[2]] for b in branches]
    by_word = {w: tuple(sorted(ids, key=rank.__getitem__)) for w, ids in by_word.items()}
    prefix_items = tuple((p, tuple(sorted(ids, key=rank.__getitem__)))
                         for p, ids in sorted(prefixes.items(), key=lambda kv: -len(kv[0])))
    words = _trie(sorted(by_word))
    alts = [words] if words else []
    alts += [re.escape(p) + r"[\w'’-]*" for p, _ in prefix_items]
    trigger = re.compile(rf"(?<![\w'’-])(?:{'|'.join(alts) or '(?!)'})(?![\w-])")
    body = "|".join(b[2] for b in sorted(branches, key=lambda b: (-b[0], -b[1]))) or "(?!)"
    regex = re.compile(rf"(?<![\w'’-])(?:{body})(?![\w-])", re.IGNORECASE)
    compiled = CompiledStance(lexicon.name, lexicon.version, trigger, by_word, prefix_items,
                              tuple(patterns), tuple(entries), regex)
    _CACHE[key] = compiled
    return compiled


def _first_words(entry: str, where: str) -> list[str]:
    """Lower-cased words an entry can start with (its leading optional words and the first
    required one); a wildcard word keeps its `*`."""
    out: list[str] = []
    for tok in entry.split():
        if tok.startswith("{") and tok.endswith("}"):
            alts = tok[1:-1].split("|")
            out += [a.lower().replace("’", "'") for a in alts if a]
            if "" not in alts:
                break
        else:
            out.append(tok.lower().replace("’", "'"))
            break
    return out


def _trie(words: list[str]) -> str:
    """A regex matching exactly `words`, factored as a trie (much faster than a flat
    alternation in Python's regex engine)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [_char(ch) + build(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            body = f"(?:{body})?"
        return body

    return build(root)


def _char(ch: str) -> str:
    return "['’]" if ch == "'" else re.escape(ch)


def _word_test(value: object, where: str) -> re.Pattern | None:
    value = str(value or "").strip()
    if not value or value.lower() == "nan":
        return None
    try:
        return re.compile(rf"(?:{value})", re.IGNORECASE)
    except re.error as exc:
        raise input_error(f"bad regex {value!r} ({exc})", where=where,
                          fix="give a regular expression for one word") from None


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    # Looked up once: a bundled version never changes, and the index lookup costs more than
    # tagging a paragraph.
    return load_lexicon("stance")


def _resolve(lexicon: Lexicon | str | Path | None) -> Lexicon:
    if lexicon is None:
        return _default_lexicon()
    if isinstance(lexicon, Lexicon):
        return lexicon
    return load_lexicon(lexicon)


def _prev_words(text: str, start: int, n: int = 4) -> list[re.Match]:
    """Up to `n` words before `start` in the same clause (stops at , ; . quotes dashes)."""
    lo = max(0, start - 80)
    window = text[lo:start]
    cuts = list(_CLAUSE_CUT.finditer(window))
    offset = cuts[-1].end() if cuts else 0
    words = list(_WORD.finditer(text, lo + offset, start))
    return words[-n:]


def _is_negator(words: list[re.Match], k: int) -> bool:
    w = words[k].group(0).lower()
    if w in _NEGATORS or w.endswith("n't") or w.endswith("n’t"):
        return True
    return w == "from" and k > 0 and words[k - 1].group(0).lower() == "far"


def _sentence_end_is_question(text: str, pos: int,
                              sentences: list[tuple[int, int]] | None) -> bool:
    if sentences is not None:
        for s, e in sentences:
            if s <= pos < e:
                return text[s:e].rstrip(" \t\n\"'”’)]").endswith("?")
        return False
    m = _SENT_END.search(text, pos)
    if m is None:
        return text.rstrip(" \t\n\"'”’)]").endswith("?")
    return "?" in m.group(0)


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\n\"'“‘([")
    return not before or before[-1] in ".!?:"


def _matches(text: str, c: CompiledStance):
    """(entry id, match) pairs, left to right, not overlapping: at each trigger word the
    longest entry (most words) that matches there."""
    lower = text.lower()
    if len(lower) != len(text):  # rare: lower() changed the length (e.g. "İ")
        for m in c.regex.finditer(text):
            yield int(m.lastgroup[1:]), m
        return
    last = 0
    for t in c.trigger.finditer(lower):
        pos = t.start()
        if pos < last:
            continue
        word = t.group(0).replace("’", "'")
        ids = c.by_word.get(word)
        if ids is None:
            ids = next((ids for p, ids in c.prefixes if word.startswith(p)), ())
        for i in ids:
            m = c.patterns[i].match(text, pos)
            if m is not None:
                last = m.end()
                yield i, m
                break


def tag_stance(text: str, *, quotes: list[tuple[int, int]] | None = None,
               lexicon: Lexicon | str | Path | None = None,
               sentences: list[tuple[int, int]] | None = None) -> list[dict]:
    """Stance markers of one paragraph.

    Parameters
    ----------
    text : the paragraph.
    quotes : quoted regions `[(start, end), …]` (marks included); computed with
        `framing.quotes.find_quotes` when None.
    lexicon : a Lexicon, a bundled lexicon name or a file path; default the newest bundled
        `stance` lexicon.
    sentences : sentence spans; used only to decide whether a modal is in a question (without
        them, the sentence end is found by punctuation).

    Returns
    -------
    list of dict, in text order, with keys: `layer` ("stance"), `label` (hedge, booster,
    attitude, approximator), `start`, `end` (half-open offsets, `text[start:end] == text`),
    `text`, `quoted` (bool: inside quotation marks), `entry` (the lexicon entry), `rule` (the
    context rule that changed or licensed the label, or ""), `lexicon`, `lexicon_version`.
    """
    if not isinstance(text, str):
        raise input_error(f"text must be a str, got {type(text).__name__}")
    lex = _resolve(lexicon)
    compiled = compile_stance_lexicon(lex)
    if quotes is None:
        regions = quoted_mask(text)
    else:
        regions = sorted((int(q[0]), int(q[1])) for q in quotes)
    out: list[dict] = []
    for i, m in _matches(text, compiled):
        e = compiled.entries[i]
        start, end = m.start(), m.end()
        label, rule = e.label, ""
        if e.unless_next is not None:
            nxt = _NEXT_WORD.match(text, end)
            if nxt and e.unless_next.fullmatch(nxt.group(1)):
                continue
        prev = None
        if e.unless_prev is not None or e.rules & {"predicative", "negated_hedge"}:
            prev = _prev_words(text, start)
        if e.unless_prev is not None and prev and e.unless_prev.fullmatch(prev[-1].group(0)):
            continue
        if "not_month" in e.rules and m.group(0)[:1].isupper():
            if not _at_sentence_start(text, start):
                continue  # mid-sentence "May": the month or a surname
            nxt = _NEXT_WORD.match(text, end)
            if nxt is None or nxt.group(1).lower() not in _MAY_SUBJECTS:
                continue  # "May 5 …", "May said …"
        if "not_question" in e.rules and _sentence_end_is_question(text, end, sentences):
            continue
        if "predicative" in e.rules:
            head = [w for w in prev if w.group(0).lower() not in _ADVERBS
                    and not _is_negator(prev, prev.index(w))] if prev else []
            if not head:
                continue
            last = head[-1].group(0).lower()
            if not (last in _COPULAS or last.endswith(("'s", "’s"))):
                continue
            rule = "predicative"
        if "negated_hedge" in e.rules and prev:
            for k in range(max(0, len(prev) - 3), len(prev)):
                if _is_negator(prev, k):
                    label, rule = "hedge", "negated_hedge"
                    start = prev[k - 1].start() if prev[k].group(0).lower() == "from" else prev[k].start()
                    break
        if "before_number" in e.rules:
            if _NUMBER_AFTER.match(text, end):
                rule = "before_number"
            elif e.else_label:
                label, rule = e.else_label, "not_before_number"
            else:
                continue
        out.append({
            "layer": "stance", "label": label, "start": start, "end": end,
            "text": text[start:end], "quoted": inside(regions, start, end),
            "entry": e.entry, "rule": rule,
            "lexicon": compiled.name, "lexicon_version": compiled.version,
        })
    return out
