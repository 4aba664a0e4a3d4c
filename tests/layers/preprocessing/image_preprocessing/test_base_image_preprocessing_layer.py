import re

import numpy as np
import pytest

from torchkeras import layers
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


def test_dict_inputs_transform_images_labels_and_masks_together():
    rng = np.random.default_rng(0)
    images = rng.uniform(size=(4, 5, 5, 3)).astype("float32")
    masks = rng.integers(0, 3, size=(4, 5, 5, 1)).astype("float32")
    labels = np.eye(4, dtype="float32")
    out = layers.RandomFlip("horizontal", seed=1)(
        {"images": images, "segmentation_masks": masks, "labels": labels})
    for image, mask, new_image, new_mask in zip(images, masks, out["images"].numpy(),
                                                out["segmentation_masks"].numpy()):
        flipped = np.array_equal(new_image, image[:, ::-1])
        assert flipped or np.array_equal(new_image, image)
        assert np.array_equal(new_mask, mask[:, ::-1] if flipped else mask)
    np.testing.assert_array_equal(out["labels"].numpy(), labels)
    single = layers.RandomRotation(0.2, seed=2)({"images": images[0], "labels": labels[0]})
    assert single["images"].shape == (5, 5, 3) and single["labels"].shape == (4,)


def test_factor_handling_and_errors():
    class Layer(BaseImagePreprocessingLayer):
        pass

    assert Layer(0.3).factor == (-0.3, 0.3)
    assert Layer((0.4, -0.2)).factor == (-0.2, 0.4)
    assert Layer().factor == (0.0, 0.0)
    with pytest.raises(ValueError, match=re.escape(
            "The `factor` argument should be a number (or a list of two numbers) in the range "
            "[-1, 1]. Received: factor=[2, 3]")):
        Layer([2, 3])
    with pytest.raises(ValueError, match=re.escape(
            "Layer RandomFlip does not take a `factor` argument. Received: factor=0.5")):
        layers.RandomFlip(factor=0.5)


def test_bounding_boxes_are_not_supported_yet():
    images = np.ones((1, 4, 4, 3), "float32")
    boxes = {"boxes": np.zeros((1, 1, 4), "float32"), "labels": np.zeros((1, 1), "int32")}
    with pytest.raises(ValueError, match=re.escape(
            "You passed an input with a 'bounding_boxes' key, but you didn't specify a bounding "
            "box format.")):
        layers.RandomFlip()({"images": images, "bounding_boxes": boxes})
    with pytest.raises(NotImplementedError, match="bounding boxes are not supported yet"):
        layers.RandomFlip(bounding_box_format="xyxy")({"images": images, "bounding_boxes": boxes})
    assert layers.RandomFlip(bounding_box_format="xyxy").get_config()[
        "bounding_box_format"] == "xyxy"
