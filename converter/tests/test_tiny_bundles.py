"""Tiny random-weight bundles against transformers' own float64 values."""

import json
from pathlib import Path

import numpy as np
import pytest
from bundle_session import BundleSession, left_padded
from tokenizers import Tokenizer

from attrib_converter.tiny import TINY_MODELS

NAMES = [tiny.name for tiny in TINY_MODELS]
TOLERANCE = 1e-4


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_graph_matches_float64_reference_from_transformers_hooks(tiny_bundles, name):
    bundle = tiny_bundles[name]
    reference = read_json(bundle / "reference.json")
    session = BundleSession(bundle)

    for prompt in reference["prompts"]:
        extra = [t["id"] for t in prompt["targets"]]
        outputs = session.run_one(prompt["inputIds"], extra)
        top_k = read_json(bundle / "manifest.json")["topKMax"]
        assert outputs["final_norm_scale"][0] == pytest.approx(
            prompt["finalNormScale"], abs=TOLERANCE
        )
        for column, target in enumerate(prompt["targets"], start=top_k):
            logit = outputs["logits"][0, target["id"]]
            assert logit == pytest.approx(target["logit"], abs=TOLERANCE)
            probability = np.exp(logit - outputs["log_normalizer"][0])
            assert probability == pytest.approx(target["probability"], rel=TOLERANCE)
            for key, output in [
                ("raw", "contributions"),
                ("centered", "centered_contributions"),
                ("rough", "rough_contributions"),
            ]:
                np.testing.assert_allclose(
                    outputs[output][0, :, column], target[key], atol=TOLERANCE, err_msg=key
                )


@pytest.mark.parametrize("name", NAMES)
def test_contributions_sum_to_each_targets_logit(tiny_bundles, name):
    outputs = BundleSession(tiny_bundles[name]).run_one([5, 6, 7, 8], [9])
    target_logits = np.take_along_axis(outputs["logits"], outputs["target_ids"], axis=1)
    np.testing.assert_allclose(outputs["contributions"].sum(axis=1), target_logits, atol=1e-4)


@pytest.mark.parametrize("name", NAMES)
def test_targets_are_top_k_then_extra_targets_for_1x1_and_2x3(tiny_bundles, name):
    session = BundleSession(tiny_bundles[name])
    manifest = read_json(tiny_bundles[name] / "manifest.json")
    top_k, n_components = manifest["topKMax"], len(manifest["components"])

    single = session.run_one([5, 6, 7], [42])
    assert single["target_ids"].shape == (1, top_k + 1)
    assert single["target_ids"][0, -1] == 42
    assert single["contributions"].shape == (1, n_components, top_k + 1)

    ids, mask = left_padded([[5, 6, 7], [8, 9]])
    pair = session.run(ids, mask, [[1, 2, 3], [4, 5, 6]])
    assert pair["target_ids"][:, top_k:].tolist() == [[1, 2, 3], [4, 5, 6]]
    assert pair["components"].shape == (2, n_components, manifest["dModel"])
    top = np.argsort(-pair["logits"], axis=1)[:, :top_k]
    assert np.array_equal(np.sort(top, axis=1), np.sort(pair["target_ids"][:, :top_k], axis=1))


@pytest.mark.parametrize("name", NAMES)
def test_left_padded_batch_gives_the_numbers_of_each_prompt_alone(tiny_bundles, name):
    session = BundleSession(tiny_bundles[name])
    prompts = [[5, 6, 7, 8, 9, 10], [11, 12], [13, 14, 15]]
    ids, mask = left_padded(prompts)
    extras = [[1, 2], [3, 4], [5, 6]]
    batched = session.run(ids, mask, extras)

    for row, (prompt, extra) in enumerate(zip(prompts, extras, strict=True)):
        alone = session.run_one(prompt, extra)
        assert batched["target_ids"][row].tolist() == alone["target_ids"][0].tolist()
        for name_, value in alone.items():
            np.testing.assert_allclose(batched[name_][row], value[0], atol=1e-4, err_msg=name_)


@pytest.mark.parametrize("name", NAMES)
def test_tokenizer_json_alone_reproduces_the_reference_input_ids(tiny_bundles, name):
    bundle = tiny_bundles[name]
    tokenizer = Tokenizer.from_file(str(bundle / "tokenizer.json"))
    for prompt in read_json(bundle / "reference.json")["prompts"]:
        assert tokenizer.encode(prompt["text"]).ids == prompt["inputIds"]


@pytest.mark.parametrize("name", NAMES)
def test_manifest_lists_every_bundle_file_with_its_size(tiny_bundles, name):
    bundle = tiny_bundles[name]
    manifest = read_json(bundle / "manifest.json")
    expected = {
        "model.onnx",
        "model.onnx.data",
        "forward.onnx",
        "forward.onnx.data",
        "tokenizer.json",
    }
    assert set(manifest["files"]) == expected
    for file, entry in manifest["files"].items():
        assert (bundle / file).stat().st_size == entry["bytes"]
    assert manifest["source"]["kind"] == "random"
    assert manifest["components"][:3] == ["embed", "L0.attn", "L0.mlp"]
    assert len(manifest["components"]) == 1 + 2 * manifest["nLayers"]


def test_tied_and_untied_models_are_recorded_as_such(tiny_bundles):
    tied = {
        name: read_json(b / "manifest.json")["tiedEmbeddings"] for name, b in tiny_bundles.items()
    }
    assert tied == {
        "tiny-llama-tied": True,
        "tiny-llama-untied": False,
        "tiny-llama-gqa": False,
        "tiny-qwen2-bias": False,
        "tiny-gemma3": True,
    }


def test_tied_model_stores_its_embedding_matrix_once(tiny_bundles):
    manifest = read_json(tiny_bundles["tiny-llama-tied"] / "manifest.json")
    d_model, d_mlp = manifest["dModel"], manifest["dMlp"]
    embedding_bytes = manifest["dVocab"] * d_model * 4
    # q, k, v, o (as many key/value heads as query heads), gate, up, down.
    layer_bytes = manifest["nLayers"] * (4 * d_model * d_model + 3 * d_model * d_mlp) * 4

    data_bytes = manifest["files"]["model.onnx.data"]["bytes"]
    assert data_bytes < layer_bytes + 1.5 * embedding_bytes


@pytest.mark.parametrize("name", NAMES)
def test_attribution_graph_stores_no_weight_twice(tiny_bundles, name):
    """Heads and neurons read W_O and W_out in the layouts the forward uses;
    a transposed copy folded in on export would show up here."""
    manifest = read_json(tiny_bundles[name] / "manifest.json")
    files = manifest["files"]
    extra = files["model.onnx.data"]["bytes"] - files["forward.onnx.data"]["bytes"]
    # The mean writes [C, d_model], the mean unembedding row [d_model] and
    # the matrix that adds each head's dimensions up [H, H·dh].
    means = (len(manifest["components"]) + 1) * manifest["dModel"] * 4
    head_sums = manifest["nHeads"] ** 2 * manifest["dHead"] * 4
    assert extra <= means + head_sums


def test_forward_graph_gives_the_attribution_graphs_logits(tiny_bundles):
    import onnxruntime

    bundle = tiny_bundles["tiny-qwen2-bias"]
    forward = onnxruntime.InferenceSession(str(bundle / "forward.onnx"))
    ids = np.array([[5, 6, 7]], dtype=np.int64)
    (logits,) = forward.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
    attribution = BundleSession(bundle).run_one([5, 6, 7], [1])
    np.testing.assert_allclose(logits, attribution["logits"], atol=1e-5)
