"""`tf.clip_by_norm` and `tf.clip_by_global_norm` (gradient clipping in custom loops)."""

import torch

from torchkeras.compat.tensorflow._convert import to_tensor as _t
from torchkeras.compat.tensorflow.linalg import global_norm


def clip_by_norm(t, clip_norm, axes=None, name=None):
    """Scale `t` so its L2 norm (over `axes`, all when `None`) is at most `clip_norm`."""
    t = _t(t)
    dims = tuple(range(t.dim())) if axes is None else (
        (int(axes),) if isinstance(axes, int) else tuple(int(a) for a in axes))
    l2sum = torch.sum(t * t, dim=dims, keepdim=True)
    positive = l2sum > 0
    # TF's formulation: safe where the norm is zero, exact `t` where it is below `clip_norm`.
    l2norm = torch.where(positive, torch.sqrt(torch.where(positive, l2sum, 1.0)), l2sum)
    clip = _t(clip_norm, t.dtype)
    return t * clip / torch.maximum(l2norm, clip)


def clip_by_global_norm(t_list, clip_norm, use_norm=None, name=None):
    """Scale every tensor by `clip_norm / max(global_norm, clip_norm)`; returns `(list, norm)`."""
    if isinstance(t_list, torch.Tensor) or not hasattr(t_list, "__iter__"):
        raise TypeError(f"`t_list` should be a sequence of tensors. Received {type(t_list)}.")
    t_list = list(t_list)
    norm = global_norm(t_list) if use_norm is None else _t(use_norm)
    clip = _t(clip_norm, norm.dtype)
    # A non-finite norm makes every value NaN, as in TF.
    scale = clip * torch.minimum(1.0 / norm, 1.0 / clip)
    scale = torch.where(torch.isfinite(norm), scale, torch.full_like(scale, float("nan")))
    clipped = [None if t is None else _t(t) * scale.to(_t(t).dtype) for t in t_list]
    return clipped, norm


__all__ = ["clip_by_global_norm", "clip_by_norm"]
