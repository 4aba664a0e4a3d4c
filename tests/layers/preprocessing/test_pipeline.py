import re

import numpy as np
import pytest

import torchkeras as keras
from torchkeras import layers


def test_pipeline_matches_keras_and_passes_training():
    x = (np.arange(36).reshape(1, 3, 4, 3) * 37 % 255).astype("float32")
    pipeline = layers.Pipeline([layers.AutoContrast(), layers.RandomFlip(),
                                layers.Resizing(2, 2)], name="p")
    inference = pipeline(x, training=False)
    expected = layers.Resizing(2, 2)(layers.AutoContrast()(x))
    np.testing.assert_allclose(inference.numpy(), expected.numpy(), rtol=1e-6)
    assert pipeline.compute_output_shape((None, 3, 4, 3)) == (None, 2, 2, 3)
    assert len(pipeline.layers) == 3
    model = keras.Sequential([keras.Input((3, 4, 3)), pipeline])
    np.testing.assert_allclose(model.predict(x, verbose=0), expected.numpy(), rtol=1e-6)


def test_pipeline_config_round_trip():
    pipeline = layers.Pipeline([layers.RandomFlip(name="f", seed=3)], name="pp")
    config = pipeline.get_config()
    # from keras 3.15.1
    assert config == {"layers": [{
        "module": "keras.layers", "class_name": "RandomFlip",
        "config": {"name": "f", "trainable": True,
                   "dtype": {"module": "keras", "class_name": "DTypePolicy",
                             "config": {"name": "float32"}, "registered_name": None},
                   "data_format": "channels_last", "seed": 3,
                   "mode": "horizontal_and_vertical"},
        "registered_name": None}], "name": "pp"}
    clone = layers.Pipeline.from_config(config)
    assert clone.layers[0].get_config() == pipeline.layers[0].get_config()
    with pytest.raises(ValueError, match=re.escape(
            "`Pipeline` config must contain a `layers` key mapping to a list of serialized "
            "layers. Received config with layers=None.")):
        layers.Pipeline.from_config({"name": "x"})


def test_pipeline_of_text_layers():
    pipeline = layers.Pipeline([layers.StringLookup(vocabulary=["a", "b"]),
                                layers.CategoryEncoding(3, output_mode="one_hot")])
    assert pipeline(np.array(["b", "z"])).tolist() == [[0, 0, 1], [1, 0, 0]]
