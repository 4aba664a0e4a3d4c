"""RandomRotation: rotate images by a random angle during training."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing import image_ops
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class RandomRotation(BaseImagePreprocessingLayer):
    """A preprocessing layer which randomly rotates images during training.

    Each image is rotated about its center by an angle drawn uniformly from
    `[lower * 360, upper * 360]` degrees (`factor=0.2` means up to 72 degrees either way);
    points outside the input are filled according to `fill_mode`. In inference the output equals
    the input (cast to the compute dtype).

    Args:
        factor: A float (range `[-factor, factor]`) or a `(lower, upper)` pair, as fractions of
            a full turn; positive values rotate counter-clockwise.
        fill_mode: `"reflect"`, `"wrap"`, `"constant"` or `"nearest"`. Defaults to `"reflect"`.
        interpolation: `"nearest"` or `"bilinear"`. Defaults to `"bilinear"`.
        seed: Integer. Used to create a random seed.
        fill_value: Value of points outside the input with `fill_mode="constant"`.
            Defaults to `0.0`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
    """

    _SUPPORTED_FILL_MODE = ("reflect", "wrap", "constant", "nearest")
    _SUPPORTED_INTERPOLATION = ("nearest", "bilinear")

    def __init__(self, factor, fill_mode="reflect", interpolation="bilinear", seed=None,
                 fill_value=0.0, data_format=None, **kwargs):
        super().__init__(factor=factor, data_format=data_format, **kwargs)
        self._make_seed_generator(seed)
        self.fill_mode = fill_mode
        self.interpolation = interpolation
        self.fill_value = fill_value
        if self.fill_mode not in self._SUPPORTED_FILL_MODE:
            raise NotImplementedError(
                f"Unknown `fill_mode` {fill_mode}. Expected of one "
                f"{self._SUPPORTED_FILL_MODE}."
            )
        if self.interpolation not in self._SUPPORTED_INTERPOLATION:
            raise NotImplementedError(
                f"Unknown `interpolation` {interpolation}. Expected of one "
                f"{self._SUPPORTED_INTERPOLATION}."
            )

    def _transform_images(self, images, transformation, interpolation):
        if transformation is None:
            return images
        return self._from_channels_last(image_ops.affine_transform(
            self._to_channels_last(images), transformation["rotation_matrix"],
            interpolation=interpolation, fill_mode=self.fill_mode, fill_value=self.fill_value,
            projective=False,
        ))

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = self._images_of(data)
        batch_size = images.shape[0] if images.dim() == 4 else 1
        height, width = self._image_size(images)
        generator = self._random_generator(images.device)
        angle = self._uniform((batch_size,), self.factor[0] * 360.0, self.factor[1] * 360.0,
                              generator, images.device)
        zeros = torch.zeros(batch_size, device=images.device)
        matrix = self._compute_affine_matrix(
            center_x=0.5, center_y=0.5, angle=angle, translate_x=zeros, translate_y=zeros,
            scale=torch.ones(batch_size, device=images.device), shear_x=zeros, shear_y=zeros,
            height=height, width=width,
        )
        return {"angle": angle, "rotation_matrix": matrix, "image_height": height,
                "image_width": width, "batch_size": batch_size}

    def get_config(self):
        config = super().get_config()
        config.update({
            "factor": self.factor,
            "data_format": self.data_format,
            "fill_mode": self.fill_mode,
            "fill_value": self.fill_value,
            "interpolation": self.interpolation,
            "seed": self.seed,
        })
        return config
