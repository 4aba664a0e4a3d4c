"""RandomGaussianBlur: blur images with a random Gaussian kernel during training."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)
from torchkeras.layers.preprocessing.image_preprocessing.random_sharpness import (
    depthwise_conv_same,
)


def gaussian_kernel(kernel_size, sigma, dtype, device):
    """The normalized 2D Gaussian `outer(k_y, k_x)` of `keras.ops.image.gaussian_blur`."""
    def kernel1d(size, s):
        x = torch.arange(size, dtype=dtype, device=device) - (size - 1) / 2
        k = torch.exp(-0.5 * (x / s) ** 2)
        return k / k.sum()

    kx = kernel1d(int(kernel_size[0]), sigma[0])
    ky = kernel1d(int(kernel_size[1]), sigma[1])
    return torch.outer(ky, kx)


class RandomGaussianBlur(BaseImagePreprocessingLayer):
    """Applies random Gaussian blur to images during training.

    Each image is blurred with probability drawn from the factor range; the kernel's standard
    deviations (x and y, shared by the batch) are drawn from the `sigma` range.

    Args:
        factor: A float in `[0, 1]` (range `[0, factor]`) or a `(lower, upper)` pair: the
            probability of blurring an image. Defaults to `1.0`.
        kernel_size: An odd integer, the size of the Gaussian kernel. Defaults to `3`.
        sigma: A float or `(lower, upper)` pair in `[0, 1]`: the standard deviation range.
            Defaults to `1.0`.
        value_range: The range of the input values, `[low, high]`. Defaults to `(0, 255)`.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: Integer. Used to create a random seed.
    """

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor=1.0, kernel_size=3, sigma=1.0, value_range=(0, 255),
                 data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self.kernel_size = self._set_kernel_size(kernel_size, "kernel_size")
        self.sigma = self._set_factor_by_name(sigma, "sigma")
        self.value_range = value_range
        self._make_seed_generator(seed)

    def _set_kernel_size(self, factor, name):
        error_msg = f"{name} must be an odd number. Received: {name}={factor}"
        if isinstance(factor, (tuple, list)):
            if len(factor) != 2:
                raise ValueError(
                    f"The `{name}` argument should be a number (or a list of two numbers) "
                    f"Received: {name}={factor}"
                )
            if factor[0] % 2 == 0 or factor[1] % 2 == 0:
                raise ValueError(error_msg)
            return tuple(factor)
        if isinstance(factor, (int, float)):
            if factor % 2 == 0:
                raise ValueError(error_msg)
            return factor, factor
        raise ValueError(error_msg)

    def _set_factor_by_name(self, factor, name):
        error_msg = (
            f"The `{name}` argument should be a number (or a list of two numbers) in the range "
            f"[{self._FACTOR_BOUNDS[0]}, {self._FACTOR_BOUNDS[1]}]. Received: factor={factor}"
        )
        if isinstance(factor, (tuple, list)):
            if len(factor) != 2 or factor[0] > self._FACTOR_BOUNDS[1] or (
                    factor[1] < self._FACTOR_BOUNDS[0]):
                raise ValueError(error_msg)
            return tuple(sorted(factor))
        if isinstance(factor, (int, float)):
            if factor < self._FACTOR_BOUNDS[0] or factor > self._FACTOR_BOUNDS[1]:
                raise ValueError(error_msg)
            factor = abs(factor)
            return max(-factor, self._FACTOR_BOUNDS[0]), factor
        raise ValueError(error_msg)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = self._images_of(data)
        batch_size = self._batch_size(images)
        generator = self._random_generator(images.device)
        probability = self._uniform((batch_size,), self.factor[0], self.factor[1], generator,
                                    images.device)
        threshold = torch.rand((batch_size,), generator=generator, device=images.device)
        blur_factor = self._uniform((2,), self.sigma[0], self.sigma[1], generator,
                                    images.device, dtype=self._torch_compute_dtype) + 1e-6
        return {"should_apply_blur": threshold < probability, "blur_factor": blur_factor}

    def transform_images(self, images, transformation=None, training=True):
        images = images.to(self._torch_compute_dtype)
        if not training or transformation is None:
            return images
        x = self._to_channels_last(images)
        kernel = gaussian_kernel(self.kernel_size, transformation["blur_factor"], x.dtype,
                                 x.device)
        blurred = depthwise_conv_same(x, kernel)
        x = torch.where(transformation["should_apply_blur"][:, None, None, None], blurred, x)
        x = x.clamp(self.value_range[0], self.value_range[1])
        return self._from_channels_last(x)

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return segmentation_masks

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "kernel_size": self.kernel_size,
                       "sigma": self.sigma, "value_range": self.value_range, "seed": self.seed})
        return config
