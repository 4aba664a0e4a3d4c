"""Merge: the base of elementwise merge layers (Add, Multiply, ...)."""

import torch

from torchkeras.layers.layer import Layer


class Merge(Layer):
    """Base class for layers that merge a list of tensors elementwise (with broadcasting)."""

    # Elementwise merges line up inputs of different ranks after the batch axis.
    _align_ranks = True

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
        inputs = list(inputs)
        ndim = inputs[0].dim()
        if self._align_ranks and any(x.dim() != ndim for x in inputs):
            # Inputs of different ranks line up after the batch axis, as Keras does it:
            # (batch, 4) merged with (batch, 3, 4) acts as (batch, 1, 4).
            max_ndim = max(x.dim() for x in inputs)
            inputs = [x.reshape(x.shape[:1] + (1,) * (max_ndim - x.dim()) + x.shape[1:])
                      for x in inputs]
        return self._merge_function(inputs)

    def _apply_merge_op_and_or_mask(self, op_fn, inputs):
        """Merge with `op_fn`, skipping masked entries: where one input is masked, the other
        input's value is used; the output mask is the OR of the input masks."""
        output = None
        output_mask = None
        for x in inputs:
            mask = getattr(x, "_keras_mask", None)
            if mask is not None:
                mask = mask.unsqueeze(-1).expand(x.shape)
            if output is None:
                output, output_mask = x, mask
                continue
            if mask is not None:
                x = torch.where(mask, x, output)
            if output_mask is not None:
                output = torch.where(output_mask, output, x)
            if mask is not None and output_mask is not None:
                output_mask = torch.logical_or(output_mask, mask)
            else:
                output_mask = None
            output = op_fn(output, x)
        if output_mask is not None:
            output._keras_mask = torch.any(output_mask, dim=-1)
        return output

    def compute_output_shape(self, input_shape):
        self._check_list(input_shape)
        output_shape = None if input_shape[0] is None else tuple(input_shape[0][1:])
        for shape in input_shape[1:]:
            output_shape = _elementwise_shape(
                output_shape, None if shape is None else tuple(shape[1:])
            )
        if output_shape is None:
            return None
        batch_sizes = {s[0] for s in input_shape if s is not None} - {None}
        batch = batch_sizes.pop() if len(batch_sizes) == 1 else None
        return (batch,) + tuple(output_shape)

    def compute_mask(self, inputs, mask=None):
        if mask is None:
            # Keras hands a merge layer the list of its inputs' masks.
            if not isinstance(inputs, (list, tuple)):
                return None
            mask = [getattr(x, "_keras_mask", None) for x in inputs]
        if not isinstance(mask, (tuple, list)):
            raise ValueError(f"`mask` should be a list. Received: mask={mask}")
        if not isinstance(inputs, (tuple, list)):
            raise ValueError(f"`inputs` should be a list. Received: inputs={inputs}")
        if len(mask) != len(inputs):
            raise ValueError(
                "The lists `inputs` and `mask` should have the same length. "
                f"Received: inputs={inputs} of length {len(inputs)}, and mask={mask} of "
                f"length {len(mask)}"
            )
        # An element is kept when any input keeps it (Keras's OR of the masks); one input
        # without a mask means no output mask.
        if any(m is None for m in mask):
            return None
        output = mask[0]
        for m in mask[1:]:
            output = torch.logical_or(output, m)
        return output


def _elementwise_shape(shape1, shape2):
    """The broadcast of two shapes without their batch axis, aligned on the right."""
    if shape1 is None or shape2 is None:
        return None
    if len(shape1) < len(shape2):
        return _elementwise_shape(shape2, shape1)
    if not shape2:
        return shape1
    output_shape = list(shape1[: -len(shape2)])
    for i, j in zip(shape1[-len(shape2):], shape2):
        if i is None or j is None:
            output_shape.append(None)
        elif i == 1:
            output_shape.append(j)
        elif j == 1 or i == j:
            output_shape.append(i)
        else:
            raise ValueError(
                f"Inputs have incompatible shapes. Received shapes {shape1} and {shape2}"
            )
    return tuple(output_shape)
