"""Merge: the base of elementwise merge layers (Add, Multiply, ...)."""

import torch

from torchkeras.layers.layer import Layer


class Merge(Layer):
    """Base class for layers that merge a list of tensors elementwise (with broadcasting)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def _merge_function(self, inputs):
        raise NotImplementedError

    def _check_list(self, input_shape):
        if not isinstance(input_shape, (list, tuple)) or not input_shape or not isinstance(
            input_shape[0], (tuple, list)
        ):
            raise ValueError(
                "A merge layer should be called on a list of inputs. "
                f"Received: input_shape={input_shape} (not a list of shapes)"
            )

    def build(self, input_shape):
        self._check_list(input_shape)
        batch_sizes = {s[0] for s in input_shape if s} - {None}
        if len(batch_sizes) > 1:
            raise ValueError(
                "Cannot merge tensors with different batch sizes. "
                f"Received tensors with shapes {list(input_shape)}"
            )
        self.compute_output_shape(input_shape)
        self.built = True

    def call(self, inputs):
        if not isinstance(inputs, (list, tuple)):
            raise ValueError(
                f"Layer '{self.name}' ({self.__class__.__name__}): a merge layer should be "
                f"called on a list of inputs. Received: inputs={inputs!r:.100} (not a list)"
            )
        return self._merge_function(list(inputs))

    def compute_output_shape(self, input_shape):
        self._check_list(input_shape)
        output_shape = tuple(input_shape[0])
        for shape in input_shape[1:]:
            output_shape = _broadcast_shapes(output_shape, tuple(shape))
        return output_shape

    def compute_mask(self, inputs, mask=None):
        if mask is None:
            return None
        if not isinstance(mask, (list, tuple)):
            return mask
        masks = [m for m in mask if m is not None]
        if not masks:
            return None
        output = masks[0]
        for m in masks[1:]:
            output = torch.logical_and(output, m)
        return output


def _broadcast_shapes(a, b):
    if len(a) < len(b):
        a, b = b, a
    b = (1,) * (len(a) - len(b)) + b
    out = []
    for i, (x, y) in enumerate(zip(a, b)):
        if i == 0 and (x is None or y is None):
            out.append(x if y is None else y)
        elif x is None or y is None:
            out.append(None if (x in (None, 1) and y in (None, 1)) else (x if y in (None, 1) else y))
        elif x == 1:
            out.append(y)
        elif y == 1 or x == y:
            out.append(x)
        else:
            raise ValueError(f"Inputs have incompatible shapes. Received shapes {a} and {b}")
    return tuple(out)
