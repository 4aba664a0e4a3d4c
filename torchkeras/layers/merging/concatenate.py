"""Concatenate: joins a list of inputs along one axis."""

import torch

from torchkeras.layers.merging.base_merge import Merge


class Concatenate(Merge):
    """Concatenates a list of inputs along `axis`; all other dimensions must match.

    Args:
        axis: Axis along which to concatenate. Defaults to `-1`.

    Example:

    >>> x1 = keras.Input(shape=(4,))
    >>> x2 = keras.Input(shape=(6,))
    >>> keras.layers.Concatenate()([x1, x2]).shape
    (None, 10)
    """

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis

    def build(self, input_shape):
        self._check_list(input_shape)
        if all(shape is None for shape in input_shape):
            return
        self.compute_output_shape(input_shape)
        self.built = True

    def _merge_function(self, inputs):
        return torch.cat(inputs, dim=self.axis)

    def compute_output_shape(self, input_shape):
        self._check_list(input_shape)
        shapes = [tuple(s) for s in input_shape]
        ranks = {len(s) for s in shapes}
        error = ValueError(
            "A `Concatenate` layer requires inputs with matching shapes except for the "
            f"concatenation axis. Received: input_shape={list(input_shape)}"
        )
        if len(ranks) != 1:
            raise error
        rank = ranks.pop()
        axis = self.axis % rank
        output = list(shapes[0])
        for shape in shapes[1:]:
            for i, (a, b) in enumerate(zip(output, shape)):
                if i == axis:
                    output[i] = None if a is None or b is None else a + b
                elif a is not None and b is not None and a != b:
                    raise error
                elif a is None:
                    output[i] = b
        return tuple(output)

    def compute_mask(self, inputs, mask=None):
        if mask is None or not isinstance(mask, (list, tuple)) or all(m is None for m in mask):
            return None
        masks = []
        for x, m in zip(inputs, mask):
            if m is None:
                m = torch.ones_like(x, dtype=torch.bool)
            elif m.dim() < x.dim():
                m = m.unsqueeze(-1).expand(x.shape)
            masks.append(m)
        return torch.cat(masks, dim=self.axis).any(dim=-1)

    def get_config(self):
        config = super().get_config()
        config["axis"] = self.axis
        return config
