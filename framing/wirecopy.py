"""Wire copy: near-verbatim paragraphs and articles shared across outlets.

Agency copy (Reuters, AP, Yonhap, …) is republished by many outlets, sometimes trimmed or with a
new lead. Counted once per outlet it inflates whatever the agency's style is; `measure` and
`compare` can drop the copies (``exclude_wire_copies=True``).

Method
------
1. Normalise: NFKC, lower case, word tokens ``\\w+`` (punctuation, quotes, spacing and case do
   not matter). Paragraphs with fewer than ``min_words`` tokens (credits, bylines, "Reuters")
   are not compared.
2. Shingle: the set :math:`S` of overlapping ``k``-token sequences of each text, hashed to
   64 bits (blake2b per token, then a multiplicative combination; deterministic across runs).
3. MinHash (Broder 1997, doi:10.1109/SEQUEN.1997.666900): ``num_perm`` hash functions
   :math:`h_i(x) = ((a_i x + b_i) \\bmod 2^{64}) \\gg 32` with odd random :math:`a_i`; the
   signature is :math:`\\min_{x \\in S} h_i(x)`, and
   :math:`P[\\mathrm{sig}_i(A) = \\mathrm{sig}_i(B)] \\approx J(A, B)`.
4. Banding (Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3.4): signatures cut
   into *b* bands of *r* rows; texts agreeing on a whole band are candidates, so a pair of
   Jaccard *s* becomes a candidate with probability :math:`1 - (1 - s^r)^b`. *r* is the largest
   value for which a pair at ``threshold`` is a candidate with probability ≥ 0.99 (with
   ``num_perm=128``, ``threshold=0.8``: 21 bands of 6 rows), since candidates are verified
   anyway and a missed pair cannot be recovered.
5. Verify: the exact Jaccard :math:`|S_A \\cap S_B| / |S_A \\cup S_B|` of each candidate pair;
   pairs with :math:`J \\ge` ``threshold`` are linked, clusters are connected components.

Classes of a paragraph cluster (column ``kind``; ``reason`` names the rule that decided)
---------------------------------------------------------------------------------------
Near-verbatim text shared by two outlets is not always agency copy. The rules below, in this
order, with the thresholds of :class:`CopyRules` (defaults in brackets):

- ``boilerplate`` — site furniture, not news: a member has the role ``credit``
  (``role_credit``); the cluster spans more than ``max_outlets`` [10] outlets
  (``max_outlets``: agency paragraphs reach a handful of outlets in a same-event sample; on
  ABP, with 133 outlets, no genuine copy reaches more than 3; raise it for corpora of many
  local papers that all run AP); one outlet repeats it in more than ``max_per_outlet`` [3]
  different articles (``repeated_in_outlet``: a copyright line or newsletter pitch recurs
  across an outlet's stories, an agency paragraph belongs to one story); a member matches
  ``BOILERPLATE_MARKERS`` (``marker``: "contributed to this report", "© 2019", "sign up
  here", "toggle caption", …).
- ``shared_quote`` — the same statement quoted by several outlets, each reporting it: at
  least ``quote_share`` [0.5] of the word tokens of some member lie inside quotation marks
  (``framing.quotes.find_quotes``; ``quoted``), or the paragraph is an embedded social-media
  post ("… — Name (@handle) Month D, YYYY", ``pic.twitter.com``, ``t.co`` links;
  ``embedded_post``).
- ``boilerplate`` (``short``) — fewer than ``short_words`` [12] word tokens: too short to
  show copying by itself.
- ``wire`` (``copy``) — any other cluster spanning ≥ 2 outlets; ``same_outlet`` when all
  members come from one outlet (an outlet reusing its own text).

Article-level wire copies (``.articles``): two articles of different outlets are linked when
(a) the Jaccard similarity of their whole texts is ≥ ``threshold`` (``article_similarity``),
(b) they share ≥ ``min_copied`` [3] ``wire`` paragraph clusters (``copied_paragraphs``), or
(c) one of them credits a wire agency (``wire`` column) and they share ≥ 1 ``wire`` cluster
(``wire_credit``); clusters are connected components of the links. Finally a ``short`` or
``shared_quote`` paragraph cluster whose members include two linked articles is reclassified
``wire`` (``in_copied_article``): a quotation or a short sentence that travelled with the
rest of an agency story is part of the copy.

``measure``/``compare(..., exclude_wire_copies=True)`` drop the members of ``wire``
clusters except the first (``is_first``); boilerplate, shared quotations and same-outlet
repeats are kept.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from .errors import input_error
from .quotes import find_quotes

_TOKEN = re.compile(r"\w+")
_MASK64 = (1 << 64) - 1

#: Site furniture (case-insensitive regular expression): credit notes, copyright lines,
#: newsletter and subscription pitches, photo- and video-player text, opinion disclaimers,
#: sponsor notes.
BOILERPLATE_MARKERS = (
    r"contributed to this report|©|\bcopyright \d{4}|all rights reserved|reprint permission"
    r"|\bclick here\b|\bsign up here\b|\bin your inbox\b|\bsubscribe to\b|\bnewsletter\b"
    r"|\bprivacy policy\b|\bterms of (?:use|service)\b|\btoggle caption\b"
    r"|\benlarge this image\b|\breplay more videos\b|\b(?:opinions|views) expressed\b"
    r"|\breceives (?:support|funding) for\b|^\W*editor['’]s note\b"
    r"|if you enjoyed this article|[\w.+-]+@[\w-]+\.(?:com|org|net)\b")
#: An embedded social-media post: the signature "— Name (@handle) Month D, YYYY" at the end,
#: or a pic.twitter.com / t.co link.
EMBEDDED_POST = (r"\(@\w{1,15}\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\W*$"
                 r"|pic\.twitter\.com/|https?://t\.co/")
KINDS = ("wire", "shared_quote", "boilerplate", "same_outlet")


@dataclass(frozen=True)
class CopyRules:
    """Thresholds that sort near-duplicate paragraphs into wire copy, shared quotations and
    boilerplate (module docstring, "Classes"). Defaults are documented there."""

    max_outlets: int = 10
    max_per_outlet: int = 3
    quote_share: float = 0.5
    short_words: int = 12
    min_copied: int = 3
    markers: str = BOILERPLATE_MARKERS
    embedded_post: str = EMBEDDED_POST

    def __post_init__(self):
        for name in ("max_outlets", "max_per_outlet", "short_words", "min_copied"):
            v = getattr(self, name)
            if not isinstance(v, (int, np.integer)) or v < 1:
                raise input_error(f"CopyRules {name}={v!r} must be a positive integer")
        if not 0 < self.quote_share <= 1:
            raise input_error(f"CopyRules quote_share={self.quote_share!r} must lie in (0, 1]",
                              fix="e.g. 0.5: most words inside quotation marks")
        for name in ("markers", "embedded_post"):
            try:
                re.compile(getattr(self, name))
            except re.error as exc:
                raise input_error(f"CopyRules {name} is not a regular expression ({exc})") \
                    from None


@dataclass(frozen=True)
class WireCopies:
    """Result of :func:`find_wire_copies`.

    ``paragraphs``: one row per paragraph in a cluster of near-duplicates — ``doc_id, outlet,
    para_idx, cluster_id, n_members, n_outlets, cross_outlet, is_first, published, wire,
    max_jaccard`` (``is_first``: earliest ``published``, then ``doc_id``, then ``para_idx``),
    ``kind`` (the cluster's class: ``wire``, ``shared_quote``, ``boilerplate`` or
    ``same_outlet``), ``reason`` (the rule that decided, module docstring), ``n_words`` (word
    tokens of the member) and ``quoted_share`` (share of them inside quotation marks).
    ``articles``: clusters of linked articles (module docstring, "Article-level"): ``doc_id,
    outlet, cluster_id, n_members, n_outlets, cross_outlet, is_first, published, wire,
    max_jaccard`` (highest whole-text Jaccard with a linked article), ``kind`` (``wire`` or
    ``same_outlet``), ``reason`` (the rules of its links, ``;``-joined), ``n_paragraphs`` and
    ``n_copied_paragraphs`` (its paragraphs in cross-outlet ``wire`` clusters). ``pairs``:
    ``level`` ("paragraph"/"article"), ``doc_id_a, para_idx_a, doc_id_b, para_idx_b,
    jaccard`` (exact, of the paragraphs or of the whole articles), ``n_shared`` (article
    pairs: paragraph clusters of reason ``copy`` both belong to, the count that rules (b) and
    (c) use), ``reason`` (article pairs).
    ``params``: the settings used.
    """

    paragraphs: pd.DataFrame
    articles: pd.DataFrame
    pairs: pd.DataFrame
    params: dict = field(default_factory=dict)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFKC", str(text)).lower())


def _token_hash(tok: str) -> int:
    return int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=8).digest(), "little")


def _shingles(token_ids: np.ndarray, k: int) -> np.ndarray:
    """Unique 64-bit hashes of the k-token windows of one text (uint64 wrap-around)."""
    if len(token_ids) < k:
        return np.unique(token_ids[:0])
    h = np.zeros(len(token_ids) - k + 1, dtype=np.uint64)
    mult = np.uint64(0x100000001B3)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * mult ^ token_ids[j: len(token_ids) - k + 1 + j]
    return np.unique(h)


def _choose_bands(threshold: float, num_perm: int, recall: float = 0.99) -> tuple[int, int]:
    """(bands, rows): the most rows per band (fewest spurious candidates) such that a pair at
    exactly ``threshold`` still becomes a candidate with probability ≥ ``recall``,
    :math:`1 - (1 - t^r)^b \\ge recall` with :math:`b = \\lfloor num\\_perm / r \\rfloor`.
    Candidates are verified exactly, so missed pairs cost more than extra candidates."""
    best = (num_perm, 1)
    for r in range(1, num_perm + 1):
        b = num_perm // r
        if 1 - (1 - threshold ** r) ** b >= recall:
            best = (b, r)
    return best


def _near_duplicates(sets: list[np.ndarray], *, threshold: float, num_perm: int,
                     seed: int) -> pd.DataFrame:
    """Verified pairs (i, j, jaccard) among the shingle sets, i < j."""
    n = len(sets)
    if n < 2:
        return pd.DataFrame({"i": [], "j": [], "jaccard": []})
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2 ** 63, size=num_perm, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2 ** 63, size=num_perm, dtype=np.uint64)
    sizes = np.array([len(x) for x in sets])
    flat = np.concatenate(sets) if sizes.sum() else np.zeros(0, dtype=np.uint64)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    nonempty = sizes > 0
    sig = np.full((n, num_perm), np.iinfo(np.uint64).max, dtype=np.uint64)
    chunk = max(1, int(2e7 // max(len(flat), 1)))
    with np.errstate(over="ignore"):
        for lo in range(0, num_perm, chunk):
            hv = (a[lo:lo + chunk, None] * flat[None, :] + b[lo:lo + chunk, None]) >> np.uint64(32)
            mins = np.minimum.reduceat(hv, starts[nonempty], axis=1)
            sig[nonempty, lo:lo + chunk] = mins.T
    bands, rows = _choose_bands(threshold, num_perm)
    cand = set()
    idx = np.flatnonzero(nonempty)
    mult = np.uint64(0x9E3779B97F4A7C15)
    for band in range(bands):
        block = sig[idx, band * rows:(band + 1) * rows]
        key = np.zeros(len(idx), dtype=np.uint64)
        with np.errstate(over="ignore"):
            for col in block.T:  # 64-bit key of the band; collisions are caught by verification
                key = (key ^ col) * mult
        order = np.argsort(key, kind="stable")
        sk = key[order]
        starts_ = np.flatnonzero(np.r_[True, sk[1:] != sk[:-1]])
        ends = np.r_[starts_[1:], len(sk)]
        for lo, hi in zip(starts_[ends - starts_ >= 2], ends[ends - starts_ >= 2]):
            m = np.sort(idx[order[lo:hi]])
            if len(m) > 200:  # boilerplate shared by hundreds: link to the first only
                cand.update((int(m[0]), int(x)) for x in m[1:])
            else:
                cand.update((int(x), int(y)) for i, x in enumerate(m) for y in m[i + 1:])
    out = []
    for i, j in sorted(cand):
        inter = len(np.intersect1d(sets[i], sets[j], assume_unique=True))
        jac = inter / (sizes[i] + sizes[j] - inter)
        if jac >= threshold:
            out.append((i, j, jac))
    return pd.DataFrame(out, columns=["i", "j", "jaccard"])


def _clusters(n: int, pairs: pd.DataFrame) -> np.ndarray:
    g = coo_matrix((np.ones(len(pairs)), (pairs["i"].to_numpy(int), pairs["j"].to_numpy(int))),
                   shape=(n, n))
    return connected_components(g, directed=False)[1]


def _cluster_table(units: pd.DataFrame, pairs: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Members of clusters with ≥ 2 units, with cluster ids ordered by first member."""
    cols = keys + ["outlet", "cluster_id", "n_members", "n_outlets", "cross_outlet", "is_first",
                   "published", "wire", "max_jaccard"]
    if pairs.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    comp = _clusters(len(units), pairs)
    u = units.assign(_comp=comp)
    jmax = pd.concat([pairs[["i", "jaccard"]], pairs[["j", "jaccard"]].rename(columns={"j": "i"})]
                     ).groupby("i")["jaccard"].max()
    u["max_jaccard"] = jmax.reindex(range(len(u))).to_numpy()
    size = u.groupby("_comp")["_comp"].transform("size")
    u = u[size >= 2].copy()
    u["_pub"] = pd.to_datetime(u["published"], errors="coerce", utc=True, format="mixed")
    u = u.sort_values(["_pub"] + keys, na_position="last", kind="stable")
    order = {c: k for k, c in enumerate(pd.unique(u["_comp"]))}
    u["cluster_id"] = u["_comp"].map(order)
    u["n_members"] = u.groupby("cluster_id")["cluster_id"].transform("size")
    u["n_outlets"] = u.groupby("cluster_id")["outlet"].transform("nunique")
    u["cross_outlet"] = u["n_outlets"] > 1
    u["is_first"] = ~u["cluster_id"].duplicated()
    return u.sort_values(["cluster_id", "_pub"] + keys, kind="stable")[cols].reset_index(drop=True)


def quoted_share(text: str) -> float:
    """Share of the word tokens (``\\w+``) of `text` that lie inside quotation marks
    (``framing.quotes.find_quotes``, marks excluded); 0.0 for a text without words.

    >>> quoted_share('"We will win," he said.')
    0.6
    """
    toks = [m.start() for m in _TOKEN.finditer(str(text))]
    if not toks:
        return 0.0
    inner = [q.inner for q in find_quotes(str(text))]
    inside = sum(1 for t in toks if any(s <= t < e for s, e in inner))
    return inside / len(toks)


def _classify(ptable: pd.DataFrame, rules: CopyRules) -> pd.DataFrame:
    """First pass: ``kind`` and ``reason`` of every paragraph cluster (module docstring)."""
    markers = re.compile(rules.markers, re.IGNORECASE | re.MULTILINE)
    post = re.compile(rules.embedded_post)
    kinds, reasons = {}, {}
    for cid, g in ptable.groupby("cluster_id", sort=True):
        texts = g["text"].astype(str)
        per_outlet = int(g.groupby("outlet")["doc_id"].nunique().max())
        roles = g["role"].astype(str) if "role" in g else pd.Series([], dtype=str)
        if (roles == "credit").any():
            kind, why = "boilerplate", "role_credit"
        elif int(g["n_outlets"].iloc[0]) > rules.max_outlets:
            kind, why = "boilerplate", "max_outlets"
        elif per_outlet > rules.max_per_outlet:
            kind, why = "boilerplate", "repeated_in_outlet"
        elif any(markers.search(t) for t in texts):
            kind, why = "boilerplate", "marker"
        elif g["quoted_share"].max() >= rules.quote_share:
            kind, why = "shared_quote", "quoted"
        elif any(post.search(t.strip()) for t in texts):
            kind, why = "shared_quote", "embedded_post"
        elif g["n_words"].min() < rules.short_words:
            kind, why = "boilerplate", "short"
        elif not bool(g["cross_outlet"].iloc[0]):
            kind, why = "same_outlet", "one_outlet"
        else:
            kind, why = "wire", "copy"
        kinds[cid], reasons[cid] = kind, why
    return ptable.assign(kind=ptable["cluster_id"].map(kinds),
                         reason=ptable["cluster_id"].map(reasons))


def _doc_pairs(ptable: pd.DataFrame) -> pd.DataFrame:
    """Cross-outlet article pairs (doc_a < doc_b) with the number of clusters they share."""
    out = []
    for _, g in ptable.groupby("cluster_id", sort=True):
        docs = g[["doc_id", "outlet"]].drop_duplicates("doc_id").sort_values("doc_id")
        d, o = docs["doc_id"].tolist(), docs["outlet"].tolist()
        out.extend((d[i], d[j]) for i in range(len(d)) for j in range(i + 1, len(d))
                   if o[i] != o[j])
    if not out:
        return pd.DataFrame({"doc_a": [], "doc_b": [], "n_shared": []})
    return (pd.DataFrame(out, columns=["doc_a", "doc_b"]).groupby(["doc_a", "doc_b"]).size()
            .rename("n_shared").reset_index())


def _article_links(aunits: pd.DataFrame, asets: list[np.ndarray], apairs: pd.DataFrame,
                   wire_pairs: pd.DataFrame, rules: CopyRules) -> pd.DataFrame:
    """Linked article pairs (i, j index into aunits) with exact Jaccard, n_shared, reason."""
    pos = {d: i for i, d in enumerate(aunits["doc_id"])}
    wire = aunits["wire"].fillna("").astype(str).str.strip().ne("").to_numpy()
    links: dict[tuple[int, int], dict] = {}
    for r in apairs.itertuples(index=False):
        links[(int(r.i), int(r.j))] = {"n_shared": 0, "reason": ["article_similarity"]}
    for r in wire_pairs.itertuples(index=False):
        i, j = sorted((pos[r.doc_a], pos[r.doc_b]))
        why = []
        if r.n_shared >= rules.min_copied:
            why.append("copied_paragraphs")
        if r.n_shared >= 1 and (wire[i] or wire[j]):
            why.append("wire_credit")
        if (i, j) in links:
            links[(i, j)]["n_shared"] = int(r.n_shared)
            links[(i, j)]["reason"] += why
        elif why:
            links[(i, j)] = {"n_shared": int(r.n_shared), "reason": why}
    rows = []
    for (i, j), v in sorted(links.items()):
        inter = len(np.intersect1d(asets[i], asets[j], assume_unique=True))
        union = len(asets[i]) + len(asets[j]) - inter
        rows.append((i, j, inter / union if union else 0.0, v["n_shared"],
                     ";".join(v["reason"])))
    return pd.DataFrame(rows, columns=["i", "j", "jaccard", "n_shared", "reason"])


def find_wire_copies(data, *, threshold: float = 0.8, k: int = 5, num_perm: int = 128,
                     min_words: int = 10, roles: tuple[str, ...] | None = None,
                     seed: int = 0, rules: CopyRules | None = None) -> WireCopies:
    """Clusters of near-duplicate paragraphs and articles, classified as wire copy, shared
    quotation or boilerplate (method and rules in the module docstring).

    Parameters
    ----------
    data : Tagged or Corpus
        Anything with ``articles`` (``doc_id, outlet``, optional ``published, wire``) and
        ``paragraphs`` (``doc_id, para_idx, text``, optional ``role``).
    threshold : float, default 0.8
        Minimum exact Jaccard similarity of the k-shingle sets for two texts to be linked.
    k : int, default 5
        Shingle length in word tokens.
    num_perm : int, default 128
        MinHash functions (more: fewer missed pairs, slower).
    min_words : int, default 10
        Paragraphs with fewer tokens are not compared (credits, datelines, one-line captions).
    roles : tuple of str or None
        Paragraph roles compared (default: all).
    seed : int, default 0
        Seed of the MinHash functions; the verified Jaccard values do not depend on it.
    rules : CopyRules or None
        Thresholds of the classification (None: ``CopyRules()``, defaults in the module
        docstring).

    Returns
    -------
    WireCopies
        ``.paragraphs``, ``.articles``, ``.pairs`` tables (see :class:`WireCopies`) and
        ``.params``. ``measure``/``compare(..., exclude_wire_copies=True)`` keep, of every
        paragraph cluster of kind ``wire``, only the row with ``is_first`` true.
    """
    if not 0 < threshold <= 1:
        raise input_error(f"threshold={threshold!r} must lie in (0, 1]", fix="e.g. 0.8")
    if k < 1 or num_perm < 1:
        raise input_error(f"k={k!r} and num_perm={num_perm!r} must be positive integers")
    if rules is None:
        rules = CopyRules()
    elif not isinstance(rules, CopyRules):
        raise input_error(f"rules must be a framing.wirecopy.CopyRules, got "
                          f"{type(rules).__name__}", fix="e.g. rules=CopyRules(max_outlets=20)")
    arts, paras = getattr(data, "articles", None), getattr(data, "paragraphs", None)
    if not isinstance(arts, pd.DataFrame) or not isinstance(paras, pd.DataFrame):
        raise input_error(f"expected a Tagged or Corpus, got {type(data).__name__}",
                          fix="pass framing.read_corpus(...) or framing.tag(...)")
    for name, table, need in (("articles", arts, ["doc_id", "outlet"]),
                              ("paragraphs", paras, ["doc_id", "para_idx", "text"])):
        missing = [c for c in need if c not in table.columns]
        if missing:
            raise input_error(f"{name} lacks columns {missing}",
                              fix=f"columns present: {', '.join(map(str, table.columns))}")
    meta = arts[["doc_id", "outlet"]].copy()
    meta["published"] = arts["published"] if "published" in arts else pd.NA
    meta["wire"] = arts["wire"] if "wire" in arts else pd.NA
    p = paras[["doc_id", "para_idx", "text"] + (["role"] if "role" in paras else [])]
    if roles is not None and "role" in p:
        p = p[p["role"].isin(roles)]
    p = p.merge(meta, on="doc_id", how="inner").sort_values(["doc_id", "para_idx"],
                                                            kind="stable")
    p = p.reset_index(drop=True)

    toks = [_tokens(t) for t in p["text"]]
    vocab = {t: _token_hash(t) for t in sorted({t for ts in toks for t in ts})}
    ids = [np.fromiter((vocab[t] for t in ts), dtype=np.uint64, count=len(ts)) for ts in toks]
    keep = np.array([len(ts) >= max(min_words, k) for ts in toks], dtype=bool)
    psets = [_shingles(x, k) for x, ok in zip(ids, keep) if ok]
    punits = p[keep].reset_index(drop=True)
    ppairs = _near_duplicates(psets, threshold=threshold, num_perm=num_perm, seed=seed)
    ptable = _cluster_table(punits, ppairs, ["doc_id", "para_idx"])
    extra = punits.set_index(["doc_id", "para_idx"])[
        ["text"] + (["role"] if "role" in punits else [])]
    ptable = ptable.join(extra, on=["doc_id", "para_idx"])
    ptable["n_words"] = ptable["text"].map(lambda t: len(_TOKEN.findall(str(t)))).astype(int)
    ptable["quoted_share"] = ptable["text"].map(quoted_share).astype(float)
    ptable = _classify(ptable, rules)

    # articles: shingles of the concatenated paragraph tokens, linked by similarity or by the
    # wire paragraphs they share
    doc_ids = p.groupby("doc_id", sort=True).indices
    aunits = meta[meta["doc_id"].isin(doc_ids)].sort_values("doc_id").reset_index(drop=True)
    asets = [_shingles(np.concatenate([ids[i] for i in doc_ids[d]]), k)
             for d in aunits["doc_id"]]
    apairs = _near_duplicates(asets, threshold=threshold, num_perm=num_perm, seed=seed)
    wire_pairs = _doc_pairs(ptable[ptable["kind"] == "wire"])
    links = _article_links(aunits, asets, apairs, wire_pairs, rules)

    # second pass: short sentences and quotations that travelled with a copied article
    linked = {tuple(sorted((a, b))) for a, b in zip(
        aunits["doc_id"].to_numpy()[links["i"].to_numpy(int)],
        aunits["doc_id"].to_numpy()[links["j"].to_numpy(int)])}
    if linked:
        for cid, g in ptable[ptable["reason"].isin(["short", "quoted", "embedded_post"])
                             ].groupby("cluster_id"):
            docs = sorted(set(g["doc_id"]))
            if any((a, b) in linked for i, a in enumerate(docs) for b in docs[i + 1:]):
                at = ptable["cluster_id"] == cid
                ptable.loc[at, "kind"] = "wire"
                ptable.loc[at, "reason"] = "in_copied_article"
    ptable = ptable.drop(columns=["text"] + (["role"] if "role" in ptable else []))

    atable = _cluster_table(aunits, links[["i", "j", "jaccard"]], ["doc_id"])
    reason_of: dict[str, set] = {}
    for r in links.itertuples(index=False):
        for x in (r.i, r.j):
            reason_of.setdefault(aunits["doc_id"].iloc[int(x)], set()).update(
                r.reason.split(";"))
    atable["kind"] = np.where(atable["cross_outlet"].astype(bool), "wire", "same_outlet")
    atable["reason"] = atable["doc_id"].map(lambda d: ";".join(sorted(reason_of.get(d, ()))))
    n_par = p.groupby("doc_id").size()
    wire_rows = ptable[(ptable["kind"] == "wire") & ptable["cross_outlet"].astype(bool)]
    copied = wire_rows.groupby("doc_id").size()
    atable["n_paragraphs"] = atable["doc_id"].map(n_par).astype("Int64")
    atable["n_copied_paragraphs"] = atable["doc_id"].map(copied).fillna(0).astype("Int64")

    pairs = pd.concat([
        pd.DataFrame({"level": "paragraph",
                      "doc_id_a": punits["doc_id"].to_numpy()[ppairs["i"].to_numpy(int)],
                      "para_idx_a": punits["para_idx"].to_numpy()[ppairs["i"].to_numpy(int)],
                      "doc_id_b": punits["doc_id"].to_numpy()[ppairs["j"].to_numpy(int)],
                      "para_idx_b": punits["para_idx"].to_numpy()[ppairs["j"].to_numpy(int)],
                      "jaccard": ppairs["jaccard"].to_numpy(float),
                      "n_shared": pd.NA, "reason": pd.NA}),
        pd.DataFrame({"level": "article",
                      "doc_id_a": aunits["doc_id"].to_numpy()[links["i"].to_numpy(int)],
                      "para_idx_a": pd.NA,
                      "doc_id_b": aunits["doc_id"].to_numpy()[links["j"].to_numpy(int)],
                      "para_idx_b": pd.NA,
                      "jaccard": links["jaccard"].to_numpy(float),
                      "n_shared": links["n_shared"].to_numpy(int),
                      "reason": links["reason"].to_numpy(object)}),
    ], ignore_index=True)
    params = dict(threshold=threshold, k=k, num_perm=num_perm, min_words=min_words,
                  roles=roles, seed=seed, bands=_choose_bands(threshold, num_perm),
                  rules={f: getattr(rules, f) for f in rules.__dataclass_fields__})
    return WireCopies(paragraphs=ptable, articles=atable, pairs=pairs, params=params)
