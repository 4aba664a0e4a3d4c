"""`tf.compat.v1`: what TF 1-era scripts call first thing, on an eager-only runtime.

Settings (`logging.set_verbosity`, `set_random_seed`, `enable_eager_execution`) work; graph mode
(`disable_eager_execution`, `Session`, `placeholder`) is not provided and raises a clear
`NotImplementedError`. Other names are the TF 2 ones (`tf.compat.v1.reduce_sum` is `tf.reduce_sum`).
"""

import importlib
import logging as _logging
import types

_GRAPH_MODE = (
    "torchkeras.compat runs eagerly on torch; TF 1 graph mode (sessions, placeholders, "
    "`disable_eager_execution`) is not provided. Remove the graph-mode lines and call the model "
    "directly (Keras `fit`/`predict` work eagerly)."
)


def _graph_mode(name):
    def unsupported(*args, **kwargs):
        raise NotImplementedError(f"tf.compat.v1.{name}: {_GRAPH_MODE}")

    unsupported.__name__ = name
    return unsupported


disable_eager_execution = _graph_mode("disable_eager_execution")
disable_v2_behavior = _graph_mode("disable_v2_behavior")
Session = _graph_mode("Session")
InteractiveSession = _graph_mode("InteractiveSession")
placeholder = _graph_mode("placeholder")
get_default_graph = _graph_mode("get_default_graph")
global_variables_initializer = _graph_mode("global_variables_initializer")
variable_scope = _graph_mode("variable_scope")
get_variable = _graph_mode("get_variable")


def enable_eager_execution(config=None, device_policy=None, execution_mode=None):
    return None


def enable_v2_behavior():
    return None


def executing_eagerly():
    return True


def reset_default_graph():
    return None


def set_random_seed(seed):
    from torchkeras.compat.tensorflow import random

    random.set_seed(seed)


class _Options:
    """An attribute bag standing for `ConfigProto`/`GPUOptions` (settings have no effect)."""

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        value = _Options()
        setattr(self, name, value)
        return value


def ConfigProto(**kwargs):
    return _Options(**kwargs)


def GPUOptions(**kwargs):
    return _Options(**kwargs)


def _log_function(level):
    def log(msg, *args, **kwargs):
        _logging.getLogger("tensorflow").log(level, msg, *args, **kwargs)

    return log


logging = types.SimpleNamespace(
    DEBUG=_logging.DEBUG,
    INFO=_logging.INFO,
    WARN=_logging.WARNING,
    ERROR=_logging.ERROR,
    FATAL=_logging.FATAL,
    set_verbosity=lambda v: _logging.getLogger("tensorflow").setLevel(v),
    get_verbosity=lambda: _logging.getLogger("tensorflow").getEffectiveLevel(),
    debug=_log_function(_logging.DEBUG),
    info=_log_function(_logging.INFO),
    warn=_log_function(_logging.WARNING),
    warning=_log_function(_logging.WARNING),
    error=_log_function(_logging.ERROR),
    fatal=_log_function(_logging.FATAL),
    log=lambda level, msg, *a: _logging.getLogger("tensorflow").log(level, msg, *a),
    flush=lambda: None,
)


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    tf = importlib.import_module("torchkeras.compat.tensorflow")
    try:
        return getattr(tf, name)
    except NotImplementedError:
        raise NotImplementedError(
            f"tf.compat.v1.{name} is not provided by torchkeras.compat. Use the TF 2 / Keras "
            "equivalent, or see compat/DIFFERENCES.md."
        ) from None
