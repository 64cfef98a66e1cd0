"""Coding sheets for validating the machine against human coders.

`sample_for_coding` draws paragraphs, stratified by outlet, and writes a CSV sheet for coders;
their filled sheets, stacked into a long table (coder, item, label), go to
:func:`framing.agreement` and :func:`framing.machine_vs_human`.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import input_error
from .measures import _select
from .tagged import Tagged


def _allocate(sizes: np.ndarray, n: int) -> np.ndarray:
    """Equal allocation of n over strata, capped by stratum size; what a small stratum cannot
    take is spread over the others (earlier strata get the remainder first)."""
    take = np.zeros(len(sizes), dtype=int)
    left = min(n, int(sizes.sum()))
    while left > 0:
        open_ = np.flatnonzero(take < sizes)
        share = np.full(len(open_), left // len(open_))
        share[: left % len(open_)] += 1
        add = np.minimum(share, sizes[open_] - take[open_])
        take[open_] += add
        left -= int(add.sum())
    return take


def _machine_codes(tagged: Tagged, sample: pd.DataFrame) -> pd.DataFrame:
    a = tagged.attributions
    if a is None or a.empty:
        return sample.assign(machine_n_attributions=0, machine_attributions="")
    a = a.merge(sample[["doc_id", "para_idx"]], on=["doc_id", "para_idx"])
    desc = (a["kind"].astype(str) + ": " + a["source"].astype(str) + " / "
            + a["cue"].astype(str) + " [" + a["identification"].astype(str) + ", "
            + a["source_type"].astype(str) + "]")
    g = desc.groupby([a["doc_id"], a["para_idx"]])
    summary = pd.DataFrame({"machine_n_attributions": g.size(),
                            "machine_attributions": g.agg(" | ".join)}).reset_index()
    out = sample.merge(summary, on=["doc_id", "para_idx"], how="left")
    out["machine_n_attributions"] = out["machine_n_attributions"].fillna(0).astype(int)
    out["machine_attributions"] = out["machine_attributions"].fillna("")
    for col in ("sentiment", "sentiment_authorial", "sentiment_quoted"):
        if col in sample.columns:
            out[f"machine_{col}"] = out.pop(col)
    return out


def _write_atomic(df: pd.DataFrame, path: Path, overwrite: bool) -> None:
    """Write to a temporary file in the same folder, then move it into place, so a reader
    never sees half a sheet; without `overwrite`, an existing file is never replaced (the
    final step is a hard link, which fails if the name exists)."""
    folder = path.parent
    if not folder.is_dir():
        raise input_error("the folder does not exist", where=folder,
                          fix="create it first or choose another path")
    if path.exists() and not overwrite:
        raise input_error("the coding sheet exists already", where=path,
                          fix="choose another path or pass overwrite=True")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            df.to_csv(fh, index=False)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise input_error("the coding sheet exists already", where=path,
                                  fix="choose another path or pass overwrite=True") from None
            except OSError:  # file systems without hard links
                if path.exists():
                    raise input_error("the coding sheet exists already", where=path,
                                      fix="choose another path or pass overwrite=True") from None
                os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def sample_for_coding(tagged: Tagged, *, n: int, stratify: str | None = "outlet",
                      seed: int = 0, show_machine_codes: bool = False,
                      path: str | os.PathLike | None = None, overwrite: bool = False,
                      roles: Sequence[str] | None = ("body",)) -> pd.DataFrame:
    """Draw paragraphs for human coding and write them as a CSV coding sheet.

    Parameters
    ----------
    tagged : Tagged
        Output of ``framing.tag``.
    n : int
        Paragraphs to draw in total.
    stratify : str or None, default "outlet"
        Column whose groups get equal numbers of paragraphs (a group with too few paragraphs
        gives all it has, the rest is spread over the others); None draws a simple random
        sample.
    seed : int, default 0
        Seed of the ``numpy.random.Generator``; paragraphs are sorted by ``doc_id, para_idx``
        before drawing, so the sample does not depend on row order.
    show_machine_codes : bool, default False
        Add the machine's codes (``machine_n_attributions``, ``machine_attributions``,
        ``machine_sentiment*``). Leave them hidden for an independent coding.
    path : path or None
        Where to write the CSV (UTF-8, written to a temporary file in the same folder and then
        moved into place). None: do not write.
    overwrite : bool, default False
        Replace an existing file at ``path``; otherwise an existing file is an error.
    roles : sequence of str or None, default ("body",)
        Paragraph roles eligible.

    Returns
    -------
    pandas.DataFrame
        The sheet, in random order: ``item`` (``"<doc_id>#<para_idx>"``, the key coders'
        labels are joined on), ``doc_id``, ``outlet``, ``para_idx``, ``role``, ``text``, (the
        stratum column), the machine columns if shown, and empty ``coder``, ``label``, ``note``
        columns for the coder to fill; ``seed`` records the draw.
    """
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise input_error(f"n={n!r} must be a positive integer")
    cols = ["outlet"] + ([stratify] if stratify and stratify != "outlet" else [])
    sel = _select(tagged, cols, roles=roles, exclude_wire_copies=False)
    p = sel["paragraphs"].sort_values(["doc_id", "para_idx"], kind="stable")
    p = p.reset_index(drop=True)
    rng = np.random.default_rng(seed)
    if stratify:
        strata = pd.unique(p[stratify].astype(str).sort_values())
        sizes = np.array([(p[stratify].astype(str) == s).sum() for s in strata])
        take = _allocate(sizes, n)
        chosen = []
        for s, k in zip(strata, take):
            idx = np.flatnonzero((p[stratify].astype(str) == s).to_numpy())
            chosen.extend(rng.choice(idx, size=k, replace=False).tolist())
        chosen = rng.permutation(np.array(chosen, dtype=int))
    else:
        chosen = rng.choice(len(p), size=min(n, len(p)), replace=False)
    s = p.iloc[chosen].reset_index(drop=True)
    keep = ["doc_id", "outlet", "para_idx", "role", "text"] + (
        [stratify] if stratify and stratify not in ("outlet",) else [])
    sheet = s[list(dict.fromkeys(keep))]
    if show_machine_codes:
        extra = [c for c in ("sentiment", "sentiment_authorial", "sentiment_quoted")
                 if c in s.columns]
        sheet = _machine_codes(tagged, pd.concat([sheet, s[extra]], axis=1))
    sheet.insert(0, "item", sheet["doc_id"].astype(str) + "#" + sheet["para_idx"].astype(str))
    sheet = sheet.assign(coder="", label="", note="", seed=seed)
    if path is not None:
        _write_atomic(sheet, Path(path), overwrite)
    return sheet
