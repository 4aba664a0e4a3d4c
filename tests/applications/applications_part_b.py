"""Shared checks of the part B application tests against fixtures recorded under real Keras.

The fixtures (`fixtures/<family>.json`, `fixtures/<family>_numeric.json`) come from
`fixtures/record_part_b.py`, run with Keras 3.15.1 (tf_keras 2.21 for RegNet).
"""

import hashlib
import json
import os

import numpy as np
import torch

import torchkeras

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
# Layers the functional API records for Python operators on symbolic tensors (`x + 3.0`);
# Keras 3 keeps those out of `model.layers`, tf_keras calls them TFOpLambda.
_OP_LAYERS = {"TorchOpLayer"}


def load_fixture(name):
    with open(os.path.join(FIXTURES, f"{name}.json")) as f:
        return json.load(f)


def fixture_params(family, keys=None):
    """`(key, entry)` pairs of a structure fixture, for `pytest.mark.parametrize`."""
    data = load_fixture(family)
    return [(k, v) for k, v in data.items() if keys is None or k in keys]


def _kwargs(entry):
    kwargs = dict(entry["kwargs"])
    if "input_shape" in kwargs:
        kwargs["input_shape"] = tuple(kwargs["input_shape"])
    return kwargs


def build(module, entry, **extra):
    torchkeras.clear_session(free_memory=False)
    return getattr(module, entry["function"])(weights=None, **_kwargs(entry), **extra)


def check_structure(module, entry, tf_keras=False):
    """Layer names, classes, weight shapes and order, parameter count and shapes equal Keras's.

    `tf_keras`: the fixture comes from tf_keras, which names the input layer `input_1` (Keras 3
    and torchkeras: `input_layer`); that one name is not compared.
    """
    model = build(module, entry)
    assert model.name == entry["name"]
    got = [
        [layer.name, type(layer).__name__, [list(w.shape) for w in layer.weights]]
        for layer in model.layers
        if type(layer).__name__ not in _OP_LAYERS
    ]
    if tf_keras:
        assert got[0][0] == "input_layer"
        got[0][0] = "input_1"
    if "layers_sha256" in entry:
        # Large models store a digest of the recorded list (see record_part_b.compact).
        assert len(got) == entry["num_layers"]
        digest = hashlib.sha256(json.dumps(got, separators=(",", ":")).encode()).hexdigest()
        assert digest == entry["layers_sha256"]
        expected = got
    else:
        expected = entry["layers"]
        for i, (g, e) in enumerate(zip(got, expected)):
            assert g == e, f"layer #{i}: {g} != {e}"
        assert len(got) == len(expected)
    flat = [list(shape) for _, _, shapes in expected for shape in shapes]
    assert [list(w.shape) for w in model.get_weights()] == flat
    assert model.count_params() == entry["params"]
    assert list(model.input_shape) == entry["input_shape"]
    assert list(model.output_shape) == entry["output_shape"]
    return model


def deterministic_weights(shapes_and_names):
    """Same formula as `record_part_b.deterministic_weights` (a function of index and shape)."""
    values = []
    for i, (shape, name) in enumerate(shapes_and_names):
        n = int(np.prod(shape)) if shape else 1
        v = np.sin(0.37 * np.arange(n, dtype=np.float64) + 0.5 * i)
        if name.endswith("variance"):
            v = 1.0 + 0.5 * np.abs(v)
        elif name == "count":
            v = np.zeros(n)
        elif len(shape) >= 2:
            fan_in = int(np.prod(shape[:-1]))
            v = v * np.sqrt(3.0 / fan_in)
        else:
            v = 0.1 * v
        values.append(v.reshape(shape).astype("float32"))
    return values


def numeric_input(shape):
    n = int(np.prod(shape))
    return (127.5 + 127.5 * np.sin(0.013 * np.arange(n))).reshape(shape).astype("float32")


def check_numeric(module, entry, rtol=1e-4, atol=1e-5):
    """With weights set by the shared formula, the output equals Keras's on a fixed input."""
    model = build(module, entry, classifier_activation=None)
    model.set_weights(deterministic_weights(
        [(tuple(w.shape), w.name.split("/")[-1]) for w in model.weights]
    ))
    x = numeric_input((2,) + tuple(entry["kwargs"]["input_shape"]))
    with torch.no_grad():
        y = torchkeras.ops.convert_to_numpy(model(x, training=False))
    expected = np.asarray(entry["output"], dtype="float32")
    np.testing.assert_allclose(y, expected, rtol=rtol, atol=atol * np.abs(expected).max())


def structure_cases(family, default_keys, functions=None):
    """pytest params over a structure fixture; entries not in `default_keys` are marked slow."""
    import pytest

    cases = []
    for key, entry in load_fixture(family).items():
        if functions is not None and entry["function"] not in functions:
            continue
        marks = () if key in default_keys else (pytest.mark.slow,)
        cases.append(pytest.param(entry, id=key, marks=marks))
    return cases


def numeric_cases(family, functions=None, slow_keys=()):
    import pytest

    return [
        pytest.param(entry, id=key, marks=(pytest.mark.slow,) if key in slow_keys else ())
        for key, entry in load_fixture(f"{family}_numeric").items()
        if functions is None or entry["function"] in functions
    ]


def check_imagenet_file(monkeypatch, tmp_path, model_fn, expected_fetch, **kwargs):
    """`weights="imagenet"` fetches Keras's file (name, origin, hash) and loads it.

    The fetch is replaced by a weights file saved from a `weights=None` twin, so the test runs
    offline; the loaded weights must equal the twin's.
    """
    from torchkeras.applications import imagenet_utils

    torchkeras.clear_session(free_memory=False)
    twin = model_fn(weights=None, **kwargs)
    path = str(tmp_path / "twin.weights.h5")
    twin.save_weights(path)
    calls = []

    def fake_fetch(fname, origin, file_hash, context, cache_subdir="models"):
        calls.append((fname, origin, file_hash))
        return path

    monkeypatch.setattr(imagenet_utils, "fetch_file", fake_fetch)
    torchkeras.clear_session(free_memory=False)
    model = model_fn(weights="imagenet", **kwargs)
    assert calls == [expected_fetch]
    for a, b in zip(model.get_weights(), twin.get_weights()):
        np.testing.assert_array_equal(a, b)
    return model


def check_missing_imagenet_file(monkeypatch, tmp_path, model_fn, file_name, **kwargs):
    """Offline and not cached: the error names the file and the Keras cache folder."""
    import re

    import pytest

    from torchkeras.applications import imagenet_utils

    def offline(*args, **kw):
        raise OSError("offline")

    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(imagenet_utils, "_get_file", offline)
    with pytest.raises(FileNotFoundError, match=re.escape(file_name)) as info:
        model_fn(weights="imagenet", **kwargs)
    assert "~/.keras/models" in str(info.value)


def check_weights_path(tmp_path, model_fn, **kwargs):
    """`weights=<path>` loads a weights file into the new model."""
    torchkeras.clear_session(free_memory=False)
    source = model_fn(weights=None, **kwargs)
    path = str(tmp_path / "source.weights.h5")
    source.save_weights(path)
    torchkeras.clear_session(free_memory=False)
    model = model_fn(weights=path, **kwargs)
    for a, b in zip(model.get_weights(), source.get_weights()):
        np.testing.assert_array_equal(a, b)
