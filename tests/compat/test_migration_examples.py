"""The migration examples run unchanged through `python -m torchkeras run` and match real Keras.

`examples/migration/expected.json` holds what each example gives under real Keras (written by
`../refenv/bin/python examples/migration/record.py`). Deterministic examples (weights set from
NumPy, unshuffled data) must give the same losses and values; the others must train (finite,
decreasing losses) and pass the same checks.
"""

import concurrent.futures
import json
import math
import os
import subprocess
import sys

import numpy as np
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, "examples", "migration")
with open(os.path.join(EXAMPLES, "expected.json")) as f:
    EXPECTED = json.load(f)


def _run(name):
    # One torch thread per example: two examples at a time share the CPU without oversubscribing.
    env = dict(
        os.environ, OMP_NUM_THREADS="1",
        PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )
    return subprocess.run(
        [sys.executable, "-m", "torchkeras", "run", os.path.join(EXAMPLES, f"{name}.py")],
        env=env, capture_output=True, text=True, check=False, cwd=ROOT, timeout=300,
    )


@pytest.fixture(scope="module")
def runs():
    """Run the examples two at a time in the background (each is a few seconds, mostly imports)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        yield {name: pool.submit(_run, name) for name in sorted(EXPECTED)}


def _results(future, name):
    proc = future.result()
    assert proc.returncode == 0, proc.stderr[-3000:]
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("RESULTS "):
            return json.loads(line[len("RESULTS "):])
    raise AssertionError(f"{name} printed no RESULTS line:\n{proc.stdout[-2000:]}")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_matches_real_keras(runs, name):
    expected = EXPECTED[name]
    got = _results(runs[name], name)
    losses = got["losses"]
    assert len(losses) == len(expected["losses"])
    assert all(math.isfinite(v) for v in losses)
    if expected["comparison"] == "deterministic":
        np.testing.assert_allclose(losses, expected["losses"], rtol=2e-3, atol=1e-4)
        for key, value in expected.get("values", {}).items():
            np.testing.assert_allclose(got["values"][key], value, rtol=2e-3, atol=1e-4)
    else:
        assert losses[-1] < losses[0]
    assert got.get("checks", {}) == expected.get("checks", {})
