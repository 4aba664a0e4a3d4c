"""TimeDistributed: applies a layer to every temporal slice of an input."""

import torch

from torchkeras.layers import layer_utils
from torchkeras.layers.core.wrapper import Wrapper
from torchkeras.layers.layer import Layer
from torchkeras.layers.rnn.rnn import build_sublayer
from torchkeras.utils import tree

# Layers whose result for one sample depends on the rest of the batch: folding the time axis
# into the batch would change their statistics, so they run one timestep at a time, as in Keras.
_BATCH_COUPLED = ("BatchNormalization", "SyncBatchNormalization")


class TimeDistributed(Wrapper):
    """This wrapper allows to apply a layer to every temporal slice of an input.

    Every input should be at least 3D, and the dimension of index one of the first input is the
    temporal dimension. The same layer (the same weights) processes each timestep.

    The timesteps normally run as one call on a `(batch * timesteps, ...)` tensor; layers whose
    output for a sample depends on the rest of the batch (batch normalization, stateful RNNs)
    run one timestep at a time instead, as Keras runs them.

    Args:
        layer: a `keras.layers.Layer` instance.

    Call arguments:
        inputs: Input tensor of shape `(batch, time, ...)`.
        training: Python boolean, passed to the wrapped layer (if it takes it).
        mask: Binary tensor of shape `(batch, time)`, passed to the wrapped layer (if it takes
            it).

    Example:

    >>> layer = keras.layers.TimeDistributed(keras.layers.Dense(8))
    >>> layer(np.ones((32, 10, 16), "float32")).shape
    torch.Size([32, 10, 8])
    """

    def __init__(self, layer, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError(
                "Please initialize `TimeDistributed` layer with a `keras.layers.Layer` "
                f"instance. Received: {layer}"
            )
        super().__init__(layer, **kwargs)
        self.supports_masking = True
        self._fold_time = None

    def _get_child_input_shape(self, input_shape):
        if not isinstance(input_shape, (tuple, list)) or len(input_shape) < 3:
            raise ValueError(
                "`TimeDistributed` Layer should be passed an `input_shape` with at least 3 "
                f"dimensions, received: {input_shape}"
            )
        return (input_shape[0], *input_shape[2:])

    def compute_output_shape(self, input_shape):
        child_output_shape = self.layer.compute_output_shape(
            self._get_child_input_shape(input_shape)
        )
        return (child_output_shape[0], input_shape[1], *child_output_shape[1:])

    def build(self, input_shape):
        child_input_shape = self._get_child_input_shape(tuple(input_shape))
        if not self.layer.built:
            build_sublayer(self, self.layer, child_input_shape)
        self.built = True

    def call(self, inputs, training=None, mask=None):
        if inputs.dim() < 3:
            self._get_child_input_shape(tuple(inputs.shape))
        batch_size, steps = inputs.shape[0], inputs.shape[1]
        if mask is not None:
            self._check_mask(mask, inputs)
        signature = layer_utils.signature(type(self.layer))
        kwargs = {}
        if signature.has_training_arg:
            kwargs["training"] = training
        if self._fold_time is None:
            self._fold_time = not any(
                any(c.__name__ in _BATCH_COUPLED for c in type(sub).__mro__)
                or getattr(sub, "stateful", False)
                for sub in self.layer._flatten_layers(include_self=True)
            )
        if self._fold_time:
            # (batch, time, ...) -> (batch * time, ...): one call for all timesteps.
            if signature.has_mask_arg and mask is not None:
                kwargs["mask"] = mask.reshape(batch_size * steps, *mask.shape[2:])
            outputs = self.layer.call(
                inputs.reshape(batch_size * steps, *inputs.shape[2:]), **kwargs
            )
            return tree.map_structure(
                lambda y: y.reshape(batch_size, steps, *y.shape[1:]), outputs
            )
        step_outputs = []
        for i in range(steps):
            if signature.has_mask_arg and mask is not None:
                kwargs["mask"] = mask[:, i]
            step_outputs.append(self.layer.call(inputs[:, i], **kwargs))
        return _stack_structures(step_outputs)

    def _check_mask(self, mask, inputs):
        mask_shape = tuple(mask.shape)
        input_shape = tuple(inputs.shape)
        if len(mask_shape) < 2:
            raise ValueError(
                "The `mask` passed to the `TimeDistributed` layer must be at least 2D (e.g., "
                f"`(batch_size, timesteps)`), but it has {len(mask_shape)} dimension(s) with "
                f"shape {mask_shape}."
            )
        if mask_shape[0] != input_shape[0] or mask_shape[1] != input_shape[1]:
            raise ValueError(
                f"The `mask` passed to the `TimeDistributed` layer has a shape {mask_shape} that "
                f"is incompatible with the input shape {input_shape}. The first two dimensions "
                "of the mask (batch size and timesteps) must match the input's first two "
                "dimensions. Expected mask shape prefix: "
                f"({input_shape[0]}, {input_shape[1]})."
            )


def _stack_structures(step_outputs):
    """Stack per-timestep outputs (tensors or nested structures of them) on axis 1."""
    flat = [tree.flatten(o) for o in step_outputs]
    stacked = [torch.stack(parts, dim=1) for parts in zip(*flat)]
    return tree.pack_sequence_as(step_outputs[0], stacked)
