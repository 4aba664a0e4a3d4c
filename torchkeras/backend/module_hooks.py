"""Skipping torch's hook dispatch when nothing is hooked: module calls (the same check
`nn.Module._call_impl` makes) and optimizer steps."""

from torch.nn.modules import module as torch_module


def has_call_hooks(module):
    return bool(
        module._forward_hooks
        or module._forward_pre_hooks
        or module._backward_hooks
        or module._backward_pre_hooks
        or torch_module._global_forward_hooks
        or torch_module._global_forward_pre_hooks
        or torch_module._global_backward_hooks
        or torch_module._global_backward_pre_hooks
    )


def optimizer_step_function(optimizer):
    """The optimizer's `step` without torch's profiling/hook wrapper when nothing listens to it
    (no step hooks, no profiler), else the wrapped `step`."""
    from torch.autograd import profiler
    from torch.optim import optimizer as torch_optimizer

    step = type(optimizer).step
    raw = getattr(step, "__wrapped__", None)
    if (
        raw is None
        or optimizer._optimizer_step_pre_hooks
        or optimizer._optimizer_step_post_hooks
        or torch_optimizer._global_optimizer_pre_hooks
        or torch_optimizer._global_optimizer_post_hooks
        or profiler._is_profiler_enabled
    ):
        return optimizer.step
    return raw.__get__(optimizer)


def clear_grads(params):
    """`zero_grad(set_to_none=True)` over a fixed list of parameters."""
    for p in params:
        p.grad = None
