"""Import spaCy without its command line, which newsfacts never runs.

``import spacy`` imports ``spacy.cli`` for the one name ``spacy.info``, and
with it typer, click, weasel and some thirty command modules: 0.17 s of the
0.59 s CPU of importing spaCy here, on the path of every ``newsfacts ingest``
(whose child imports spaCy and loads the model while the command reads the
page). :func:`import_spacy` imports spaCy with ``spacy.cli`` standing in
until it is used: ``spacy.info`` (a wrapper), any name of ``spacy.cli`` and
any of its modules import the real package then, as they would have.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import types
from typing import Any

CLI = "spacy.cli"
INFO = "spacy.cli.info"


class DeferredCli(types.ModuleType):
    """``spacy.cli`` before its ``__init__`` has run: asked for a name, it imports the real package."""

    def __getattr__(self, name: str) -> Any:
        return getattr(real_cli(), name)


def real_cli() -> types.ModuleType:
    """The real ``spacy.cli``, imported now if only the stand-in was."""
    if isinstance(sys.modules.get(CLI), DeferredCli):
        del sys.modules[CLI]
        sys.modules.pop(INFO, None)
        real = importlib.import_module(CLI)
        spacy = sys.modules.get("spacy")
        if spacy is not None:
            spacy.__dict__["cli"] = real
        return real
    return importlib.import_module(CLI)


def info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, its package imported on the first call."""
    real_cli()
    return sys.modules[INFO].info(*args, **kwargs)


def import_spacy() -> None:
    """Import spaCy (once a process) with the stand-in ``spacy.cli``; a no-op once spaCy is imported."""
    if "spacy" in sys.modules:
        return
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return  # not installed: the caller's own import says so
    cli = DeferredCli(CLI)
    # Its modules stay importable ("import spacy.cli.download") from the real folder.
    cli.__path__ = [os.path.join(folder, "cli") for folder in spec.submodule_search_locations]
    stand_in = types.ModuleType(INFO)
    stand_in.__dict__["info"] = info
    sys.modules[CLI], sys.modules[INFO] = cli, stand_in
    try:
        import spacy

        spacy.__dict__["cli"] = cli  # as an import of the package would have set it
    except BaseException:
        for name, ours in ((CLI, cli), (INFO, stand_in)):
            if sys.modules.get(name) is ours:
                del sys.modules[name]
        raise
