"""The error tree survives pickling, as a failed task's error does coming back from a Dask worker."""

from __future__ import annotations

import pickle

import pytest

from sources.errors import (
    ClientStatusError,
    EmptyArticle,
    NewsfactsError,
    ServerStatusError,
    SkippedPage,
    StoreBusy,
)

ERRORS = [
    SkippedPage("not English: de", url="http://a.example/x", reason="language"),
    ClientStatusError("404 for http://a.example/y", url="http://a.example/y", status=404),
    ServerStatusError("503 for http://a.example/z", url="http://a.example/z", status=503, retry_after=7.0),
    EmptyArticle("no text in http://a.example/e", url="http://a.example/e"),
    StoreBusy("store x is locked"),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_an_error_pickles_with_its_message_and_fields(error: NewsfactsError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert (str(copy), copy.__dict__, copy.retryable) == (str(error), error.__dict__, error.retryable)
