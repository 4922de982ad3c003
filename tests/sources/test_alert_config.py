"""sources.alert_config: ``[[alerts]]`` and ``[delivery]`` in the source list, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.alert_config import AlertRule, Delivery
from sources.config import load_sources
from sources.errors import ConfigError

PAGE = '[[pages]]\nurl = "https://example.org/a"\n'
RULES = """
[[alerts]]
rule = "fee_changed"
programmes = ["H-1B"]
topic = "US visas"

[[alerts]]
rule = "person_quoted"
people = ["Michael  Feller"]

[[alerts]]
rule = "story_outlets"
min_outlets = 3
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text + "\n" + PAGE, encoding="utf-8")
    return path


def test_rules_are_read_in_order(tmp_path: Path) -> None:
    alerts = load_sources(write(tmp_path, RULES)).alerts
    assert alerts.rules == (
        AlertRule("fee_changed", topic="US visas", programmes=("H-1B",)),
        AlertRule("person_quoted", people=("Michael Feller",)),
        AlertRule("story_outlets", min_outlets=3),
    )
    assert alerts.delivery is None


def test_no_alerts_is_the_default(tmp_path: Path) -> None:
    assert load_sources(write(tmp_path, "")).alerts.rules == ()


def test_delivery_secret_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOOK_SECRET", "s3cret")
    text = '[delivery]\nwebhook_url = "https://hooks.example.com/x"\n'
    text += 'secret_env = "HOOK_SECRET"\nretries = 1\n'
    delivery = load_sources(write(tmp_path, text)).alerts.delivery
    assert delivery == Delivery("https://hooks.example.com/x", "s3cret", retries=1)
    assert "s3cret" not in repr(delivery)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[[alerts]]\nrule = "everything"\n', "rule must be one of new_programme, fee_changed"),
        ('[[alerts]]\nrule = "fee_changed"\nwhen = 1\n', "alerts entry 1: unknown key(s) when"),
        ('[[alerts]]\nrule = "person_quoted"\n', "person_quoted needs people"),
        ('[[alerts]]\nrule = "fee_changed"\npeople = ["A B"]\n', "people is only for person_quoted"),
        ('[[alerts]]\nrule = "story_outlets"\nmin_outlets = 1\n', "min_outlets of at least 2"),
        ('[[alerts]]\nrule = "story_outlets"\nmin_outlets = true\n', "min_outlets must be an integer"),
        ('[[alerts]]\nrule = "new_conflict"\nprogrammes = "H-1B"\n', "programmes must be a list"),
        ("alerts = 3\n", "alerts must be an array of tables"),
        ('[delivery]\nsecret = "x"\n', "delivery: missing webhook_url"),
        ('[delivery]\nwebhook_url = "ftp://x.example/"\nsecret = "x"\n', "only http and https"),
        ('[delivery]\nwebhook_url = "https://x.example/"\n', "exactly one of secret_env"),
        ('[delivery]\nwebhook_url = "https://x.example/"\nsecret_env = "NO_SUCH_VAR_7"\n', "is not set"),
        ('[delivery]\nwebhook_url = "https://x.example/"\nsecret = "x"\nretries = -1\n', "non-negative"),
        ('[delivery]\nwebhook_url = "https://x.example/"\nsecret = "x"\ntimeout = 0\n', "must be positive"),
        ('[delivery]\nwebhook_url = "https://x.example/"\nsecret = "x"\nurl = 1\n', "unknown key(s) url"),
    ],
)
def test_bad_alert_config_is_one_line_naming_the_file(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_sources(path)
    message = caught.value.one_line()
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in str(caught.value)
