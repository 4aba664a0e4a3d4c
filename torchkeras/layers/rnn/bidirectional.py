"""Bidirectional: runs a recurrent layer forwards and a copy backwards, then merges them."""

import copy

import torch

from torchkeras.layers import layer_utils
from torchkeras.layers.layer import Layer
from torchkeras.layers.rnn.rnn import build_sublayer

_MERGE_MODES = ("sum", "mul", "ave", "concat", None)


class Bidirectional(Layer):
    """Bidirectional wrapper for RNNs.

    Args:
        layer: `keras.layers.RNN` instance, such as `keras.layers.LSTM` or `keras.layers.GRU`,
            or any sequence layer with `go_backwards`, `return_sequences` and `return_state`
            attributes and a config. It is copied (from its config) twice: a forward layer and
            a backward one (with `go_backwards=True`); both get fresh weights.
        merge_mode: How the forward and backward outputs are combined: one of `"sum"`, `"mul"`,
            `"concat"`, `"ave"`, or `None` (the two outputs are returned as a tuple). Defaults to
            `"concat"`.
        weights: Optional list of initial weights (forward layer's, then backward layer's),
            set when the layer is built.
        backward_layer: Optional layer handling the backward direction (it must have the same
            `stateful`, `return_sequences` and `return_state`, and the opposite `go_backwards`).

    Call arguments:
        The call arguments are those of the wrapped layer. An `initial_state` list is split in
        halves: the first half for the forward layer, the second for the backward layer.

    With `return_sequences=True`, masked timesteps output zeros in both directions.

    Example:

    >>> model = keras.Sequential([
    ...     keras.Input(shape=(5, 10)),
    ...     keras.layers.Bidirectional(keras.layers.LSTM(10, return_sequences=True)),
    ...     keras.layers.Bidirectional(keras.layers.LSTM(10)),
    ...     keras.layers.Dense(5, activation="softmax"),
    ... ])
    >>> model.output_shape
    (None, 5)
    """

    def __init__(self, layer, merge_mode="concat", weights=None, backward_layer=None, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError(
                "Please initialize `Bidirectional` layer with a `keras.layers.Layer` instance. "
                f"Received: {layer}"
            )
        if backward_layer is not None and not isinstance(backward_layer, Layer):
            raise ValueError(
                "`backward_layer` need to be a `keras.layers.Layer` instance. "
                f"Received: {backward_layer}"
            )
        if merge_mode not in _MERGE_MODES:
            raise ValueError(
                f"Invalid merge mode. Received: {merge_mode}. Merge mode should be one of "
                '{"sum", "mul", "ave", "concat", None}'
            )
        super().__init__(**kwargs)
        from torchkeras import layers
        from torchkeras.saving import serialization

        # Fresh copies from the config, so no state of `layer` carries over.
        config = serialization.serialize_keras_object(layer)
        config["config"]["name"] = "forward_" + _remove_prefix(layer.name, "forward_")
        self.forward_layer = layers.deserialize(config)
        if backward_layer is None:
            config = serialization.serialize_keras_object(layer)
            config["config"]["go_backwards"] = True
            config["config"]["name"] = "backward_" + _remove_prefix(layer.name, "backward_")
            self.backward_layer = layers.deserialize(config)
        else:
            self.backward_layer = backward_layer
        if hasattr(layer, "use_cudnn"):
            self.forward_layer.use_cudnn = layer.use_cudnn
            self.backward_layer.use_cudnn = layer.use_cudnn
        self._verify_layer_config()
        for sublayer in (self.forward_layer, self.backward_layer):
            # Masked steps output zeros, so the two directions merge cleanly.
            if getattr(sublayer, "zero_output_for_mask", None) is not None:
                sublayer.zero_output_for_mask = sublayer.return_sequences
        self.merge_mode = merge_mode
        self._initial_weights = list(weights) if weights else None
        self.stateful = layer.stateful
        self.return_sequences = layer.return_sequences
        self.return_state = layer.return_state
        self.supports_masking = True
        self.input_spec = layer.input_spec

    def _verify_layer_config(self):
        if self.forward_layer.go_backwards == self.backward_layer.go_backwards:
            raise ValueError(
                "Forward layer and backward layer should have different `go_backwards` value. "
                f"Received: forward_layer.go_backwards {self.forward_layer.go_backwards}, "
                f"backward_layer.go_backwards={self.backward_layer.go_backwards}"
            )
        for attribute in ("stateful", "return_sequences", "return_state"):
            forward_value = getattr(self.forward_layer, attribute)
            backward_value = getattr(self.backward_layer, attribute)
            if forward_value != backward_value:
                raise ValueError(
                    "Forward layer and backward layer are expected to have the same value for "
                    f'attribute "{attribute}", got "{forward_value}" for forward layer and '
                    f'"{backward_value}" for backward layer'
                )

    def build(self, sequences_shape, initial_state_shape=None):
        for sublayer in (self.forward_layer, self.backward_layer):
            if not sublayer.built:
                build_sublayer(self, sublayer, sequences_shape)
        if self._initial_weights is not None:
            half = len(self._initial_weights) // 2
            self.forward_layer.set_weights(self._initial_weights[:half])
            self.backward_layer.set_weights(self._initial_weights[half:])
            self._initial_weights = None
        self.built = True

    def call(self, sequences, initial_state=None, mask=None, training=None):
        kwargs = {}
        signature = layer_utils.signature(type(self.forward_layer))
        if signature.has_training_arg:
            kwargs["training"] = training
        if signature.has_mask_arg and mask is not None:
            kwargs["mask"] = mask
        forward_kwargs, backward_kwargs = dict(kwargs), dict(kwargs)
        if initial_state is not None:
            half = len(initial_state) // 2
            forward_kwargs["initial_state"] = list(initial_state[:half])
            backward_kwargs["initial_state"] = list(initial_state[half:])
        y = self.forward_layer(sequences, **forward_kwargs)
        y_rev = self.backward_layer(sequences, **backward_kwargs)

        if self.return_state:
            states = tuple(y[1:]) + tuple(y_rev[1:])
            y, y_rev = y[0], y_rev[0]
        if self.return_sequences:
            # The backward layer returns its outputs in processing (reversed) order.
            y_rev = torch.flip(y_rev, dims=(1,))
        if self.merge_mode == "concat":
            output = torch.cat([y, y_rev], dim=-1)
        elif self.merge_mode == "sum":
            output = y + y_rev
        elif self.merge_mode == "ave":
            output = (y + y_rev) / 2
        elif self.merge_mode == "mul":
            output = y * y_rev
        else:
            output = (y, y_rev)
        if self.return_state:
            if self.merge_mode is None:
                return output + states
            return (output,) + states
        return output

    def compute_output_shape(self, sequences_shape, initial_state_shape=None):
        output_shape = self.forward_layer.compute_output_shape(sequences_shape)
        if self.return_state:
            output_shape, state_shape = output_shape[0], tuple(output_shape[1:])
        if self.merge_mode == "concat":
            output_shape = list(output_shape)
            output_shape[-1] = None if output_shape[-1] is None else output_shape[-1] * 2
            output_shape = tuple(output_shape)
        elif self.merge_mode is None:
            output_shape = [output_shape, output_shape]
        if self.return_state:
            if self.merge_mode is None:
                return tuple(output_shape) + state_shape + state_shape
            return (output_shape,) + state_shape + state_shape
        return tuple(output_shape)

    def compute_mask(self, _, mask):
        if isinstance(mask, list):
            mask = mask[0]
        if self.return_sequences:
            output_mask = (mask, mask) if not self.merge_mode else mask
        else:
            output_mask = (None, None) if not self.merge_mode else None
        if self.return_state and self.states is not None:
            state_mask = tuple(None for _ in self.states)
            if isinstance(output_mask, tuple):
                return output_mask + state_mask
            return (output_mask,) + state_mask
        return output_mask

    def reset_states(self):
        # Compatibility alias.
        self.reset_state()

    def reset_state(self):
        """Reset the states of both directions (the layer must be stateful)."""
        if not self.stateful:
            raise AttributeError("Layer must be stateful.")
        self.forward_layer.reset_state()
        self.backward_layer.reset_state()

    @property
    def states(self):
        forward_states = getattr(self.forward_layer, "states", None)
        backward_states = getattr(self.backward_layer, "states", None)
        if forward_states and backward_states:
            return tuple(forward_states + backward_states)
        return None

    def get_config(self):
        from torchkeras.saving import serialization

        config = {
            "merge_mode": self.merge_mode,
            "layer": serialization.serialize_keras_object(self.forward_layer),
            "backward_layer": serialization.serialize_keras_object(self.backward_layer),
        }
        return {**super().get_config(), **config}

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from torchkeras import layers

        config = copy.deepcopy(config)
        config["layer"] = layers.deserialize(config["layer"], custom_objects=custom_objects)
        backward_layer_config = config.pop("backward_layer", None)
        if backward_layer_config is not None:
            config["backward_layer"] = layers.deserialize(
                backward_layer_config, custom_objects=custom_objects
            )
        return super().from_config(config)


def _remove_prefix(name, prefix):
    return name[len(prefix):] if name.startswith(prefix) else name
