import numpy as np
import pytest

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test


def test_masking_zeroes_and_masks_padded_steps(rng):
    x = rng.normal(size=(2, 4, 3)).astype("float32")
    x[0, 1] = 0.0
    x[1, 3] = 0.0
    x[1, 0, 0] = 0.0  # one zero feature does not mask a step
    out = layers.Masking()(x)
    keep = np.array([[True, False, True, True], [True, True, True, False]])
    np.testing.assert_array_equal(out._keras_mask.numpy(), keep)
    np.testing.assert_array_equal(out.detach().numpy(), x * keep[..., None])
    x2 = np.where(x > 1.0, 0.5, x).astype("float32")
    x2[0, 2] = 0.5
    out = layers.Masking(mask_value=0.5)(x2)
    assert not out._keras_mask.numpy()[0, 2]
    np.testing.assert_array_equal(out.detach().numpy()[0, 2], 0.0)
    run_layer_test(layers.Masking, {"mask_value": 0.0}, input_data=x, expected_output_shape=x.shape,
                   supports_masking=True, run_training_check=False)
    assert layers.Masking(mask_value=1.5).get_config()["mask_value"] == 1.5


def test_wrapper_builds_and_serializes_the_wrapped_layer():
    class Twice(layers.Wrapper):
        def call(self, inputs):
            return self.layer(inputs) * 2.0

    keras.saving.register_keras_serializable(package="test")(Twice)
    wrapper = Twice(layers.Dense(3, name="inner"), name="twice")
    out = wrapper(np.ones((2, 4), "float32"))
    assert tuple(out.shape) == (2, 3) and wrapper.layer.built
    assert [w.path for w in wrapper.weights][0].endswith("inner/kernel")
    config = wrapper.get_config()
    assert config["layer"]["class_name"] == "Dense"
    clone = Twice.from_config(config)
    assert isinstance(clone.layer, layers.Dense) and clone.layer.units == 3
    with pytest.raises(ValueError, match=r"supplied to Wrapper isn't a supported layer type"):
        Twice("dense")
