import numpy as np
import pytest

from torchkeras import layers
from torchkeras.testing import run_layer_test

X = ((np.arange(20, dtype="float32").reshape(1, 4, 5, 1) * 7) % 11)


def test_center_crop_basics():
    run_layer_test(layers.CenterCrop, {"height": 2, "width": 3}, input_shape=(2, 5, 6, 3),
                   expected_output_shape=(2, 2, 3, 3), run_training_check=False)


def test_center_crop_matches_keras():
    # from keras 3.15.1
    assert layers.CenterCrop(2, 3)(X)[0, :, :, 0].tolist() == [[9, 5, 1], [0, 7, 3]]
    upsampled = layers.CenterCrop(5, 4)(X)
    np.testing.assert_allclose(upsampled[0, :, :, 0].numpy(), [
        [7.0, 4.5, 5.625, 10.0], [8.4, 5.9, 4.1375, 3.7], [4.5, 5.4375, 4.5, 2.0],
        [0.6, 4.975, 6.1, 3.6], [2.0, 6.375, 7.5, 5.0]], rtol=1e-6)
    assert layers.CenterCrop(2, 2)(X.astype("uint8")).dtype.is_floating_point


def test_center_crop_channels_first_unbatched_and_config():
    image = np.arange(2 * 4 * 6, dtype="float32").reshape(2, 4, 6)
    out = layers.CenterCrop(2, 2, data_format="channels_first")(image)
    assert out.shape == (2, 2, 2) and out[0].tolist() == [[8, 9], [14, 15]]
    config = layers.CenterCrop(1, 2, name="c").get_config()
    assert {k: config[k] for k in ("height", "width", "data_format")} == {
        "height": 1, "width": 2, "data_format": "channels_last"}


def test_center_crop_output_shape_error():
    with pytest.raises(ValueError, match="`input_shape` must be a non-nested tuple or list of"):
        layers.CenterCrop(2, 2).compute_output_shape((None, 3))
