"""CutMix: paste a random box of another image of the batch into each image."""

import torch

from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)


def box_masks(images_shape, corners, h_axis, w_axis, channel_axis, dtype, device):
    """Boolean masks of the boxes `x0 <= x < x1, y0 <= y < y1`, one per image, all channels."""
    height, width = images_shape[h_axis], images_shape[w_axis]
    grid_y, grid_x = torch.meshgrid(torch.arange(height, dtype=dtype, device=device),
                                    torch.arange(width, dtype=dtype, device=device),
                                    indexing="ij")
    if channel_axis == -1:
        grid_y, grid_x = grid_y[None, :, :, None], grid_x[None, :, :, None]
    else:
        grid_y, grid_x = grid_y[None, None], grid_x[None, None]
    x0, x1, y0, y1 = (c[:, None, None, None] for c in corners)
    masks = (grid_x >= x0) & (grid_x < x1) & (grid_y >= y0) & (grid_y < y1)
    repeats = [1, 1, 1, 1]
    repeats[channel_axis] = images_shape[channel_axis]
    return masks.repeat(*repeats)


class CutMix(BaseImagePreprocessingLayer):
    """CutMix data augmentation technique.

    For each image a box (of area fraction `1 - w`, `w ~ Beta(a, a)` with `a` drawn from the
    factor range) is replaced by the same box of another image of the batch; labels are mixed
    with the kept area fraction. Unbatched images are returned unchanged.

    Args:
        factor: A float in `[0, 1]` (range `[0, factor]`) or a `(lower, upper)` pair for the
            Beta parameter. Defaults to `1.0`.
        seed: Integer. Used to create a random seed.
        data_format: `"channels_last"` or `"channels_first"`.
    """

    _USE_BASE_FACTOR = False
    _FACTOR_BOUNDS = (0, 1)

    def __init__(self, factor=1.0, seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self._set_factor(factor)
        self._make_seed_generator(seed)

    def _crop_bounds(self, batch_size, length, ratio, generator, device):
        crop_length = (ratio * length).to(self._torch_compute_dtype)
        start = torch.rand((batch_size,), generator=generator, device=device,
                           dtype=self._torch_compute_dtype) * (length - crop_length)
        return start, start + crop_length

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = self._images_of(data)
        if images.dim() == 3:
            return None
        batch_size = images.shape[0]
        height, width = self._image_size(images)
        device, dtype = images.device, self._torch_compute_dtype
        generator = self._random_generator(device)
        rng = self._numpy_rng()
        alpha = rng.uniform(self.factor[0], self.factor[1]) + 1e-6
        mix_weight = torch.as_tensor(rng.beta(alpha, alpha, size=(batch_size,)), dtype=dtype,
                                     device=device)
        ratio = torch.sqrt(1.0 - mix_weight)
        x0, x1 = self._crop_bounds(batch_size, width, ratio, generator, device)
        y0, y1 = self._crop_bounds(batch_size, height, ratio, generator, device)
        h_axis, w_axis = self._hw_axes(4)
        channel_axis = -1 if self.data_format == "channels_last" else 1
        masks = box_masks(tuple(images.shape), (x0, x1, y0, y1), h_axis, w_axis, channel_axis,
                          dtype, device)
        return {
            "permutation_order": self._permutation(batch_size, generator, device),
            "batch_masks": masks,
            "mix_weight": 1.0 - (x1 - x0) * (y1 - y0) / (width * height),
        }

    def transform_images(self, images, transformation=None, training=True):
        images = images.to(self._torch_compute_dtype)
        if training and transformation is not None:
            shuffled = images[transformation["permutation_order"]]
            images = torch.where(transformation["batch_masks"], shuffled, images)
        return images

    def transform_labels(self, labels, transformation, training=True):
        if training and transformation is not None:
            weight = transformation["mix_weight"].reshape(-1, 1)
            shuffled = labels[transformation["permutation_order"]]
            labels = weight * labels + (1.0 - weight) * shuffled
        return labels

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        return self.transform_images(segmentation_masks, transformation, training)

    def get_config(self):
        config = super().get_config()
        config.update({"factor": self.factor, "seed": self.seed})
        return config
