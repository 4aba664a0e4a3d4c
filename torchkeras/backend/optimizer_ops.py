"""Multi-tensor kernels for the optimizers' hot path.

Every function here updates a whole list of tensors with `torch._foreach_*` ops, a handful of
kernel launches per step instead of a handful per variable. Each one computes the formula the
matching Keras optimizer writes per variable (see `update_step` in `torchkeras/optimizers/`, the
readable reference the tests compare against). Step-dependent scalars (a scheduled learning rate,
Adam's bias correction) stay 0-d tensors on the device, so nothing here waits on the host.

A learning rate `lr` is either a Python float or a 0-d tensor; `_foreach_*` ops take tensors
wherever they take a scalar, except for the fused `alpha=` of `_foreach_add_`.
"""

import math
import struct

import torch
from torch.utils._foreach_utils import _get_fused_kernels_supported_devices
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


def all_finite(tensors):
    """Whether every element of every tensor is finite, as a Python bool.

    One pass over the data (the max-abs norm is inf or NaN exactly when a value is), then one
    host sync for the answer: the price of skipping a step, as in `torch.amp.GradScaler`.
    """
    norms = torch._foreach_norm(tensors, math.inf)
    device = norms[0].device
    return bool(torch.isfinite(torch.stack([n.to(device) for n in norms])).all())


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
    if not isinstance(lr, torch.Tensor):
        # One pass: `w + (-weight_decay * lr) * w`.
        torch._foreach_add_(params, params, alpha=-(weight_decay * lr))
        return
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
    dampening = _fused_sgd_dampening(params, grads, lr) if momentums and not nesterov else None
    if dampening is not None:
        # torch's fused SGD keeps `buf = momentum * buf + (1 - dampening) * g` and does
        # `w -= lr' * buf`: with `dampening = 1 + lr` and `lr' = -1` that is Keras's velocity,
        # in one pass over memory.
        torch._fused_sgd_(
            params, grads, momentums, weight_decay=0.0, momentum=momentum, lr=-1.0,
            dampening=dampening, nesterov=False, maximize=False, is_first_step=False,
        )
        return
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


def _fused_supported(params, grads):
    p = params[0]
    return (
        p.is_floating_point()
        and p.device.type in _FUSED_DEVICES
        and grads[0].dtype == p.dtype
        and grads[0].device == p.device
    )


_FUSED_DEVICES = frozenset(_get_fused_kernels_supported_devices())


def _float32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def _fused_sgd_dampening(params, grads, lr):
    """The `dampening` that makes torch's fused SGD compute Keras's velocity (`1 + lr`), or
    `None` where the fused kernel cannot be used: a tensor rate, torch.compile, a device
    without the kernel, or a rate so small that `1 - (1 + lr)` no longer rounds to `-lr` in
    float32."""
    if isinstance(lr, torch.Tensor) or torch.compiler.is_compiling():
        return None
    if params[0].dtype != torch.float32 or not _fused_supported(params, grads):
        return None
    dampening = 1.0 + lr
    return dampening if _float32(1.0 - dampening) == _float32(-lr) else None


def adam_step_(params, grads, momentums, velocities, velocity_hats, lr, beta_1, beta_2,
               epsilon, step, step_host=None):
    """Keras Adam on lists, with "epsilon hat" added to the uncorrected `sqrt(v)`.

    `m += (g - m) * (1 - beta_1)`, `v += (g^2 - v) * (1 - beta_2)`,
    `alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)`, `w -= m * alpha / (sqrt(v) + epsilon)`;
    with AMSGrad `v_hat = max(v_hat, v)` replaces `v` in the last formula.

    When `step_host` (the same `t` as a Python int) is given and the device has torch's fused
    Adam kernel, the update runs in that single pass over memory. The kernel computes
    `w -= lr' / bc1 * m / (sqrt(v) / sqrt(bc2) + eps')` with double-precision corrections `bc1`,
    `bc2`; `lr' = alpha * bc1 / sqrt(bc2)` and `eps' = epsilon / sqrt(bc2)` turn it into the Keras
    formula above, with Keras's float32 `alpha` (the results agree to an ulp).

    Args:
        step: 0-d float tensor `t` (the 1-based step), on the variables' device and dtype.
        step_host: `t` as a Python int, or `None` to use the multi-tensor kernels.
    """
    alpha = torch.sqrt(1 - torch.pow(beta_2, step)) * lr / (1 - torch.pow(beta_1, step))
    # Under torch.compile the multi-tensor form below is traced instead (inductor fuses it).
    fused = step_host is not None and not torch.compiler.is_compiling()
    if fused and _fused_supported(params, grads):
        bias_correction_1 = 1 - beta_1**step_host
        bias_correction_2 = 1 - beta_2**step_host
        if bias_correction_1 != 0 and bias_correction_2 > 0:
            root = math.sqrt(bias_correction_2)
            # The kernel keeps float32 step counts (and, here, rates) for half-precision
            # parameters too.
            steps = [step if step.dtype == torch.float32 else step.float()] * len(params)
            alpha = alpha.to(torch.promote_types(alpha.dtype, torch.float32))
            torch._fused_adam_(
                params, grads, momentums, velocities, velocity_hats or [],
                steps, lr=alpha * (bias_correction_1 / root), beta1=beta_1,
                beta2=beta_2, weight_decay=0.0, eps=epsilon / root,
                amsgrad=bool(velocity_hats), maximize=False,
            )
            return
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


def adamax_step_(params, grads, momentums, norms, lr, beta_1, beta_2, epsilon, beta_1_power):
    """Keras Adamax on lists: `m += (g - m) * (1 - beta_1)`, `u = max(beta_2 * u, |g|)`,
    `w -= lr * m / ((1 - beta_1^t) * (u + epsilon))`.

    Args:
        beta_1_power: 0-d tensor `beta_1^t`.
    """
    torch._foreach_lerp_(momentums, grads, 1 - beta_1)
    torch._foreach_mul_(norms, beta_2)
    torch._foreach_maximum_(norms, torch._foreach_abs(grads))
    denominators = torch._foreach_add(norms, epsilon)
    torch._foreach_mul_(denominators, 1 - beta_1_power)
    updates = torch._foreach_mul(momentums, lr)
    torch._foreach_div_(updates, denominators)
    torch._foreach_sub_(params, updates)


def adagrad_step_(params, grads, accumulators, lr, epsilon):
    """Keras Adagrad on lists, epsilon inside the square root: `acc += g^2`,
    `w -= lr * g / sqrt(acc + epsilon)`."""
    torch._foreach_add_(accumulators, torch._foreach_mul(grads, grads))
    denominators = torch._foreach_add(accumulators, epsilon)
    torch._foreach_sqrt_(denominators)
    updates = torch._foreach_mul(grads, lr)
    torch._foreach_div_(updates, denominators)
    torch._foreach_sub_(params, updates)


def adadelta_step_(params, grads, accumulated_grads, accumulated_deltas, lr, rho, epsilon):
    """Keras Adadelta on lists.

    `a_g = rho * a_g + (1 - rho) * g^2`,
    `delta = -sqrt(a_d + epsilon) * g / sqrt(a_g + epsilon)`,
    `a_d = rho * a_d + (1 - rho) * delta^2`, `w += lr * delta`.
    """
    squares = torch._foreach_mul(grads, grads)
    torch._foreach_mul_(squares, 1 - rho)
    torch._foreach_mul_(accumulated_grads, rho)
    torch._foreach_add_(accumulated_grads, squares)
    # `steps` is -delta: negating is exact, so `w - lr * steps` is Keras's `w + lr * delta`.
    steps = torch._foreach_add(accumulated_deltas, epsilon)
    torch._foreach_sqrt_(steps)
    torch._foreach_mul_(steps, grads)
    denominators = torch._foreach_add(accumulated_grads, epsilon)
    torch._foreach_sqrt_(denominators)
    torch._foreach_div_(steps, denominators)
    squares = torch._foreach_mul(steps, steps)
    torch._foreach_mul_(squares, 1 - rho)
    torch._foreach_mul_(accumulated_deltas, rho)
    torch._foreach_add_(accumulated_deltas, squares)
    torch._foreach_mul_(steps, lr)
    torch._foreach_sub_(params, steps)


def lion_step_(params, grads, momentums, lr, beta_1, beta_2):
    """Keras Lion on lists: `w -= lr * sign(beta_1 * m + (1 - beta_1) * g)`, then
    `m = beta_2 * m + (1 - beta_2) * g`.

    Args:
        beta_1, beta_2: Python floats already rounded to the variables' dtype (Keras casts them
            before computing `1 - beta`).
    """
    directions = torch._foreach_mul(momentums, beta_1)
    torch._foreach_add_(directions, torch._foreach_mul(grads, 1.0 - beta_1))
    torch._foreach_sign_(directions)
    if isinstance(lr, torch.Tensor):
        torch._foreach_mul_(directions, lr)
        torch._foreach_sub_(params, directions)
    else:
        torch._foreach_add_(params, directions, alpha=-lr)  # lr * sign is exact
    torch._foreach_mul_(momentums, beta_2)
    torch._foreach_add_(momentums, torch._foreach_mul(grads, 1.0 - beta_2))


def nadam_step_(params, grads, momentums, velocities, lr, one_minus_beta_1, one_minus_beta_2,
                epsilon, momentum_scale, gradient_scale, one_minus_beta_2_power):
    """Keras Nadam on lists.

    `m += (g - m) * (1 - beta_1)`, `v += (g^2 - v) * (1 - beta_2)`,
    `m_hat = u_{t+1} * m / (1 - prod u_{..t+1}) + (1 - u_t) * g / (1 - prod u_{..t})`,
    `w -= m_hat * lr / (sqrt(v / (1 - beta_2^t)) + epsilon)`.

    Args:
        momentum_scale: 0-d tensors `(u_{t+1}, 1 - prod u_{..t+1})`.
        gradient_scale: 0-d tensors `(1 - u_t, 1 - prod u_{..t})`.
        one_minus_beta_2_power: 0-d tensor `1 - beta_2^t`.
    """
    torch._foreach_lerp_(momentums, grads, one_minus_beta_1)
    torch._foreach_lerp_(velocities, torch._foreach_mul(grads, grads), one_minus_beta_2)
    m_hat = torch._foreach_mul(momentums, momentum_scale[0])
    torch._foreach_div_(m_hat, momentum_scale[1])
    g_term = torch._foreach_mul(grads, gradient_scale[0])
    torch._foreach_div_(g_term, gradient_scale[1])
    torch._foreach_add_(m_hat, g_term)
    denominators = torch._foreach_div(velocities, one_minus_beta_2_power)
    torch._foreach_sqrt_(denominators)
    torch._foreach_add_(denominators, epsilon)
    torch._foreach_mul_(m_hat, lr)
    torch._foreach_div_(m_hat, denominators)
    torch._foreach_sub_(params, m_hat)


def lamb_step_(params, grads, momentums, velocities, lr, beta_1, beta_2, epsilon,
               one_minus_beta_1_power, one_minus_beta_2_power):
    """Keras Lamb on lists: Adam's moments, `update = m_hat / (sqrt(v_hat) + epsilon)`, then
    `w -= ratio * lr * update` with the trust ratio `||w|| / ||update||` (1 when a norm is 0).
    """
    torch._foreach_lerp_(momentums, grads, 1 - beta_1)
    torch._foreach_lerp_(velocities, torch._foreach_mul(grads, grads), 1 - beta_2)
    updates = torch._foreach_div(momentums, one_minus_beta_1_power)
    denominators = torch._foreach_div(velocities, one_minus_beta_2_power)
    torch._foreach_sqrt_(denominators)
    torch._foreach_add_(denominators, epsilon)
    torch._foreach_div_(updates, denominators)
    # One trust ratio per variable, all computed at once on the device.
    weight_norms = torch.stack(torch._foreach_norm(params))
    update_norms = torch.stack(torch._foreach_norm(updates))
    one = torch.ones_like(weight_norms)
    ratios = torch.where(
        weight_norms > 0, torch.where(update_norms > 0, weight_norms / update_norms, one), one
    )
    torch._foreach_mul_(updates, list((ratios * lr).unbind()))
    torch._foreach_sub_(params, updates)


def ftrl_step_(params, grads, accumulators, linears, lr, learning_rate_power, l1, two_l2_reg,
               two_l2_shrinkage):
    """Keras FTRL on lists.

    `n' = n + g^2`, `z += g + 2 * l2_shrinkage * w - (n'^-p - n^-p) / lr * w`,
    `w = (clip(z, -l1, l1) - z) / (n'^-p / lr + 2 * l2_reg)`, `n = n'`.

    Args:
        lr: 0-d tensor of the variables' dtype.
        two_l2_reg: 0-d tensor `2 * (l2 + beta / (2 * lr))`.
    """
    grads_to_use = torch._foreach_mul(params, two_l2_shrinkage)
    torch._foreach_add_(grads_to_use, grads)
    new_accumulators = torch._foreach_mul(grads, grads)
    torch._foreach_add_(new_accumulators, accumulators)
    new_powers = torch._foreach_pow(new_accumulators, -learning_rate_power)
    sigmas = torch._foreach_sub(new_powers, torch._foreach_pow(accumulators, -learning_rate_power))
    torch._foreach_div_(sigmas, lr)
    torch._foreach_mul_(sigmas, params)
    torch._foreach_sub_(grads_to_use, sigmas)
    torch._foreach_add_(linears, grads_to_use)
    quadratics = torch._foreach_div(new_powers, lr)
    torch._foreach_add_(quadratics, two_l2_reg)
    values = torch._foreach_clamp_min(linears, -l1)
    torch._foreach_clamp_max_(values, l1)
    torch._foreach_sub_(values, linears)
    torch._foreach_div_(values, quadratics)
    torch._foreach_copy_(params, values)
    torch._foreach_copy_(accumulators, new_accumulators)


def schedule_free_adamw_step_(params, grads, iterates, velocities, lr, weight, beta_1,
                              one_minus_beta_2, epsilon, bias_correction_2):
    """Keras ScheduleFreeAdamW on lists (`iterates` is the `z` slot, `params` are `y`).

    `v += (g^2 - v) * (1 - beta_2)`, `z -= lr * g / (sqrt(v / bc2) + epsilon)`,
    `x = (y - (1 - beta_1) * z) / beta_1`, `x = (1 - weight) * x + weight * z`,
    `y = (1 - beta_1) * z + beta_1 * x`.

    Args:
        lr, weight, beta_1, bias_correction_2: 0-d tensors (`weight` is `1 / t`).
    """
    torch._foreach_lerp_(velocities, torch._foreach_mul(grads, grads), one_minus_beta_2)
    denominators = torch._foreach_div(velocities, bias_correction_2)
    torch._foreach_sqrt_(denominators)
    torch._foreach_add_(denominators, epsilon)
    steps = torch._foreach_mul(grads, lr)
    torch._foreach_div_(steps, denominators)
    torch._foreach_sub_(iterates, steps)
    one_minus_beta_1 = 1 - beta_1
    scaled_iterates = torch._foreach_mul(iterates, one_minus_beta_1)
    averages = torch._foreach_sub(params, scaled_iterates)
    torch._foreach_div_(averages, beta_1)
    torch._foreach_mul_(averages, 1 - weight)
    torch._foreach_add_(averages, torch._foreach_mul(iterates, weight))
    torch._foreach_mul_(averages, beta_1)
    torch._foreach_add_(averages, scaled_iterates)
    torch._foreach_copy_(params, averages)
