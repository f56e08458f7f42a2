import os

# Before transformers is imported by any test module: nothing may reach a hub.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TQDM_DISABLE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from attrib_converter.progress import silent  # noqa: E402
from attrib_converter.tiny import SEED, TINY_MODELS, build_tiny_bundle  # noqa: E402


@pytest.fixture(scope="session")
def tiny_bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every tiny model converted once per test session, by name."""
    out_dir = tmp_path_factory.mktemp("tiny-models")
    return {
        tiny.name: build_tiny_bundle(tiny, out_dir, SEED + index, silent)
        for index, tiny in enumerate(TINY_MODELS)
    }
