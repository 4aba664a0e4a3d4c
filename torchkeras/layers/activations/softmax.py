"""Softmax: the softmax activation as a layer, over one or several axes, with a mask."""

import torch

from torchkeras import activations
from torchkeras.layers.layer import Layer


def large_negative_number(dtype):
    """The value Keras gives masked logits: -1e9, or -3e4 where float16 cannot hold it."""
    return -3e4 if dtype == torch.float16 else -1e9


def check_mask_broadcastable(inputs_shape, mask_shape):
    """Raise Keras's error when `mask_shape` does not broadcast to `inputs_shape`."""
    if len(mask_shape) > len(inputs_shape):
        raise ValueError(
            "The `mask` must be broadcastable to `inputs` and must not have more dimensions. "
            f"Received: inputs.shape={tuple(inputs_shape)}, mask.shape={tuple(mask_shape)}"
        )
    for m_dim, i_dim in zip(reversed(tuple(mask_shape)), reversed(tuple(inputs_shape))):
        if m_dim is not None and i_dim is not None and m_dim != 1 and m_dim != i_dim:
            raise ValueError(
                "The `mask` must be broadcastable to `inputs`. Each mask dimension must be 1 "
                "or match the corresponding input dimension. Received: "
                f"inputs.shape={tuple(inputs_shape)}, mask.shape={tuple(mask_shape)}"
            )


class Softmax(Layer):
    """Softmax activation layer.

    Formula: `exp_x = exp(x - max(x))`, `f(x) = exp_x / sum(exp_x)`.

    Args:
        axis: Integer, or list of integers, axis along which the softmax normalization is
            applied. Defaults to `-1`.

    Call arguments:
        inputs: The inputs (logits) to the softmax layer.
        mask: A boolean mask broadcastable to `inputs` (1 keeps, 0 masks; a float mask keeps
            the entries above 0.5). Masked entries get probability 0, and a fully masked slice
            is all zeros. Defaults to `None`.

    Example:

    >>> keras.layers.Softmax()(np.array([1.0, 2.0, 1.0]))
    tensor([0.2119, 0.5761, 0.2119])
    """

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis
        self.supports_masking = True
        self.built = True

    def call(self, inputs, mask=None):
        if mask is not None:
            check_mask_broadcastable(inputs.shape, mask.shape)
            if mask.dtype != torch.bool:
                mask = mask > 0.5
            inputs = inputs.masked_fill(~mask, large_negative_number(inputs.dtype))
        axis = self.axis
        if isinstance(axis, (tuple, list)) and len(axis) > 1:
            outputs = torch.exp(inputs - torch.logsumexp(inputs, dim=tuple(axis), keepdim=True))
        else:
            if isinstance(axis, (tuple, list)):
                axis = axis[0]
            if mask is None:
                # Keeps the logits on the output for the crossentropy losses (Keras on TF reads
                # them back from the softmax op).
                return activations.softmax(inputs, axis=axis)
            outputs = torch.softmax(inputs, dim=axis)
        if mask is not None:
            # A fully masked slice would otherwise be uniform.
            outputs = outputs.masked_fill(~mask, 0.0)
        return outputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config["axis"] = self.axis
        return config
