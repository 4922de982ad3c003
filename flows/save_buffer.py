"""A run's extractions saved many per transaction, flushed every N items or T seconds.

A run that reads its items from a stream also flushes when the stream is
about to wait (``pipeline.extract_fetched(on_wait=buffer.flush)``): the items
a burst of extraction delivered are stored before the next burst is made.

Saving in batches is what makes store writes fast (``store.writer.save_articles``:
one statement per step for the whole batch instead of ~30 per article), and
flushing often is what keeps a long run's finished articles stored while it
goes on: a run killed mid-way loses at most the unflushed items, which the
next run lists again. Items finish in the order they were added, errors
included, so each item's outcome is recorded as it would be one at a time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from sources.errors import NewsfactsError
from store.writer import SAVE_BATCH, Saved

SAVE_SECONDS = 2.0
"""An item waits at most about this long for its batch (checked as items
arrive): a monitor run extracting a few articles a second stores them every
couple of seconds, so a run killed mid-way keeps what it finished."""

T = TypeVar("T")
__all__ = ["SAVE_BATCH", "SAVE_SECONDS", "SaveBuffer"]


@dataclass
class SaveBuffer(Generic[T]):
    """Items (a URL and what to save, or the error that stopped it) in, outcomes out in order.

    ``save`` writes a batch and returns one outcome per item of it
    (``pipeline.save_many`` over an open store, a Prefect task around it,
    ``store.loader.load_files``); ``finish`` is told each item's outcome, after
    ``record``, when given, has recorded the whole batch's outcomes at once
    (``pipeline.finish_items``: one transaction, not one per item).
    Call :meth:`flush` at the end of a run, or use the buffer as a context
    manager, which flushes when the block ends without an exception.
    """

    save: Callable[[Sequence[T]], Sequence[Saved]]
    finish: Callable[[str, Saved], None]
    size: int = SAVE_BATCH
    seconds: float = SAVE_SECONDS
    clock: Callable[[], float] = time.monotonic
    record: Callable[[Sequence[tuple[str, Saved]]], None] | None = None
    _items: list[tuple[str, T | NewsfactsError]] = field(default_factory=list)
    _waiting: int = 0  # queued items to save (the others are errors)
    _oldest: float = 0.0

    def add(self, url: str, item: T | NewsfactsError) -> None:
        """Queue one item; flush when the batch is full or its oldest item has waited long enough."""
        if not self._items:
            self._oldest = self.clock()
        self._items.append((url, item))
        self._waiting += not isinstance(item, NewsfactsError)
        if self._waiting >= self.size or self.clock() - self._oldest >= self.seconds:
            self.flush()

    def flush(self) -> None:
        """Save the queued items in one batch and finish every queued item, in order."""
        if not self._items:
            return
        items, self._items, self._waiting = self._items, [], 0
        batch = [item for _, item in items if not isinstance(item, NewsfactsError)]
        saved = list(self.save(batch)) if batch else []
        if len(saved) != len(batch):
            raise RuntimeError(f"a batch save returned {len(saved)} outcomes for {len(batch)} items")
        results = iter(saved)
        outcomes = [(url, item if isinstance(item, NewsfactsError) else next(results)) for url, item in items]
        if self.record is not None:
            self.record(outcomes)
        for url, outcome in outcomes:
            self.finish(url, outcome)

    def __enter__(self) -> SaveBuffer[T]:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is None:
            self.flush()
