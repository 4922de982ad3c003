"""spaCy components, one per fact kind, registered with ``@Language.factory``.

Importing this package registers the factories; it loads no model.
"""

from extractors.components import events, fees, paragraphs, people, programmes, quotes

__all__ = ["events", "fees", "paragraphs", "people", "programmes", "quotes"]
