"""Writes tokenizer.json so that it alone reproduces transformers' ids.

The TypeScript side encodes with the tokenizers library on this file and
adds nothing itself, so the file must give exactly
``tokenizer(text)["input_ids"]``, beginning-of-sequence token included.
Some checkpoints leave adding the BOS to transformers' Python code rather
than to the file's post-processor; the post-processor is then extended to
add it.
"""

from dataclasses import dataclass
from pathlib import Path

from tokenizers import Tokenizer, processors
from transformers import PreTrainedTokenizerBase

from attrib_converter.errors import TokenizerMismatchError


@dataclass(frozen=True)
class TokenizerFacts:
    adds_bos_token: bool
    bos_token_id: int | None
    eos_token_id: int | None
    bos_added_to_post_processor: bool
    """The file's own post-processor did not add the BOS and was extended."""
    texts_checked: int


def write_tokenizer(
    tokenizer: PreTrainedTokenizerBase, path: Path, texts: list[str]
) -> TokenizerFacts:
    """@throws TokenizerMismatchError when no file reproduces the ids."""
    expected = [tokenizer(text)["input_ids"] for text in texts]
    adds_bos = _adds_bos(tokenizer)
    fast = _fast_tokenizer(tokenizer)

    patched = False
    if _first_mismatch(fast, texts, expected) is not None and adds_bos:
        fast = _with_bos(fast, tokenizer.bos_token, tokenizer.bos_token_id)
        patched = True
    mismatch = _first_mismatch(fast, texts, expected)
    if mismatch is not None:
        raise TokenizerMismatchError(mismatch)

    path.write_text(fast.to_str(pretty=True), encoding="utf-8")
    return TokenizerFacts(
        adds_bos_token=adds_bos,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        bos_added_to_post_processor=patched,
        texts_checked=len(texts),
    )


def _adds_bos(tokenizer: PreTrainedTokenizerBase) -> bool:
    ids = tokenizer("a")["input_ids"]
    return tokenizer.bos_token_id is not None and ids[:1] == [tokenizer.bos_token_id]


def _fast_tokenizer(tokenizer: PreTrainedTokenizerBase) -> Tokenizer:
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is None:
        raise TokenizerMismatchError(
            f"{type(tokenizer).__name__} has no tokenizers-library form to save as tokenizer.json"
        )
    # A copy, so the patch below never changes the loaded tokenizer.
    return Tokenizer.from_str(backend.to_str())


def _with_bos(fast: Tokenizer, bos_token: str, bos_token_id: int) -> Tokenizer:
    template = processors.TemplateProcessing(
        single=f"{bos_token} $A",
        pair=f"{bos_token} $A {bos_token} $B",
        special_tokens=[(bos_token, bos_token_id)],
    )
    existing = fast.post_processor
    fast.post_processor = (
        template if existing is None else processors.Sequence([existing, template])
    )
    return fast


def _first_mismatch(fast: Tokenizer, texts: list[str], expected: list[list[int]]) -> str | None:
    for text, ids in zip(texts, expected, strict=True):
        got = fast.encode(text).ids
        if got != ids:
            return f"tokenizer.json gives {got[:12]} but transformers gives {ids[:12]} for {text!r}"
    return None
