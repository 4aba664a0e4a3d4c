"""RandomColorDegeneration: blend images towards their grayscale version during training."""

from torchkeras.layers.preprocessing.image_preprocessing import image_ops
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class RandomColorDegeneration(BaseImagePreprocessingLayer):
    """Randomly performs the color degeneration operation on given images.

    Each image becomes `image + f * (grayscale(image) - image)`, with `f` drawn from the factor
    range, clipped to `value_range`.

    Args:
        factor: A float (range `[-factor, factor]`) or a `(lower, upper)` pair in `[-1, 1]`.
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: Integer. Used to create a random seed.
    """

    def __init__(self, factor, value_range=(0, 255), data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self._set_value_range(value_range)
        self._make_seed_generator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = self._images_of(data)
        batch_size = self._batch_size(images, message_colon=True)
        generator = self._random_generator(images.device)
        return {"factor": self._uniform((batch_size, 1, 1, 1), self.factor[0], self.factor[1],
                                        generator, images.device)}

    def transform_images(self, images, transformation=None, training=True):
        if not training:
            return images
        images = images.to(self._torch_compute_dtype)
        factor = transformation["factor"].to(images.dtype)
        channels_axis = -1 if self.data_format == "channels_last" else 1
        degenerates = image_ops.rgb_to_grayscale(images, channels_axis)
        images = images + factor * (degenerates - images)
        return images.clamp(self.value_range[0], self.value_range[1])

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "value_range": self.value_range,
                       "seed": self.seed})
        return config
