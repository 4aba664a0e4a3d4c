"""RandomPerspective: move the image corners randomly and warp with the homography."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing import image_ops
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


def compute_homography_matrix(start_points, end_points):
    """The `(batch, 8)` projective transforms mapping `end_points` to `start_points` (4 each)."""
    ex, ey = end_points[..., 0], end_points[..., 1]  # (batch, 4)
    sx, sy = start_points[..., 0], start_points[..., 1]
    one, zero = torch.ones_like(ex), torch.zeros_like(ex)
    rows = []
    for i in range(4):
        rows.append(torch.stack([ex[:, i], ey[:, i], one[:, i], zero[:, i], zero[:, i],
                                 zero[:, i], -sx[:, i] * ex[:, i], -sx[:, i] * ey[:, i]], -1))
        rows.append(torch.stack([zero[:, i], zero[:, i], zero[:, i], ex[:, i], ey[:, i],
                                 one[:, i], -sy[:, i] * ex[:, i], -sy[:, i] * ey[:, i]], -1))
    coefficients = torch.stack(rows, dim=1)  # (batch, 8, 8)
    target = torch.stack([sx[:, 0], sy[:, 0], sx[:, 1], sy[:, 1], sx[:, 2], sy[:, 2],
                          sx[:, 3], sy[:, 3]], dim=-1).unsqueeze(-1)
    return torch.linalg.solve(coefficients, target).reshape(-1, 8)


class RandomPerspective(BaseImagePreprocessingLayer):
    """A preprocessing layer that applies random perspective transformations.

    Each corner moves by up to `scale / 2` of its coordinates; the image is warped with the
    homography between the corners (points outside are filled with `fill_value`). Each image is
    transformed with probability drawn from the factor range.

    Args:
        factor: A float in `[0, 1]` (range `[0, factor]`) or a `(lower, upper)` pair: the
            probability of transforming an image. Defaults to `1.0`.
        scale: The corner displacement in `[0, 1]`. Defaults to `1.0`.
        interpolation: `"nearest"` or `"bilinear"`. Defaults to `"bilinear"`.
        fill_value: Value of points outside the input. Defaults to `0.0`.
        seed: Integer. Used to create a random seed.
        data_format: `"channels_last"` or `"channels_first"`.
    """

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)
    _SUPPORTED_INTERPOLATION = ("nearest", "bilinear")

    def __init__(self, factor=1.0, scale=1.0, interpolation="bilinear", fill_value=0.0,
                 seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.scale = scale
        self.fill_value = fill_value
        self.interpolation = interpolation
        self._make_seed_generator(seed)
        if scale < 0.0 or scale > 1.0:
            raise ValueError(
                "The `scale` argument should be a number in the range [0,1]. "
                f"Received: scale={scale}"
            )
        if interpolation not in self._SUPPORTED_INTERPOLATION:
            raise NotImplementedError(
                f"Unknown `interpolation` {interpolation}. Expected of one "
                f"{self._SUPPORTED_INTERPOLATION}."
            )

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = self._images_of(data)
        batch_size = 1 if images.dim() == 3 else images.shape[0]
        height, width = self._image_size(images)
        generator = self._random_generator(images.device)
        dtype = self._torch_compute_dtype
        probability = self._uniform((batch_size,), self.factor[0], self.factor[1], generator,
                                    images.device)
        threshold = torch.rand((batch_size,), generator=generator, device=images.device)
        factor = self._uniform((batch_size, 4, 2), -0.5 * self.scale, 0.5 * self.scale,
                               generator, images.device, dtype)
        start = torch.tensor([[[0.0, 0.0], [width - 1, 0.0], [0.0, height - 1],
                               [width - 1, height - 1]]], dtype=dtype, device=images.device)
        start = start.repeat(batch_size, 1, 1)
        return {"apply_perspective": threshold < probability, "start_points": start,
                "end_points": start + start * factor, "input_shape": tuple(images.shape)}

    def _transform_images(self, images, transformation, interpolation):
        if transformation is None:
            return images
        unbatched = images.dim() == 3
        if unbatched:
            images = images.unsqueeze(0)
        transform = compute_homography_matrix(
            transformation["start_points"].to(torch.float32),
            transformation["end_points"].to(torch.float32),
        )
        outputs = self._from_channels_last(image_ops.affine_transform(
            self._to_channels_last(images), transform, interpolation=interpolation,
            fill_mode="constant", fill_value=self.fill_value,
        ))
        apply = transformation["apply_perspective"][:, None, None, None]
        outputs = torch.where(apply, outputs, images)
        return outputs.squeeze(0) if unbatched else outputs

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "scale": self.scale,
                       "interpolation": self.interpolation, "fill_value": self.fill_value,
                       "seed": self.seed})
        return config
