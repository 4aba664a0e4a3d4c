"""RandomBrightness: add a random offset to each image during training."""

from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class RandomBrightness(BaseImagePreprocessingLayer):
    """A preprocessing layer which randomly adjusts brightness during training.

    For each image an offset `delta * (high - low)` is added, `delta` drawn from the factor
    range, and the result is clipped to `value_range`. In inference the input is returned
    unchanged.

    Args:
        factor: A float in `[-1, 1]` (range `[-factor, factor]`) or a `(lower, upper)` pair:
            -1 gives black images, 1 white ones.
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        seed: Integer. Used to create a random seed.
    """

    def __init__(self, factor, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(factor=factor, **kwargs)
        self._make_seed_generator(seed)
        self._set_value_range(value_range)

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
        delta = self._uniform(shape, self.factor[0], self.factor[1], generator, images.device)
        return {"rgb_delta": delta * (self.value_range[1] - self.value_range[0])}

    def transform_images(self, images, transformation, training=True):
        if not training:
            return images
        images = images.to(self._torch_compute_dtype)
        images = images + transformation["rgb_delta"].to(images.dtype)
        return images.clamp(self.value_range[0], self.value_range[1])

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "value_range": self.value_range,
                       "seed": self.seed})
        return config
