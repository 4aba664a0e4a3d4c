"""Masking: masks the timesteps whose features all equal `mask_value`."""

import torch

from torchkeras.layers.layer import Layer


class Masking(Layer):
    """Masks a sequence by using a mask value to skip timesteps.

    For each timestep of the input (dimension 1), if all the features equal `mask_value`, the
    timestep is masked (skipped) in all downstream layers that support masking, and its output
    is set to zero.

    Args:
        mask_value: The value that marks a padded timestep. Defaults to `0.0`.

    Example:

    >>> inputs = np.random.random((32, 10, 8)).astype("float32")
    >>> inputs[:, 3, :] = 0.0
    >>> outputs = keras.layers.Masking(mask_value=0.0)(inputs)
    >>> outputs._keras_mask[0]
    tensor([ True,  True,  True, False,  True,  True,  True,  True,  True,  True])
    """

    def __init__(self, mask_value=0.0, **kwargs):
        super().__init__(**kwargs)
        if isinstance(mask_value, dict) and mask_value.get("config", None):
            from torchkeras.saving import serialization

            mask_value = serialization.deserialize_keras_object(mask_value)
        self.mask_value = mask_value
        self.supports_masking = True
        self.built = True

    def compute_mask(self, inputs, mask=None):
        return torch.any(inputs != self.mask_value, dim=-1)

    def call(self, inputs):
        keep = torch.any(inputs != self.mask_value, dim=-1, keepdim=True)  # (batch, steps, 1)
        outputs = inputs.masked_fill(~keep, 0)
        outputs._keras_mask = keep.squeeze(-1)
        return outputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config["mask_value"] = self.mask_value
        return config
