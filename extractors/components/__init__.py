"""spaCy components, one per fact kind, registered with ``@Language.factory``.

Importing this package registers the factories; it loads no model.
"""

from extractors.components import attributes, events, fees, lemmas, paragraphs, people, programmes, quotes

__all__ = ["attributes", "events", "fees", "lemmas", "paragraphs", "people", "programmes", "quotes"]
