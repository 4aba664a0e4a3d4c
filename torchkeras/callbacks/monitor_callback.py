"""`MonitorCallback`: shared logic of callbacks that watch one metric (min/max mode, min_delta)."""

import operator
import warnings

import numpy as np

from torchkeras.backend.config import floatx
from torchkeras.backend.tensors import convert_to_numpy
from torchkeras.backend.tensors import is_tensor
from torchkeras.callbacks.callback import Callback


def _as_compared(value):
    """The value as Keras compares it: Python numbers become `floatx()` scalars (float32)."""
    if is_tensor(value):
        return convert_to_numpy(value)
    if isinstance(value, (int, float)):
        dtype = floatx() if floatx() in ("float16", "float32", "float64") else "float32"
        with np.errstate(over="ignore"):
            return np.asarray(value, dtype=dtype)
    return value


class MonitorCallback(Callback):
    """Base class for callbacks that monitor a quantity and evaluate improvements.

    Args:
        monitor: Quantity to be monitored. Defaults to `"val_loss"`.
        mode: One of `{"auto", "min", "max"}`. In `"min"` mode, the monitored quantity should
            decrease; in `"max"` mode it should increase; in `"auto"` mode, the direction is
            inferred from the name of the monitored quantity. Defaults to `"auto"`.
        baseline: Initial "best" value of the monitored quantity. If `None`, the first
            monitored value is used. Defaults to `None`.
        min_delta: Minimum change in the monitored quantity to qualify as an improvement.
            Defaults to `0`.

    Raises:
        ValueError: If `mode="auto"` and the direction of the metric cannot be inferred.
    """

    def __init__(self, monitor="val_loss", mode="auto", baseline=None, min_delta=0):
        super().__init__()
        if mode not in ["auto", "min", "max"]:
            warnings.warn(
                f"{self.__class__.__name__} mode '{mode}' is unknown, fallback to auto mode.",
                stacklevel=2,
            )
            mode = "auto"
        self.monitor = monitor
        self.mode = mode
        self.best = baseline
        self.min_delta = abs(min_delta)
        self.monitor_op = None

    def _set_monitor_op(self):
        if self.mode == "min":
            self.monitor_op = operator.lt
        elif self.mode == "max":
            self.monitor_op = operator.gt
        else:
            metric_name = self.monitor.removeprefix("val_")
            if metric_name == "loss":
                self.monitor_op = operator.lt
            for metric in self._compiled_metrics():
                if metric.name == metric_name and hasattr(metric, "_direction"):
                    self.monitor_op = operator.gt if metric._direction == "up" else operator.lt
            if self.monitor_op is None:
                raise ValueError(
                    f"{self.__class__.__name__} callback received "
                    f"monitor={self.monitor}, but Keras isn't able to "
                    "automatically determine whether that metric should be "
                    "maximized or minimized. Pass `mode='max'` in order to "
                    "monitor based on the highest metric value, or pass "
                    "`mode='min'` in order to use the lowest value."
                )
        if self.monitor_op is operator.lt:
            self.min_delta *= -1

    def _compiled_metrics(self):
        """The metrics given to `compile()`: those inside the model's metric containers."""
        found = []
        for entry in getattr(self.model, "metrics", None) or ():
            # Keras looks only inside its compile-time containers (`CompileMetrics`), which
            # expose the metric objects as `.metrics`; plain metrics like the loss tracker are
            # skipped.
            inner = getattr(entry, "metrics", None)
            if isinstance(inner, (list, tuple)):
                found.extend(inner)
        return found

    def _is_improvement(self, monitor_value, reference_value):
        if reference_value is None:
            return True
        # Keras compares with `ops.less/greater`, i.e. in float32 for Python floats: match it so
        # differences below float32 resolution are not counted as improvements.
        return bool(
            self.monitor_op(
                _as_compared(monitor_value - self.min_delta), _as_compared(reference_value)
            )
        )
