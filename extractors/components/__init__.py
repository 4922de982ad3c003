"""spaCy components, one per fact kind, registered with ``@Language.factory``.

Importing this package registers the factories; it loads no model. It imports
spaCy first without spaCy's command line (``extractors.spacy_import``), when
nothing has imported spaCy yet.
"""

from extractors.spacy_import import import_spacy

import_spacy()

from extractors.components import (  # noqa: E402  (after spaCy's import above)
    attributes,
    events,
    fees,
    lemmas,
    paragraphs,
    people,
    programme_fee_kinds,
    programmes,
    quotes,
)

__all__ = ["attributes", "events", "fees", "lemmas", "paragraphs", "people", "programme_fee_kinds",
           "programmes", "quotes"]
