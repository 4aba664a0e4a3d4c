"""Multi-tensor kernels for the optimizers' hot path.

Every function here updates a whole list of tensors with `torch._foreach_*` ops, a handful of
kernel launches per step instead of a handful per variable. Each one computes the formula the
matching Keras optimizer writes per variable (see `update_step` in `torchkeras/optimizers/`, the
readable reference the tests compare against). Step-dependent scalars (a scheduled learning rate,
Adam's bias correction) stay 0-d tensors on the device, so nothing here waits on the host.

A learning rate `lr` is either a Python float or a 0-d tensor; `_foreach_*` ops take tensors
wherever they take a scalar, except for the fused `alpha=` of `_foreach_add_`.
"""

import torch
from torch.utils._foreach_utils import _group_tensors_by_device_and_dtype


def group_by_device_and_dtype(tensorlists):
    """Split parallel lists of tensors into buckets that share one device and dtype.

    Args:
        tensorlists: List of equally long lists; the first one (the variables) decides the bucket.

    Returns:
        A list of buckets, each a list of sub-lists in the order of `tensorlists`.
    """
    grouped = _group_tensors_by_device_and_dtype(tensorlists, with_indices=False)
    return [list(lists) for lists, _ in grouped.values()]


def _scaled(tensors, lr):
    """`tensors * lr` as new tensors."""
    return torch._foreach_mul(tensors, lr)


def divide(tensors, divisor):
    """`tensors / divisor` as new tensors (loss-scale unscaling, gradient-accumulation mean)."""
    return torch._foreach_div(tensors, divisor)


def add(tensors, others):
    """`tensors + others` as new tensors."""
    return torch._foreach_add(tensors, others)


def add_(tensors, others):
    """`tensors += others` in place."""
    torch._foreach_add_(tensors, others)


def zero_(tensors):
    torch._foreach_zero_(tensors)


def copy_(targets, sources):
    torch._foreach_copy_(targets, sources)


def clip_by_norm(grads, clipnorm):
    """Clip each gradient to L2 norm `clipnorm`: `g * clipnorm / max(||g||, clipnorm)`."""
    norms = torch._foreach_norm(grads)
    denominators = torch._foreach_maximum(norms, clipnorm)
    clipped = torch._foreach_mul(grads, clipnorm)
    torch._foreach_div_(clipped, denominators)
    return clipped


def clip_by_global_norm(grads, clipnorm):
    """Scale all gradients so that their joint L2 norm is at most `clipnorm`.

    As Keras: `scale = clipnorm * min(1 / norm, 1 / clipnorm)`, plus `norm - norm` so that an
    infinite or NaN norm turns every gradient into NaN instead of silently zeroing it.
    """
    norm = torch.linalg.vector_norm(torch.stack(torch._foreach_norm(grads)))
    scale = torch.minimum(1.0 / norm, torch.full_like(norm, 1.0 / clipnorm)) * clipnorm
    scale = scale + (norm - norm)
    return torch._foreach_mul(grads, scale)


def clip_by_value(grads, clipvalue):
    """Clip every gradient element to `[-clipvalue, clipvalue]`."""
    clipped = torch._foreach_clamp_min(grads, -clipvalue)
    torch._foreach_clamp_max_(clipped, clipvalue)
    return clipped


def decay_weights_(params, weight_decay, lr):
    """Decoupled weight decay, as Keras: `w -= w * weight_decay * lr`."""
    decay = torch._foreach_mul(params, weight_decay)
    torch._foreach_mul_(decay, lr)
    torch._foreach_sub_(params, decay)


def ema_update_(averages, params, momentum):
    """`average = momentum * average + (1 - momentum) * w` (`momentum` a float)."""
    torch._foreach_mul_(averages, momentum)
    torch._foreach_add_(averages, _scaled(params, 1.0 - momentum))


def sgd_step_(params, grads, momentums, lr, momentum, nesterov):
    """Keras SGD on lists.

    Without momentum `w -= lr * g`. With momentum `m = momentum * m - lr * g` and `w += m`, or
    with Nesterov `w += momentum * m - lr * g`. The velocity stores lr-scaled steps (unlike
    `torch.optim.SGD`), which is why the two differ when the learning rate changes.
    """
    if isinstance(lr, torch.Tensor):
        # `alpha=` only takes a Python number: scale the gradients first.
        grads, lr = _scaled(grads, lr), 1.0
    if not momentums:
        torch._foreach_add_(params, grads, alpha=-lr)
        return
    torch._foreach_mul_(momentums, momentum)
    torch._foreach_add_(momentums, grads, alpha=-lr)
    if nesterov:
        update = torch._foreach_mul(momentums, momentum)
        torch._foreach_add_(update, grads, alpha=-lr)
        torch._foreach_add_(params, update)
    else:
        torch._foreach_add_(params, momentums)


def adam_step_(params, grads, momentums, velocities, velocity_hats, lr, beta_1, beta_2,
               epsilon, step):
    """Keras Adam on lists, with "epsilon hat" added to the uncorrected `sqrt(v)`.

    `m += (g - m) * (1 - beta_1)`, `v += (g^2 - v) * (1 - beta_2)`,
    `alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)`, `w -= m * alpha / (sqrt(v) + epsilon)`;
    with AMSGrad `v_hat = max(v_hat, v)` replaces `v` in the last formula.

    Args:
        step: 0-d float tensor `t` (the 1-based step), on the variables' device and dtype.
    """
    alpha = torch.sqrt(1 - torch.pow(beta_2, step)) * lr / (1 - torch.pow(beta_1, step))
    # lerp computes `m + w * (g - m)`: exactly Keras's form of the moment updates.
    torch._foreach_lerp_(momentums, grads, 1 - beta_1)
    torch._foreach_lerp_(velocities, torch._foreach_mul(grads, grads), 1 - beta_2)
    if velocity_hats:
        torch._foreach_maximum_(velocity_hats, velocities)
        velocities = velocity_hats
    denominators = torch._foreach_sqrt(velocities)
    torch._foreach_add_(denominators, epsilon)
    updates = torch._foreach_mul(momentums, alpha)
    torch._foreach_div_(updates, denominators)
    torch._foreach_sub_(params, updates)


def rmsprop_step_(params, grads, velocities, momentums, average_grads, lr, rho, momentum,
                  epsilon):
    """Keras RMSprop on lists, epsilon inside the square root.

    `v = rho * v + (1 - rho) * g^2`; centered: `a = rho * a + (1 - rho) * g` and the
    denominator is `sqrt(v - a^2 + epsilon)`, else `sqrt(v + epsilon)`;
    `increment = lr * g / denominator`; with momentum `m = momentum * m + increment` and
    `w -= m`, else `w -= increment`.
    """
    torch._foreach_mul_(velocities, rho)
    torch._foreach_addcmul_(velocities, grads, grads, value=1 - rho)
    if average_grads:
        torch._foreach_mul_(average_grads, rho)
        torch._foreach_add_(average_grads, grads, alpha=1 - rho)
        denominators = torch._foreach_addcmul(velocities, average_grads, average_grads, value=-1)
        torch._foreach_add_(denominators, epsilon)
    else:
        denominators = torch._foreach_add(velocities, epsilon)
    torch._foreach_sqrt_(denominators)
    if isinstance(lr, torch.Tensor):
        # `value=` only takes a Python number: scale the gradients first.
        grads, lr = _scaled(grads, lr), 1.0
    if momentums:
        torch._foreach_mul_(momentums, momentum)
        torch._foreach_addcdiv_(momentums, grads, denominators, value=lr)
        torch._foreach_sub_(params, momentums)
    else:
        torch._foreach_addcdiv_(params, grads, denominators, value=-lr)
