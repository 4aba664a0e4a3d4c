import re

import numpy as np
import pytest
import torch

from torchkeras import layers
from torchkeras.layers.preprocessing.image_preprocessing.random_elastic_transform import (
    map_coordinates_2d,
)

IMG = torch.arange(20, dtype=torch.float32).reshape(1, 4, 5, 1)
ROWS = torch.tensor([[-1.3, 0.4, 2.5, 3.9, 5.2]]).repeat(4, 1)[None]
COLS = torch.tensor([[-0.6], [1.2], [4.7], [6.1]]).repeat(1, 5)[None]

# from keras 3.15.1 (keras.ops.image.map_coordinates, fill_value=-1)
MAP_CASES = [
    ("constant", 0, [[-1, -1, -1, -1, -1], [-1, 1, 11, -1, -1], [-1] * 5, [-1] * 5]),
    ("constant", 1, [[-1, 0.2, 4.4, -0.36, -1], [-1, 3.2, 13.7, 0.72, -1],
                     [-1, 1.1, 4.25, -0.4, -1], [-1] * 5]),
    ("nearest", 1, [[0, 2, 12.5, 15, 15], [1.2, 3.2, 13.7, 16.2, 16.2], [4, 6, 16.5, 19, 19],
                    [4, 6, 16.5, 19, 19]]),
    ("wrap", 0, [[19, 4, 14, 4, 9], [16, 1, 11, 1, 6], [15, 0, 10, 0, 5], [16, 1, 11, 1, 6]]),
    ("reflect", 1, [[7.1, 2.6, 13.1, 15.6, 9.6], [7.7, 3.2, 13.7, 16.2, 10.2],
                    [10.5, 6.0, 16.5, 19.0, 13.0], [9.4, 4.9, 15.4, 17.9, 11.9]]),
]


@pytest.mark.parametrize("fill_mode,order,expected", MAP_CASES)
def test_map_coordinates_matches_keras(fill_mode, order, expected):
    out = map_coordinates_2d(IMG, ROWS, COLS, order, fill_mode, -1.0)
    np.testing.assert_allclose(out[0, :, :, 0].numpy(), expected, rtol=1e-5, atol=1e-5)


def test_random_elastic_transform_behaviour():
    x = np.random.default_rng(0).uniform(0, 255, size=(2, 12, 10, 3)).astype("float32")
    a = layers.RandomElasticTransform(seed=3)(x)
    b = layers.RandomElasticTransform(seed=3)(x)
    assert torch.equal(a, b) and a.shape == x.shape
    assert float(a.min()) >= 0 and float(a.max()) <= 255 and not np.allclose(a.numpy(), x)
    np.testing.assert_array_equal(
        layers.RandomElasticTransform()(x, training=False).numpy(), x)
    never = layers.RandomElasticTransform(factor=0.0)(x)
    np.testing.assert_array_equal(never.numpy(), x)
    single = layers.RandomElasticTransform(interpolation="nearest", fill_mode="wrap",
                                           seed=1)(x[0])
    assert single.shape == x[0].shape
    config = layers.RandomElasticTransform(name="e").get_config()
    # from keras 3.15.1
    assert {k: config[k] for k in ("factor", "scale", "fill_mode", "value_range")} == {
        "factor": (0, 1.0), "scale": (0, 1.0), "fill_mode": "reflect", "value_range": (0, 255)}


def test_random_elastic_transform_errors():
    with pytest.raises(NotImplementedError, match=re.escape(
            "Unknown `interpolation` cubic. Expected of one ('nearest', 'bilinear').")):
        layers.RandomElasticTransform(interpolation="cubic")
    with pytest.raises(NotImplementedError, match="Unknown `fill_mode` other."):
        layers.RandomElasticTransform(fill_mode="other")
    with pytest.raises(ValueError, match=re.escape(
            "The `scale` argument should be a number (or a list of two numbers) in the range "
            "[0, 1]. Received: factor=2")):
        layers.RandomElasticTransform(scale=2)
