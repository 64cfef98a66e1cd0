"""Closed word classes the extractor uses to find noun phrases without a tagger.

Role and title nouns (`spokesman`, `officials`, `report`) come from the sources lexicon and are
loaded once, on first use (`ensure_loaded`), never at import.
"""
from __future__ import annotations

# Abbreviations after which "." does not end a sentence: the `abbreviations` lexicon (the one
# Punkt uses in framing.segment), split into tokens ("u.s" → "u", "s"), filled by
# `ensure_loaded`; plus token-level extras too ambiguous for Punkt's whole-paragraph splitting
# ("mass." and "mar." also end sentences as words).
ABBREV: set[str] = set()
ABBREV_EXTRA = {"al", "et", "atty", "pres", "penn", "mass", "mar", "apr", "j", "r"}  # J., R.: initials
PRONOUNS = {"he", "she", "they", "we", "i", "you", "it"}
DETS = {"the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my",
        "your", "some", "many", "several", "most", "other", "both", "all", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few", "another",
        "each", "every", "such", "no"}
NP_LOWER = {"senior", "former", "top", "chief", "local", "state", "federal", "national",
            "foreign", "white", "house", "deputy", "assistant", "vice", "presidential",
            "government", "military", "campaign", "press", "party", "news", "rights", "civil",
            "human", "independent", "conservative", "liberal", "republican", "democratic",
            "political", "legal", "public", "private", "young", "old", "unnamed", "anonymous",
            "high-ranking", "longtime", "veteran", "prominent", "leading", "other", "fellow",
            "intelligence", "security", "defense", "health", "economic", "policy", "then",
            "first", "new", "late", "current", "current", "retired", "u", "s", "year-old",
            "city", "county", "police", "administration", "congressional", "european",
            "american", "russian", "chinese", "korean", "north", "south", "university"}
FUNC = {"and", "but", "or", "that", "which", "who", "whom", "whose", "when", "while", "as",
        "because", "if", "after", "before", "since", "then", "also", "in", "on", "at", "to",
        "by", "with", "from", "is", "was", "are", "were", "be", "been", "has", "have", "had",
        "will", "would", "can", "could", "may", "might", "should", "must", "do", "does",
        "did", "not", "so", "than", "there", "here", "what", "where", "why", "how", "yet",
        "however", "meanwhile", "instead", "still", "even", "just", "only", "into", "about",
        "over", "under", "against", "during", "without", "within", "through", "like", "of",
        "for", "this", "these", "those", "such", "both", "all", "any", "each", "yes", "no",
        "though", "although", "yesterday", "today", "tonight", "now", "once", "later",
        "earlier", "recently", "last", "next", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "january", "february", "march", "april", "june",
        "july", "august", "september", "october", "november", "december", "if", "unless",
        "whether", "until", "his", "her", "their", "its", "our", "my", "your", "him", "them",
        "us", "me", "asked", "said", "says", "told", "according", "speaking", "writing",
        "an", "a", "the", "mr", "mrs", "ms"}
ADVERBS = {"also", "has", "have", "had", "later", "previously", "repeatedly", "once", "would",
           "will", "may", "might", "could", "can", "should", "must", "shall", "did", "does", "do",
           "not", "never", "recently", "then", "publicly", "privately", "reportedly", "further",
           "again",
           "often", "frequently", "quickly", "only", "already", "still", "just", "even", "now",
           "first", "initially", "earlier", "last", "finally", "long", "openly", "flatly",
           "simply", "directly", "immediately", "subsequently", "angrily", "strongly",
           "widely", "increasingly", "clearly", "officially", "formally", "separately",
           "always", "ever", "since", "both", "all", "himself", "herself", "themselves",
           "had", "been", "is", "was", "are", "were", "be", "being", "n't", "not", "never",
           "too", "yet", "in", "turn", "however", "meanwhile", "similarly", "likewise",
           "however", "nonetheless", "instead", "eventually", "ultimately", "originally",
           "actually", "really", "specifically", "explicitly", "famously", "memorably",
           "reportedly", "allegedly", "apparently", "previously", "twice", "once", "who",
           "sometimes", "seldom", "perhaps", "indeed", "thus", "therefore", "nevertheless"} | {
    # negated auxiliaries are one token ("didn't"): "Trump didn't say", "she hasn't endorsed"
    f"{aux}n't" for aux in ("do", "does", "did", "has", "have", "had", "would", "could",
                            "should", "is", "are", "was", "were", "must", "might", "need")} | {
    "can't", "won't", "ain't", "cannot"}
RIGHT_SKIP = {"reporters", "journalists", "me", "us", "him", "her", "them", "the", "a", "an",
              "in", "on", "at", "to", "during", "statement", "interview", "told", "last",
              "this", "earlier", "later", "recently", "previously", "also", "later", "week",
              "month", "year", "night", "morning", "afternoon", "evening", "by", "phone",
              "telephone", "email", "conference", "call", "news", "press", "briefing",
              "with", "via", "speech", "tweet", "post", "remarks", "radio", "tv",
              "television", "cnn", "fox", "msnbc", "abc", "cbs", "nbc", "npr", "ap",
              "reuters", "times", "post", "journal", "earlier", "on", "sunday", "monday",
              "tuesday", "wednesday", "thursday", "friday", "saturday", "today", "yesterday",
              "tonight", "repeatedly", "privately", "publicly", "flatly", "again"}
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "today", "yesterday", "tonight", "earlier", "later", "recently", "last", "this",
              "week", "month", "year", "night", "morning", "afternoon", "evening", "on", "in",
              "a", "an", "statement", "interview", "at", "the", "time"}
SOURCE_HEADS: set[str] = set()


def ensure_loaded() -> None:
    """Fill ABBREV and SOURCE_HEADS from the abbreviations and sources lexicons (once)."""
    if SOURCE_HEADS:
        return
    from ..lexicons import load_lexicon
    ABBREV.update(part for entry in load_lexicon("abbreviations").entries["entry"]
                  for part in entry.split(".") if part)
    ABBREV.update(ABBREV_EXTRA)
    table = load_lexicon("sources").entries
    for entry, kind in zip(table["entry"], table["type"]):
        if kind != "anonymity" and " " not in entry:
            SOURCE_HEADS.add(entry.lower())
