"""A tiny random-weight Llama as both a Hugging Face folder and a bundle,
for a quick end-to-end run of the side-by-side benchmark.

``python -m attrib_converter.compare.tiny_pair --out DIR`` writes
``DIR/hf`` (the model as transformers saves it, which the Python tools and
the reference load) and ``DIR/tiny-llama-tied`` (its bundle, which Attrib
and the plain forward load).
"""

import argparse
import sys
from pathlib import Path


def build_pair(out_dir: Path) -> tuple[Path, Path]:
    """@returns (the Hugging Face folder, the bundle folder)"""
    from attrib_converter.convert import ConvertOptions, convert_loaded
    from attrib_converter.loading import load_model
    from attrib_converter.progress import silent
    from attrib_converter.sources import resolve_source
    from attrib_converter.tiny import SEED, TINY_MODELS, save_random_model

    tiny = TINY_MODELS[0]
    folder = out_dir / "hf"
    save_random_model(tiny, folder, SEED)
    loaded = load_model(resolve_source(str(folder)), silent)
    bundle = convert_loaded(loaded, ConvertOptions(tiny.name, out_dir, display_name=tiny.name))
    return folder, bundle


def main(argv: list[str] | None = None) -> int:
    from attrib_converter.cli import quiet_libraries

    parser = argparse.ArgumentParser(prog="python -m attrib_converter.compare.tiny_pair")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    quiet_libraries(offline=True)
    folder, bundle = build_pair(args.out)
    print(f"{folder}\n{bundle}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
