"""RandomFlip: randomly flip images horizontally and/or vertically during training."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)

HORIZONTAL = "horizontal"
VERTICAL = "vertical"
HORIZONTAL_AND_VERTICAL = "horizontal_and_vertical"


class RandomFlip(BaseImagePreprocessingLayer):
    """A preprocessing layer which randomly flips images during training.

    Each image is flipped with probability 1/2. In `"horizontal_and_vertical"` mode both flips
    are drawn together (one draw per image), as in Keras. In inference the output equals the
    input (cast to the compute dtype).

    Args:
        mode: `"horizontal"` (left-right), `"vertical"` (top-bottom) or
            `"horizontal_and_vertical"`. Defaults to `"horizontal_and_vertical"`.
        seed: Integer. Used to create a random seed.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
        **kwargs: Base layer keyword arguments, such as `name` and `dtype`.
    """

    _USE_BASE_FACTOR = False

    def __init__(self, mode=HORIZONTAL_AND_VERTICAL, seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._make_seed_generator(seed)
        self.mode = mode

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = self._images_of(data)
        shape = (1, 1, 1) if images.dim() == 3 else (images.shape[0], 1, 1, 1)
        generator = self._random_generator(images.device)
        flips = torch.rand(shape, generator=generator, device=images.device) <= 0.5
        return {"flips": flips, "input_shape": tuple(images.shape)}

    def transform_images(self, images, transformation, training=True):
        images = images.to(self._torch_compute_dtype)
        if training:
            return self._flip_inputs(images, transformation)
        return images

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return self.transform_images(segmentation_masks, transformation, training=training)

    def _flip_inputs(self, inputs, transformation):
        if transformation is None:
            return inputs
        flips = transformation["flips"]
        unbatched = inputs.dim() == 3
        if unbatched:
            inputs = inputs.unsqueeze(0)
        vertical_axis, horizontal_axis = self._hw_axes(4)
        outputs = inputs
        if self.mode in (HORIZONTAL, HORIZONTAL_AND_VERTICAL):
            outputs = torch.where(flips, outputs.flip(horizontal_axis), outputs)
        if self.mode in (VERTICAL, HORIZONTAL_AND_VERTICAL):
            outputs = torch.where(flips, outputs.flip(vertical_axis), outputs)
        return outputs.squeeze(0) if unbatched else outputs

    def get_config(self):
        config = super().get_config()
        config.update({"seed": self.seed, "mode": self.mode, "data_format": self.data_format})
        return config
