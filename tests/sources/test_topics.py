"""sources.topics: ``[[topics]]`` in the source list, validated in one line per problem."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sources.config import load_sources
from sources.errors import ConfigError
from sources.topics import Topic

PAGE = '[[pages]]\nurl = "http://127.0.0.1:8000/a.html"\n'
TOPICS = """
[[topics]]
name = "visas"
programmes = ["h-1b", "K visa"]
keywords = ["work permit", "work  visa"]
people = ["Jane Roe"]
organisations = ["Home Office"]
countries = ["Canada"]
exclude = ["visa-free"]
min_hits = 2

[[topics]]
name = "tariffs"
keywords = ["tariff"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text + "\n" + PAGE, encoding="utf-8")
    return path


def test_topics_are_read_with_canonical_programme_names(tmp_path: Path) -> None:
    topics = load_sources(write(tmp_path, TOPICS)).topics
    assert topics == (
        Topic(
            name="visas",
            programmes=("H-1B", "K visa"),
            keywords=("work permit", "work visa"),
            people=("Jane Roe",),
            organisations=("Home Office",),
            countries=("Canada",),
            exclude=("visa-free",),
            min_hits=2,
        ),
        Topic(name="tariffs", keywords=("tariff",)),
    )


def test_no_topics_is_the_default(tmp_path: Path) -> None:
    assert load_sources(write(tmp_path, "")).topics == ()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("topics = 'visas'\n", "topics must be an array of tables", id="not-array"),
        pytest.param("[[topics]]\nkeywords = ['visa']\n", "topics entry 1: missing name", id="no-name"),
        pytest.param("[[topics]]\nname = ' '\nkeywords = ['visa']\n", "missing name", id="blank-name"),
        pytest.param("[[topics]]\nname = 3\nkeywords = ['visa']\n", "missing name", id="name-type"),
        pytest.param(
            "[[topics]]\nname = 'v'\nkeyword = ['visa']\n", "topics entry 1: unknown key(s) keyword", id="key"
        ),
        pytest.param(
            "[[topics]]\nname = 'v'\nkeywords = ['a']\n[[topics]]\nname = 'V'\nkeywords = ['b']\n",
            "topics: duplicate name V",
            id="duplicate",
        ),
        pytest.param("[[topics]]\nname = 'v'\n", "topic v: no terms", id="no-terms"),
        pytest.param("[[topics]]\nname = 'v'\nexclude = ['x']\n", "topic v: no terms", id="exclude-only"),
        pytest.param("[[topics]]\nname = 'v'\nkeywords = 'visa'\n", "keywords must be an array", id="str"),
        pytest.param("[[topics]]\nname = 'v'\npeople = [1]\n", "people must be an array", id="int"),
        pytest.param("[[topics]]\nname = 'v'\nkeywords = ['']\n", "keywords has an empty entry", id="empty"),
        pytest.param(
            "[[topics]]\nname = 'v'\nprogrammes = ['W visa']\n", "unknown programme 'W visa'", id="programme"
        ),
        pytest.param(
            "[[topics]]\nname = 'v'\nkeywords = ['a']\nmin_hits = 0\n", "must be a positive", id="zero"
        ),
        pytest.param(
            "[[topics]]\nname = 'v'\nkeywords = ['a']\nmin_hits = true\n", "min_hits must be", id="bool"
        ),
        pytest.param(
            "[[topics]]\nname = 'v'\nkeywords = ['a']\nmin_hits = 2\n", "min_hits 2 is more than its 1",
            id="too-many",
        ),
    ],
)
def test_bad_topics_are_one_line_errors_naming_the_file(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match=re.escape(problem)) as caught:
        load_sources(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message


def test_unknown_programme_error_lists_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"known: K visa, .*H-1B"):
        load_sources(write(tmp_path, "[[topics]]\nname = 'v'\nprogrammes = ['K-visa']\n"))
