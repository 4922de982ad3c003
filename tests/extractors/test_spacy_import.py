"""spaCy imported without its command line (extractors/spacy_import.py), in a fresh process:
the pipeline loads and extracts, and spaCy's CLI is still there when asked for."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from tests.flows.conftest import REPO


def _fresh(body: str) -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(body)], capture_output=True, text=True, cwd=REPO,
        timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    result: dict[str, object] = json.loads(run.stdout)
    return result


def test_the_pipeline_loads_without_spacys_command_line_and_the_cli_comes_when_used() -> None:
    result = _fresh("""
        import json, sys
        from extractors.nlp import FactExtractor
        from extractors.page import text_hash
        from extractors.models import Article
        from extractors.spacy_import import DeferredCli
        extractor = FactExtractor()
        text = 'Michael Feller said the H-1B fee is $100,000 a year.'
        article = Article('http://example.test/a', None, None, None, None, None, 'en', text, text_hash(text))
        kinds = sorted({f.kind for f in extractor.extract(article)})
        deferred = lambda: isinstance(sys.modules["spacy.cli"], DeferredCli)  # noqa: E731
        before = {"typer": "typer" in sys.modules, "deferred": deferred()}
        import spacy
        about = spacy.info()
        import spacy.cli
        after = {"typer": "typer" in sys.modules, "deferred": deferred(),
                 "download": callable(spacy.cli.download), "info": "spacy_version" in about}
        print(json.dumps({"kinds": kinds, "before": before, "after": after}))
    """)
    assert result["before"] == {"typer": False, "deferred": True}
    assert result["after"] == {"typer": True, "deferred": False, "download": True, "info": True}
    assert result["kinds"] == ["fee", "person", "quote", "visa_programme"]


def test_a_module_of_the_cli_imports_before_the_package_is_asked_for() -> None:
    result = _fresh("""
        import json
        from extractors.spacy_import import import_spacy
        import_spacy()
        from spacy.cli.download import download
        import spacy.cli
        print(json.dumps({"download": callable(download), "app": spacy.cli.app is not None}))
    """)
    assert result == {"download": True, "app": True}
