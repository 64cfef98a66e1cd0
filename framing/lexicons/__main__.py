"""Developer helper: `python -m framing.lexicons FILE…` prints the index.csv fields that a
new lexicon version needs (file, sha256, entries). Released rows are never rewritten."""
import sys

from . import _package_dir, read_lexicon_table, sha256_file

for arg in sys.argv[1:]:
    path = _package_dir() / arg
    print(f"{arg},{sha256_file(path)},{len(read_lexicon_table(path))}")
