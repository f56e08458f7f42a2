"""Real text the mean ablation averages over: prose from the Python
Language Reference, which CPython ships as ``pydoc_data.topics`` (the text
``help("assignment")`` prints). Nobody on this project wrote it, every
Python installation has it, and it needs no network.
"""

import re
import sys

PASSAGES = 64
MAX_TOKENS = 48
"""Each passage is cut to its first ``MAX_TOKENS`` tokens: about three
thousand positions in all."""


def _is_prose(paragraph: str) -> bool:
    letters = sum(c.isalpha() or c.isspace() for c in paragraph)
    return (
        len(paragraph.split()) >= 25
        and paragraph[0].isupper()
        and paragraph.endswith(".")
        and letters >= 0.9 * len(paragraph)
    )


def reference_passages(count: int = PASSAGES) -> list[str]:
    """``count`` prose paragraphs spread evenly over all reference topics,
    in a fixed order (topics sorted by name)."""
    from pydoc_data.topics import topics

    paragraphs = [
        " ".join(block.split())
        for name in sorted(topics)
        for block in re.split(r"\n\s*\n", topics[name])
    ]
    prose = [p for p in paragraphs if _is_prose(p)]
    step = max(1, len(prose) // count)
    return prose[::step][:count]


def describe_reference_text(count: int = PASSAGES, max_tokens: int = MAX_TOKENS) -> str:
    version = sys.version.split()[0]
    return (
        f"{count} prose paragraphs of the Python {version} Language Reference "
        f"(pydoc_data.topics, evenly spread over its topics), each cut to "
        f"{max_tokens} tokens"
    )
