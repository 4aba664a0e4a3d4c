"""Shared helpers of the keras.applications tests: recorded Keras fixtures and weight filling.

The fixtures in `fixtures/*.json` were recorded under real Keras 3.15.1 (TensorFlow backend; tf_keras
2.21 for `resnet_rs.json`) by building each model with `weights=None` in a fresh session (see
`describe`) and, for the numeric ones (`numeric.json`, `numeric_small.json`), by filling the weights
with `fill_weights` and running the model on `numeric_inputs` in inference mode.
"""

import json
import os

import numpy as np

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")


def load_fixture(name):
    with open(os.path.join(FIXTURES, f"{name}.json")) as f:
        return json.load(f)


def fixture_key(fn_name, kwargs):
    return fn_name + "".join(f"|{k}={v}" for k, v in sorted(kwargs.items()))


def describe(model):
    """Per layer `[name, class name, weight shapes]`, the parameter count, the output shape."""
    return {
        "name": model.name,
        "layers": [
            [layer.name, layer.__class__.__name__, [list(w.shape) for w in layer.weights]]
            for layer in model.layers
        ],
        "params": int(model.count_params()),
        "output_shape": list(model.output.shape),
    }


def fill_weights(model):
    """Sets every weight to a smooth deterministic function of its index and shape."""
    values = []
    for i, w in enumerate(model.weights):
        shape = tuple(w.shape)
        n = int(np.prod(shape))
        v = np.sin(0.7 * np.arange(n, dtype=np.float64) + 0.3 * i)
        vname = w.path.split("/")[-1]
        if vname in ("moving_variance", "gamma"):
            v = 1.0 + 0.25 * v
        elif vname in ("moving_mean", "beta", "bias"):
            v = 0.1 * v
        else:
            fan_in = int(np.prod(shape[:-1])) if len(shape) > 1 else 1
            v = v * np.sqrt(3.0 / fan_in)
        values.append(v.reshape(shape).astype("float32"))
    model.set_weights(values)


def numeric_inputs(shape):
    n = int(np.prod(shape))
    return (
        (127.5 + 127.5 * np.sin(0.05 * np.arange(n))).reshape(shape).astype("float32") / 127.5
        - 1.0
    )


def check_structure(build_fn, fn_name, kwargs, fixture):
    """Builds `fn_name(weights=None, **kwargs)` and compares it with the recorded Keras model."""
    ref = fixture[fixture_key(fn_name, kwargs)]
    got = describe(build_fn(weights=None, **kwargs))
    assert got["name"] == ref["name"]
    assert got["params"] == ref["params"]
    assert got["output_shape"] == ref["output_shape"]
    assert len(got["layers"]) == len(ref["layers"])
    for mine, keras_layer in zip(got["layers"], ref["layers"]):
        assert mine == keras_layer


def check_numeric(build_fn, fn_name):
    """Fills the weights deterministically and compares the pooled features with Keras's.

    The headless model built here is also compared layer by layer with Keras's (one build
    checks both, which keeps the big models cheap to test).
    """
    ref = load_fixture("numeric")[fn_name]
    size = ref["size"]
    model = build_fn(
        weights=None, include_top=False, pooling="avg", input_shape=(size, size, 3)
    )
    headless = load_fixture("numeric_small").get(f"headless|{fn_name}")
    if headless is not None:
        assert describe(model) == headless
    check_outputs(model, size, ref["output"])


def check_outputs(model, size, expected):
    fill_weights(model)
    y = model(numeric_inputs((2, size, size, 3)), training=False)
    y = y.detach().cpu().numpy()
    expected = np.array(expected, dtype="float32")
    np.testing.assert_allclose(y, expected, rtol=1e-4, atol=1e-4 * np.abs(expected).max())


def write_keras2_weights_file(path, model, seed=0):
    """Writes random weights as tf.keras 2's `save_weights` did for the published ImageNet files.

    Returns `{layer name: [arrays]}` for the layers with weights (trainable weights first).
    """
    import h5py

    rng = np.random.default_rng(seed)
    written = {}
    with h5py.File(path, "w") as f:
        f.attrs["layer_names"] = [layer.name.encode("utf8") for layer in model.layers]
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"2.2.4"
        for layer in model.layers:
            weights = list(layer.trainable_weights) + list(layer.non_trainable_weights)
            group = f.create_group(layer.name)
            names = [f"{layer.name}/{w.path.split('/')[-1]}:0" for w in weights]
            group.attrs["weight_names"] = [name.encode("utf8") for name in names]
            values = [rng.standard_normal(tuple(w.shape)).astype("float32") for w in weights]
            for name, value in zip(names, values):
                group.create_dataset(name, data=value)
            if values:
                written[layer.name] = values
    return written


def assert_loaded(model, written):
    """The layers with weights received the file's values, in order (loading by topology)."""
    layers = [layer for layer in model.layers if layer.weights]
    assert len(layers) == len(written)
    for layer, expected_values in zip(layers, written.values()):
        weights = list(layer.trainable_weights) + list(layer.non_trainable_weights)
        assert len(weights) == len(expected_values)
        for w, expected in zip(weights, expected_values):
            np.testing.assert_array_equal(w.numpy(), expected)


def fill_weights_by_layer(model):
    """`fill_weights` numbering the weights layer by layer (tf.keras 2 lists `model.weights`
    trainable first, so the per-layer order is the one both versions share)."""
    i = 0
    for layer in model.layers:
        if not layer.weights:
            continue
        values = []
        for w in layer.weights:
            shape = tuple(w.shape)
            n = int(np.prod(shape))
            v = np.sin(0.7 * np.arange(n, dtype=np.float64) + 0.3 * i)
            vname = w.path.split("/")[-1]
            if vname in ("moving_variance", "gamma"):
                v = 1.0 + 0.25 * v
            elif vname in ("moving_mean", "beta", "bias"):
                v = 0.1 * v
            else:
                fan_in = int(np.prod(shape[:-1])) if len(shape) > 1 else 1
                v = v * np.sqrt(3.0 / fan_in)
            values.append(v.reshape(shape).astype("float32"))
            i += 1
        layer.set_weights(values)
