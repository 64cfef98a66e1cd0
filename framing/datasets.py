"""Readers for published research corpora, each returning the same Corpus as read_corpus.

The data sets are not bundled (their texts belong to the publishers); each reader's docstring
says where the data is published. Point the reader at your local copy.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from .corpus import Corpus
from .errors import input_error
from .readers import build_corpus, read_text, split_paragraphs

BASIL_URL = "https://github.com/launchnlp/BASIL (Fan et al. 2019, EMNLP)"
ALLSIDES_URL = ("https://github.com/ramybaly/Article-Bias-Prediction (Baly et al. 2020, "
                "EMNLP)")
POLNEAR_URL = "https://github.com/networkdynamics/PolNeAR (Newell et al. 2018, LREC)"


def _need(path: Path, what: str, url: str) -> Path:
    if not path.exists():
        raise input_error(f"no {what} here", where=path,
                          fix=f"download the data set from {url} and pass the folder or file")
    return path


def read_basil(path: str | Path) -> Corpus:
    """BASIL: 300 articles on 100 events, one each from Fox News, the New York Times and
    HuffPost (outlets `fox`, `nyt`, `hpo`; the `source` field lower-cased). `event_id` is the
    triplet uuid; `doc_id` the file stem (`<triplet-uuid>_<n>`, as the annotation files are
    named). A paragraph is its sentences joined by one space, so sentence k of an article
    (BASIL's `pK`) starts where the previous sentences and their spaces end.

    Data: Fan, White, Sharma, Su, Choubey, Huang & Wang (2019), "In Plain Sight: Media Bias
    Through the Lens of Factual Reporting", EMNLP; https://github.com/launchnlp/BASIL.
    Pass the folder holding `articles/`.
    """
    root = _need(Path(path), "BASIL folder", BASIL_URL)
    articles_dir = root / "articles" if (root / "articles").is_dir() else root
    files = sorted(articles_dir.glob("*/*.json")) or sorted(articles_dir.glob("*.json"))
    if not files:
        raise input_error("no BASIL article (*.json) found", where=articles_dir,
                          fix=f"pass the folder of {BASIL_URL} that holds articles/<year>/")
    records = []
    for file in files:
        try:
            data = json.loads(read_text(file))
            paragraphs = [" ".join(s.strip() for s in para if s.strip())
                          for para in data["body-paragraphs"]]
            records.append({
                "doc_id": file.stem, "outlet": data["source"].lower(),
                "published": data.get("date", ""), "title": data.get("title", ""),
                "event_id": data["triplet-uuid"],
                "paragraphs": [p for p in paragraphs if p],
                "extra": {"url": data.get("url", "")}, "_where": str(file),
            })
        except (KeyError, json.JSONDecodeError) as exc:
            raise input_error(f"not a BASIL article ({exc!r})", where=file,
                              fix="pass an unmodified copy of BASIL's articles/") from None
    return build_corpus(records, source=str(root))


def _iso_date(value: str | None) -> str:
    """ABP mixes `YYYY-MM-DD` with a few `M/D/YY`; both become ISO dates."""
    if not value:
        return ""
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2}", value):
        return datetime.strptime(value, "%m/%d/%y").date().isoformat()
    return value


# The Hill's pages, as scraped into ABP, follow a linked name with the person's full legal
# name run into the titles of three related stories and "MORE": "Donald Trump Donald John
# TrumpTop US diplomat suggested … MORE on Tuesday slammed …". The block is cut, the name
# kept (724 blocks in 562 ABP paragraphs; none matched outside The Hill).
_LINKED_NAME = re.compile(
    r"\b(?P<sur>[A-Z][a-z][\w'’-]*) ?(?:(?:[A-Z(][\w.'’()-]*|de|van|von|bin|al|la|le|del|"
    r"da|di) ){1,5}?(?P=sur)(?= ?[A-Z0-9'‘\"“:])")
_MORE = re.compile(r"\bMORE\b")
# characters from the legal name to "MORE" (three story titles): on ABP 500 finds 721 of the
# 724 blocks, 800 and 5,000 all of them
_LINK_SPAN = 800


def strip_linked_names(text: str) -> str:
    """`text` without The Hill's related-story blocks after linked names (see above). Each
    "MORE" is matched to a block in the 800 characters before it, after the previous "MORE",
    so the work is linear in the text."""
    if "MORE" not in text:
        return text
    out, pos, prev_end = [], 0, 0
    for more in _MORE.finditer(text):
        # the last candidate is the name: in "Donald Trump Donald John TrumpTop …" the
        # pattern also fits "Donald Trump Donald", which would cut the displayed surname
        link, found = None, _LINKED_NAME.search(
            text, max(pos, prev_end, more.start() - _LINK_SPAN), more.start())
        while found:
            link = found
            found = _LINKED_NAME.search(text, found.start() + 1, more.start())
        prev_end = more.end()
        if link:
            out.append(text[pos:link.end("sur")])
            pos = more.end()
    out.append(text[pos:])
    return "".join(out)


def read_allsides(path: str | Path) -> Corpus:
    """AllSides Article-Bias-Prediction (the subset with same-event triplets): `doc_id` = `ID`,
    `outlet` = `source`, `event_id` = `x_event_id` (null outside the triplets), paragraphs =
    `content_original` split on blank lines, without The Hill's related-story blocks after
    linked names (`strip_linked_names`); extra article columns `rating` (left / center /
    right, AllSides' outlet rating), `topic` and `url`.

    Data: Baly, Da San Martino, Glass & Nakov (2020), "We Can Detect Your Bias: Predicting the
    Political Ideology of News Articles", EMNLP;
    https://github.com/ramybaly/Article-Bias-Prediction. Pass `articles.jsonl` or its folder.
    """
    path = _need(Path(path), "AllSides file", ALLSIDES_URL)
    file = path / "articles.jsonl" if path.is_dir() else path
    records = []
    for lineno, line in enumerate(read_text(_need(file, "articles.jsonl", ALLSIDES_URL))
                                  .splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            blocks = re.split(r"\n\s*\n", row["content_original"] or "")
            records.append({
                "doc_id": row["ID"], "outlet": row["source"], "published": _iso_date(row["date"]),
                "title": row.get("title") or "", "event_id": row.get("x_event_id"),
                "paragraphs": [strip_linked_names(" ".join(split_paragraphs(b)))
                               for b in blocks if b.strip()],
                "extra": {"rating": row.get("bias_text", ""), "topic": row.get("topic", ""),
                          "url": row.get("url", "")},
                "_where": f"{file}, line {lineno}",
            })
        except (KeyError, json.JSONDecodeError) as exc:
            raise input_error(f"not an AllSides article ({exc!r})", where=file, line=lineno,
                              fix="pass an unmodified articles.jsonl") from None
    return build_corpus(records, source=str(file))


def read_polnear(path: str | Path) -> Corpus:
    """PolNeAR (converted JSONL, one line per paragraph): `doc_id` = `article_id`, paragraphs
    in `paragraph_index` order with their text unchanged (so offsets match the gold), the
    headline paragraph (`is_title`) given the role `heading` and used as `title`.

    Data: Newell, Margolin & Ruths (2018), "An Attribution Relations Corpus for Political
    News", LREC; https://github.com/networkdynamics/PolNeAR. Pass a `polnear_*.jsonl` file.
    """
    file = _need(Path(path), "PolNeAR file", POLNEAR_URL)
    by_article: dict[str, list[dict]] = defaultdict(list)
    for lineno, line in enumerate(read_text(file).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            by_article[row["article_id"]].append(row)
        except (KeyError, json.JSONDecodeError) as exc:
            raise input_error(f"not a PolNeAR paragraph ({exc!r})", where=file, line=lineno,
                              fix="pass an unmodified polnear_*.jsonl") from None
    records = []
    for doc_id, rows in by_article.items():
        rows.sort(key=lambda r: r["paragraph_index"])
        title = next((r["text"] for r in rows if r.get("is_title")), "")
        records.append({
            "doc_id": doc_id, "outlet": rows[0]["outlet"],
            "published": rows[0].get("publication_date", ""), "title": title,
            "paragraphs": [r["text"] for r in rows],
            "roles": ["heading" if r.get("is_title") else None for r in rows],
            "extra": {"split": rows[0].get("split", "")}, "_where": str(file),
        })
    return build_corpus(records, source=str(file))


VADER_NYT_URL = ("https://github.com/cjhutto/vaderSentiment, additional_resources/"
                 "hutto_ICWSM_2014.tar.gz (Hutto & Gilbert 2014, ICWSM)")
_VADER_NYT_TRUTH = "nytEditorialSnippets_GroundTruth.txt"
_VADER_NYT_RATINGS = "nytEditorialSnippets_anonDataRatings.txt"


def _lines(file: Path) -> list[tuple[int, str]]:
    """(line number, line) of the non-empty lines; CRLF or LF, split on ``\\n`` only (so no
    other control character can cut a sentence)."""
    return [(k, line.rstrip("\r")) for k, line in enumerate(read_text(file).split("\n"),
                                                            start=1) if line.strip()]


def read_vader_nyt(path: str | Path):
    """VADER's NYT editorial sentences with their human ratings, one row per sentence.

    Columns: ``sentence_id`` (``"<article>_<sentence>"`` as in the files), ``article_id``
    (int), ``sentence_no`` (int, position in the editorial, from 1), ``human_mean`` and
    ``human_sd`` (mean and population standard deviation of the ratings, on VADER's −4 … +4
    scale; divide by 4 to compare with a compound), ``ratings`` (list of the 20 integer
    ratings), ``text`` (the sentence, unchanged). Rows in file order (editorials in order,
    sentences in order within each). 5,190 sentences from 498 editorials.

    The two files are read and joined line by line; a line that cannot be parsed, an id that
    differs between the files or a mean that disagrees with the ratings (beyond the files'
    rounding) is an error naming the file and line.

    Data: Hutto & Gilbert (2014), "VADER: A Parsimonious Rule-based Model for Sentiment
    Analysis of Social Media Text", ICWSM-14,
    https://ojs.aaai.org/index.php/ICWSM/article/view/14550;
    files ``nytEditorialSnippets_GroundTruth.txt`` and ``nytEditorialSnippets_anonDataRatings.txt``
    of ``additional_resources/hutto_ICWSM_2014.tar.gz`` in https://github.com/cjhutto/vaderSentiment
    (MIT licence; the sentences are the New York Times'). Pass the folder holding both files.
    """
    import pandas as pd

    root = _need(Path(path), "vader_nyt folder", VADER_NYT_URL)
    truth_file = _need(root / _VADER_NYT_TRUTH, _VADER_NYT_TRUTH, VADER_NYT_URL)
    ratings_file = _need(root / _VADER_NYT_RATINGS, _VADER_NYT_RATINGS, VADER_NYT_URL)
    truth, ratings = _lines(truth_file), _lines(ratings_file)
    if len(truth) != len(ratings):
        raise input_error(f"{len(truth)} sentences but {len(ratings)} rating lines in "
                          f"{ratings_file.name}", where=truth_file,
                          fix="pass an unmodified copy of both files")
    rows = []
    for (t_no, t_line), (r_no, r_line) in zip(truth, ratings):
        parts = t_line.split("\t", 2)
        try:
            sid, mean, text = parts
            art, sent = sid.split("_")
            art, sent, mean = int(art), int(sent), float(mean)
        except ValueError:
            raise input_error(f"not 'ID<TAB>MEAN<TAB>TEXT' with ID '<article>_<sentence>' "
                              f"({t_line[:60]!r})", where=truth_file, line=t_no,
                              fix="pass an unmodified copy of the file") from None
        try:
            r_sid, r_mean, r_sd, r_list = r_line.split("\t")
            values = json.loads(r_list)
            r_mean, r_sd = float(r_mean), float(r_sd)
            if not isinstance(values, list) or not all(isinstance(v, int) for v in values):
                raise ValueError
        except (ValueError, json.JSONDecodeError):
            raise input_error(f"not 'ID<TAB>MEAN<TAB>SD<TAB>[ratings]' ({r_line[:60]!r})",
                              where=ratings_file, line=r_no,
                              fix="pass an unmodified copy of the file") from None
        if r_sid != sid:
            raise input_error(f"id {r_sid!r} where {truth_file.name}, line {t_no} has {sid!r}",
                              where=ratings_file, line=r_no,
                              fix="the two files must list the same sentences in the same order")
        if not values or abs(sum(values) / len(values) - mean) > 1e-3 or abs(r_mean - mean) > 1e-3:
            raise input_error(f"mean {mean} of {sid!r} disagrees with its ratings {values}",
                              where=ratings_file, line=r_no,
                              fix="pass an unmodified copy of both files")
        rows.append((sid, art, sent, mean, r_sd, values, text))
    return pd.DataFrame(rows, columns=["sentence_id", "article_id", "sentence_no", "human_mean",
                                       "human_sd", "ratings", "text"])
