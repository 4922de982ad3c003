"""The tables bundled in ``extractors/data/``, read as JSON: one reader for all of them."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_bundled(name: str) -> Any:
    """The parsed JSON of ``extractors/data/<name>``."""
    return json.loads(resources.files("extractors").joinpath(f"data/{name}").read_text("utf-8"))
