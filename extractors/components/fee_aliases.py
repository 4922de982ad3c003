"""The usual name of a programme a fee goes to, when the article gives a long form and a short one:
"the Future Creation Individual Visa, better known as J-Find" names one programme, whose fees
news (and the gold convention) file under the name it is better known by; "J-Find, formally the
Future Creation Individual Visa" says the same the other way round.
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Doc

from extractors.components.common import programme_spans, text_of

# Between a long form and the short name it is better known by.
_BETTER_KNOWN = re.compile(
    r"\s*,?\s*\(?(?:(?:better|commonly|popularly|widely|usually|often|also)\s+)?(?:known|referred to)\s+as"
    r"\s+(?:the\s+)?",
    re.I,
)
# Between a short name and its long, official form.
_OFFICIALLY = re.compile(r"\s*,?\s*\(?(?:formally|officially)(?:\s+(?:known as|called|named))?\s+(?:the\s+)?",
                         re.I)


def usual_names(doc: Doc) -> dict[str, str]:
    """Long form -> usual short name, for every such pair the article states."""
    text = text_of(doc)
    spans = sorted(programme_spans(doc), key=lambda s: s.start_char)
    out: dict[str, str] = {}
    for first, second in pairwise(spans):
        if first.kb_id_ == second.kb_id_:
            continue
        if _BETTER_KNOWN.fullmatch(text, first.end_char, second.start_char):
            out.setdefault(first.kb_id_, second.kb_id_)
        elif _OFFICIALLY.fullmatch(text, first.end_char, second.start_char):
            out.setdefault(second.kb_id_, first.kb_id_)
    return out
