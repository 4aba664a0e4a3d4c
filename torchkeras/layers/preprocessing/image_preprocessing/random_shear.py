"""RandomShear: shear images along x and/or y by random amounts during training."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing import image_ops
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


class RandomShear(BaseImagePreprocessingLayer):
    """A preprocessing layer that randomly applies shear transformations to images.

    For each image shears `sx` and `sy` are drawn from the factor ranges (with one random sign
    for both) and the output pixel `(x, y)` samples the input at `(x + sx * y, sy * x + y)`.

    Args:
        x_factor: A float in `[0, 1]` (range `[-factor, factor]`) or a `(lower, upper)` pair.
            Defaults to `0.0`.
        y_factor: Like `x_factor`, along y. Defaults to `0.0`.
        interpolation: `"nearest"` or `"bilinear"`. Defaults to `"bilinear"`.
        fill_mode: `"reflect"`, `"wrap"`, `"constant"` or `"nearest"`. Defaults to `"reflect"`.
        fill_value: Value of points outside the input with `fill_mode="constant"`.
            Defaults to `0.0`.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: Integer. Used to create a random seed.
    """

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _FACTOR_VALIDATION_ERROR = (
        "The `factor` argument should be a number (or a list of two numbers) "
        "in the range [0, 1.0]. "
    )
    _SUPPORTED_FILL_MODE = ("reflect", "wrap", "constant", "nearest")
    _SUPPORTED_INTERPOLATION = ("nearest", "bilinear")

    def __init__(self, x_factor=0.0, y_factor=0.0, interpolation="bilinear",
                 fill_mode="reflect", fill_value=0.0, data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.x_factor = self._set_factor_with_name(x_factor, "x_factor")
        self.y_factor = self._set_factor_with_name(y_factor, "y_factor")
        if fill_mode not in self._SUPPORTED_FILL_MODE:
            raise NotImplementedError(
                f"Unknown `fill_mode` {fill_mode}. Expected of one {self._SUPPORTED_FILL_MODE}."
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

    def _set_factor_with_name(self, factor, factor_name):
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
        if input_number > 1.0 or input_number < 0.0:
            raise ValueError(
                self._FACTOR_VALIDATION_ERROR + f"Received: input_number={input_number}"
            )

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = self._images_of(data)
        batch_size = 1 if images.dim() == 3 else images.shape[0]
        generator = self._random_generator(images.device)
        dtype = self._torch_compute_dtype
        invert = torch.rand((batch_size, 1), generator=generator, device=images.device,
                            dtype=dtype)
        invert = torch.where(invert > 0.5, -1.0, 1.0).to(dtype)
        shear_y = self._uniform((batch_size, 1), self.y_factor[0], self.y_factor[1], generator,
                                images.device, dtype)
        shear_x = self._uniform((batch_size, 1), self.x_factor[0], self.x_factor[1], generator,
                                images.device, dtype)
        return {"shear_factor": torch.cat([shear_x, shear_y], dim=1) * invert,
                "input_shape": tuple(images.shape)}

    def _transform_images(self, images, transformation, interpolation):
        if transformation is None:
            return images
        unbatched = images.dim() == 3
        if unbatched:
            images = images.unsqueeze(0)
        shear = transformation["shear_factor"]
        ones, zeros = torch.ones_like(shear[:, 0]), torch.zeros_like(shear[:, 0])
        matrix = torch.stack([ones, shear[:, 0], zeros, shear[:, 1], ones, zeros, zeros, zeros],
                             dim=1)
        outputs = self._from_channels_last(image_ops.affine_transform(
            self._to_channels_last(images), matrix, interpolation=interpolation,
            fill_mode=self.fill_mode, fill_value=self.fill_value, projective=False,
        ))
        return outputs.squeeze(0) if unbatched else outputs

    def get_config(self):
        config = super().get_config()
        config.update({
            "x_factor": self.x_factor, "y_factor": self.y_factor, "fill_mode": self.fill_mode,
            "interpolation": self.interpolation, "seed": self.seed,
            "fill_value": self.fill_value, "data_format": self.data_format,
        })
        return config
