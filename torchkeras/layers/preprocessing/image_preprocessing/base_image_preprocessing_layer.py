"""The base of the image preprocessing and augmentation layers.

A layer draws one random transformation per call (`get_random_transformation`), then applies it
to the images and, for dict inputs, to `labels` and `segmentation_masks`. Augmentations run only
when `training` is true; called directly, a layer trains by default, as in Keras, while
`predict()`/`evaluate()` and `training=False` leave the images unchanged.
"""

import math

import numpy as np
import torch

from torchkeras import backend
from torchkeras.backend.random import SeedGenerator
from torchkeras.layers.layer import Layer


class BaseImagePreprocessingLayer(Layer):
    """Base class of the image layers: factor handling, batching, dict inputs, random draws.

    Args:
        factor: Magnitude of the augmentation (layer specific), a number or a `(lower, upper)`
            pair within `_FACTOR_BOUNDS`.
        bounding_box_format: Format of `"bounding_boxes"` in dict inputs (not supported yet).
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
    """

    _USE_BASE_FACTOR = True
    _FACTOR_BOUNDS = (-1, 1)

    def __init__(self, factor=None, bounding_box_format=None, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.bounding_box_format = bounding_box_format
        self.data_format = backend.standardize_data_format(data_format)
        if self._USE_BASE_FACTOR:
            self._set_factor(factor or 0.0)
        elif factor is not None:
            raise ValueError(
                f"Layer {self.__class__.__name__} does not take "
                f"a `factor` argument. Received: factor={factor}"
            )
        self.built = True

    def _set_factor(self, factor):
        error_msg = (
            "The `factor` argument should be a number "
            "(or a list of two numbers) "
            "in the range "
            f"[{self._FACTOR_BOUNDS[0]}, {self._FACTOR_BOUNDS[1]}]. "
            f"Received: factor={factor}"
        )
        if isinstance(factor, (tuple, list)):
            if len(factor) != 2:
                raise ValueError(error_msg)
            if factor[0] > self._FACTOR_BOUNDS[1] or factor[1] < self._FACTOR_BOUNDS[0]:
                raise ValueError(error_msg)
            lower, upper = sorted(factor)
        elif isinstance(factor, (int, float)):
            if factor < self._FACTOR_BOUNDS[0] or factor > self._FACTOR_BOUNDS[1]:
                raise ValueError(error_msg)
            factor = abs(factor)
            lower, upper = [max(-factor, self._FACTOR_BOUNDS[0]), factor]
        else:
            raise ValueError(error_msg)
        self.factor = lower, upper

    def _set_value_range(self, value_range):
        if not isinstance(value_range, (tuple, list)) or len(value_range) != 2:
            raise ValueError(
                "The `value_range` argument should be a list of two numbers. "
                f"Received: value_range={value_range}"
            )
        self.value_range = sorted(value_range)

    # -- random draws -------------------------------------------------------------------------
    def _random_generator(self, device):
        """A seeded `torch.Generator` for this call (the layer's seed sequence advances)."""
        generator = getattr(self, "generator", None)
        if generator is None:
            return None
        return generator.next_generator(device.type)

    @staticmethod
    def _uniform(shape, minval, maxval, generator, device, dtype=torch.float32):
        values = torch.rand(shape, generator=generator, device=device, dtype=dtype)
        return values * (maxval - minval) + minval

    def _numpy_rng(self):
        """A NumPy generator seeded from the layer's seed sequence, for draws torch has no
        seeded sampler for (Beta); drawn on the host so no device sync is needed."""
        generator = self.generator.next_generator("cpu")
        seed = int(torch.randint(0, 2**62, (), generator=generator))
        return np.random.default_rng(seed)

    @staticmethod
    def _permutation(n, generator, device):
        return torch.randperm(n, generator=generator, device=device)

    def _make_seed_generator(self, seed):
        self.seed = seed
        self.generator = SeedGenerator(seed)

    # -- layout -------------------------------------------------------------------------------
    def _hw_axes(self, rank):
        if self.data_format == "channels_last":
            return rank - 3, rank - 2
        return rank - 2, rank - 1

    def _image_size(self, images):
        h_axis, w_axis = self._hw_axes(images.dim())
        return images.shape[h_axis], images.shape[w_axis]

    def _to_channels_last(self, images):
        return images if self.data_format == "channels_last" else images.permute(0, 2, 3, 1)

    def _from_channels_last(self, images):
        return images if self.data_format == "channels_last" else images.permute(0, 3, 1, 2)

    def _is_batched(self, images):
        rank = images.dim()
        if rank == 3:
            return False
        if rank == 4:
            return True
        raise ValueError(
            "Expected image tensor to have rank 3 (single image) "
            f"or 4 (batch of images). Received: data.shape={tuple(images.shape)}"
        )

    # -- the transformation interface ---------------------------------------------------------
    def get_random_transformation(self, data, training=True, seed=None):
        return None

    def _transform_images(self, images, transformation, interpolation):
        raise NotImplementedError()

    def transform_images(self, images, transformation, training=True):
        images = images.to(self._torch_compute_dtype)
        if training:
            images = self._transform_images(images, transformation, self.interpolation)
        return images

    def transform_labels(self, labels, transformation, training=True):
        return labels

    def transform_bounding_boxes(self, bounding_boxes, transformation, training=True):
        raise NotImplementedError(
            f"{self.__class__.__name__}: bounding boxes are not supported yet. "
            "See compat/DIFFERENCES.md."
        )

    def transform_segmentation_masks(self, segmentation_masks, transformation, training=True):
        if training:
            segmentation_masks = self._transform_images(
                segmentation_masks, transformation, "nearest"
            )
        return segmentation_masks

    def _batch_size(self, images, message_colon=False):
        rank = images.dim()
        if rank == 3:
            return 1
        if rank == 4:
            return images.shape[0]
        raise ValueError(
            "Expected the input image to be rank 3 or 4. Received"
            f"{':' if message_colon else ''} inputs.shape={tuple(images.shape)}"
        )

    @staticmethod
    def _as_tensor(x):
        return x if isinstance(x, torch.Tensor) else backend.convert_to_tensor(x)

    def _apply_batched(self, fn, x, batched, transformation, training):
        if batched:
            return fn(x, transformation, training=training)
        return fn(x.unsqueeze(0), transformation, training=training).squeeze(0)

    def call(self, data, training=True):
        transformation = self.get_random_transformation(data, training=training)
        if isinstance(data, dict):
            data = dict(data)
            images = self._as_tensor(data["images"])
            batched = self._is_batched(images)
            data["images"] = self._apply_batched(
                self.transform_images, images, batched, transformation, training
            )
            if "bounding_boxes" in data:
                if not self.bounding_box_format:
                    raise ValueError(
                        "You passed an input with a 'bounding_boxes' key, "
                        "but you didn't specify a bounding box format. "
                        "Pass a `bounding_box_format` argument to your "
                        f"{self.__class__.__name__} layer, e.g. "
                        "`bounding_box_format='xyxy'`."
                    )
                data["bounding_boxes"] = self.transform_bounding_boxes(
                    data["bounding_boxes"], transformation, training=training
                )
            if "labels" in data:
                data["labels"] = self._apply_batched(
                    self.transform_labels, self._as_tensor(data["labels"]), batched,
                    transformation, training,
                )
            if "segmentation_masks" in data:
                data["segmentation_masks"] = self._apply_batched(
                    self.transform_segmentation_masks,
                    self._as_tensor(data["segmentation_masks"]), batched, transformation,
                    training,
                )
            return data
        data = self._as_tensor(data)
        return self._apply_batched(
            self.transform_images, data, self._is_batched(data), transformation, training
        )

    def _images_of(self, data):
        return self._as_tensor(data["images"] if isinstance(data, dict) else data)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({"data_format": self.data_format})
        if self.bounding_box_format is not None:
            config.update({"bounding_box_format": self.bounding_box_format})
        return config

    # -- helpers for subclasses ---------------------------------------------------------------
    def _transform_value_range(self, images, original_range, target_range, dtype=torch.float32):
        """Map values from `original_range` to `target_range` (e.g. `[0, 255]` to `[0, 1]`)."""
        if original_range[0] == target_range[0] and original_range[1] == target_range[1]:
            return images
        images = images.to(dtype)
        original_min, original_max = float(original_range[0]), float(original_range[1])
        target_min, target_max = float(target_range[0]), float(target_range[1])
        images = (images - original_min) / (original_max - original_min)
        return images * (target_max - target_min) + target_min

    @staticmethod
    def _compute_affine_matrix(center_x, center_y, angle, translate_x, translate_y, scale,
                               shear_x, shear_y, height, width):
        """Per-sample `(batch, 8)` transforms: scale, then shear, then rotation (degrees)."""
        radians = math.pi / 180.0
        angle = angle * radians
        shear_x = torch.tan(shear_x * radians)
        shear_y = torch.tan(shear_y * radians)
        cx = center_x * (float(width) - 1)
        cy = center_y * (float(height) - 1)
        cos_theta, sin_theta = torch.cos(angle), torch.sin(angle)
        a0 = scale * (cos_theta + shear_x * sin_theta)
        a1 = scale * (-sin_theta + shear_x * cos_theta)
        a2 = translate_x + cx - cx * a0 - cy * a1
        b0 = scale * (shear_y * cos_theta + sin_theta)
        b1 = scale * (shear_y * -sin_theta + cos_theta)
        b2 = translate_y + cy - cx * b0 - cy * b1
        zeros = torch.zeros_like(a0)
        return torch.stack([a0, a1, a2, b0, b1, b2, zeros, zeros], dim=1)
