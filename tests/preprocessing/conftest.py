import json
import os

import numpy as np
import pytest

_REFERENCE = os.path.join(os.path.dirname(__file__), "fixtures", "reference.json")


def _decode(value):
    # Arrays are stored as {"dtype", "shape", "values"} (see fixtures/make_reference.py).
    if isinstance(value, dict):
        if set(value) == {"dtype", "shape", "values"}:
            return np.array(value["values"], dtype=value["dtype"]).reshape(value["shape"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


@pytest.fixture(scope="session")
def reference():
    """Values recorded with tf_keras 2.21 / keras 3.15.1 (fixtures/make_reference.py)."""
    with open(_REFERENCE) as f:
        return _decode(json.load(f))


@pytest.fixture
def inputs():
    """The inputs fixtures/make_reference.py used."""
    png = ((np.arange(6 * 8 * 3).reshape(6, 8, 3) * 37) % 256).astype("uint8")
    image = ((np.arange(5 * 6 * 2).reshape(5, 6, 2) * 13) % 97).astype("float32")
    batch = ((np.arange(6 * 5 * 4 * 3).reshape(6, 5, 4, 3) * 29) % 251).astype("float32")
    return png, image, batch
