"""StackedRNNCells: a stack of RNN cells that behaves as a single cell."""

import torch

from torchkeras import backend
from torchkeras.layers import layer_utils
from torchkeras.layers.layer import Layer
from torchkeras.utils import tree


class StackedRNNCells(Layer):
    """Wrapper allowing a stack of RNN cells to behave as a single cell.

    Each step feeds the output of a cell to the next one; the states are a list with the states
    of each cell.

    Args:
        cells: List of RNN cell instances.

    Example:

    >>> cells = [keras.layers.LSTMCell(8) for _ in range(2)]
    >>> layer = keras.layers.RNN(keras.layers.StackedRNNCells(cells))
    >>> layer(np.ones((3, 5, 2), "float32")).shape
    torch.Size([3, 8])
    """

    # Called directly by `RNN` at each step (no `Layer.__call__` bookkeeping per step).
    _direct_step_call = True

    def __init__(self, cells, **kwargs):
        super().__init__(**kwargs)
        for cell in cells:
            if "call" not in dir(cell):
                raise ValueError(
                    "All cells must have a `call` method. "
                    f"Received cell without a `call` method: {cell}"
                )
            if "state_size" not in dir(cell):
                raise ValueError(
                    "All cells must have a `state_size` attribute. "
                    f"Received cell without a `state_size`: {cell}"
                )
        self.cells = list(cells)

    @property
    def state_size(self):
        return [c.state_size for c in self.cells]

    @property
    def output_size(self):
        last = self.cells[-1]
        if getattr(last, "output_size", None) is not None:
            return last.output_size
        if isinstance(last.state_size, (list, tuple)):
            return last.state_size[0]
        return last.state_size

    def get_initial_state(self, batch_size=None):
        initial_states = []
        for cell in self.cells:
            get_initial_state_fn = getattr(cell, "get_initial_state", None)
            if get_initial_state_fn:
                initial_states.append(get_initial_state_fn(batch_size=batch_size))
            else:
                device = backend.get_device()
                dtype = self._torch_compute_dtype
                if isinstance(cell.state_size, int):
                    initial_states.append(
                        torch.zeros((batch_size, cell.state_size), dtype=dtype, device=device)
                    )
                else:
                    initial_states.append([
                        torch.zeros((batch_size, d), dtype=dtype, device=device)
                        for d in cell.state_size
                    ])
        return initial_states

    def call(self, inputs, states, training=False):
        new_states = []
        for cell, cell_states in zip(self.cells, states):
            state_is_list = tree.is_nested(cell_states)
            cell_states = list(cell_states) if state_is_list else [cell_states]
            kwargs = {}
            if isinstance(cell, Layer):
                if layer_utils.signature(type(cell)).has_training_arg:
                    kwargs["training"] = training
                fn = cell.call if getattr(cell, "_direct_step_call", False) else cell
            else:
                fn = cell if callable(cell) else cell.call
            inputs, cell_states = fn(inputs, cell_states, **kwargs)
            if not tree.is_nested(cell_states):
                cell_states = [cell_states]
            if len(cell_states) == 1 and not state_is_list:
                cell_states = cell_states[0]
            new_states.append(cell_states)
        if len(new_states) == 1:
            new_states = new_states[0]
        return inputs, new_states

    def build(self, input_shape):
        from torchkeras.layers.rnn.rnn import build_sublayer

        for cell in self.cells:
            if isinstance(cell, Layer) and not cell.built:
                build_sublayer(self, cell, input_shape)
            if getattr(cell, "output_size", None) is not None:
                output_dim = cell.output_size
            elif isinstance(cell.state_size, (list, tuple)):
                output_dim = cell.state_size[0]
            else:
                output_dim = cell.state_size
            batch_size = tree.flatten(input_shape)[0]
            input_shape = (batch_size, output_dim)
        self.built = True

    def get_config(self):
        from torchkeras.saving import serialization

        cells = [serialization.serialize_keras_object(cell) for cell in self.cells]
        return {**super().get_config(), "cells": cells}

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from torchkeras import layers

        config = dict(config)
        cells = [
            layers.deserialize(cell_config, custom_objects=custom_objects)
            for cell_config in config.pop("cells")
        ]
        return cls(cells, **config)
