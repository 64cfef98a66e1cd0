"""Article-level pass: attributions of an article's paragraphs in order, with quotes that run
on into the next paragraph and surname/pronoun sources resolved to their last full mention."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from . import _extract
from ..lexicons import load_lexicon
from .classify import PERSON_PRONOUNS, classify
from .names import person_name
from .titles import DefiniteRoles, lend_types

_NAME = re.compile(r"[A-Z][\w'’\-]+")
# "the senator, who did not want to be identified": an anonymous source, whatever its office
# (whole phrases: "the judge, named to the bench in 2010" is not anonymous)
_ANONYMOUS = re.compile(r"\b(?:anonym\w*|unnamed|not (?:want |wish )?to be (?:named|identified)|"
                        r"declined to be (?:named|identified)|on (?:the )?condition|"
                        r"not authori[sz]ed)\b")
# titles skipped when looking for a first name that tells the gender ("Sen. Mary Smith")
_TITLES = {"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "President", "Prof"}


_MALE_WORDS = {"mr", "he", "him", "his", "spokesman", "congressman", "chairman", "businessman",
               "king", "prince", "father", "son", "brother", "husband", "man", "sir"}
_FEMALE_WORDS = {"mrs", "ms", "miss", "she", "her", "spokeswoman", "congresswoman",
                 "chairwoman", "businesswoman", "queen", "princess", "mother", "daughter",
                 "sister", "wife", "woman", "lady", "madam"}
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """First name → `m`/`f` from the `first_names` lexicon (a hint for pronoun resolution)."""
    table = load_lexicon("first_names").entries
    return dict(zip(table["entry"], table["gender"]))


def _gender(source: str) -> str:
    """`m`, `f` or '' for a full mention: a title or role noun (`Mrs.`, `spokeswoman`) first,
    then the first capitalised word of the name found in the first-name list."""
    head = source.split(",", 1)[0]
    words = [w.rstrip(".").lower() for w in head.split()]
    if any(w in _FEMALE_WORDS for w in words):
        return "f"
    if any(w in _MALE_WORDS for w in words):
        return "m"
    names = _first_names()
    for w in _NAME.findall(head):
        if w.rstrip(".") in _TITLES:
            continue
        if w in names:
            return names[w]
    return ""


def _surname(source: str) -> str | None:
    """The surname of a full mention (`… Dmitry Peskov` → Peskov, `Martin Luther King Jr.` →
    King, `Sen. Rand Paul (R-Ky.)` → Paul): the last word of `person_name`."""
    name = person_name(source)
    return name.split()[-1] if name else None


# a reflexive or possessive pronoun after a definite role mostly refers to it ("the senator
# used much of his message"): the role's holder has that gender
_OWN_PRONOUN = re.compile(r"\b(his|himself|herself)\b")


def _gender_fits(text: str, span) -> Callable[[str], bool] | None:
    """A test of candidate names for the definite role at `span` of `text`, from the first
    "his", "himself" or "herself" in the 80 characters after it; None without one. (On ABP
    40 and 160 characters give the same 923 referents; no test gives 928, 6 of them other.)"""
    if not span:
        return None
    m = _OWN_PRONOUN.search(text, span[1], span[1] + 80)
    if not m:
        return None
    want = "f" if m.group(1) == "herself" else "m"
    return lambda name: _gender(name) in (want, "")


def attribute_article(paragraphs: list[str], *, gazetteer=None,
                      quotes: list[list] | None = None) -> list[dict]:
    """Attributions of one article, paragraph by paragraph (`quotes`: each paragraph's
    `find_quotes`, when the caller has them; found here otherwise).

    Returns one dict per attribution with `para_idx`, `kind`, `cue`, `cue_start`, `cue_end`,
    `cue_class`, `source`, `source_start`, `source_end`, `content_start`, `content_end`,
    `speaker`, `identification`, `source_type`, `country` and `content_fragments` (offsets
    into the paragraph's text; missing spans are None).

    - A paragraph that opens with a quote mark, after a paragraph whose quote was left open
      (news style for a quotation running over several paragraphs), continues the previous
      attribution: a `direct` attribution with that speaker and no cue of its own.
    - `speaker` is the full mention a surname (`Peskov said`) or a pronoun (`he said`) refers
      to: the last earlier source containing that surname, or for a pronoun the last named
      person of a compatible gender (titles, role nouns such as `spokeswoman`, and the
      `first_names` lexicon; a person of unknown gender is compatible with both);
      its identification, type and country then come from the full mention.
    - A definite role (`the president`, `the senator`, `the judge`) is the person last named
      with that title before it (`President Donald Trump`, `Sen. Marco Rubio`; `Vice
      President …` and `former President …` are other offices): `speaker_via` `title`.
    - A named speaker still without a type takes the type of the article's titled mentions
      of the same person ("Reid said" after "Senate Majority Leader Harry Reid";
      framing.attribution.titles).
    """
    rows: list[dict] = []
    full_by_surname: dict[str, dict] = {}
    persons: list[dict] = []  # named persons in order of mention, each with its gender
    open_quote_from: dict | None = None
    definite = DefiniteRoles(paragraphs)
    for para_idx, text in enumerate(paragraphs):
        first_row = len(rows)
        found, para_quotes = _extract(text, gazetteer, quotes[para_idx] if quotes else None) \
            if text else ([], [])
        if open_quote_from is not None and para_quotes and text.lstrip()[:1] and \
                para_quotes[0].start == len(text) - len(text.lstrip()) and not any(
                    a["content_span"] and a["content_span"][0] <= para_quotes[0].end
                    and a["content_span"][1] >= para_quotes[0].start for a in found):
            s, e = para_quotes[0].inner
            found.insert(0, {**{k: open_quote_from[k] for k in (
                "identification", "source_type", "country", "cue_class")},
                "kind": "direct", "cue_span": None, "source_span": None,
                "content_span": [s, e], "content_fragments": [[s, e]], "cue": "",
                "source": "", "rule": "continuation", "_speaker": open_quote_from["speaker"]})
        for a in found:
            source = a["source"]
            speaker = a.pop("_speaker", "") or source
            via = "continuation" if a.get("rule") == "continuation" else "source"
            facts = {k: a[k] for k in ("identification", "source_type", "country")}
            key = source.split(",", 1)[0].strip()
            if source:
                if key.lower() in PERSON_PRONOUNS and persons:
                    # the last named person of a compatible gender ("she" skips a man named
                    # after her); without any, the last named person
                    want = _PRONOUN_GENDER.get(key.lower(), "")
                    ref = next((e for e in reversed(persons) if not want or
                                e["gender"] in (want, "")), persons[-1])
                    speaker = ref["speaker"]
                    facts = ref["facts"]
                    via = "pronoun"
                elif not _ANONYMOUS.search(source) and (ref := definite.referent(
                        key, para_idx, (a["source_span"] or [0])[0],
                        _gender_fits(text, a["source_span"]))) \
                        and (ref_facts := classify(ref, gazetteer=gazetteer))[
                            "identification"] == "named_person":
                    # "the president said" after "President Donald Trump": that person
                    speaker, facts, via = ref, ref_facts, "title"
                    persons.append({"speaker": ref, "facts": ref_facts, "gender": _gender(ref)})
                    del persons[:-20]
                elif _NAME.fullmatch(key.replace("Mr. ", "").replace("Ms. ", "").replace(
                        "Mrs. ", "").replace("Dr. ", "")) and key.split()[-1] in full_by_surname:
                    ref = full_by_surname[key.split()[-1]]
                    speaker, facts = ref["speaker"], ref["facts"]
                    via = "surname"
                else:
                    surname = _surname(source)
                    entry = {"speaker": key, "facts": facts}
                    # only a named person or body is a full mention to refer back to:
                    # "Democrats said" is not "Some Democrats", "Trump said" not "An
                    # attorney for Trump" of an earlier paragraph
                    if surname and len(key.split()) > 1 and \
                            facts["identification"] in ("named_person", "named_group"):
                        full_by_surname[surname] = entry
                    if facts["identification"] == "named_person" and key.lower() not in \
                            PERSON_PRONOUNS:
                        entry["gender"] = _gender(key)
                        persons.append(entry)
                        del persons[:-20]  # the recent ones are enough
                    speaker = key
            cue, src, con = a["cue_span"], a["source_span"], a["content_span"]
            row = {"para_idx": para_idx, "kind": a["kind"], "cue": a["cue"],
                   "cue_start": cue[0] if cue else None, "cue_end": cue[1] if cue else None,
                   "cue_class": a["cue_class"], "source": source,
                   "source_start": src[0] if src else None,
                   "source_end": src[1] if src else None,
                   "content_start": con[0] if con else None,
                   "content_end": con[1] if con else None,
                   "speaker": speaker, **facts,
                   "rule": a.get("rule", ""), "speaker_via": via,
                   "content_fragments": a["content_fragments"]}
            rows.append(row)
        # a quote left open at the paragraph's end runs on into the next paragraph
        open_quote_from = None
        if para_quotes and not para_quotes[-1].closed:
            for row in reversed(rows[first_row:]):
                if row["content_end"] is not None and row["content_end"] >= para_quotes[-1].start:
                    open_quote_from = row
                    break
            if open_quote_from is None and rows:
                open_quote_from = rows[-1]
    lend_types(paragraphs, rows, gazetteer)
    return rows

