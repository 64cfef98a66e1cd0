"""framing: who speaks, how they are framed, and with what tone, compared across outlets.

The flow is one-directional (README, "Grammar"): read → segment → tag → measure → compare →
plot. Importing framing reads no file and sets nothing up; heavy modules load on first use.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.4.1"

# public name → module that defines it (imported lazily, so `import framing` stays cheap)
_EXPORTS = {
    "read_corpus": "readers",
    "Corpus": "corpus",
    "tag": "pipeline",
    "TagOptions": "pipeline",
    "Tagged": "tagged",
    "list_lexicons": "lexicons",
    "lexicons_in_use": "lexicons",
    "load_lexicon": "lexicons",
    "FramingError": "errors",
    "measure": "measures",
    "measure_actor_tone": "measures",
    "compare": "comparison",
    "compare_source_types": "comparison",
    "keyness": "keyness",
    "find_wire_copies": "wirecopy",
    "agreement": "reliability",
    "machine_vs_human": "reliability",
    "sample_for_coding": "coding",
    "extract_attributions": "attribution",
    "score_target": "target",
    "render_html": "html",
    "save_figure": "plots",
    "plot_measure": "plots",
    "build_figures": "figures",
}
_MODULES = ("datasets", "plots", "figures")

__all__ = sorted([*_EXPORTS, *_MODULES, "__version__"])


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    if name in _MODULES:
        return import_module(f".{name}", __name__)
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
