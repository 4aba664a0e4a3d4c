"""RandomTranslation: shift images by a random offset during training."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing import image_ops
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)
from torchkeras.layers.preprocessing.image_preprocessing.random_zoom import RandomZoom


class RandomTranslation(BaseImagePreprocessingLayer):
    """A preprocessing layer which randomly translates images during training.

    Each image is shifted by `height * h` and `width * w` pixels, with `h` and `w` drawn
    uniformly from the factor ranges; uncovered points are filled according to `fill_mode`. In
    inference the output equals the input (cast to the compute dtype).

    Args:
        height_factor: A float in `[-1, 1]` (range `[-factor, factor]`) or a `(lower, upper)`
            pair, as a fraction of the height; positive values shift down.
        width_factor: Like `height_factor`, for the width; positive values shift right.
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
        "The `factor` argument should be a number (or a list of two numbers) "
        "in the range [-1.0, 1.0]. "
    )
    _SUPPORTED_FILL_MODE = ("reflect", "wrap", "constant", "nearest")
    _SUPPORTED_INTERPOLATION = ("nearest", "bilinear")
    _set_range = RandomZoom._set_range

    def __init__(self, height_factor, width_factor, fill_mode="reflect",
                 interpolation="bilinear", seed=None, fill_value=0.0, data_format=None,
                 **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.height_factor = height_factor
        self.height_lower, self.height_upper = self._set_range(height_factor, "height_factor")
        self.width_factor = width_factor
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

    def _check_factor_range(self, input_number):
        if input_number > 1.0 or input_number < -1.0:
            raise ValueError(
                self._FACTOR_VALIDATION_ERROR + f"Received: input_number={input_number}"
            )

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = self._images_of(data)
        batch_size = 1 if images.dim() == 3 else images.shape[0]
        height, width = self._image_size(images)
        generator = self._random_generator(images.device)
        height_translate = self._uniform((batch_size, 1), self.height_lower, self.height_upper,
                                         generator, images.device) * height
        width_translate = self._uniform((batch_size, 1), self.width_lower, self.width_upper,
                                        generator, images.device) * width
        translations = torch.cat([width_translate, height_translate], dim=1)
        return {"translations": translations, "input_shape": tuple(images.shape)}

    def _transform_images(self, images, transformation, interpolation):
        if transformation is None:
            return images
        unbatched = images.dim() == 3
        if unbatched:
            images = images.unsqueeze(0)
        translations = transformation["translations"]
        ones = torch.ones_like(translations[:, 0:1])
        zeros = torch.zeros_like(ones)
        # [[1 0 -dx] [0 1 -dy] [0 0 1]]
        matrix = torch.cat([ones, zeros, -translations[:, 0:1], zeros, ones,
                            -translations[:, 1:], zeros, zeros], dim=1)
        outputs = self._from_channels_last(image_ops.affine_transform(
            self._to_channels_last(images), matrix, interpolation=interpolation,
            fill_mode=self.fill_mode, fill_value=self.fill_value, projective=False,
        ))
        return outputs.squeeze(0) if unbatched else outputs

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
