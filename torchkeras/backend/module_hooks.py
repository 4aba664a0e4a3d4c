"""Whether a module has torch forward/backward hooks, so `Layer.__call__` can skip torch's hook
dispatch when there are none (the same check `nn.Module._call_impl` makes)."""

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
