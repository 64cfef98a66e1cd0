"""The `framing` command: `framing tag CORPUS --out DIR` and friends (`framing --help`)."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import FramingError

from .batch import READERS


def cmd_tag(args: argparse.Namespace) -> int:
    from .pipeline import TagOptions

    options = TagOptions(gazetteer=str(Path(args.actors).resolve()) if args.actors else None)
    if args.scheduler:
        from .distributed import get_client, tag_on_dask

        address = None if args.scheduler == "local" else args.scheduler
        with get_client(address, n_workers=max(args.jobs, 1)) as client:
            manifest = tag_on_dask(args.corpus, args.out, client=client, reader=args.reader,
                                   outlet=args.outlet, chunk_articles=args.chunk_articles,
                                   options=options)
        print(f"tables written to {args.out}/ as partitioned Parquet: {manifest['counts']}")
        return 0
    from .batch import tag_to_folder

    manifest = tag_to_folder(args.corpus, args.out, reader=args.reader, outlet=args.outlet,
                             n_jobs=args.jobs, chunk_articles=args.chunk_articles,
                             on_error=args.on_error, options=options)
    print(summarise(Path(args.out), manifest))
    return 0


def summarise(out: Path, manifest: dict) -> str:
    """A short, human-readable account of a tagging run, read back from its tables."""
    import pandas as pd

    articles = pd.read_parquet(out / "articles.parquet", columns=["doc_id", "outlet", "wire"])
    paras = pd.read_parquet(out / "paragraphs.parquet",
                            columns=["doc_id", "role", "n_words", "n_words_quoted", "sentiment"])
    paras = paras.merge(articles[["doc_id", "outlet"]], on="doc_id")
    table = paras.pivot_table(index="outlet", columns="role", values="n_words",
                              aggfunc="count", fill_value=0)
    table.insert(0, "articles", articles.groupby("outlet").size())
    body = paras[paras["role"] == "body"]
    lines = [f"{len(articles)} articles, {len(paras)} paragraphs from {manifest['parameters']['corpus']}",
             "", table.reset_index().to_string(index=False), "",
             f"body paragraphs: {len(body)}, words: {int(body['n_words'].sum())}, "
             f"quoted words: {int(body['n_words_quoted'].sum())}"]
    counts = manifest["counts"]
    if counts.get("attributions"):
        kinds = pd.read_parquet(out / "attributions.parquet", columns=["kind"])["kind"]
        lines.append(f"attributions: {len(kinds)} {kinds.value_counts().to_dict()}")
    if body["sentiment"].notna().any():
        lines.append(f"mean paragraph sentiment (body): {body['sentiment'].mean():+.3f}")
    wires = articles["wire"].replace("", None).dropna()
    if len(wires):
        lines.append(f"wire credits: {wires.value_counts().to_dict()}")
    if manifest.get("skipped"):
        lines.append(f"skipped {len(manifest['skipped'])} item(s); see manifest.json")
    lines += ["", f"tables written to {out}/: " + ", ".join(
        f"{name} ({n} rows)" for name, n in counts.items())
        + " as .parquet and .csv, with manifest.json"]
    return "\n".join(lines)


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import run, run_memory, run_scaling

    if args.scaling:
        run_scaling()
    elif args.memory:
        run_memory(args.data, copies=args.copies, jobs=args.jobs)
    else:
        run(args.data, limit=args.limit, jobs=args.jobs)
    return 0


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
    p.add_argument("--chunk-articles", type=int, default=1000,
                   help="articles read, tagged and written at a time (bounds memory)")
    p.add_argument("--on-error", choices=("raise", "skip"), default="raise",
                   help="skip: go on past an unreadable line or article, list it in "
                        "manifest.json and the log")
    p.add_argument("--actors", metavar="FILE",
                   help="the corpus's own actors (TSV: entry, code, kind, type), consulted "
                        "before the bundled gazetteer; see corpora/README.md")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="tag on a Dask cluster: its scheduler address (tcp://host:8786), or "
                        "'local' for a LocalCluster of --jobs processes; writes partitioned "
                        "Parquet (needs the [dask] extra)")
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser("bench", help="print the speed of each layer and of the pipeline",
                       description="Time each layer and the whole pipeline on the ABP "
                                   "paragraphs (or the bundled article), against VADER alone; "
                                   "print paragraphs/s, ratios and peak memory.")
    p.add_argument("--data", help="ABP folder or articles.jsonl (default ../shared/data/"
                                  "allsides_abp beside the clone)")
    p.add_argument("--limit", type=int, help="only the first N articles")
    p.add_argument("--jobs", type=int, default=2, help="processes for the parallel run")
    p.add_argument("--memory", action="store_true",
                   help="instead: tag ABP repeated --copies times as one JSONL in a child "
                        "process and print its peak memory")
    p.add_argument("--copies", type=int, default=10)
    p.add_argument("--scaling", action="store_true",
                   help="instead: time one hostile paragraph of 10 kB, 100 kB and 1 MB "
                        "(linear time shows as constant µs per character)")
    p.set_defaults(func=cmd_bench)

    from . import figures, screenshot
    figures.add_parser(sub)
    screenshot.add_parser(sub)
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
