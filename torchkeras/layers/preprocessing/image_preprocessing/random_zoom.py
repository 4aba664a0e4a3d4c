"""RandomZoom: zoom images in or out by a random factor during training."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing import image_ops
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class RandomZoom(BaseImagePreprocessingLayer):
    """A preprocessing layer which randomly zooms images during training.

    Each image is zoomed about its center by a factor drawn from `[1 + lower, 1 + upper]` for
    the height (and the width, unless `width_factor` is given): positive factors zoom out,
    negative ones zoom in. In inference the output equals the input (cast to the compute dtype).

    Args:
        height_factor: A float in `(-1, 1]` (range `[-factor, factor]`) or a `(lower, upper)`
            pair.
        width_factor: Like `height_factor`, for the width. Defaults to `None` (the same zoom as
            the height, preserving the aspect ratio).
        fill_mode: `"reflect"`, `"wrap"`, `"constant"` or `"nearest"`. Defaults to `"reflect"`.
        interpolation: `"nearest"` or `"bilinear"`. Defaults to `"bilinear"`.
        seed: Integer. Used to create a random seed.
        fill_value: Value of points outside the input with `fill_mode="constant"`.
            Defaults to `0.0`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
    """

    _USE_BASE_FACTOR = False
    _FACTOR_VALIDATION_ERROR = (
        "The `height_factor` and `width_factor` arguments "
        "should be a number (or a list of two numbers) "
        "in the range (-1.0, 1.0]. "
    )
    _SUPPORTED_FILL_MODE = ("reflect", "wrap", "constant", "nearest")
    _SUPPORTED_INTERPOLATION = ("nearest", "bilinear")

    def __init__(self, height_factor, width_factor=None, fill_mode="reflect",
                 interpolation="bilinear", seed=None, fill_value=0.0, data_format=None,
                 **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.height_factor = height_factor
        self.height_lower, self.height_upper = self._set_range(height_factor, "height_factor")
        self.width_factor = width_factor
        if width_factor is not None:
            self.width_lower, self.width_upper = self._set_range(width_factor, "width_factor")
        if fill_mode not in self._SUPPORTED_FILL_MODE:
            raise NotImplementedError(
                f"Unknown `fill_mode` {fill_mode}. Expected of one "
                f"{self._SUPPORTED_FILL_MODE}."
            )
        if interpolation not in self._SUPPORTED_INTERPOLATION:
            raise NotImplementedError(
                f"Unknown `interpolation` {interpolation}. Expected of one "
                f"{self._SUPPORTED_INTERPOLATION}."
            )
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.interpolation = interpolation
        self._make_seed_generator(seed)

    def _set_range(self, factor, factor_name):
        if isinstance(factor, (tuple, list)):
            if len(factor) != 2:
                raise ValueError(
                    self._FACTOR_VALIDATION_ERROR + f"Received: {factor_name}={factor}"
                )
            self._check_factor_range(factor[0])
            self._check_factor_range(factor[1])
            return tuple(sorted(factor))
        if isinstance(factor, (int, float)):
            self._check_factor_range(factor)
            factor = abs(factor)
            return -factor, factor
        raise ValueError(self._FACTOR_VALIDATION_ERROR + f"Received: {factor_name}={factor}")

    def _check_factor_range(self, input_number):
        if input_number > 1.0 or input_number <= -1.0:
            raise ValueError(
                self._FACTOR_VALIDATION_ERROR + f"Received: input_number={input_number}"
            )

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = self._images_of(data)
        shape = (images.shape[0], 1) if images.dim() == 4 else (1, 1)
        generator = self._random_generator(images.device)
        height_zoom = self._uniform(shape, 1.0 + self.height_lower, 1.0 + self.height_upper,
                                    generator, images.device)
        if self.width_factor is not None:
            width_zoom = self._uniform(shape, 1.0 + self.width_lower, 1.0 + self.width_upper,
                                       generator, images.device)
        else:
            width_zoom = height_zoom
        return {"height_zoom": height_zoom, "width_zoom": width_zoom,
                "input_shape": tuple(images.shape)}

    def _transform_images(self, images, transformation, interpolation):
        if transformation is None:
            return images
        zooms = torch.cat([transformation["width_zoom"], transformation["height_zoom"]], dim=1)
        unbatched = images.dim() == 3
        if unbatched:
            images = images.unsqueeze(0)
        height, width = self._image_size(images)
        outputs = self._from_channels_last(image_ops.affine_transform(
            self._to_channels_last(images), self._get_zoom_matrix(zooms, height, width),
            interpolation=interpolation, fill_mode=self.fill_mode, fill_value=self.fill_value,
            projective=False,
        ))
        return outputs.squeeze(0) if unbatched else outputs

    @staticmethod
    def _get_zoom_matrix(zooms, image_height, image_width):
        # [[zx 0 x_offset] [0 zy y_offset] [0 0 1]]: a zoom about the image center.
        zx, zy = zooms[:, 0:1], zooms[:, 1:]
        x_offset = ((float(image_width) - 1.0) / 2.0) * (1.0 - zx)
        y_offset = ((float(image_height) - 1.0) / 2.0) * (1.0 - zy)
        zeros = torch.zeros_like(zx)
        return torch.cat([zx, zeros, x_offset, zeros, zy, y_offset, zeros, zeros], dim=1)

    def get_config(self):
        config = super().get_config()
        config.update({
            "height_factor": self.height_factor,
            "width_factor": self.width_factor,
            "fill_mode": self.fill_mode,
            "interpolation": self.interpolation,
            "seed": self.seed,
            "fill_value": self.fill_value,
            "data_format": self.data_format,
        })
        return config
