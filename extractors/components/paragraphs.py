"""Sentence boundaries at paragraph breaks.

Article text keeps one paragraph per line. The parser alone sometimes runs a
sentence across a line break (a subheading glued to the next paragraph), which
would give facts the wrong sentence; a preset boundary is respected by the
parser.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsfacts_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence at the first token after every line break."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc
