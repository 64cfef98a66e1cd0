"""environment.yml lists the same core dependencies as pyproject.toml, compatibly."""
from __future__ import annotations

import re
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from conftest import REPO


def _conda_name(name: str) -> str:
    return name.lower().replace("_", "-")


def test_environment_matches_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    core = {_conda_name(Requirement(r).name): Requirement(r).specifier
            for r in project["dependencies"]}
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    conda = {}
    for dep in env["dependencies"]:
        if isinstance(dep, str):
            m = re.match(r"([A-Za-z0-9_.-]+)\s*(.*)", dep)
            conda[_conda_name(m.group(1))] = SpecifierSet(m.group(2).replace(" ", ""))
    assert set(core) <= set(conda), f"missing from environment.yml: {set(core) - set(conda)}"
    for name, spec in core.items():
        assert str(conda[name]) == str(spec), f"{name}: {conda[name]} vs {spec}"
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip
    assert {"jupyterlab", "nltk", "vadersentiment", "matplotlib", "statsmodels", "pandas",
            "pyarrow"} <= set(core)


def test_console_script():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["framing"] == "framing.cli:main"


def test_contract_names_are_functions_even_after_submodule_imports():
    """`framing.compare` and `framing.agreement` stay the functions of DESIGN.md's contract
    when every submodule has been imported (a submodule of the same name would shadow them)."""
    import importlib
    import pkgutil

    import framing
    for info in pkgutil.walk_packages(framing.__path__, "framing."):
        if info.name not in ("framing.distributed",):
            importlib.import_module(info.name)
    for name in ("read_corpus", "tag", "measure", "compare", "agreement", "list_lexicons",
                 "load_lexicon"):
        assert callable(getattr(framing, name)) and not isinstance(getattr(framing, name),
                                                                     type(framing)), name


def test_one_version_everywhere():
    """pyproject.toml, framing.__version__ and the newest CHANGELOG entry agree (manifests
    record the version, so a release that moves the numbers must say so)."""
    import framing
    project = re.search(r'^version = "([^"]+)"', (REPO / "pyproject.toml").read_text(), re.M)
    changelog = re.search(r"^## (\S+) ", (REPO / "CHANGELOG.md").read_text(), re.M)
    assert project.group(1) == framing.__version__ == changelog.group(1)
