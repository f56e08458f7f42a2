"""tokenizer.json must reproduce transformers' ids on its own."""

import pytest
from tokenizers import Tokenizer

from attrib_converter.errors import TokenizerMismatchError
from attrib_converter.tiny import build_tokenizer
from attrib_converter.tokenizer_file import write_tokenizer

TEXTS = ["the cat", "hello world\n", ""]


class BosInPythonOnly:
    """A tokenizer whose BOS is added by Python code, not by its file's
    post-processor, as some checkpoints do."""

    def __init__(self) -> None:
        inner = build_tokenizer(adds_bos=False)
        self.backend_tokenizer = inner.backend_tokenizer
        self.bos_token, self.bos_token_id = inner.bos_token, inner.bos_token_id
        self.eos_token_id = inner.eos_token_id

    def __call__(self, text: str) -> dict:
        return {"input_ids": [self.bos_token_id, *self.backend_tokenizer.encode(text).ids]}


def test_bos_added_only_by_python_is_moved_into_the_post_processor(tmp_path):
    tokenizer = BosInPythonOnly()
    path = tmp_path / "tokenizer.json"

    facts = write_tokenizer(tokenizer, path, TEXTS)

    assert facts.adds_bos_token and facts.bos_added_to_post_processor
    saved = Tokenizer.from_file(str(path))
    for text in TEXTS:
        assert saved.encode(text).ids == tokenizer(text)["input_ids"]


def test_file_post_processor_that_already_adds_bos_is_kept(tmp_path):
    tokenizer = build_tokenizer(adds_bos=True)
    facts = write_tokenizer(tokenizer, tmp_path / "tokenizer.json", TEXTS)
    assert facts.adds_bos_token and not facts.bos_added_to_post_processor


def test_ids_the_file_cannot_reproduce_fail_the_conversion(tmp_path):
    class Reversed(BosInPythonOnly):
        def __call__(self, text: str) -> dict:
            return {"input_ids": list(reversed(super().__call__(text)["input_ids"]))}

    with pytest.raises(TokenizerMismatchError, match="the cat"):
        write_tokenizer(Reversed(), tmp_path / "tokenizer.json", TEXTS)
    assert not (tmp_path / "tokenizer.json").exists()
