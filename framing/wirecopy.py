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

Articles are compared the same way on the shingles of their whole text (so an article whose
paragraphs were re-cut is still found).
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

_TOKEN = re.compile(r"\w+")
_MASK64 = (1 << 64) - 1


@dataclass(frozen=True)
class WireCopies:
    """Result of :func:`find_wire_copies`.

    ``paragraphs``: one row per paragraph in a cluster of near-duplicates — ``doc_id, outlet,
    para_idx, cluster_id, n_members, n_outlets, cross_outlet, is_first, published, wire,
    max_jaccard`` (``is_first``: earliest ``published``, then ``doc_id``, then ``para_idx``).
    ``articles``: the same for whole articles (without ``para_idx``; plus ``n_paragraphs`` and
    ``n_copied_paragraphs``, the article's paragraphs that belong to a cross-outlet paragraph
    cluster). ``pairs``: verified pairs, ``level`` ("paragraph"/"article"), ``doc_id_a,
    para_idx_a, doc_id_b, para_idx_b, jaccard``. ``params``: the settings used.
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


def find_wire_copies(data, *, threshold: float = 0.8, k: int = 5, num_perm: int = 128,
                     min_words: int = 10, roles: tuple[str, ...] | None = None,
                     seed: int = 0) -> WireCopies:
    """Clusters of near-duplicate paragraphs and articles (method in the module docstring).

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

    Returns
    -------
    WireCopies
        ``.paragraphs``, ``.articles``, ``.pairs`` tables (see :class:`WireCopies`) and
        ``.params``. ``measure``/``compare(..., exclude_wire_copies=True)`` keep, of every
        paragraph cluster with ``cross_outlet`` true, only the row with ``is_first`` true.
    """
    if not 0 < threshold <= 1:
        raise input_error(f"threshold={threshold!r} must lie in (0, 1]", fix="e.g. 0.8")
    if k < 1 or num_perm < 1:
        raise input_error(f"k={k!r} and num_perm={num_perm!r} must be positive integers")
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

    # articles: shingles of the concatenated paragraph tokens
    doc_ids = p.groupby("doc_id", sort=True).indices
    aunits = meta[meta["doc_id"].isin(doc_ids)].sort_values("doc_id").reset_index(drop=True)
    asets = [_shingles(np.concatenate([ids[i] for i in doc_ids[d]]), k)
             for d in aunits["doc_id"]]
    apairs = _near_duplicates(asets, threshold=threshold, num_perm=num_perm, seed=seed)
    atable = _cluster_table(aunits, apairs, ["doc_id"])
    n_par = p.groupby("doc_id").size()
    copied = ptable[ptable["cross_outlet"].astype(bool)].groupby("doc_id").size()
    atable["n_paragraphs"] = atable["doc_id"].map(n_par).astype("Int64")
    atable["n_copied_paragraphs"] = atable["doc_id"].map(copied).fillna(0).astype("Int64")

    pairs = pd.concat([
        pd.DataFrame({"level": "paragraph",
                      "doc_id_a": punits["doc_id"].to_numpy()[ppairs["i"].to_numpy(int)],
                      "para_idx_a": punits["para_idx"].to_numpy()[ppairs["i"].to_numpy(int)],
                      "doc_id_b": punits["doc_id"].to_numpy()[ppairs["j"].to_numpy(int)],
                      "para_idx_b": punits["para_idx"].to_numpy()[ppairs["j"].to_numpy(int)],
                      "jaccard": ppairs["jaccard"].to_numpy(float)}),
        pd.DataFrame({"level": "article",
                      "doc_id_a": aunits["doc_id"].to_numpy()[apairs["i"].to_numpy(int)],
                      "para_idx_a": pd.NA,
                      "doc_id_b": aunits["doc_id"].to_numpy()[apairs["j"].to_numpy(int)],
                      "para_idx_b": pd.NA,
                      "jaccard": apairs["jaccard"].to_numpy(float)}),
    ], ignore_index=True)
    params = dict(threshold=threshold, k=k, num_perm=num_perm, min_words=min_words,
                  roles=roles, seed=seed, bands=_choose_bands(threshold, num_perm))
    return WireCopies(paragraphs=ptable, articles=atable, pairs=pairs, params=params)
