"""Global switches of `keras.config`: flash attention, traceback filtering, debugging limits on
`fit`/`evaluate`/`predict`, and the backend.

`KERAS_MAX_EPOCHS` and `KERAS_MAX_STEPS_PER_EPOCH` in the environment set the limits at import,
as in Keras.
"""

import os
import warnings

# Keras's states: `None` (the default, "enabled unless a layer decides otherwise") or `False`.
_FLASH_ATTENTION = None
_TRACEBACK_FILTERING = True
_MAX_EPOCHS = int(os.environ["KERAS_MAX_EPOCHS"]) if "KERAS_MAX_EPOCHS" in os.environ else None
_MAX_STEPS_PER_EPOCH = (
    int(os.environ["KERAS_MAX_STEPS_PER_EPOCH"])
    if "KERAS_MAX_STEPS_PER_EPOCH" in os.environ
    else None
)


def enable_flash_attention():
    """Enable flash attention (the default).

    Supported layers such as `MultiHeadAttention` will attempt to use a fused attention kernel
    (`torch.nn.functional.scaled_dot_product_attention`); this does not guarantee it is used.
    """
    global _FLASH_ATTENTION
    # Keras stores `None` here, not `True`: "enabled" means "let the layer decide".
    _FLASH_ATTENTION = None


def disable_flash_attention():
    """Disable flash attention: supported layers will not use a fused attention kernel."""
    global _FLASH_ATTENTION
    _FLASH_ATTENTION = False


def is_flash_attention_enabled():
    """Checks whether flash attention is globally enabled.

    Returns:
        `False` if disabled; otherwise (`None`, the default) it is enabled.
    """
    return _FLASH_ATTENTION


def enable_traceback_filtering():
    """Turn on traceback filtering (the default).

    torchkeras keeps the setting for compatibility; its tracebacks are never filtered.
    """
    global _TRACEBACK_FILTERING
    _TRACEBACK_FILTERING = True


def disable_traceback_filtering():
    """Turn off traceback filtering.

    torchkeras keeps the setting for compatibility; its tracebacks are never filtered.
    """
    global _TRACEBACK_FILTERING
    _TRACEBACK_FILTERING = False


def is_traceback_filtering_enabled():
    """Check if traceback filtering is enabled.

    Returns:
        Boolean, `True` if traceback filtering is enabled, and `False` otherwise.
    """
    return _TRACEBACK_FILTERING


def is_nnx_enabled():
    """Checks whether NNX specific features are enabled for the JAX backend: always `False`."""
    return False


def set_max_epochs(max_epochs):
    """Limit the maximum number of epochs for any call to fit.

    This is purely for debugging, and can also be set via the `KERAS_MAX_EPOCHS` environment
    variable to quickly run a script without modifying its source.

    Args:
        max_epochs: The integer limit on the number of epochs or `None`. If `None`, no limit is
            applied.
    """
    global _MAX_EPOCHS
    _MAX_EPOCHS = max_epochs


def set_max_steps_per_epoch(max_steps_per_epoch):
    """Limit the maximum number of steps for any call to fit/evaluate/predict.

    This is purely for debugging, and can also be set via the `KERAS_MAX_STEPS_PER_EPOCH`
    environment variable to quickly run a script without modifying its source.

    Args:
        max_steps_per_epoch: The integer limit on the number of steps or `None`. If `None`, no
            limit is applied.
    """
    global _MAX_STEPS_PER_EPOCH
    _MAX_STEPS_PER_EPOCH = max_steps_per_epoch


def max_epochs():
    """Get the maximum number of epochs for any call to fit, or `None` if no limit is set."""
    return _MAX_EPOCHS


def max_steps_per_epoch():
    """Get the maximum number of steps for any call to fit/evaluate/predict, or `None`."""
    return _MAX_STEPS_PER_EPOCH


def limit_epochs(epochs):
    """`epochs`, capped by `max_epochs()` with Keras's warning."""
    if _MAX_EPOCHS and _MAX_EPOCHS < epochs:
        warnings.warn("Limiting epochs to %d" % _MAX_EPOCHS)
        return _MAX_EPOCHS
    return epochs


def limit_steps_per_epoch(steps_per_epoch):
    """`steps_per_epoch`, capped by `max_steps_per_epoch()` with Keras's warning."""
    if _MAX_STEPS_PER_EPOCH:
        if not steps_per_epoch or _MAX_STEPS_PER_EPOCH < steps_per_epoch:
            warnings.warn("Limiting steps_per_epoch to %d" % _MAX_STEPS_PER_EPOCH)
            return _MAX_STEPS_PER_EPOCH
    return steps_per_epoch


def set_backend(backend):
    """Select the backend. torchkeras runs on PyTorch only, so the one valid value is `"torch"`.

    Args:
        backend: The backend name; `"torch"`.
    """
    if backend != "torch":
        raise ValueError(
            "keras.config.set_backend(): torchkeras implements Keras on PyTorch only, so the "
            "backend cannot be changed. Expected 'torch'. "
            f"Received: backend={backend}"
        )
    os.environ["KERAS_BACKEND"] = "torch"
