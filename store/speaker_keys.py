"""A batch's speaker keys, each speaker normalised once: one speaker, many quotes."""

from __future__ import annotations

from store.quote_merge import speaker_key


class SpeakerKeys(dict[str | None, str | None]):
    """Speaker -> its ``speaker_key``, computed on first use (one per batch of saves)."""

    def __missing__(self, speaker: str | None) -> str | None:
        key = self[speaker] = speaker_key(speaker)
        return key
