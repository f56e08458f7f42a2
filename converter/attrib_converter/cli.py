"""``python -m attrib_converter convert SOURCE --name NAME [...]``

Progress goes to stderr, one line a step; a failure is one line on stderr
and exit status 1 (2 for bad usage).
"""

import argparse
import os
import sys
import time
from pathlib import Path

from attrib_converter.bundle_name import check_bundle_name
from attrib_converter.errors import ConverterError
from attrib_converter.sources import ACCEPTED, resolve_source


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m attrib_converter",
        description="Turn a causal language model into an Attrib analysis bundle.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser("convert", help="write a bundle for one model")
    convert.add_argument("source", metavar="SOURCE", help=f"{ACCEPTED}")
    convert.add_argument(
        "--name", required=True, help="bundle folder name, e.g. smollm2-135m-instruct"
    )
    convert.add_argument(
        "--out", type=Path, default=Path("models"), help="models folder (default: models)"
    )
    convert.add_argument("--display-name", help="human name (default: from the source)")
    convert.add_argument(
        "--top-k-max", type=int, default=20, help="top tokens the graph returns (default: 20)"
    )
    return parser.parse_args(argv)


def progress(message: str) -> None:
    print(f"[attrib-converter] {message}", file=sys.stderr, flush=True)


def quiet_libraries(offline: bool) -> None:
    """Must run before transformers is imported: it reads these at import."""
    if offline:
        os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    try:
        check_bundle_name(args.name)
        quiet_libraries(offline=resolve_source(args.source).is_local)
        from attrib_converter.convert import ConvertOptions, convert

        options = ConvertOptions(args.name, args.out, args.display_name, args.top_k_max)
        convert(args.source, options, progress)
    except ConverterError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    progress(f"done in {time.monotonic() - started:.0f} s")
    return 0
