"""Element-wise crossentropy of a target and an output tensor, as Keras on TensorFlow computes it.

These are the tensor-level kernels behind the crossentropy losses and metrics (and the natural
home of `keras.ops.*_crossentropy`).

Logits recovery: Keras's `softmax`/`sigmoid` activations attach the tensor they were applied to as
`output._keras_logits`. When that attribute is present (with the output's shape), the loss is
computed from those logits with the exact `from_logits` formula, as TensorFlow does: the result
is the true crossentropy even for saturated probabilities, and the gradient flows through the
logits. TensorFlow does not check which activation produced them, so neither do we: a sigmoid
output given to a categorical crossentropy is scored as a softmax of the same logits.

Without attached logits, probabilities are clipped to `[epsilon, 1 - epsilon]`; categorical
probabilities are first renormalized to sum to 1 along `axis`.
"""

import warnings

import torch
import torch.nn.functional as F

from torchkeras import backend


def _shape(x):
    return tuple(x.shape)


def _get_logits(output, from_logits, op_type, fn_name):
    """Return `(tensor, from_logits)`, swapping in the logits attached by a softmax/sigmoid."""
    logits = getattr(output, "_keras_logits", None)
    if logits is None or not isinstance(logits, torch.Tensor) or logits.shape != output.shape:
        return output, from_logits
    if from_logits:
        warnings.warn(
            f'"`{fn_name}` received `from_logits=True`, but the `output` argument was produced by '
            f"a {op_type} activation and thus does not represent logits. Was this intended?",
            stacklevel=3,
        )
    if logits.dtype != output.dtype:
        logits = logits.to(output.dtype)
    return logits, True


def check_same_shape(target, output):
    if target.dim() != output.dim():
        raise ValueError(
            "Arguments `target` and `output` must have the same rank (ndim). Received: "
            f"target.shape={_shape(target)}, output.shape={_shape(output)}"
        )
    if target.shape != output.shape:
        raise ValueError(
            "Arguments `target` and `output` must have the same shape. Received: "
            f"target.shape={_shape(target)}, output.shape={_shape(output)}"
        )


def binary_crossentropy(target, output, from_logits=False):
    """Element-wise binary crossentropy of same-shape `target` and `output`.

    Args:
        target: Tensor of labels in `[0, 1]`.
        output: Tensor of probabilities, or logits if `from_logits=True`.
        from_logits: Whether `output` holds logits. Defaults to `False`.

    Returns:
        A tensor of `output`'s shape.
    """
    check_same_shape(target, output)
    output, from_logits = _get_logits(output, from_logits, "Sigmoid", "binary_crossentropy")
    if target.dtype != output.dtype:
        target = target.to(output.dtype)
    if from_logits:
        return F.binary_cross_entropy_with_logits(output, target, reduction="none")
    epsilon = backend.epsilon()
    output = output.clamp(epsilon, 1.0 - epsilon)
    return -(target * torch.log(output) + (1.0 - target) * torch.log(1.0 - output))


def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    """Crossentropy of one-hot (or soft) `target` and `output` along the class `axis`.

    Args:
        target: Tensor of class probabilities, same shape as `output`.
        output: Tensor of probabilities, or logits if `from_logits=True`.
        from_logits: Whether `output` holds logits. Defaults to `False`.
        axis: The class axis. Defaults to `-1`.

    Returns:
        A tensor of `output`'s shape without `axis`.
    """
    if target.dim() < 1:
        raise ValueError(
            "Arguments `target` and `output` must be at least rank 1. Received: "
            f"target.shape={_shape(target)}, output.shape={_shape(output)}"
        )
    check_same_shape(target, output)
    output, from_logits = _get_logits(output, from_logits, "Softmax", "categorical_crossentropy")
    if target.dtype != output.dtype:
        target = target.to(output.dtype)
    if from_logits:
        return -(target * F.log_softmax(output, dim=axis)).sum(dim=axis)
    # Renormalize so each sample's probabilities sum to 1, then clip away log(0).
    output = output / output.sum(dim=axis, keepdim=True)
    epsilon = backend.epsilon()
    output = output.clamp(epsilon, 1.0 - epsilon)
    return -(target * torch.log(output)).sum(dim=axis)


def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1):
    """Crossentropy of integer class `target` and `output` whose last axis holds the classes.

    Args:
        target: Integer tensor of class ids, of `output`'s shape without the last axis (a
            trailing size-1 axis is squeezed).
        output: Tensor of probabilities, or logits if `from_logits=True`.
        from_logits: Whether `output` holds logits. Defaults to `False`.
        axis: The class axis; only the last axis is supported. Defaults to `-1`.

    Returns:
        A tensor of `target`'s shape.
    """
    if axis != -1 and axis != output.dim() - 1:
        raise ValueError(f"Only axis=-1 is currently supported. Received: axis={axis}")
    output, from_logits = _get_logits(
        output, from_logits, "Softmax", "sparse_categorical_crossentropy"
    )
    if target.dtype != torch.int64:
        target = target.to(torch.int64)
    if target.dim() == output.dim() and target.dim() > 0 and target.shape[-1] == 1:
        target = target.squeeze(-1)
    if output.dim() < 1:
        raise ValueError(
            f"Argument `output` must be at least rank 1. Received: output.shape={_shape(output)}"
        )
    if target.dim() != output.dim() - 1:
        raise ValueError(
            "Argument `output` must have rank (ndim) `target.ndim - 1`. Received: "
            f"target.shape={_shape(target)}, output.shape={_shape(output)}"
        )
    if target.shape != output.shape[:-1]:
        raise ValueError(
            "Arguments `target` and `output` must have the same shape up until the last "
            f"dimension: target.shape={_shape(target)}, output.shape={_shape(output)}"
        )
    if not from_logits:
        # TensorFlow takes the log of the clipped probabilities as logits; the softmax inside
        # the crossentropy then renormalizes them.
        epsilon = backend.epsilon()
        output = torch.log(output.clamp(epsilon, 1.0 - epsilon))
    num_classes = output.shape[-1]
    losses = F.cross_entropy(
        output.reshape(-1, num_classes), target.reshape(-1), reduction="none"
    )
    return losses.reshape(target.shape)
