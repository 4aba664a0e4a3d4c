"""BasePooling: max and average pooling over 1, 2 or 3 spatial dimensions."""

import torch
import torch.nn.functional as F

from torchkeras import backend
from torchkeras.backend import compiled_ops
from torchkeras.layers.convolutional import conv_utils
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer

_POOL = {
    ("max", 1): F.max_pool2d, ("max", 2): F.max_pool2d, ("max", 3): F.max_pool3d,
    ("average", 1): F.avg_pool2d, ("average", 2): F.avg_pool2d, ("average", 3): F.avg_pool3d,
}
_MAX_CACHED_PLANS = 32


def _torch_padding(spatial, pool_size, strides, padding):
    """torch arguments `(padding, ceil_mode, shifted)` giving TensorFlow's pooling windows.

    TF's `"same"` windows start at `i * s - before`, `before = total // 2`, and the last ones
    may run past the end of the input (by `after = total - before`). torch with
    `padding=before` and `ceil_mode=True` places its windows at the same starts and keeps one
    that runs past the end, clipped to the input; padded positions are never the max, and with
    `count_include_pad=False` they are not counted in the average (TF's "same" average excludes
    them too). Ceil mode adds no window at stride 1, so a stride-1 dimension with an odd
    `total` pads `after` on both sides instead and drops the first output (`shifted`).
    """
    rank = len(pool_size)
    if padding == "valid":
        return (0,) * rank, False, ()
    pads, shifted = [], []
    for i, (size, k, s) in enumerate(zip(spatial, pool_size, strides)):
        before, after = conv_utils.same_padding(size, k, s)
        if s == 1 and after != before:
            pads.append(after)
            shifted.append(i)
        else:
            pads.append(before)
    return tuple(pads), True, tuple(shifted)


class BasePooling(Layer):
    """Base pooling layer (private): max or average pooling over `pool_dimensions` axes.

    Args:
        pool_size: int or tuple of ints, the size of the pooling window.
        strides: int or tuple of ints, the step between windows. `None` means `pool_size`.
        pool_dimensions: int, the number of spatial dimensions (1, 2 or 3).
        pool_mode: `"max"` or `"average"`. Defaults to `"max"`.
        padding: `"valid"` (no padding) or `"same"` (TF-style; averages exclude the padding).
            Defaults to `"valid"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
    """

    def __init__(self, pool_size, strides, pool_dimensions, pool_mode="max", padding="valid",
                 data_format=None, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        self.pool_size = conv_utils.standardize_tuple(pool_size, pool_dimensions, "pool_size")
        strides = pool_size if strides is None else strides
        self.strides = conv_utils.standardize_tuple(
            strides, pool_dimensions, "strides", allow_zero=True
        )
        self.pool_mode = pool_mode
        # Kept as given, as Keras does (its TF kernels upper-case it); checked here rather
        # than at the first call.
        self.padding = padding
        self._padding = str(padding).lower()
        if self._padding not in ("valid", "same"):
            raise ValueError(
                "Argument `padding` must be either 'valid' or 'same'. Received: "
                f"padding={padding}"
            )
        self.data_format = backend.standardize_data_format(data_format)
        self.input_spec = InputSpec(ndim=pool_dimensions + 2)
        self._rank = pool_dimensions
        self._pool = _POOL[(pool_mode, pool_dimensions)]
        self._kernel = self.pool_size
        self._strides = self.strides
        if pool_dimensions == 1:
            # 1D pooling runs as 2D pooling on a height-1 view (no copy of channels_last data).
            self._kernel = (1,) + self._kernel
            self._strides = (1,) + self._strides
        self._plans = {}
        self._static_plan = None
        if self._padding == "valid" or max(self.strides) == 1:
            self._static_plan = self._make_plan((1,) * pool_dimensions)
        self.built = True

    def _make_plan(self, spatial):
        pads, ceil_mode, shifted = _torch_padding(
            spatial, self.pool_size, self.strides, self._padding
        )
        if self._rank == 1:
            pads = (0,) + pads
            shifted = tuple(i + 1 for i in shifted)
        # Spatial dimension `i` is axis `i + 2` of the channels-first tensor.
        return pads, ceil_mode, tuple(i + 2 for i in shifted)

    def _plan(self, shape):
        plan = self._static_plan
        if plan is None:
            plan = self._plans.get(shape)
            if plan is None:
                if len(self._plans) >= _MAX_CACHED_PLANS:
                    self._plans.clear()
                plan = self._plans[shape] = self._make_plan(
                    conv_utils.spatial_dims(shape, self.data_format)
                )
        return plan

    def call(self, inputs):
        pads, ceil_mode, shifted = self._plan(inputs.shape)
        x = conv_utils.to_channels_first(inputs, self._rank, self.data_format)
        if self.pool_mode == "max":
            pool = self._pool
            if self._rank < 3 and torch.compiler.is_compiling():
                pool = compiled_ops.max_pool2d  # ATen's kernels inside the compiled graph
            y = pool(x, self._kernel, self._strides, pads, ceil_mode=ceil_mode)
        else:
            y = self._pool(
                x, self._kernel, self._strides, pads, ceil_mode=ceil_mode,
                count_include_pad=False,
            )
        for axis in shifted:
            y = y.narrow(axis, 1, y.shape[axis] - 1)
        return conv_utils.from_channels_first(y, self._rank, self.data_format)

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        out = []
        for size, k, s in zip(
            conv_utils.spatial_dims(input_shape, self.data_format), self.pool_size, self.strides
        ):
            if size is None:
                out.append(None)
            elif self._padding == "valid":
                length = (size - k) // s + 1
                if length <= 0:
                    raise ValueError(
                        "Computed output size would be zero or negative. Received: "
                        f"`inputs.shape=[{' '.join(str(d) for d in input_shape)}]`, "
                        f"`pool_size=[{' '.join(str(p) for p in self.pool_size)}]`, "
                        f"`strides={self.strides}`, `padding={self.padding}`."
                    )
                out.append(length)
            else:
                out.append((size - 1) // s + 1)
        channels = input_shape[conv_utils.channel_axis(self.data_format)]
        return conv_utils.output_shape(input_shape, channels, out, self.data_format)

    def get_config(self):
        config = super().get_config()
        config.update({
            "pool_size": self.pool_size,
            "padding": self.padding,
            "strides": self.strides,
            "data_format": self.data_format,
        })
        return config
