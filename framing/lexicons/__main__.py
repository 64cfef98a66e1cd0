"""Developer helper: `python -m framing.lexicons FILE…` prints the index.csv fields that a
new lexicon version needs (file, sha256, entries). Released rows are never rewritten."""
import sys

from . import _package_dir, read_lexicon_table, sha256_file


def main(argv: list[str]) -> None:
    for arg in argv:
        path = _package_dir() / arg
        print(f"{arg},{sha256_file(path)},{len(read_lexicon_table(path))}")


if __name__ == "__main__":
    main(sys.argv[1:])
