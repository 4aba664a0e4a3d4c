"""GlobalAveragePooling1D: global average pooling for 1D data."""

import torch

from torchkeras.layers.pooling.base_global_pooling import BaseGlobalPooling


class GlobalAveragePooling1D(BaseGlobalPooling):
    """Global average pooling operation for 1D data.

    Takes the mean over the steps axes, leaving one value per channel.

    Args:
        data_format: `"channels_last"` (inputs `(batch_size, steps, features)`) or
            `"channels_first"` (inputs `(batch_size, features, steps)`). Defaults to
            `keras.config.image_data_format()`.
        keepdims: bool, whether the spatial axes are kept with length 1. Defaults to
            `False`.
        mask: Optional boolean tensor `(batch_size, steps)` passed to `call()`: masked steps
            are left out of the average.

    Input shape: 3D tensor `(batch_size, steps, features)` or `(batch_size, features, steps)`.
    Output shape: `(batch_size, channels)`; with `keepdims=True`, `(batch_size, 1, channels)`
        or `(batch_size, channels, 1)`.

    Example:

    >>> x = np.random.rand(4, 10, 3).astype("float32")
    >>> keras.layers.GlobalAveragePooling1D()(x).shape
    torch.Size([4, 3])
    """

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(pool_dimensions=1, data_format=data_format, keepdims=keepdims, **kwargs)
        self.supports_masking = True

    def call(self, inputs, mask=None):
        steps_axis = self._axes[0]
        if mask is None:
            return inputs.mean(dim=steps_axis, keepdim=self.keepdims)
        # Masked steps count neither in the sum nor in the number of steps.
        mask = mask.unsqueeze(2 if self.data_format == "channels_last" else 1)  # (batch, steps, 1)
        mask = mask.to(dtype=torch.bool)
        total = torch.where(mask, inputs, 0.0).sum(dim=steps_axis, keepdim=self.keepdims)
        count = mask.to(inputs.dtype).sum(dim=steps_axis, keepdim=self.keepdims)
        return total / count

    def compute_mask(self, inputs, mask=None):
        return None


GlobalAvgPool1D = GlobalAveragePooling1D
