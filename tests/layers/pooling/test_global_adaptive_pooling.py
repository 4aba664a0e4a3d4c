import numpy as np
import pytest

import pool_numpy_reference as ref
from torchkeras import layers
from torchkeras.testing import run_layer_test


@pytest.mark.parametrize("cls, kwargs, input_shape, output_shape", [
    (layers.GlobalAveragePooling1D, dict(), (2, 5, 3), (2, 3)),
    (layers.GlobalMaxPooling2D, dict(keepdims=True), (2, 4, 5, 3), (2, 1, 1, 3)),
    (layers.GlobalAveragePooling3D, dict(data_format="channels_first", keepdims=True),
     (2, 3, 2, 4, 2), (2, 3, 1, 1, 1)),
    (layers.AdaptiveAveragePooling2D, dict(output_size=(3, 2)), (2, 7, 5, 3), (2, 3, 2, 3)),
    (layers.AdaptiveMaxPooling1D, dict(output_size=4, data_format="channels_first"),
     (2, 3, 9), (2, 3, 4)),
])
def test_layer_contract(cls, kwargs, input_shape, output_shape):
    run_layer_test(
        cls, kwargs, input_shape=input_shape, expected_output_shape=output_shape,
        expected_num_trainable_weights=0, expected_num_non_trainable_weights=0,
    )


@pytest.mark.parametrize("rank", [1, 2, 3])
@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_global_pooling_matches_numpy(rng, rank, data_format):
    shape = (2,) + (4, 3, 5)[:rank] + (3,)
    x = rng.standard_normal(shape).astype("float32")
    axes = tuple(range(1, rank + 1))
    given = x if data_format == "channels_last" else np.moveaxis(x, -1, 1)
    for cls, fn in ((getattr(layers, f"GlobalMaxPooling{rank}D"), np.max),
                    (getattr(layers, f"GlobalAveragePooling{rank}D"), np.mean)):
        y = cls(data_format=data_format)(given).numpy()
        np.testing.assert_allclose(y, fn(x, axis=axes), rtol=1e-6, atol=1e-6)
        kept = cls(data_format=data_format, keepdims=True)(given).numpy()
        expected = fn(x, axis=axes, keepdims=True)
        if data_format == "channels_first":
            expected = np.moveaxis(expected, -1, 1)
        np.testing.assert_allclose(kept, expected, rtol=1e-6, atol=1e-6)


def test_global_average_1d_mask():
    x = np.arange(12, dtype="float32").reshape(2, 3, 2)
    mask = np.array([[True, False, True], [False, False, True]])
    layer = layers.GlobalAveragePooling1D()
    y = layer(x, mask=mask).numpy()
    np.testing.assert_allclose(y, [[2.0, 3.0], [10.0, 11.0]])
    assert layer.supports_masking
    assert layer.compute_mask(x, mask) is None
    first = layers.GlobalAveragePooling1D(data_format="channels_first")(
        np.moveaxis(x, -1, 1), mask=mask
    ).numpy()
    np.testing.assert_allclose(first, y)


def test_global_pooling_aliases_and_config():
    assert layers.GlobalAvgPool1D is layers.GlobalAveragePooling1D
    assert layers.GlobalAvgPool2D is layers.GlobalAveragePooling2D
    assert layers.GlobalAvgPool3D is layers.GlobalAveragePooling3D
    assert layers.GlobalMaxPool1D is layers.GlobalMaxPooling1D
    assert layers.GlobalMaxPool2D is layers.GlobalMaxPooling2D
    assert layers.GlobalMaxPool3D is layers.GlobalMaxPooling3D
    config = layers.GlobalMaxPooling2D(keepdims=True).get_config()
    assert (config["data_format"], config["keepdims"]) == ("channels_last", True)
    assert layers.GlobalMaxPooling1D().compute_output_shape((None, 4, 3)) == (None, 3)


@pytest.mark.parametrize("mode", ["max", "average"])
@pytest.mark.parametrize("shape, output_size", [
    ((2, 7, 3), (3,)),
    ((2, 3, 2), (5,)),
    ((2, 7, 5, 3), (3, 2)),
    ((2, 8, 8, 2), (4, 4)),
    ((2, 5, 4, 3, 2), (2, 3, 2)),
])
def test_adaptive_pooling_matches_numpy(rng, mode, shape, output_size):
    rank = len(output_size)
    prefix = "AdaptiveMaxPooling" if mode == "max" else "AdaptiveAveragePooling"
    layer = getattr(layers, f"{prefix}{rank}D")(output_size)
    x = rng.standard_normal(shape).astype("float32")
    expected = ref.adaptive_pool(x, output_size, mode)
    np.testing.assert_allclose(layer(x).numpy(), expected, rtol=1e-6, atol=1e-6)
    first = getattr(layers, f"{prefix}{rank}D")(output_size, data_format="channels_first")
    np.testing.assert_allclose(
        np.moveaxis(first(np.moveaxis(x, -1, 1)).numpy(), 1, -1), expected, rtol=1e-6,
        atol=1e-6,
    )


def test_adaptive_output_size_forms():
    assert layers.AdaptiveAveragePooling2D(3).output_size == (3, 3)
    assert layers.AdaptiveMaxPooling3D([1, 2, 3]).output_size == (1, 2, 3)
    assert layers.AdaptiveMaxPooling1D([4]).output_size == (4,)
    config = layers.AdaptiveAveragePooling2D(3).get_config()
    assert (config["output_size"], config["data_format"]) == ((3, 3), "channels_last")


def test_adaptive_errors():
    with pytest.raises(TypeError) as info:
        layers.AdaptiveAveragePooling2D((1, 2, 3))
    assert str(info.value) == (
        "`output_size` must be an integer or (height, width) tuple. Received: (1, 2, 3) of "
        "type <class 'tuple'>"
    )
    with pytest.raises(TypeError, match=r"or \(depth, height, width\) tuple"):
        layers.AdaptiveMaxPooling3D((1, 2))
    with pytest.raises(ValueError) as info:
        layers.AdaptiveAveragePooling1D((1, 2))
    assert str(info.value) == (
        "For 1D input, `output_size` tuple must have length 1. Received: (1, 2)"
    )
    with pytest.raises(TypeError) as info:
        layers.AdaptiveMaxPooling1D("a")
    assert str(info.value) == (
        "`output_size` must be an integer or tuple of 1 integer. Received: a of type "
        "<class 'str'>"
    )
    with pytest.raises(ValueError) as info:
        layers.AdaptiveAveragePooling1D(2, data_format="x")
    assert str(info.value) == (
        "Invalid data_format: x. Expected 'channels_first' or 'channels_last'."
    )
