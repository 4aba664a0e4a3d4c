"""AbstractRNNCell (tf.keras 2): the base of a custom RNN cell with `state_size`/`output_size`."""

import torch

from torchkeras import backend
from torchkeras.layers.layer import Layer


class AbstractRNNCell(Layer):
    """Abstract object representing an RNN cell.

    A cell computes one time step: `call(inputs, states)` returns `(output, new_states)`, the
    output with `output_size` features and the states matching `state_size`. Subclasses define
    `call`, `state_size` and `output_size`; `get_initial_state` returns zeros of `state_size`.
    Wrap the cell in `keras.layers.RNN` to run it over a sequence.

    Example:

    ```python
    class MinimalRNNCell(keras.layers.AbstractRNNCell):
        def __init__(self, units, **kwargs):
            super().__init__(**kwargs)
            self.units = units

        @property
        def state_size(self):
            return self.units

        @property
        def output_size(self):
            return self.units

        def build(self, input_shape):
            self.kernel = self.add_weight(shape=(input_shape[-1], self.units), name="kernel")

        def call(self, inputs, states):
            output = keras.ops.matmul(inputs, self.kernel) + states[0]
            return output, [output]

    layer = keras.layers.RNN(MinimalRNNCell(8))
    ```
    """

    def call(self, inputs, states):
        """One RNN step: returns `(output, new_states)`.

        Args:
            inputs: The input of this time step, `(batch, ...)`.
            states: The states of the previous step (the initial states at step 0).
        """
        raise NotImplementedError

    @property
    def state_size(self):
        """Size(s) of the state(s): an integer, a shape tuple, or a list of those."""
        raise NotImplementedError

    @property
    def output_size(self):
        """Integer or shape tuple: size of the outputs produced by this cell."""
        raise NotImplementedError

    def get_initial_state(self, inputs=None, batch_size=None, dtype=None):
        """Zero states shaped `(batch_size, *state_size)` (the batch size and dtype of `inputs`
        when given; the cell's compute dtype when `dtype` is `None`)."""
        if inputs is not None:
            batch_size = inputs.shape[0]
            dtype = inputs.dtype
        if batch_size is None:
            raise ValueError(
                "batch_size and dtype cannot be None while constructing initial state. "
                f"Received: batch_size={batch_size}, dtype={dtype}"
            )
        torch_dtype = backend.to_torch_dtype(dtype or self.compute_dtype)
        device = backend.get_device()

        def zeros(size):
            dims = (size,) if isinstance(size, int) else tuple(size)
            return torch.zeros((batch_size,) + dims, dtype=torch_dtype, device=device)

        size = self.state_size
        # A list of sizes (several states) gives a list of tensors; an int or a shape tuple, one.
        if isinstance(size, list) or (
                isinstance(size, tuple) and size and not all(isinstance(d, int) for d in size)):
            return [zeros(s) for s in size]
        return zeros(size)
