"""The side-by-side benchmark (``npm run bench:compare``) end to end on a
tiny random Llama: every tool runs, reports timings and memory, and agrees
with the float64 reference. Timings are reported, never asserted."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from attrib_converter.compare.tiny_pair import build_pair

REPOSITORY = Path(__file__).resolve().parents[2]
TSX = REPOSITORY / "node_modules" / ".bin" / "tsx"


@pytest.fixture(scope="module")
def compare_report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not TSX.exists() or shutil.which("node") is None:
        pytest.fail("node and the npm packages are needed: run npm run setup")
    _folder, bundle = build_pair(tmp_path_factory.mktemp("compare"))
    command = [
        str(TSX),
        str(REPOSITORY / "apps/cli/src/benchCompare.ts"),
        *("--model", str(bundle), "--rounds", "1", "--batch-rounds", "1"),
        *("--prompts", "3", "--batch", "2", "--json"),
    ]
    run = subprocess.run(command, cwd=REPOSITORY, capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


def test_every_tool_runs_on_the_same_prompts(compare_report: dict) -> None:
    tools = {tool["tool"]: tool for tool in compare_report["tools"]}
    assert set(tools) == {"attrib", "forward", "hooks", "lens"}
    assert compare_report["prompts"] == 3
    for tool in tools.values():
        assert tool["threads"] == 2
        assert tool["p50Ms"] > 0 and tool["batchedPromptsPerSecond"] > 0
        assert tool["peakMiB"] > 0


def test_every_tool_agrees_with_the_float64_reference(compare_report: dict) -> None:
    for tool in compare_report["tools"]:
        agreement = tool["agreement"]
        assert agreement["tokenMismatches"] == 0, tool["tool"]
        assert agreement["missingTargets"] == 0, tool["tool"]
        # 3 prompts × 5 targets, alone and batched
        assert agreement["comparedTargets"] == 30, tool["tool"]
        assert agreement["maxLogitDiff"] <= 1e-4, tool["tool"]
        if tool["tool"] != "forward":
            assert agreement["maxContributionDiff"] <= 1e-4, tool["tool"]
    assert compare_report["attribOverForward"]["p50Ratio"] > 0
