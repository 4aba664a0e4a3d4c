"""RandomElasticTransform: displace pixels along a smoothed random field during training."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)
from torchkeras.layers.preprocessing.image_preprocessing.random_gaussian_blur import (
    RandomGaussianBlur,
    gaussian_kernel,
)
from torchkeras.layers.preprocessing.image_preprocessing.random_sharpness import (
    depthwise_conv_same,
)


def _fix_indices(index, size, fill_mode):
    """Integer indices mapped into `[0, size)` as `keras.ops.image.map_coordinates` maps them,
    with a validity mask for `"constant"`."""
    if fill_mode == "constant":
        return index.clamp(0, size - 1), (index >= 0) & (index < size)
    if fill_mode == "nearest":
        return index.clamp(0, size - 1), None
    if fill_mode in ("mirror", "reflect"):
        index = index.abs()
        mod = torch.remainder(index, 2 * size)
        under = mod < size
        fixed = torch.where(under, mod, 2 * size - mod)
        if fill_mode == "reflect":
            return torch.where(~under, fixed - 1, fixed), None
        # "mirror" can land on `size` (Keras then fails to gather): stay inside.
        return fixed.clamp(max=size - 1), None
    return torch.remainder(index, size), None  # wrap


def map_coordinates_2d(images, rows, cols, order, fill_mode, fill_value):
    """Sample channels-last images at `(rows, cols)` (batch, h, w), order 0 or 1."""
    batch, height, width, channels = images.shape
    if order == 0:
        nodes_r = [(torch.round(rows).to(torch.int64), 1.0)]
        nodes_c = [(torch.round(cols).to(torch.int64), 1.0)]
    else:
        r0, c0 = torch.floor(rows), torch.floor(cols)
        nodes_r = [(r0.to(torch.int64), 1 - (rows - r0)), (r0.to(torch.int64) + 1, rows - r0)]
        nodes_c = [(c0.to(torch.int64), 1 - (cols - c0)), (c0.to(torch.int64) + 1, cols - c0)]
    flat = images.reshape(batch, height * width, channels)
    out = 0.0
    for r, wr in nodes_r:
        r, valid_r = _fix_indices(r, height, fill_mode)
        for c, wc in nodes_c:
            c, valid_c = _fix_indices(c, width, fill_mode)
            index = (r * width + c).reshape(batch, -1, 1).expand(-1, -1, channels)
            values = torch.gather(flat, 1, index).reshape(batch, height, width, channels)
            if valid_r is not None:
                valid = (valid_r & valid_c).unsqueeze(-1)
                values = torch.where(valid, values, torch.full_like(values, float(fill_value)))
            weight = wr * wc
            out = out + (weight.unsqueeze(-1) if torch.is_tensor(weight) else weight) * values
    return out


class RandomElasticTransform(BaseImagePreprocessingLayer):
    """A preprocessing layer that applies random elastic transformations.

    Each pixel moves along a random displacement field smoothed by a Gaussian filter:
    displacements scale with `alpha = 0.1 * s * max(h, w)` and the filter with
    `sigma = 0.05 * s * min(h, w)`, `s` drawn from `scale`. As in Keras the x and y fields are
    the same draw. Each image is transformed with probability drawn from the factor range.

    Args:
        factor: A float in `[0, 1]` (range `[0, factor]`) or a `(lower, upper)` pair: the
            probability of transforming an image. Defaults to `1.0`.
        scale: A float or `(lower, upper)` pair in `[0, 1]`: the distortion strength.
            Defaults to `1.0`.
        interpolation: `"nearest"` or `"bilinear"`. Defaults to `"bilinear"`.
        fill_mode: `"constant"`, `"nearest"`, `"wrap"`, `"mirror"` or `"reflect"`.
            Defaults to `"reflect"`.
        fill_value: Value of points outside the input with `fill_mode="constant"`.
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        seed: Integer. Used to create a random seed.
        data_format: `"channels_last"` or `"channels_first"`.
    """

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _SUPPORTED_INTERPOLATION = ("nearest", "bilinear")
    _SUPPORTED_FILL_MODES = {"constant", "nearest", "wrap", "mirror", "reflect"}
    _set_factor_by_name = RandomGaussianBlur._set_factor_by_name

    def __init__(self, factor=1.0, scale=1.0, interpolation="bilinear", fill_mode="reflect",
                 fill_value=0.0, value_range=(0, 255), seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.scale = self._set_factor_by_name(scale, "scale")
        self.interpolation = interpolation
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.value_range = value_range
        self._make_seed_generator(seed)
        if interpolation not in self._SUPPORTED_INTERPOLATION:
            raise NotImplementedError(
                f"Unknown `interpolation` {interpolation}. Expected of one "
                f"{self._SUPPORTED_INTERPOLATION}."
            )
        if fill_mode not in self._SUPPORTED_FILL_MODES:
            raise NotImplementedError(
                f"Unknown `fill_mode` {fill_mode}. Expected of one {self._SUPPORTED_FILL_MODES}."
            )

    def get_random_transformation(self, data, training=True, seed=None):
        if not training or self.scale[1] == 0 or self.factor[1] == 0:
            return None
        images = self._images_of(data)
        batch_size = 1 if images.dim() == 3 else images.shape[0]
        height, width = self._image_size(images)
        device, dtype = images.device, self._torch_compute_dtype
        generator = self._random_generator(device)
        probability = self._uniform((batch_size,), self.factor[0], self.factor[1], generator,
                                    device)
        threshold = torch.rand((batch_size,), generator=generator, device=device)
        distortion = float(self.scale[0] + (self.scale[1] - self.scale[0]) * torch.rand(
            (), generator=self.generator.next_generator("cpu")))
        noise = torch.randn((batch_size, height, width), generator=generator, device=device,
                            dtype=dtype)
        return {"apply_transform": threshold < probability, "distortion_factor": distortion,
                "noise": noise}

    def _transform_images(self, images, transformation, interpolation):
        if transformation is None:
            return images
        unbatched = images.dim() == 3
        x = self._to_channels_last(images.unsqueeze(0) if unbatched else images)
        batch, height, width, _ = x.shape
        factor = transformation["distortion_factor"]
        alpha = max(height, width) * 0.1 * factor
        sigma = min(height, width) * 0.05 * factor
        size = 6 * int(sigma) | 1
        kernel = gaussian_kernel((size, size), (sigma, sigma), x.dtype, x.device)
        field = transformation["noise"][:batch].to(x.dtype) * sigma
        field = depthwise_conv_same(field.unsqueeze(-1), kernel).squeeze(-1)
        cols = torch.arange(width, dtype=x.dtype, device=x.device)[None, None, :] + alpha * field
        rows = torch.arange(height, dtype=x.dtype, device=x.device)[None, :, None] + alpha * field
        order = self._SUPPORTED_INTERPOLATION.index(interpolation)
        moved = map_coordinates_2d(x, rows, cols, order, self.fill_mode, self.fill_value)
        apply = transformation["apply_transform"][:, None, None, None]
        out = torch.where(apply, moved, x).clamp(self.value_range[0], self.value_range[1])
        out = self._from_channels_last(out).to(self._torch_compute_dtype)
        return out.squeeze(0) if unbatched else out

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "scale": self.scale,
                       "interpolation": self.interpolation, "fill_mode": self.fill_mode,
                       "fill_value": self.fill_value, "value_range": self.value_range,
                       "seed": self.seed})
        return config
