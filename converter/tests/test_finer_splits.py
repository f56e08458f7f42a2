"""Heads, neurons, the logit lens and ablations of the tiny bundles against
transformers' own float64 values (reference.json, made with hooks)."""

import json
from pathlib import Path

import numpy as np
import pytest
from bundle_session import BundleSession

from attrib_converter.tiny import TINY_MODELS

NAMES = [tiny.name for tiny in TINY_MODELS]
TOLERANCE = 1e-4


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def detailed_run(bundle: Path, prompt: dict) -> tuple[dict, int]:
    """The prompt with every reference target as an extra, detailed target
    and the lens at every depth; returns the outputs and topKMax."""
    manifest = read_json(bundle / "manifest.json")
    top_k = manifest["topKMax"]
    extra = [t["id"] for t in prompt["targets"]]
    columns = list(range(top_k, top_k + len(extra)))
    depths = list(range(manifest["nLayers"] + 1))
    outputs = BundleSession(bundle).run_one(
        prompt["inputIds"], extra, detail_columns=columns, lens_depths=depths
    )
    return outputs, top_k


@pytest.mark.parametrize("name", NAMES)
def test_head_contributions_match_the_reference_and_sum_to_their_layer(tiny_bundles, name):
    bundle = tiny_bundles[name]
    for prompt in read_json(bundle / "reference.json")["prompts"]:
        outputs, top_k = detailed_run(bundle, prompt)
        heads = outputs["head_contributions"][0]  # [L, H, D]
        for d, target in enumerate(prompt["targets"]):
            np.testing.assert_allclose(heads[:, :, d], target["heads"], atol=TOLERANCE)
            attn = outputs["contributions"][0, 1::2, top_k + d]
            np.testing.assert_allclose(heads[:, :, d].sum(1), attn, atol=TOLERANCE)


@pytest.mark.parametrize("name", NAMES)
def test_neuron_contributions_match_the_reference_and_sum_to_their_layer(tiny_bundles, name):
    bundle = tiny_bundles[name]
    for prompt in read_json(bundle / "reference.json")["prompts"]:
        outputs, top_k = detailed_run(bundle, prompt)
        neurons = outputs["neuron_contributions"][0]  # [L, d_mlp, D]
        activations = outputs["neuron_activations"][0]  # [L, d_mlp]
        for d, target in enumerate(prompt["targets"]):
            listed = target["neurons"]["positive"] + target["neurons"]["negative"]
            for entry in listed:
                layer, neuron = entry["layer"], entry["neuron"]
                assert neurons[layer, neuron, d] == pytest.approx(entry["value"], abs=TOLERANCE)
                assert activations[layer, neuron] == pytest.approx(
                    entry["activation"], abs=TOLERANCE
                )
            mlp = outputs["contributions"][0, 2::2, top_k + d]
            np.testing.assert_allclose(neurons[:, :, d].sum(1), mlp, atol=TOLERANCE)


@pytest.mark.parametrize("name", NAMES)
def test_logit_lens_matches_the_reference_lens(tiny_bundles, name):
    bundle = tiny_bundles[name]
    for prompt in read_json(bundle / "reference.json")["prompts"]:
        outputs, _top_k = detailed_run(bundle, prompt)
        normalizers = outputs["lens_log_normalizers"][0]  # [n]
        lens = prompt["lens"]
        top_probabilities = np.exp(outputs["lens_top_logits"][0] - normalizers)
        np.testing.assert_allclose(top_probabilities, lens["topProbabilities"], atol=TOLERANCE)
        for d, target in enumerate(lens["targets"]):
            logits = outputs["lens_target_logits"][0, :, d]
            probabilities = np.exp(logits - normalizers)
            np.testing.assert_allclose(probabilities, target["probabilities"], atol=TOLERANCE)
            assert outputs["lens_target_ranks"][0, :, d].tolist() == target["ranks"]


@pytest.mark.parametrize("name", NAMES)
def test_ablated_logits_match_a_hooked_reference_forward(tiny_bundles, name):
    bundle = tiny_bundles[name]
    reference = read_json(bundle / "reference.json")
    session = BundleSession(bundle)
    for prompt in reference["prompts"]:
        extra = [t["id"] for t in prompt["targets"]]
        for ablation in prompt["ablations"]:
            component = reference["components"].index(ablation["component"])
            scale = np.ones((1, session.n_components), np.float32)
            mean_weight = np.zeros((1, session.n_components), np.float32)
            scale[0, component] = 0.0
            mean_weight[0, component] = 1.0 if ablation["mode"] == "mean" else 0.0
            outputs = session.run_one(
                prompt["inputIds"], extra, component_scale=scale, component_mean_weight=mean_weight
            )
            logits = outputs["logits"][0, extra]
            label = f"{ablation['mode']} {ablation['component']}"
            np.testing.assert_allclose(logits, ablation["logits"], atol=TOLERANCE, err_msg=label)


@pytest.mark.parametrize("name", NAMES)
def test_empty_detail_and_lens_give_empty_outputs(tiny_bundles, name):
    outputs = BundleSession(tiny_bundles[name]).run_one([5, 6, 7], [9])
    assert outputs["head_contributions"].shape[-1] == 0
    assert outputs["neuron_contributions"].shape[-1] == 0
    assert outputs["lens_top_ids"].shape == (1, 0)
    assert outputs["lens_target_ranks"].shape == (1, 0, 0)


def test_mean_write_contributions_use_the_clean_final_norm_scale(tiny_bundles):
    session = BundleSession(tiny_bundles["tiny-gemma3"])
    outputs = session.run_one([5, 6, 7, 8], [9])
    scale = np.ones((1, session.n_components), np.float32)
    scale[0, -1] = 0.0
    weight = 1.0 - scale
    ablated = session.run_one(
        [5, 6, 7, 8], [9], component_scale=scale, component_mean_weight=weight
    )
    # The ablated row's final component is the mean write itself, so its
    # contribution there, rescaled to the clean run's s, is the clean
    # run's mean_write_contributions entry.
    rescale = ablated["final_norm_scale"][0] / outputs["final_norm_scale"][0]
    same_targets = ablated["target_ids"][0] == outputs["target_ids"][0]
    np.testing.assert_allclose(
        ablated["contributions"][0, -1, same_targets] * rescale,
        outputs["mean_write_contributions"][0, -1, same_targets],
        atol=1e-4,
    )
