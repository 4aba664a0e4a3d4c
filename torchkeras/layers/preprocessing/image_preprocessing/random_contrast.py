"""RandomContrast: scale each image's deviation from its mean by a random factor."""

from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class RandomContrast(BaseImagePreprocessingLayer):
    """A preprocessing layer which randomly adjusts contrast during training.

    For each image a contrast factor is drawn from `[1 - lower, 1 + upper]`; each channel
    becomes `(x - mean) * factor + mean` (the mean over the image's pixels), then values are
    clipped to `value_range`. In inference the input is returned unchanged.

    Args:
        factor: A positive float (range `[0, factor]`) or a `(lower, upper)` pair in `[0, 1]`.
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        seed: Integer. Used to create a random seed.
    """

    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(**kwargs)
        self._set_factor(factor)
        self.value_range = value_range
        self._make_seed_generator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = self._images_of(data)
        rank = images.dim()
        if rank not in (3, 4):
            raise ValueError(
                "Expected the input image to be rank 3 or 4. Received "
                f"inputs.shape={tuple(images.shape)}"
            )
        if not training:
            return None
        shape = (1, 1, 1) if rank == 3 else (images.shape[0], 1, 1, 1)
        generator = self._random_generator(images.device)
        factor = self._uniform(shape, 1.0 - self.factor[0], 1.0 + self.factor[1], generator,
                               images.device, dtype=self._torch_compute_dtype)
        return {"contrast_factor": factor}

    def transform_images(self, images, transformation, training=True):
        if not training:
            return images
        images = images.to(self._torch_compute_dtype)
        h_axis, w_axis = self._hw_axes(images.dim())
        # The mean over height, then over width (the order TensorFlow reduces in).
        mean = images.mean(dim=h_axis, keepdim=True).mean(dim=w_axis, keepdim=True)
        outputs = (images - mean) * transformation["contrast_factor"] + mean
        return outputs.clamp(self.value_range[0], self.value_range[1])

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "value_range": self.value_range,
                       "seed": self.seed})
        return config
