"""The shared body of tf.keras 2's LocallyConnected1D/2D: convolutions without weight sharing.

Each output position has its own kernel. tf.keras 2 offers three weight layouts, kept here so
tf.keras 2 weights (`.h5`) load unchanged:

* `implementation=1`: `kernel` is `(output_positions, kernel_positions * channels, filters)`;
  computed by unfolding the input patches and one batched matmul.
* `implementation=2`: `kernel` is the dense `(*input_spatial, channels, *output_spatial,
  filters)` (channels_last) or `(channels, *input_spatial, filters, *output_spatial)`
  (channels_first), of which only the connected entries count (a fixed mask).
* `implementation=3`: `kernel` holds only the connected entries, in the row-major order of the
  `(outputs, inputs)` connectivity matrix.

Implementations 2 and 3 are one matmul of the flattened input with the (masked / scattered)
dense matrix. `padding="same"` (implementations 2 and 3) centres each window at
`output_position * stride` with `kernel_size // 2` positions before it, as tf.keras 2 does.
"""

import itertools

import numpy as np
import torch

from torchkeras import activations
from torchkeras import backend
from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.layers.convolutional import conv_utils
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.locally_connected.local_conv import local_conv
from torchkeras.layers.layer import Layer


def _output_length(length, kernel, padding, stride):
    if length is None:
        return None
    length = length - kernel + 1 if padding == "valid" else length
    return (length + stride - 1) // stride


class BaseLocallyConnected(Layer):
    """Base of `LocallyConnected1D` (`rank = 1`) and `LocallyConnected2D` (`rank = 2`)."""

    rank = 1

    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 activation=None, use_bias=True, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None,
                 implementation=1, **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.filters = filters
        self.kernel_size = conv_utils.standardize_tuple(kernel_size, self.rank, "kernel_size")
        self.strides = conv_utils.standardize_tuple(strides, self.rank, "strides", allow_zero=True)
        self.padding = conv_utils.standardize_padding(padding)
        if self.padding != "valid" and implementation == 1:
            raise ValueError(
                f"Invalid border mode for {self.__class__.__name__} (only \"valid\" is supported "
                f"if implementation is 1): {padding}"
            )
        if implementation not in (1, 2, 3):
            raise ValueError(f"Unrecognized implementation mode: {implementation}.")
        self.data_format = backend.standardize_data_format(data_format)
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.implementation = implementation
        self.input_spec = InputSpec(ndim=self.rank + 2)

    # -- shapes ---------------------------------------------------------------------------------
    def _split_shape(self, input_shape):
        if self.data_format == "channels_first":
            return input_shape[1], tuple(input_shape[2:])
        return input_shape[-1], tuple(input_shape[1:-1])

    def _output_spatial(self, spatial):
        return tuple(_output_length(n, k, self.padding, s)
                     for n, k, s in zip(spatial, self.kernel_size, self.strides))

    def build(self, input_shape):
        channels, spatial = self._split_shape(input_shape)
        if channels is None:
            raise ValueError(
                f"Axis {self.rank + 1 if self.data_format == 'channels_last' else 1} of input "
                f"should be fully-defined. Found shape: {tuple(input_shape)}"
            )
        out_spatial = self._output_spatial(spatial)
        if any(n is None for n in spatial) or any(n <= 0 for n in out_spatial):
            raise ValueError(
                "One of the dimensions in the output is <= 0 due to downsampling in "
                f"{self.name}. Consider increasing the input size. Received input shape "
                f"{tuple(input_shape)} which would produce output shape with a zero or negative "
                "value in a dimension."
            )
        self.output_spatial = out_spatial
        n_out = int(np.prod(out_spatial))
        if self.implementation == 1:
            shape = (n_out, int(np.prod(self.kernel_size)) * channels, self.filters)
        else:
            connected = self._connectivity(spatial, out_spatial, channels)  # (in_size, out_size)
            if self.implementation == 2:
                if self.data_format == "channels_first":
                    shape = (channels, *spatial, self.filters, *out_spatial)
                else:
                    shape = (*spatial, channels, *out_spatial, self.filters)
                mask = connected
            else:
                mask = connected.T.contiguous()  # (out_size, in_size), row-major entry order
                shape = (int(mask.sum()),)
            self.register_buffer("_connected", mask, persistent=False)
        self.kernel = self.add_weight(
            shape=shape, initializer=self.kernel_initializer, name="kernel",
            regularizer=self.kernel_regularizer, constraint=self.kernel_constraint,
        )
        if self.use_bias:
            self.bias = self.add_weight(
                shape=(*out_spatial, self.filters), initializer=self.bias_initializer,
                name="bias", regularizer=self.bias_regularizer, constraint=self.bias_constraint,
            )
        else:
            self.bias = None
        axis = 1 if self.data_format == "channels_first" else -1
        self.input_spec = InputSpec(ndim=self.rank + 2, axes={axis: channels})

    def _connectivity(self, spatial, out_spatial, channels):
        """Boolean `(in_size, out_size)`: which flattened input feeds which flattened output."""
        mask = np.zeros(tuple(spatial) + tuple(out_spatial), bool)
        for out_pos in itertools.product(*[range(n) for n in out_spatial]):
            ranges = []
            for d, (n, k, s) in enumerate(zip(spatial, self.kernel_size, self.strides)):
                left = k // 2
                centre = out_pos[d] * s + (left if self.padding == "valid" else 0)
                ranges.append(slice(max(0, centre - left), min(n, centre + k - left)))
            mask[tuple(ranges) + out_pos] = True
        if self.data_format == "channels_first":
            # (1, *in, 1, *out) -> (channels, *in, filters, *out)
            mask = mask.reshape((1, *spatial, 1, *out_spatial))
            mask = np.broadcast_to(mask, (channels, *spatial, self.filters, *out_spatial))
        else:
            mask = mask.reshape((*spatial, 1, *out_spatial, 1))
            mask = np.broadcast_to(mask, (*spatial, channels, *out_spatial, self.filters))
        in_size = channels * int(np.prod(spatial))
        return torch.as_tensor(np.ascontiguousarray(mask).reshape(in_size, -1),
                               device=backend.get_device())

    # -- call -----------------------------------------------------------------------------------
    def call(self, inputs):
        if self.implementation == 1:
            outputs = local_conv(inputs, self.kernel.to(inputs.dtype), self.kernel_size, self.strides,
                                 self.output_spatial, self.data_format)
        else:
            kernel = self.kernel.to(inputs.dtype)
            if self.implementation == 2:
                weight = (kernel * self._connected.reshape(kernel.shape)).reshape(
                    self._connected.shape)
            else:
                # Scatter the connected entries (row-major) into the dense (out, in) matrix.
                dense = torch.zeros(self._connected.shape, dtype=kernel.dtype,
                                    device=kernel.device)
                weight = dense.masked_scatter(self._connected, kernel).T
            outputs = inputs.reshape(inputs.shape[0], -1) @ weight
            if self.data_format == "channels_first":
                outputs = outputs.reshape(inputs.shape[0], self.filters, *self.output_spatial)
            else:
                outputs = outputs.reshape(inputs.shape[0], *self.output_spatial, self.filters)
        if self.use_bias:
            bias = self.bias.to(outputs.dtype)
            if self.data_format == "channels_first":
                # tf.keras 2 *reshapes* the `(*out, filters)` bias to `(filters, *out)` (its
                # `bias_add` does not transpose): the same values land where tf.keras 2 puts them.
                bias = bias.reshape(self.filters, *self.output_spatial)
            outputs = outputs + bias
        return self.activation(outputs)

    def compute_output_shape(self, input_shape):
        _, spatial = self._split_shape(input_shape)
        out_spatial = self._output_spatial(spatial)
        if self.data_format == "channels_first":
            return (input_shape[0], self.filters, *out_spatial)
        return (input_shape[0], *out_spatial, self.filters)

    def get_config(self):
        config = super().get_config()
        config.update({
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            "implementation": self.implementation,
        })
        return config
