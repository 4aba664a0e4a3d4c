"""The README's demo: `examples/quickstart.py` trains on the shipped digits to >= 95% accuracy."""

import os
import re
import subprocess
import sys

import pytest

import torchkeras

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QUICKSTART = os.path.join(ROOT, "examples", "quickstart.py")


@pytest.mark.skipif(
    not hasattr(torchkeras, "Sequential"), reason="the model engine is not available"
)
def test_quickstart_reaches_95_percent():
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.setdefault("TORCHKERAS_DEVICE", "cpu")
    result = subprocess.run(
        [sys.executable, QUICKSTART], capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    match = re.search(r"Test accuracy: ([0-9.]+)%", result.stdout)
    assert match, result.stdout[-3000:]
    assert float(match.group(1)) >= 95.0
