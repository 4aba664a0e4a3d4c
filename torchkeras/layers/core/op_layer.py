"""Operators on symbolic tensors (`x + 1`, `x[:, 0]`) recorded as graph nodes.

In the functional API, `y = x * 2` on a KerasTensor records a call of an internal layer that
applies the operator, so the model replays it on real tensors.
"""

from torchkeras.backend import global_state
from torchkeras.backend import meta_call
from torchkeras.layers.layer import Layer


class TorchOpLayer(Layer):
    """Applies a fixed function to its tensor arguments (internal; created by operators)."""

    def __init__(self, fn, **kwargs):
        super().__init__(**kwargs)
        self.fn = fn
        self.built = True

    def call(self, *args):
        return self.fn(*args)

    def compute_output_spec(self, *args, **kwargs):
        return meta_call.compute_output_spec(self.fn, args, kwargs)

    def get_config(self):
        raise NotImplementedError(
            "Models that apply Python operators to symbolic tensors (e.g. `x * 2`) cannot be "
            "serialized to a config yet. Use a `Lambda` layer or a layer from `keras.layers`. "
            "See compat/DIFFERENCES.md."
        )


def apply_symbolic_op(fn, args, name=None):
    # Ops keep their inputs' dtypes (no autocast to the layer policy), and each node gets a
    # unique name derived from the op (`sum`, `sum_1`, ...).
    layer_name = global_state.uniquify(name) if name else None
    return TorchOpLayer(fn, name=layer_name, autocast=False)(*args)
