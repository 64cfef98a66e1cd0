"""The `framing` command: `framing tag CORPUS --out DIR` and friends (`framing --help`)."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import FramingError

READERS = ("auto", "basil", "allsides", "polnear")


def _read(path: str, reader: str, outlet: str | None):
    from . import datasets
    from .readers import read_corpus

    if reader == "auto":
        return read_corpus(path, outlet=outlet)
    return getattr(datasets, f"read_{reader}")(path)


def cmd_tag(args: argparse.Namespace) -> int:
    from .output import build_manifest, write_tables
    from .pipeline import tag

    corpus = _read(args.corpus, args.reader, args.outlet)
    tagged = tag(corpus, n_jobs=args.jobs)
    parameters = {"corpus": args.corpus, "reader": args.reader, "outlet": args.outlet,
                  **tagged.params}
    out = write_tables(tagged, args.out, manifest=build_manifest(
        tagged, corpus.paragraphs, parameters=parameters))
    print(summarise(corpus, tagged, out))
    return 0


def summarise(corpus, tagged, out: Path) -> str:
    """A short, human-readable account of a tagging run."""
    lines = [f"{corpus!r}", "", corpus.summary().to_string(index=False), ""]
    body = tagged.paragraphs[tagged.paragraphs["role"] == "body"]
    lines.append(f"body paragraphs: {len(body)}, words: {int(body['n_words'].sum())}, "
                 f"quoted words: {int(body['n_words_quoted'].sum())}")
    if len(tagged.attributions):
        kinds = tagged.attributions["kind"].value_counts().to_dict()
        lines.append(f"attributions: {len(tagged.attributions)} {kinds}")
    if body["sentiment"].notna().any():
        lines.append(f"mean paragraph sentiment (body): {body['sentiment'].mean():+.3f}")
    wires = corpus.articles["wire"].replace("", None).dropna()
    if len(wires):
        lines.append(f"wire credits: {wires.value_counts().to_dict()}")
    lines.append("")
    lines.append(f"tables written to {out}/: " + ", ".join(
        f"{name} ({len(getattr(tagged, name))} rows)"
        for name in ("articles", "paragraphs", "attributions", "spans", "actors"))
                 + " as .parquet and .csv, with manifest.json")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Tag news articles for attribution, sources, stance and sentiment, and "
                    "compare outlets. See README.md.")
    from . import __version__
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("tag", help="tag a corpus and write its tables",
                       description="Read CORPUS, tag every paragraph, and write the tables "
                                   "(articles, paragraphs, attributions, spans, actors) as "
                                   "Parquet and CSV plus manifest.json into --out, atomically.")
    p.add_argument("corpus", help="a .txt article, a folder of them, a .jsonl or .csv file, "
                                  "or a data set's folder/file with --reader")
    p.add_argument("--out", required=True, help="output folder (new, empty, or an earlier "
                                                "framing output, which is replaced whole)")
    p.add_argument("--outlet", help="outlet for articles whose file does not name one")
    p.add_argument("--reader", choices=READERS, default="auto",
                   help="how to read CORPUS: auto (by extension) or a published data set")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (-1: all cores)")
    p.set_defaults(func=cmd_tag)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except FramingError as exc:
        print(f"framing {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
