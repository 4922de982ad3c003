"""The pipeline loading in a forked child while the caller reads the page.

The forked cases run in a fresh Python process (a test session has threads of
its own, and a BackgroundExtractor does not fork beside other threads).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from extractors.background import BackgroundExtractor
from extractors.nlp import FactExtractor
from extractors.page import to_article
from sources.load import load
from tests.flows.conftest import REPO, SEED_PAGE, newsfacts

PAGE = REPO / "fixtures" / "site" / SEED_PAGE.lstrip("/")


def _script(body: str) -> dict[str, object]:
    """Run ``body`` in a fresh single-threaded Python process; it prints one JSON object."""
    prelude = textwrap.dedent(f"""
        import json, time
        from extractors.background import BackgroundExtractor, ExtractionProcessError
        from extractors.nlp import FactExtractor
        from extractors.page import to_article
        from sources.load import load
        article = to_article(load({str(PAGE)!r}))
    """)
    run = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(body)],
        capture_output=True, text=True, cwd=REPO, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    result: dict[str, object] = json.loads(run.stdout)
    return result


def test_a_forked_child_gives_the_facts_the_caller_would(extractor: FactExtractor) -> None:
    result = _script("""
        with BackgroundExtractor(FactExtractor()) as ex:
            facts = [f.to_dict() for f in ex.extract(article)]
            again = [f.to_dict() for f in ex.extract(article)]
            forked = ex.forked
        print(json.dumps({"forked": forked, "facts": facts, "again": again}))
    """)
    here = [f.to_dict() for f in extractor.extract(to_article(load(str(PAGE))))]
    assert result["forked"] is True
    assert json.loads(json.dumps(here)) == result["facts"] == result["again"]
    assert {f["kind"] for f in here} >= {"visa_programme", "fee", "quote", "person", "event"}


def test_beside_another_thread_it_extracts_in_the_callers_process(extractor: FactExtractor) -> None:
    article = to_article(load(str(PAGE)))
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        with BackgroundExtractor(extractor) as ex:
            assert not ex.forked
            assert ex.extract(article) == extractor.extract(article)
    finally:
        release.set()
        other.join()


def test_a_bug_in_the_child_comes_back_as_one_line_with_its_traceback_as_a_note() -> None:
    result = _script("""
        with BackgroundExtractor(FactExtractor()) as ex:
            try:
                ex.extract(None)  # not an article: the child's extract raises
            except ExtractionProcessError as exc:
                print(json.dumps({"message": str(exc), "notes": exc.__notes__,
                                  "still_serves": bool(ex.extract(article))}))
    """)
    assert "\n" not in str(result["message"])
    assert str(result["message"]).startswith("the extraction process failed: AttributeError:")
    notes = result["notes"]
    assert isinstance(notes, list) and "Traceback" in notes[0] and "_serve" in notes[0]
    assert result["still_serves"] is True


def test_closing_while_the_model_loads_stops_the_child_at_once() -> None:
    result = _script("""
        ex = BackgroundExtractor(FactExtractor())
        child = ex._process
        started = time.monotonic()
        ex.close()
        print(json.dumps({"seconds": time.monotonic() - started, "alive": child.is_alive(),
                          "exitcode": child.exitcode}))
    """)
    assert result["alive"] is False
    assert result["exitcode"] is not None and result["exitcode"] != 0  # terminated, not finished
    assert float(result["seconds"]) < 2.0  # type: ignore[arg-type]


def test_the_child_ends_on_its_own_once_its_pipe_closes() -> None:
    """It ends when the caller closes the pipe (it holds no copy of the caller's end), and
    right after the last article it was told of, before the caller's close."""
    result = _script("""
        ex = BackgroundExtractor(FactExtractor())
        ex.extract(article)
        child = ex._process
        ex._conn.close()
        child.join(10)
        one = BackgroundExtractor(FactExtractor(), articles=1)
        facts = one.extract(article)
        let_go = one._process
        let_go.join(10)
        print(json.dumps({"exitcode": child.exitcode, "let_go": let_go.exitcode, "facts": len(facts)}))
        one.close()
    """)
    assert result["exitcode"] == 0  # ended by itself, not terminated
    assert result["let_go"] == 0 and int(result["facts"]) > 0  # type: ignore[call-overload]


def test_a_model_that_is_not_installed_fails_ingest_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    run = newsfacts("ingest", str(PAGE), "--db", str(db), env={"NEWSFACTS_SPACY_MODEL": "en_no_such_model"})
    assert run.code == 1
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith("newsfacts: error: cannot load the spaCy model 'en_no_such_model'")
    assert not db.exists()


def _children(pid: int) -> list[int]:
    """The processes ``pid`` forked (Linux's /proc; empty once it has none)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def test_ctrl_c_during_ingest_ends_it_in_one_line_without_the_childs_traceback(tmp_path: Path) -> None:
    """Ctrl-C in a terminal signals the whole process group: the command and its child."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "ingest", str(PAGE), "--db", str(tmp_path / "facts.duckdb")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)}, start_new_session=True,
    )  # fmt: skip
    # Once the command has forked its child it is inside main, and the child loads the model
    # for a second or more: a fixed sleep instead raced the interpreter's start on a busy machine.
    deadline = time.monotonic() + 60
    while not _children(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _children(proc.pid), "the command forked no extraction process"
    os.killpg(proc.pid, signal.SIGINT)  # its own session: this group is the command's alone
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert stderr.strip().splitlines() == ["newsfacts: interrupted"]
